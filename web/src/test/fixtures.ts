import type { ListingCardFieldsFragment, ListingDetailFieldsFragment } from '@/gql/graphql';

export const categoryFixture = {
  __typename: 'Category' as const,
  id: 'cat-sepeda',
  slug: 'sepeda',
  name: 'Sepeda',
  nameEn: 'Bicycles',
  basePoints: 100,
  seasonalMultiplier: 1,
};

export const categoryFixture2 = {
  __typename: 'Category' as const,
  id: 'cat-kamera',
  slug: 'kamera',
  name: 'Kamera',
  nameEn: 'Cameras',
  basePoints: 400,
  seasonalMultiplier: 1.1,
};

export const barterConfigFixture = {
  __typename: 'BarterConfig' as const,
  weights: { __typename: 'ValuationWeights' as const, utility: 0.35, scarcity: 0.25, durability: 0.25, portability: 0.15 },
  conditionMultipliers: (
    [
      ['NEW', 1],
      ['LIKE_NEW', 0.9],
      ['GOOD', 0.75],
      ['FAIR', 0.55],
      ['POOR', 0.35],
    ] as const
  ).map(([condition, multiplier]) => ({ __typename: 'ConditionMultiplier' as const, condition, multiplier })),
  balanceTolerance: 0.1,
};

export function cardFixture(overrides: Partial<ListingCardFieldsFragment> = {}): ListingCardFieldsFragment {
  return ({
    __typename: 'Listing',
    id: 'l1',
    kind: 'SALE',
    status: 'ACTIVE',
    title: 'Sepeda lipat 20 inci',
    condition: 'GOOD',
    price: 1250000,
    hourlyRate: null,
    points: null,
    stock: 1,
    createdAt: '2025-11-20T20:30:00.000Z',
    city: { __typename: 'City', code: '3273', name: 'Kota Bandung' },
    category: { __typename: 'Category', id: 'cat-sepeda', name: 'Sepeda', nameEn: 'Bicycles' },
    thumbnail: { __typename: 'Photo', id: 'p1', url: '/media/p1.webp', thumbnailUrl: '/media/p1-thumb.webp', width: 800, height: 600 },
    ...overrides,
  }) as ListingCardFieldsFragment;
}

export function detailFixture(overrides: Partial<ListingDetailFieldsFragment> = {}): ListingDetailFieldsFragment {
  return {
    ...cardFixture(),
    kind: 'BARTER',
    price: null,
    points: 80,
    description: 'Sepeda lipat, jarang dipakai, ban baru.',
    updatedAt: '2025-11-20T20:30:00.000Z',
    weightGrams: null,
    lengthCm: null,
    widthCm: null,
    heightCm: null,
    brand: null,
    model: null,
    category: { ...categoryFixture },
    city: { __typename: 'City', code: '3273', name: 'Kota Bandung', province: 'Jawa Barat' },
    photos: [
      { __typename: 'Photo', id: 'p1', url: '/media/p1.webp', thumbnailUrl: '/media/p1-thumb.webp', width: 800, height: 600 },
      { __typename: 'Photo', id: 'p2', url: '/media/p2.webp', thumbnailUrl: '/media/p2-thumb.webp', width: 800, height: 600 },
    ],
    valuation: { __typename: 'BarterValuation', utility: 4, scarcity: 3, durability: 3, portability: 2 },
    pointsBreakdown: {
      __typename: 'PointsBreakdown',
      basePoints: 100,
      weights: { __typename: 'ValuationWeights', utility: 0.35, scarcity: 0.25, durability: 0.25, portability: 0.15 },
      score: 3.2 / 3,
      conditionMultiplier: 0.75,
      seasonalMultiplier: 1,
      raw: 80,
      points: 80,
    },
    seller: { __typename: 'User', id: 'u1', displayName: 'Siti Aminah', createdAt: '2025-01-05T03:00:00.000Z', city: { __typename: 'City', code: '3273', name: 'Kota Bandung' } },
    ...overrides,
  } as ListingDetailFieldsFragment;
}

// ---- barter and chat

export const userA = { __typename: 'User' as const, id: 'u1', displayName: 'Siti Aminah' };
export const userB = { __typename: 'User' as const, id: 'u2', displayName: 'Budi Santoso' };

export function messageFixture(overrides: Record<string, unknown> = {}) {
  return {
    __typename: 'Message' as const,
    id: 'm1',
    conversationId: 'c1',
    kind: 'TEXT' as const,
    createdAt: '2026-11-21T03:00:00.000Z',
    text: 'Halo',
    systemEvent: null,
    sender: userB,
    photo: null,
    listing: null,
    ...overrides,
  };
}

export function participantFixture(user: typeof userA, lastReadAt: string | null, role = 'BUYER') {
  return { __typename: 'ConversationParticipantView' as const, role, lastReadAt, user };
}

export function conversationFixture(messages: ReturnType<typeof messageFixture>[], participants = [participantFixture(userA, null), participantFixture(userB, null, 'SELLER')]) {
  return {
    __typename: 'Conversation' as const,
    id: 'c1',
    kind: 'BARTER' as const,
    title: 'Sepeda lipat',
    participants,
    messages: {
      __typename: 'MessageConnection' as const,
      edges: [...messages].reverse().map((node) => ({ __typename: 'MessageEdge' as const, cursor: `cur-${node.id}`, node })),
      pageInfo: { __typename: 'MessagePageInfo' as const, endCursor: messages.length ? `cur-${messages[0].id}` : null, hasNextPage: false },
    },
  };
}

