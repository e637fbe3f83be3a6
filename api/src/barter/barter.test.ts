import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { codeOf, createListing, startTestApi, subscribe, type Session, type TestApi } from '../test/harness.js';

let api: TestApi;
let admin: Session;

const OFFER_FIELDS = `id status round awaiting myTurn myRole expiresAt
  wanted { points listing { id status } } offered { points listing { id } }
  balance { offered wanted difference balanced } conversation { id participants { role user { id } } }`;
const MAKE = `mutation M($input: OfferTermsInput!) { makeOffer(input: $input) { ${OFFER_FIELDS} } }`;
const COUNTER = `mutation C($id: ID!, $input: OfferTermsInput!) { counterOffer(offerId: $id, input: $input) { ${OFFER_FIELDS} } }`;
const ACCEPT = `mutation A($id: ID!) { acceptOffer(offerId: $id) { id status shipBy offer { id status } } }`;
const REJECT = `mutation R($id: ID!) { rejectOffer(offerId: $id) { id status } }`;
const WITHDRAW = `mutation W($id: ID!) { withdrawOffer(offerId: $id) { id status } }`;
const SHIP = `mutation S($id: ID!, $input: ShipmentInput!) { submitShipment(dealId: $id, input: $input) { id status confirmBy shipments { courier trackingNumber sender { id } } } }`;
const RECEIVE = `mutation R($id: ID!) { confirmReceipt(dealId: $id) { id status completedAt shipments { receivedAt } } }`;
const DISPUTE = `mutation D($id: ID!, $reason: String!) { openDispute(dealId: $id, reason: $reason) { id status dispute { status reason } } }`;
const RESOLVE = `mutation X($id: ID!, $outcome: DisputeOutcome!, $note: String!) { resolveDispute(dealId: $id, outcome: $outcome, note: $note) { id status dispute { status outcome resolutionNote } } }`;
const DEAL = `query D($id: ID!) { deal(id: $id) { id status timeline { systemEvent } } }`;

const status = async (id: string) => (await api.sql('select status from listings where id = $1', [id]))[0].status;

async function party() {
  const s = await api.register();
  return { s, item: await createListing(api, s) };
}

async function offer(buyer: Session, wanted: string[], offered: string[], message?: string) {
  const res = await api.gql(MAKE, { input: { wantedListingIds: wanted, offeredListingIds: offered, message } }, buyer.accessToken);
  if (res.errors) throw new Error(JSON.stringify(res.errors));
  return res.data!.makeOffer;
}

/** A deal between two fresh members; returns both and the deal id. */
async function deal() {
  const a = await party();
  const b = await party();
  const o = await offer(b.s, [a.item.id], [b.item.id]);
  const d = (await api.gql(ACCEPT, { id: o.id }, a.s.accessToken)).data!.acceptOffer;
  return { seller: a, buyer: b, offerId: o.id, dealId: d.id as string };
}

beforeAll(async () => {
  api = await startTestApi();
  admin = await api.register();
  await api.sql(`update users set role = 'ADMIN' where id = $1`, [admin.id]);
});
afterAll(() => api?.close());

