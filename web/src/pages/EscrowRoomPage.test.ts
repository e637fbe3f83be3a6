import { describe, expect, it } from 'vitest';
import { EscrowRoomDocument } from '@/composables/useEscrow';
import { useSessionStore } from '@/stores/session';
import { userA, userB } from '@/test/fixtures';
import { createLiveApollo } from '@/test/liveApollo';
import { authPayload, mountWithApp, settle } from '@/test/mountWithApp';
import EscrowRoomPage from './EscrowRoomPage.vue';

// userA (u1) is the logged-in member
function roomFixture(overrides: Record<string, unknown> = {}) {
  return {
    __typename: 'EscrowRoom' as const,
    id: 'r1',
    title: 'Kamera mirrorless',
    status: 'AWAITING_PAYMENT',
    amount: 250_000,
    fee: 10_000,
    total: 260_000,
    myRole: 'BUYER',
    createdAt: '2026-11-21T03:00:00.000Z',
    updatedAt: '2026-11-21T03:00:00.000Z',
    buyer: userA,
    seller: userB,
    description: 'Lensa kit.',
    feeScheduleVersion: 1,
    inviteCode: 'INV123',
    inspectionEndsAt: null,
    fundedAt: null,
    shippedAt: null,
    releasedAt: null,
    closedAt: null,
    conversation: { __typename: 'Conversation' as const, id: 'c1' },
    payment: null,
    shipment: null,
    dispute: null,
    timeline: [{ __typename: 'Message' as const, id: 'm1', kind: 'SYSTEM', systemEvent: 'ESCROW_CREATED', createdAt: '2026-11-21T03:00:00.000Z' }],
    ...overrides,
  };
}

async function mountRoom(room: ReturnType<typeof roomFixture>) {
  const live = createLiveApollo([{ request: { query: EscrowRoomDocument, variables: { id: 'r1' } }, result: { data: { escrowRoom: room } } }]);
  const { wrapper } = await mountWithApp(EscrowRoomPage, { client: live.client, route: '/rekber/r1', before: () => useSessionStore().login(authPayload()) });
  await settle(5);
  return { wrapper, live };
}
const has = (w: Awaited<ReturnType<typeof mountRoom>>['wrapper'], id: string) => w.find(`[data-testid="${id}"]`).exists();

describe('EscrowRoomPage', () => {
  it('shows the total in the header and only the invite while the seller is missing', async () => {
    const { wrapper } = await mountRoom(roomFixture({ seller: null }));
    expect(wrapper.get('[data-testid="escrow-total"]').text()).toBe('Rp 260.000');
    expect(wrapper.get('[data-testid="escrow-status"]').attributes('data-status')).toBe('AWAITING_PAYMENT');
    expect(wrapper.get('[data-testid="escrow-invite-link"]').attributes('href')).toMatch(/\/rekber\/join\/INV123$/);
    expect(has(wrapper, 'escrow-pay')).toBe(false);
    expect(has(wrapper, 'escrow-cancel')).toBe(true);
    expect(wrapper.get('[data-testid="escrow-timeline"]').text()).toContain('Room rekber dibuat');
  });

  it('lets the buyer pay once the seller joined; the seller only waits', async () => {
    const buyer = await mountRoom(roomFixture());
    expect(has(buyer.wrapper, 'escrow-pay')).toBe(true);
    expect(has(buyer.wrapper, 'escrow-invite-link')).toBe(false);
    expect(has(buyer.wrapper, 'escrow-ship-submit')).toBe(false);
    const seller = await mountRoom(roomFixture({ myRole: 'SELLER' }));
    expect(has(seller.wrapper, 'escrow-pay')).toBe(false);
    expect(seller.wrapper.text()).toContain('Menunggu pembeli membayar Rp 260.000');
  });

  it('shows the manual transfer instructions and the proof input for a pending payment', async () => {
    const payment = { __typename: 'Payment' as const, id: 'abcdef12-0000', provider: 'MANUAL_TRANSFER', amount: 260_000, status: 'PENDING', redirectUrl: null, createdAt: '2026-11-21T03:00:00.000Z', paidAt: null };
    const { wrapper } = await mountRoom(roomFixture({ payment }));
    expect(wrapper.get('[data-testid="escrow-pay-amount"]').text()).toBe('Rp 260.000');
    expect(wrapper.text()).toContain('Transfer tepat Rp 260.000');
    expect(wrapper.get('[data-testid="escrow-proof-input"]').attributes('type')).toBe('file');
  });

  it('seller & FUNDED → ship form; buyer & SHIPPED → confirm receipt with the deadline; live to RELEASED', async () => {
    const seller = await mountRoom(roomFixture({ myRole: 'SELLER', status: 'FUNDED' }));
    expect(has(seller.wrapper, 'escrow-ship-courier')).toBe(true);
    expect(has(seller.wrapper, 'escrow-dispute-open')).toBe(true);
    expect(has(seller.wrapper, 'escrow-cancel')).toBe(false);

    const shipped = roomFixture({ status: 'SHIPPED', inspectionEndsAt: '2026-11-24T03:00:00.000Z' });
    const { wrapper, live } = await mountRoom(shipped);
    expect(has(wrapper, 'escrow-receive')).toBe(true);
    expect(has(wrapper, 'escrow-inspection')).toBe(true);
    expect(has(wrapper, 'escrow-ship-courier')).toBe(false);

    live.emit('EscrowRoomUpdated', { escrowRoomUpdated: { ...shipped, status: 'RELEASED', releasedAt: '2026-11-22T03:00:00.000Z' } });
    await settle();
    expect(wrapper.get('[data-testid="escrow-status"]').attributes('data-status')).toBe('RELEASED');
    expect(has(wrapper, 'escrow-receive')).toBe(false);
    expect(has(wrapper, 'escrow-released')).toBe(true);
  });
});