// ---- rekber (escrow)

export function proofFixture(overrides: Record<string, unknown> = {}) {
  return { __typename: 'Photo' as const, id: 'ph1', url: '/media/ph1.webp', thumbnailUrl: '/media/ph1-thumb.webp', width: 1200, height: 900, ...overrides };
}

export function escrowPaymentFixture(overrides: Record<string, unknown> = {}) {
  return {
    __typename: 'Payment' as const,
    id: 'abcdef12-0000',
    provider: 'MANUAL_TRANSFER',
    amount: 260_000,
    status: 'PENDING',
    redirectUrl: null,
    createdAt: '2026-11-21T03:00:00.000Z',
    paidAt: null,
    proof: null as ReturnType<typeof proofFixture> | null,
    ...overrides,
  };
}

/** A room as EscrowRoomDetailFields (userA is the buyer, userB the seller). */
export function escrowRoomFixture(overrides: Record<string, unknown> = {}) {
  return {
    __typename: 'EscrowRoom' as const,
    id: 'r1',
    title: 'Kamera mirrorless',
    status: 'AWAITING_PAYMENT',
    amount: 250_000,
    fee: 10_000,
    total: 260_000,
    myRole: 'BUYER' as string | null,
    createdAt: '2026-11-21T03:00:00.000Z',
    updatedAt: '2026-11-21T03:00:00.000Z',
    buyer: userA as typeof userA | null,
    seller: userB as typeof userB | null,
    description: 'Lensa kit.',
    feeScheduleVersion: 1,
    inviteCode: 'INV123' as string | null,
    inspectionEndsAt: null as string | null,
    fundedAt: null,
    shippedAt: null,
    releasedAt: null as string | null,
    closedAt: null,
    conversation: { __typename: 'Conversation' as const, id: 'c1' },
    payment: null as ReturnType<typeof escrowPaymentFixture> | null,
    shipment: null,
    dispute: null,
    timeline: [{ __typename: 'Message' as const, id: 'm1', kind: 'SYSTEM', systemEvent: 'ESCROW_CREATED', createdAt: '2026-11-21T03:00:00.000Z' }],
    ...overrides,
  };
}

/** A store as StoreProfileFields (myStores); userA owns it. */
export function storeFixture(overrides: Record<string, unknown> = {}) {
  return {
    __typename: 'Store' as const,
    id: 's1',
    slug: 'harmoni-bandung',
    name: 'Harmoni Bandung',
    address: 'Jl. Braga No. 12, Sumur Bandung',
    phone: '0227201234',
    hours: 'Senin–Sabtu 10.00–20.00',
    color: '#b91c1c',
    logo: null as { __typename: 'Photo'; id: string; url: string; thumbnailUrl: string } | null,
    city: { __typename: 'City' as const, code: '32.73', name: 'Kota Bandung', province: 'Jawa Barat' },
    owner: { ...userA },
    ...overrides,
  };
}

/** A store product as StoreProductFields (OwnerProductFields with `supplier`). */
export function storeProductFixture(overrides: Record<string, unknown> = {}) {
  return {
    __typename: 'Listing' as const,
    id: 'l1',
    title: 'Gitar akustik',
    kind: 'SALE' as const,
    status: 'ACTIVE' as const,
    price: 150_000,
    stock: 5,
    lowStockThreshold: null as number | null,
    featured: false,
    weightGrams: 2000,
    thumbnail: null,
    store: null as { __typename: 'Store'; id: string; slug: string; name: string } | null,
    ...overrides,
  };
}

/** An order as OrderFields: userB buys from storeFixture (userA's). */
export function orderFixture(overrides: Record<string, unknown> = {}) {
  return {
    __typename: 'Order' as const,
    id: 'o1',
    number: 'PSR-20261121-7F3K2Q',
    status: 'PAID',
    subtotal: 300_000,
    shippingCost: 25_000,
    total: 325_000,
    chargeableKg: 2,
    distanceKm: 120,
    expiresAt: new Date(Date.now() + 20 * 60_000).toISOString(),
    createdAt: '2026-11-21T03:00:00.000Z',
    paidAt: '2026-11-21T03:10:00.000Z',
    shippedAt: null,
    deliveredAt: null as string | null,
    confirmBy: null as string | null,
    deliveredBy: null as string | null,
    updatedAt: '2026-11-21T03:10:00.000Z',
    trackingNumber: null,
    buyer: { ...userB },
    items: [{ __typename: 'OrderItem' as const, id: 'oi1', title: 'Gitar akustik', quantity: 2, unitPrice: 150_000, listing: { __typename: 'Listing' as const, id: 'l1' } }],
    store: { __typename: 'Store' as const, id: 's1', slug: 'harmoni-bandung', name: 'Harmoni Bandung', phone: '0227201234' },
    shippingService: { __typename: 'ShippingService' as const, id: 'sv1', code: 'JNE-REG', name: 'JNE Reguler', courier: 'JNE', eta: '2–3 hari' },
    destination: { __typename: 'City' as const, code: '31.71', name: 'Kota Jakarta Pusat' },
    ...overrides,
  };
}