describe('makeOffer', () => {
  it('opens a pending offer with points snapshots, a conversation for both, a system message and a notification', async () => {
    const a = await party();
    const b = await party();
    const o = await offer(b.s, [a.item.id], [b.item.id], 'Halo, mau tukar?');
    expect(o).toMatchObject({ status: 'PENDING', round: 1, awaiting: 'SELLER', myTurn: false, myRole: 'BUYER' });
    expect(o.wanted).toEqual([{ points: a.item.points, listing: { id: a.item.id, status: 'ACTIVE' } }]);
    expect(o.balance).toMatchObject({ offered: b.item.points, wanted: a.item.points, balanced: true, difference: 0 });
    expect(o.conversation.participants.map((p: any) => [p.role, p.user.id]).sort()).toEqual([['BUYER', b.s.id], ['SELLER', a.s.id]].sort());
    const hours = (new Date(o.expiresAt).getTime() - Date.now()) / 3_600_000;
    expect(hours).toBeGreaterThan(47.9);
    expect(hours).toBeLessThanOrEqual(48);
    const seen = await api.gql(`query O($id: ID!) { offer(id: $id) { myTurn myRole conversation { messages { edges { node { kind systemEvent text } } } } } }`, { id: o.id }, a.s.accessToken);
    expect(seen.data!.offer).toMatchObject({ myTurn: true, myRole: 'SELLER' });
    expect(seen.data!.offer.conversation.messages.edges.map((e: any) => e.node.systemEvent ?? e.node.text).reverse()).toEqual(['OFFER_MADE', 'Halo, mau tukar?']);
    const notes = await api.gql(`{ notifications { kind link } unreadNotificationCount }`, {}, a.s.accessToken);
    expect(notes.data!.notifications[0]).toEqual({ kind: 'OFFER_RECEIVED', link: `/offers/${o.id}` });
    expect(notes.data!.unreadNotificationCount).toBe(1);
  });

  it('keeps the points snapshot when a listing is re-valued later', async () => {
    const a = await party();
    const b = await party();
    const o = await offer(b.s, [a.item.id], [b.item.id]);
    await api.gql(`mutation U($id: ID!) { updateListing(id: $id, input: { condition: POOR }) { points } }`, { id: a.item.id }, a.s.accessToken);
    const again = await api.gql(`query O($id: ID!) { offer(id: $id) { wanted { points } } }`, { id: o.id }, b.s.accessToken);
    expect(again.data!.offer.wanted[0].points).toBe(a.item.points);
  });

  it('refuses other people\'s items, own items as wanted, non-barter and unknown listings', async () => {
    const a = await party();
    const b = await party();
    const c = await party();
    const sale = await createListing(api, a.s, { kind: 'SALE', barter: null, sale: { price: 50000, stock: 1 } });
    const cases: [string[], string[], string, string][] = [
      [[a.item.id], [c.item.id], 'BAD_USER_INPUT', 'offeredListingIds'],
      [[b.item.id], [b.item.id], 'BAD_USER_INPUT', 'wantedListingIds'],
      [[sale.id], [b.item.id], 'BAD_USER_INPUT', 'wantedListingIds'],
      [['00000000-0000-4000-8000-000000000000'], [b.item.id], 'BAD_USER_INPUT', 'wantedListingIds'],
      [[a.item.id], [], 'BAD_USER_INPUT', 'offeredListingIds'],
    ];
    for (const [wanted, offered, code, field] of cases) {
      const res = await api.gql(MAKE, { input: { wantedListingIds: wanted, offeredListingIds: offered } }, b.s.accessToken);
      expect([codeOf(res), res.errors?.[0].extensions?.field]).toEqual([code, field]);
    }
  });

  it('suggests the fewest of my other listings that balance a short offer (barterQuote)', async () => {
    const a = await api.register();
    const big = await createListing(api, a, { condition: 'NEW', barter: { utility: 5, scarcity: 5, durability: 5, portability: 5 } });
    const b = await api.register();
    const small = await createListing(api, b, { condition: 'POOR', barter: { utility: 1, scarcity: 1, durability: 1, portability: 1 } });
    for (let i = 0; i < 3; i++) await createListing(api, b, { condition: 'NEW', barter: { utility: 5, scarcity: 5, durability: 4, portability: 5 } });
    const q = await api.gql(`query Q($w: [ID!]!, $o: [ID!]!) { barterQuote(wantedListingIds: $w, offeredListingIds: $o) {
      balance { balanced difference } suggestion { id points } balanceWithSuggestion { balanced } } }`, { w: [big.id], o: [small.id] }, b.accessToken);
    expect(q.data!.barterQuote.balance.balanced).toBe(false);
    expect(q.data!.barterQuote.suggestion).toHaveLength(1);
    expect(q.data!.barterQuote.balanceWithSuggestion.balanced).toBe(true);
    // The seller, countering, is shown top-ups from the buyer's listings (the offering party).
    const asSeller = await api.gql(`query Q($w: [ID!]!, $o: [ID!]!) { barterQuote(wantedListingIds: $w, offeredListingIds: $o) { suggestion { id } } }`, { w: [big.id], o: [small.id] }, a.accessToken);
    expect(asSeller.data!.barterQuote.suggestion).toEqual(q.data!.barterQuote.suggestion.map((l: any) => ({ id: l.id })));
  });
});

