import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { codeOf, createListing, startTestApi, type Session, type TestApi } from '../test/harness.js';

// Store-order money in the double-entry ledger (PRODUCT §4 "every rupiah", §6 orders): ORDER_PAY
// when paid, ORDER_RELEASE to the store owner on COMPLETE, ORDER_REFUND to the buyer on REFUND
// or a cancellation after payment; each once, in the same transaction as the move. The
// Midtrans webhook path is in escrow.test.ts (it has the Snap stand-in).
let api: TestApi;
let owner: Session;
let admin: Session;
let storeId: string;
let serviceId: string;

const SHIP_TO = { recipient: 'Rina Kartika', phone: '081234567890', address: 'Jl. Kaliurang KM 5 No. 12', cityCode: '34.71' };
const CONFIRM = `mutation P($id: ID!) { confirmOrderPayment(orderId: $id) { status } }`;
const ACT = `mutation U($id: ID!, $a: OrderAction!, $t: String) { updateOrder(orderId: $id, action: $a, trackingNumber: $t) { status } }`;

beforeAll(async () => {
  api = await startTestApi();
  owner = await api.register({ displayName: 'Toko Buku Uji' });
  admin = await api.register();
  await api.sql(`update users set role = 'ADMIN' where id = $1`, [admin.id]);
  storeId = randomUUID();
  await api.sql(`insert into stores (id, owner_id, slug, name, address, city_code, created_at) values ($1, $2, $3, 'Toko Buku Uji', 'Jl. Braga 1', '32.73', now())`,
    [storeId, owner.id, `buku-${storeId.slice(0, 8)}`]);
  serviceId = (await api.sql(`select id from shipping_services where code = 'JNE-REG'`))[0].id;
});
afterAll(() => api?.close());

/** A PENDING_PAYMENT order of one product (price 350.000) by a fresh buyer. */
async function placeOrder(): Promise<{ buyer: Session; order: { id: string; total: number }; listingId: string }> {
  const l = await createListing(api, owner, { kind: 'SALE', barter: null, title: 'Buku resep masakan Nusantara', sale: { price: 350_000, stock: 5, weightGrams: 800 } });
  await api.sql(`update listings set store_id = $1 where id = $2`, [storeId, l.id]);
  const buyer = await api.register();
  await api.gql(`mutation A($id: ID!) { addToCart(listingId: $id, quantity: 1) { items } }`, { id: l.id }, buyer.accessToken);
  const res = await api.gql(`mutation C($i: CheckoutInput!) { checkout(input: $i) { id total } }`, { i: { storeId, shippingServiceId: serviceId, shipTo: SHIP_TO } }, buyer.accessToken);
  if (!res.data) throw new Error(JSON.stringify(res.errors));
  return { buyer, order: res.data.checkout, listingId: l.id };
}

/** The order's bookings in booking order: "KIND account amount" (signed rupiah, debit positive). */
async function bookings(orderId: string): Promise<string[]> {
  const rows = await api.sql(
    `select t.kind, p.account, p.amount from ledger_transactions t join ledger_postings p on p.transaction_id = t.id
      where t.subject_type = 'ORDER' and t.subject_id = $1 order by t.created_at, t.id, p.amount desc`, [orderId]);
  return rows.map((r) => `${r.kind} ${r.account} ${Number(r.amount)}`);
}

const act = (orderId: string, action: string, token: string, t?: string) => api.gql(ACT, { id: orderId, a: action, t }, token);
const dashboard = async () => (await api.gql(`{ adminDashboard { feeIncomeTotal heldNow } }`, {}, admin.accessToken)).data!.adminDashboard;
const stockOf = async (id: string) => Number((await api.sql(`select stock from listings where id = $1`, [id]))[0].stock);