describe('negotiation', () => {
  it('turns alternate; counters stop at round 5; only the awaited party answers', async () => {
    const a = await party();
    const b = await party();
    const o = await offer(b.s, [a.item.id], [b.item.id]);
    expect(codeOf(await api.gql(ACCEPT, { id: o.id }, b.s.accessToken))).toBe('INVALID_STATE');
    expect(codeOf(await api.gql(REJECT, { id: o.id }, b.s.accessToken))).toBe('INVALID_STATE');
    expect(codeOf(await api.gql(WITHDRAW, { id: o.id }, a.s.accessToken))).toBe('INVALID_STATE');
    const terms = { wantedListingIds: [a.item.id], offeredListingIds: [b.item.id] };
    const turns = [a.s, b.s, a.s, b.s];
    for (const [i, who] of turns.entries()) {
      const res = await api.gql(COUNTER, { id: o.id, input: terms }, who.accessToken);
      expect(res.data!.counterOffer).toMatchObject({ round: i + 2, awaiting: who === a.s ? 'BUYER' : 'SELLER' });
    }
    expect(codeOf(await api.gql(COUNTER, { id: o.id, input: terms }, a.s.accessToken))).toBe('INVALID_STATE');
    const rounds = await api.gql(`query O($id: ID!) { offer(id: $id) { rounds { round proposedBy } } }`, { id: o.id }, a.s.accessToken);
    expect(rounds.data!.offer.rounds.map((r: any) => r.proposedBy)).toEqual(['BUYER', 'SELLER', 'BUYER', 'SELLER', 'BUYER']);
    expect((await api.gql(REJECT, { id: o.id }, a.s.accessToken)).data!.rejectOffer.status).toBe('REJECTED');
    expect(codeOf(await api.gql(ACCEPT, { id: o.id }, a.s.accessToken))).toBe('INVALID_STATE');
  });

  it('the proposer may withdraw while unanswered', async () => {
    const a = await party();
    const b = await party();
    const o = await offer(b.s, [a.item.id], [b.item.id]);
    expect((await api.gql(WITHDRAW, { id: o.id }, b.s.accessToken)).data!.withdrawOffer.status).toBe('WITHDRAWN');
  });

  it('a non-party gets FORBIDDEN everywhere, including the conversation', async () => {
    const a = await party();
    const b = await party();
    const c = await api.register();
    const o = await offer(b.s, [a.item.id], [b.item.id]);
    expect(codeOf(await api.gql(`query O($id: ID!) { offer(id: $id) { id } }`, { id: o.id }, c.accessToken))).toBe('FORBIDDEN');
    expect(codeOf(await api.gql(ACCEPT, { id: o.id }, c.accessToken))).toBe('FORBIDDEN');
    expect(codeOf(await api.gql(`query C($id: ID!) { conversation(id: $id) { id } }`, { id: o.conversation.id }, c.accessToken))).toBe('FORBIDDEN');
    expect(codeOf(await api.gql(`mutation S($id: ID!) { sendMessage(conversationId: $id, input: { text: "halo" }) { id } }`, { id: o.conversation.id }, c.accessToken))).toBe('FORBIDDEN');
  });
});

describe('acceptance', () => {
  it('reserves every listing, cancels the other open offers on them, and blocks new offers', async () => {
    const a = await party();
    const b = await party();
    const c = await party();
    const winner = await offer(b.s, [a.item.id], [b.item.id]);
    const loser = await offer(c.s, [a.item.id], [c.item.id]);
    const d = await api.gql(ACCEPT, { id: winner.id }, a.s.accessToken);
    expect(d.data!.acceptOffer).toMatchObject({ status: 'AWAITING_SHIPMENT', offer: { id: winner.id, status: 'ACCEPTED' } });
    expect([await status(a.item.id), await status(b.item.id), await status(c.item.id)]).toEqual(['RESERVED', 'RESERVED', 'ACTIVE']);
    const l = await api.gql(`query O($id: ID!) { offer(id: $id) { status } }`, { id: loser.id }, c.s.accessToken);
    expect(l.data!.offer.status).toBe('CANCELLED');
    const d2 = await party();
    const again = await api.gql(MAKE, { input: { wantedListingIds: [a.item.id], offeredListingIds: [d2.item.id] } }, d2.s.accessToken);
    expect(codeOf(again)).toBe('INVALID_STATE');
    const mine = await api.gql(MAKE, { input: { wantedListingIds: [c.item.id], offeredListingIds: [b.item.id] } }, b.s.accessToken);
    expect(codeOf(mine)).toBe('INVALID_STATE');
  });

  it('two acceptances racing over a shared listing: exactly one deal', async () => {
    for (let round = 0; round < 3; round++) {
      const a = await party();
      const b = await party();
      const c = await party();
      const o1 = await offer(b.s, [a.item.id], [b.item.id]);
      const o2 = await offer(c.s, [a.item.id], [c.item.id]);
      const results = await Promise.all([api.gql(ACCEPT, { id: o1.id }, a.s.accessToken), api.gql(ACCEPT, { id: o2.id }, a.s.accessToken)]);
      expect(results.filter((r) => r.data?.acceptOffer).length).toBe(1);
      expect(results.map(codeOf).filter(Boolean).every((c) => c === 'CONFLICT' || c === 'INVALID_STATE')).toBe(true);
      const [{ n }] = await api.sql(`select count(*)::int as n from deals d join offers o on o.id = d.offer_id where o.id = any($1)`, [[o1.id, o2.id]]);
      expect(n).toBe(1);
    }
  });
});