describe('store-order money in the ledger', () => {
  it('ten racing manual-transfer confirmations book ORDER_PAY once; COMPLETE releases the total to the store owner once', async () => {
    const before = await dashboard();
    const { buyer, order } = await placeOrder();
    expect(await bookings(order.id)).toEqual([]);
    const results = await Promise.all(Array.from({ length: 10 }, (_, i) => api.gql(CONFIRM, { id: order.id }, (i % 2 ? admin : owner).accessToken)));
    expect(results.filter((r) => r.data?.confirmOrderPayment?.status === 'PAID')).toHaveLength(1);
    expect(results.filter((r) => !r.data).map(codeOf)).toEqual(Array(9).fill('INVALID_STATE'));
    const paid = [`ORDER_PAY PROVIDER:MANUAL_TRANSFER ${order.total}`, `ORDER_PAY ORDER_HOLDING ${-order.total}`];
    expect(await bookings(order.id)).toEqual(paid);

    expect((await act(order.id, 'START_PROCESSING', owner.accessToken)).data!.updateOrder.status).toBe('PROCESSING');
    expect((await act(order.id, 'SHIP', owner.accessToken, 'JNE0123456789')).data!.updateOrder.status).toBe('SHIPPED');
    expect((await act(order.id, 'DELIVER', owner.accessToken)).data!.updateOrder.status).toBe('DELIVERED');
    expect(await bookings(order.id)).toEqual(paid); // moving along moves no money
    const completes = await Promise.all(Array.from({ length: 3 }, () => act(order.id, 'COMPLETE', buyer.accessToken)));
    expect(completes.filter((r) => r.data?.updateOrder?.status === 'COMPLETED')).toHaveLength(1);
    expect(await bookings(order.id)).toEqual([...paid, `ORDER_RELEASE ORDER_HOLDING ${order.total}`, `ORDER_RELEASE PAYABLE:${owner.id} ${-order.total}`]);
    // Order money is neither escrow fee income nor escrow money held (PRODUCT §6 names no commission).
    expect(await dashboard()).toEqual(before);
    expect(await api.services.ledger.check(api.orm.em.fork())).toEqual([]);
  });

  it('REFUND of a shipped order owes the buyer the total, once, even when refunds race', async () => {
    const { buyer, order } = await placeOrder();
    await api.gql(CONFIRM, { id: order.id }, owner.accessToken);
    await act(order.id, 'START_PROCESSING', owner.accessToken);
    await act(order.id, 'SHIP', owner.accessToken, 'JNE0123456780');
    const refunds = await Promise.all([act(order.id, 'REFUND', admin.accessToken), act(order.id, 'REFUND', owner.accessToken), act(order.id, 'REFUND', owner.accessToken)]);
    expect(refunds.filter((r) => r.data?.updateOrder?.status === 'REFUNDED')).toHaveLength(1);
    expect(await bookings(order.id)).toEqual([
      `ORDER_PAY PROVIDER:MANUAL_TRANSFER ${order.total}`, `ORDER_PAY ORDER_HOLDING ${-order.total}`,
      `ORDER_REFUND ORDER_HOLDING ${order.total}`, `ORDER_REFUND PAYABLE:${buyer.id} ${-order.total}`,
    ]);
    expect(codeOf(await act(order.id, 'COMPLETE', buyer.accessToken))).toBe('INVALID_STATE');
    expect(await bookings(order.id)).toHaveLength(4);
  });

  it('cancelling a paid order refunds the buyer and returns the stock; cancelling an unpaid one books nothing', async () => {
    const paid = await placeOrder();
    await api.gql(CONFIRM, { id: paid.order.id }, owner.accessToken);
    expect(codeOf(await act(paid.order.id, 'CANCEL', paid.buyer.accessToken))).toBe('FORBIDDEN');
    expect((await act(paid.order.id, 'CANCEL', owner.accessToken)).data!.updateOrder.status).toBe('CANCELLED');
    expect(await stockOf(paid.listingId)).toBe(5);
    expect(await bookings(paid.order.id)).toEqual([
      `ORDER_PAY PROVIDER:MANUAL_TRANSFER ${paid.order.total}`, `ORDER_PAY ORDER_HOLDING ${-paid.order.total}`,
      `ORDER_REFUND ORDER_HOLDING ${paid.order.total}`, `ORDER_REFUND PAYABLE:${paid.buyer.id} ${-paid.order.total}`,
    ]);

    const unpaid = await placeOrder();
    expect((await act(unpaid.order.id, 'CANCEL', unpaid.buyer.accessToken)).data!.updateOrder.status).toBe('CANCELLED');
    expect(await bookings(unpaid.order.id)).toEqual([]);
    expect(await api.services.ledger.check(api.orm.em.fork())).toEqual([]);
  });

  it('the ledger check compares every order with its bookings', async () => {
    const { order } = await placeOrder();
    await api.gql(CONFIRM, { id: order.id }, owner.accessToken);
    const check = () => api.services.ledger.check(api.orm.em.fork());
    expect(await check()).toEqual([]);
    // A status changed behind the ledger's back (no ORDER_RELEASE booked) is reported.
    await api.sql(`update orders set status = 'COMPLETED' where id = $1`, [order.id]);
    const held = Number((await api.sql(`select -sum(amount) as h from ledger_postings where account = 'ORDER_HOLDING'`))[0].h);
    expect(await check()).toEqual([
      `order ${order.id} (COMPLETED): has no ORDER_RELEASE transaction`,
      `ORDER_HOLDING holds ${held} but the orders holding money total ${held - order.total}`,
    ]);
    // So is a paid order that was never booked.
    await api.sql(`update orders set status = 'PAID' where id = $1`, [order.id]);
    const ghost = await placeOrder();
    await api.sql(`update orders set status = 'PAID', paid_at = now() where id = $1`, [ghost.order.id]);
    expect(await check()).toEqual([
      `order ${ghost.order.id} (PAID): has 0 ORDER_PAY transaction(s), expected 1`,
      `ORDER_HOLDING holds ${held} but the orders holding money total ${held + ghost.order.total}`,
    ]);
    await api.sql(`update orders set status = 'CANCELLED', paid_at = null where id = $1`, [ghost.order.id]);
    expect(await check()).toEqual([]);
  });
});