describe('deal', () => {
  it('ships both ways, confirms both receipts, completes and closes the listings', async () => {
    const { seller, buyer, dealId } = await deal();
    expect(codeOf(await api.gql(RECEIVE, { id: dealId }, buyer.s.accessToken))).toBe('INVALID_STATE');
    const bad = await api.gql(SHIP, { id: dealId, input: { courier: 'JNE', trackingNumber: 'ab' } }, seller.s.accessToken);
    expect([codeOf(bad), bad.errors![0].extensions!.field]).toEqual(['BAD_USER_INPUT', 'trackingNumber']);
    const one = await api.gql(SHIP, { id: dealId, input: { courier: 'JNE', trackingNumber: 'jne 5403-2122-0002' } }, seller.s.accessToken);
    expect(one.data!.submitShipment).toMatchObject({ status: 'AWAITING_SHIPMENT', confirmBy: null, shipments: [{ courier: 'JNE', trackingNumber: 'JNE540321220002' }] });
    expect(codeOf(await api.gql(SHIP, { id: dealId, input: { courier: 'JNE', trackingNumber: 'JNE540321220003' } }, seller.s.accessToken))).toBe('INVALID_STATE');
    const both = await api.gql(SHIP, { id: dealId, input: { courier: 'SICEPAT', trackingNumber: '000123456789' } }, buyer.s.accessToken);
    expect(both.data!.submitShipment.status).toBe('SHIPPED');
    expect(new Date(both.data!.submitShipment.confirmBy).getTime()).toBeGreaterThan(Date.now() + 6.9 * 86_400_000);
    expect((await api.gql(RECEIVE, { id: dealId }, seller.s.accessToken)).data!.confirmReceipt.status).toBe('SHIPPED');
    expect(codeOf(await api.gql(RECEIVE, { id: dealId }, seller.s.accessToken))).toBe('INVALID_STATE');
    const done = await api.gql(RECEIVE, { id: dealId }, buyer.s.accessToken);
    expect(done.data!.confirmReceipt.status).toBe('COMPLETED');
    expect([await status(seller.item.id), await status(buyer.item.id)]).toEqual(['CLOSED', 'CLOSED']);
    const t = await api.gql(DEAL, { id: dealId }, buyer.s.accessToken);
    expect(t.data!.deal.timeline.map((m: any) => m.systemEvent)).toEqual([
      'OFFER_MADE', 'OFFER_ACCEPTED', 'SHIPMENT_SUBMITTED', 'SHIPMENT_SUBMITTED', 'DEAL_SHIPPED', 'RECEIPT_CONFIRMED', 'RECEIPT_CONFIRMED', 'DEAL_COMPLETED',
    ]);
    expect(codeOf(await api.gql(DISPUTE, { id: dealId, reason: 'Barang tidak sesuai foto' }, buyer.s.accessToken))).toBe('INVALID_STATE');
  });

  it('two parties shipping at the same instant still reach SHIPPED', async () => {
    const { seller, buyer, dealId } = await deal();
    await Promise.all([
      api.gql(SHIP, { id: dealId, input: { courier: 'JNT', trackingNumber: 'JO0027364832' } }, seller.s.accessToken),
      api.gql(SHIP, { id: dealId, input: { courier: 'POS', trackingNumber: 'P2611210001' } }, buyer.s.accessToken),
    ]);
    expect((await api.gql(DEAL, { id: dealId }, buyer.s.accessToken)).data!.deal.status).toBe('SHIPPED');
  });

  it('a dispute: admins read the conversation (audited), decide, and both parties see it live', async () => {
    const { seller, buyer, dealId } = await deal();
    const c = await api.register();
    const d = (await api.gql(DEAL.replace('timeline { systemEvent }', 'conversation { id }'), { id: dealId }, buyer.s.accessToken)).data!.deal;
    expect(codeOf(await api.gql(`query C($id: ID!) { conversation(id: $id) { id } }`, { id: d.conversation.id }, admin.accessToken))).toBe('FORBIDDEN');
    expect(codeOf(await api.gql(DISPUTE, { id: dealId, reason: 'pendek' }, buyer.s.accessToken))).toBe('BAD_USER_INPUT');
    expect(codeOf(await api.gql(DISPUTE, { id: dealId, reason: 'Penjual tidak merespons sama sekali.' }, c.accessToken))).toBe('FORBIDDEN');
    const opened = await api.gql(DISPUTE, { id: dealId, reason: 'Penjual tidak merespons sama sekali.' }, buyer.s.accessToken);
    expect(opened.data!.openDispute).toMatchObject({ status: 'DISPUTED', dispute: { status: 'OPEN' } });
    const read = await api.gql(`query C($id: ID!) { conversation(id: $id) { messages { edges { node { systemEvent } } } } }`, { id: d.conversation.id }, admin.accessToken);
    expect(read.errors).toBeUndefined();
    const [{ n }] = await api.sql(`select count(*)::int as n from audit_log where action = 'CONVERSATION_READ' and subject_id = $1 and actor_id = $2`, [d.conversation.id, admin.id]);
    expect(n).toBe(1);
    expect((await api.gql(`{ disputedDeals { id } }`, {}, admin.accessToken)).data!.disputedDeals.map((x: any) => x.id)).toContain(dealId);
    expect(codeOf(await api.gql(`{ disputedDeals { id } }`, {}, buyer.s.accessToken))).toBe('FORBIDDEN');
    expect(codeOf(await api.gql(RESOLVE, { id: dealId, outcome: 'CANCEL', note: 'Dibatalkan.' }, seller.s.accessToken))).toBe('FORBIDDEN');

    const watchSeller = await subscribe(api, seller.s.accessToken, `subscription { dealUpdated { id status } }`);
    const watchBuyer = await subscribe(api, buyer.s.accessToken, `subscription { dealUpdated { id status } }`);
    const watchAdmin = await subscribe(api, admin.accessToken, `subscription { dealUpdated { id status } }`);
    const res = await api.gql(RESOLVE, { id: dealId, outcome: 'CANCEL', note: 'Penjual tidak mengirim; barter dibatalkan.' }, admin.accessToken);
    expect(res.data!.resolveDispute).toMatchObject({ status: 'CANCELLED', dispute: { status: 'RESOLVED', outcome: 'CANCEL' } });
    expect((await watchSeller.next(1)).data.dealUpdated).toEqual({ id: dealId, status: 'CANCELLED' });
    expect((await watchBuyer.next(1)).data.dealUpdated).toEqual({ id: dealId, status: 'CANCELLED' });
    expect((await watchAdmin.next(1)).data.dealUpdated).toEqual({ id: dealId, status: 'CANCELLED' });
    await Promise.all([watchSeller.close(), watchBuyer.close(), watchAdmin.close()]);
    expect([await status(seller.item.id), await status(buyer.item.id)]).toEqual(['ACTIVE', 'ACTIVE']);
    const [{ n: audits }] = await api.sql(`select count(*)::int as n from audit_log where action = 'DISPUTE_RESOLVED' and subject_id = $1`, [dealId]);
    expect(audits).toBe(1);
    expect(codeOf(await api.gql(RESOLVE, { id: dealId, outcome: 'COMPLETE', note: 'Lagi.' }, admin.accessToken))).toBe('INVALID_STATE');
  });
});

describe('lists cost a constant number of SQL statements (no N+1)', () => {
  it('myDeals, myOffers and conversations with their nested fields: the same count for 1 and for 4 trades', async () => {
    const buyer = await api.register();
    const mine = await createListing(api, buyer);
    // The counter sees every statement of the server (the minute job sweep, jobs of earlier
    // tests, work that follows a commit): let the server settle, then take the least of five.
    const cost = async (query: string) => {
      await new Promise((r) => setTimeout(r, 300));
      const counts: number[] = [];
      for (let i = 0; i < 5; i++) {
        api.counter.count = 0;
        const res = await api.gql(query, {}, buyer.accessToken);
        expect(res.errors).toBeUndefined();
        counts.push(api.counter.count);
      }
      return Math.min(...counts);
    };
    const LISTS = `{ myDeals { id status shipments { courier } dispute { status } timeline { systemEvent } offer { id } }
      myOffers { id deal { id } } conversations { id unreadCount lastMessage { systemEvent text } } }`;
    const dealWith = async (offered: string) => {
      const seller = await party();
      const o = await offer(buyer, [seller.item.id], [offered]);
      await api.gql(ACCEPT, { id: o.id }, seller.s.accessToken);
    };
    await dealWith(mine.id);
    const one = await cost(LISTS);
    for (let i = 0; i < 3; i++) await dealWith((await createListing(api, buyer)).id);
    expect(await cost(LISTS)).toBe(one);
  });
});

describe('subscriptions see each event fresh', () => {
  it('offerUpdated shows the deal created after the subscription\'s first event (batch loaders do not cache across events)', async () => {
    const a = await party();
    const b = await party();
    const watch = await subscribe(api, b.s.accessToken, `subscription { offerUpdated { id status deal { id } } }`);
    const o = await offer(b.s, [a.item.id], [b.item.id]);
    expect((await watch.next(1)).data.offerUpdated).toEqual({ id: o.id, status: 'PENDING', deal: null });
    const d = (await api.gql(ACCEPT, { id: o.id }, a.s.accessToken)).data!.acceptOffer;
    expect((await watch.next(2)).data.offerUpdated).toEqual({ id: o.id, status: 'ACCEPTED', deal: { id: d.id } });
    await watch.close();
  });
});

