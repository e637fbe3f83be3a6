import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { codeOf, createListing, startTestApi, type Session, type TestApi } from '../test/harness.js';

let api: TestApi;
let owner: Session;
let storeId: string;
let serviceId: string;

const SHIP_TO = { recipient: 'Rina Kartika', phone: '081234567890', address: 'Jl. Kaliurang KM 5 No. 12', cityCode: '34.71' };
const CHECKOUT = `mutation C($input: CheckoutInput!) { checkout(input: $input) { id number status subtotal shippingCost total chargeableKg distanceKm expiresAt items { title quantity unitPrice } } }`;
const ADD = `mutation A($id: ID!, $q: Int!) { addToCart(listingId: $id, quantity: $q) { subtotal items lines { quantity lineTotal } } }`;
const stockOf = async (id: string) => Number((await api.sql(`select stock from listings where id = $1`, [id]))[0].stock);

async function product(stock: number, price = 1_500_000, extra: Record<string, unknown> = {}) {
  const l = await createListing(api, owner, { kind: 'SALE', barter: null, title: 'Gitar akustik Yamaha F310', sale: { price, stock, weightGrams: 3500, lengthCm: 110, widthCm: 45, heightCm: 15, ...extra } });
  await api.sql(`update listings set store_id = $1, low_stock_threshold = 2 where id = $2`, [storeId, l.id]);
  return l.id;
}

beforeAll(async () => {
  api = await startTestApi({ JOB_POLL_SECONDS: '0.5' });
  ({ owner, storeId, serviceId } = await openStore(api));
});
afterAll(() => api?.close());

/** A store owned by a fresh member (stores are created by SQL until the store-profile API exists). */
async function openStore(on: TestApi) {
  const o = await on.register({ displayName: 'Toko Uji' });
  const id = randomUUID();
  await on.sql(`insert into stores (id, owner_id, slug, name, address, city_code, created_at) values ($1, $2, $3, 'Toko Uji', 'Jl. Braga 1', '32.73', now())`, [id, o.id, `toko-${id.slice(0, 8)}`]);
  return { owner: o, storeId: id, serviceId: (await on.sql(`select id from shipping_services where code = 'JNE-REG'`))[0].id as string };
}

describe('cart and shipping', () => {
  it('keeps a cart per member and quotes shipping from the store city by chargeable kg and distance', async () => {
    const id = await product(10);
    const buyer = await api.register();
    const cart = await api.gql(ADD, { id, q: 2 }, buyer.accessToken);
    expect(cart.data!.addToCart).toMatchObject({ subtotal: 3_000_000, items: 2 });
    const q = await api.gql(`query Q($s: ID!, $c: ID!, $v: ID!) { shippingQuote(storeId: $s, cityCode: $c, shippingServiceId: $v) { chargeableKg distanceKm base weightCost distanceCost total } }`,
      { s: storeId, c: '34.71', v: serviceId }, buyer.accessToken);
    // Two guitar cases of 110×45×15 cm: 148,500 cm³ ÷ 6000 = 24.75 → 25 kg (beats 7 kg actual).
    expect(q.data!.shippingQuote.chargeableKg).toBe(25);
    expect(q.data!.shippingQuote.distanceKm).toBeGreaterThan(250);
    expect(q.data!.shippingQuote.total).toBe(9000 + 7000 * 25 + 15 * q.data!.shippingQuote.distanceKm);
    expect(codeOf(await api.gql(ADD, { id, q: 20 }, buyer.accessToken))).toBe('BAD_USER_INPUT');
    expect(codeOf(await api.gql(ADD, { id, q: 1 }, owner.accessToken))).toBe('BAD_USER_INPUT');
    const removed = await api.gql(`mutation U($id: ID!) { updateCartItem(listingId: $id, quantity: 0) { items } }`, { id }, buyer.accessToken);
    expect(removed.data!.updateCartItem.items).toBe(0);
  });
});

describe('checkout', () => {
  it('creates a PENDING_PAYMENT order with snapshotted lines, takes the stock and empties those cart lines', async () => {
    const id = await product(5);
    const buyer = await api.register();
    await api.gql(ADD, { id, q: 2 }, buyer.accessToken);
    const res = await api.gql(CHECKOUT, { input: { storeId, shippingServiceId: serviceId, shipTo: SHIP_TO } }, buyer.accessToken);
    expect(res.errors).toBeUndefined();
    const o = res.data!.checkout;
    expect(o).toMatchObject({ status: 'PENDING_PAYMENT', subtotal: 3_000_000, items: [{ title: 'Gitar akustik Yamaha F310', quantity: 2, unitPrice: 1_500_000 }] });
    expect(o.total).toBe(o.subtotal + o.shippingCost);
    expect(o.number).toMatch(/^PSR-\d{8}-[A-Z2-9]{6}$/);
    expect(await stockOf(id)).toBe(3);
    expect((await api.gql(`{ cart { items } }`, {}, buyer.accessToken)).data!.cart.items).toBe(0);
    expect(codeOf(await api.gql(CHECKOUT, { input: { storeId, shippingServiceId: serviceId, shipTo: SHIP_TO } }, buyer.accessToken))).toBe('BAD_USER_INPUT');
    expect(codeOf(await api.gql(CHECKOUT, { input: { storeId, shippingServiceId: serviceId, shipTo: { ...SHIP_TO, cityCode: '99.99' } } }, buyer.accessToken))).toBe('BAD_USER_INPUT');
  });

  it('200 concurrent checkouts of a product with stock 50: exactly 50 orders, stock 0, never negative', async () => {
    const id = await product(50, 250_000, { weightGrams: 300, lengthCm: 10, widthCm: 10, heightCm: 5 });
    const buyers: Session[] = [];
    for (let i = 0; i < 200; i += 20) buyers.push(...(await Promise.all(Array.from({ length: 20 }, () => api.register()))));
    for (const b of buyers) await api.sql(`insert into cart_items (user_id, listing_id, quantity, added_at) values ($1, $2, 1, now())`, [b.id, id]);
    const results = await Promise.all(buyers.map((b) => api.gql(CHECKOUT, { input: { storeId, shippingServiceId: serviceId, shipTo: SHIP_TO } }, b.accessToken)));
    const ok = results.filter((r) => r.data?.checkout);
    expect(ok).toHaveLength(50);
    expect(results.filter((r) => !r.data?.checkout).every((r) => codeOf(r) === 'CONFLICT')).toBe(true);
    expect(await stockOf(id)).toBe(0);
    const [{ n }] = await api.sql(`select coalesce(sum(quantity), 0)::int as n from order_items where listing_id = $1`, [id]);
    expect(n).toBe(50);
    const low = await api.gql(`{ notifications(first: 100) { kind } }`, {}, owner.accessToken);
    expect(low.data!.notifications.some((x: any) => x.kind === 'LOW_STOCK')).toBe(true);
  }, 120_000);

});

describe('payment window', () => {
  // Its own server: a 3-second window would let the job expire orders of the tests above.
  let short: TestApi;
  beforeAll(async () => {
    short = await startTestApi({ ORDER_PAYMENT_WINDOW_SECONDS: '3', JOB_POLL_SECONDS: '0.5' });
  });
  afterAll(() => short?.close());

  it('an unpaid order expires after its window and returns its stock (job), once', async () => {
    const shop = await openStore(short);
    const l = await createListing(short, shop.owner, { kind: 'SALE', barter: null, sale: { price: 100_000, stock: 4, weightGrams: 500 } });
    await short.sql(`update listings set store_id = $1 where id = $2`, [shop.storeId, l.id]);
    const stock = async () => Number((await short.sql(`select stock from listings where id = $1`, [l.id]))[0].stock);
    const buyer = await short.register();
    await short.gql(ADD, { id: l.id, q: 3 }, buyer.accessToken);
    const o = (await short.gql(CHECKOUT, { input: { storeId: shop.storeId, shippingServiceId: shop.serviceId, shipTo: SHIP_TO } }, buyer.accessToken)).data!.checkout;
    expect(await stock()).toBe(1);
    const until = Date.now() + 20_000;
    let status = '';
    while (Date.now() < until && status !== 'CANCELLED') {
      status = (await short.sql(`select status from orders where id = $1`, [o.id]))[0].status;
      await new Promise((r) => setTimeout(r, 250));
    }
    expect(status).toBe('CANCELLED');
    expect(await stock()).toBe(4);
    await short.services.commerce.expire(short.orm.em.fork(), o.id);
    expect(await stock()).toBe(4);
  });
});

describe('order lifecycle', () => {
  it('staff move a paid order along; the buyer cannot; refused moves are INVALID_STATE; the buyer sees each change live', async () => {
    const id = await product(3);
    const buyer = await api.register();
    await api.gql(ADD, { id, q: 1 }, buyer.accessToken);
    const o = (await api.gql(CHECKOUT, { input: { storeId, shippingServiceId: serviceId, shipTo: SHIP_TO } }, buyer.accessToken)).data!.checkout;
    const act = (action: string, token: string, trackingNumber?: string) =>
      api.gql(`mutation U($id: ID!, $a: OrderAction!, $t: String) { updateOrder(orderId: $id, action: $a, trackingNumber: $t) { status trackingNumber } }`, { id: o.id, a: action, t: trackingNumber }, token);
    expect(codeOf(await act('START_PROCESSING', owner.accessToken))).toBe('INVALID_STATE');
    expect(codeOf(await api.gql(`mutation P($id: ID!) { confirmOrderPayment(orderId: $id) { status } }`, { id: o.id }, buyer.accessToken))).toBe('FORBIDDEN');
    const { subscribe } = await import('../test/harness.js');
    const live = await subscribe(api, buyer.accessToken, `subscription { orderUpdated { id status } }`);
    expect((await api.gql(`mutation P($id: ID!) { confirmOrderPayment(orderId: $id) { status } }`, { id: o.id }, owner.accessToken)).data!.confirmOrderPayment.status).toBe('PAID');
    expect((await live.next(1)).data.orderUpdated).toEqual({ id: o.id, status: 'PAID' });
    expect(codeOf(await act('START_PROCESSING', buyer.accessToken))).toBe('FORBIDDEN');
    expect((await act('START_PROCESSING', owner.accessToken)).data!.updateOrder.status).toBe('PROCESSING');
    const pdf = (kind: string, token?: string) => fetch(`${api.url}/orders/${o.id}/${kind}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });
    expect((await pdf('label.pdf', owner.accessToken)).status).toBe(409);
    expect(codeOf(await act('SHIP', owner.accessToken))).toBe('BAD_USER_INPUT');
    expect((await act('SHIP', owner.accessToken, 'jne-0123 4567 89')).data!.updateOrder).toEqual({ status: 'SHIPPED', trackingNumber: 'JNE0123456789' });
    expect((await live.next(3)).data.orderUpdated.status).toBe('SHIPPED');
    expect((await act('DELIVER', owner.accessToken)).data!.updateOrder.status).toBe('DELIVERED');
    expect((await act('COMPLETE', buyer.accessToken)).data!.updateOrder.status).toBe('COMPLETED');
    expect(codeOf(await act('CANCEL', owner.accessToken))).toBe('INVALID_STATE');
    const outsider = await api.register();
    expect(codeOf(await api.gql(`query O($id: ID!) { order(id: $id) { id } }`, { id: o.id }, outsider.accessToken))).toBe('FORBIDDEN');
    for (const [kind, token] of [['invoice.pdf', buyer.accessToken], ['label.pdf', owner.accessToken]] as const) {
      const res = await pdf(kind, token);
      expect([res.status, res.headers.get('content-type')]).toEqual([200, 'application/pdf']);
      expect(Buffer.from(await res.arrayBuffer()).subarray(0, 5).toString()).toBe('%PDF-');
    }
    expect((await pdf('invoice.pdf', outsider.accessToken)).status).toBe(403);
    expect((await pdf('invoice.pdf')).status).toBe(401);
    await live.close();
  });
});

describe('store profile, desk, low stock, analytics, support', () => {
  it('a member opens a store, stocks a product, sells it; staff see the desk, low stock and sales; a customer opens support', async () => {
    const o = await api.register({ displayName: 'Pemilik Toko' });
    const input = { name: 'Toko Drum Medan', slug: 'drum-medan', address: 'Jl. Gatot Subroto No. 10', cityCode: '12.71', color: '#123abc' };
    const created = await api.gql(`mutation S($i: StoreInput!) { createStore(input: $i) { id slug city { name } owner { id } } }`, { i: input }, o.accessToken);
    expect(created.data!.createStore).toMatchObject({ slug: 'drum-medan', city: { name: 'Kota Medan' }, owner: { id: o.id } });
    const sid = created.data!.createStore.id;
    expect(codeOf(await api.gql(`mutation S($i: StoreInput!) { createStore(input: $i) { id } }`, { i: input }, o.accessToken))).toBe('CONFLICT');
    expect(codeOf(await api.gql(`mutation S($i: StoreInput!) { createStore(input: $i) { id } }`, { i: { ...input, slug: 'X!' } }, (await api.register()).accessToken))).toBe('BAD_USER_INPUT');
    const l = await createListing(api, o, { kind: 'SALE', barter: null, title: 'Stik drum Vic Firth 5A', sale: { price: 180_000, stock: 3, weightGrams: 200 } });
    const set = await api.gql(`mutation P($l: ID!, $s: ID) { setStoreProduct(listingId: $l, storeId: $s, lowStockThreshold: 2, featured: true) { id featured lowStockThreshold store { slug } } }`, { l: l.id, s: sid }, o.accessToken);
    expect(set.data!.setStoreProduct).toMatchObject({ featured: true, lowStockThreshold: 2, store: { slug: 'drum-medan' } });
    expect((await api.gql(`{ store(slug: "drum-medan") { products { id } } }`)).data!.store.products).toEqual([{ id: l.id }]);
    const buyer = await api.register();
    await api.gql(ADD, { id: l.id, q: 1 }, buyer.accessToken);
    const order = (await api.gql(CHECKOUT, { input: { storeId: sid, shippingServiceId: serviceId, shipTo: SHIP_TO } }, buyer.accessToken)).data!.checkout;
    await api.gql(`mutation P($id: ID!) { confirmOrderPayment(orderId: $id) { status } }`, { id: order.id }, o.accessToken);
    const desk = await api.gql(`query D($s: ID!) { storeOrders(storeId: $s) { id status } storeLowStock(storeId: $s) { id stock } storeAnalytics(storeId: $s) { todaySales todayOrders monthOrders bestSellers { title quantity } } myStores { id } }`, { s: sid }, o.accessToken);
    expect(desk.data!.storeOrders).toEqual([{ id: order.id, status: 'PAID' }]);
    expect(desk.data!.storeLowStock).toEqual([{ id: l.id, stock: 2 }]);
    expect(desk.data!.storeAnalytics).toMatchObject({ todaySales: order.total, todayOrders: 1, monthOrders: 1, bestSellers: [{ title: 'Stik drum Vic Firth 5A', quantity: 1 }] });
    expect(desk.data!.myStores).toEqual([{ id: sid }]);
    expect(codeOf(await api.gql(`query D($s: ID!) { storeOrders(storeId: $s) { id } }`, { s: sid }, buyer.accessToken))).toBe('FORBIDDEN');
    const support = await api.gql(`mutation S($s: ID!) { openSupportConversation(storeId: $s) { id kind participants { role user { id } } } }`, { s: sid }, buyer.accessToken);
    expect(support.data!.openSupportConversation.kind).toBe('SUPPORT');
    const again = await api.gql(`mutation S($s: ID!) { openSupportConversation(storeId: $s) { id } }`, { s: sid }, buyer.accessToken);
    expect(again.data!.openSupportConversation.id).toBe(support.data!.openSupportConversation.id);
    const card = await api.gql(`mutation M($c: ID!, $l: ID!) { sendMessage(conversationId: $c, input: { listingId: $l }) { kind listing { title } } }`, { c: support.data!.openSupportConversation.id, l: l.id }, buyer.accessToken);
    expect(card.data!.sendMessage).toEqual({ kind: 'LISTING', listing: { title: 'Stik drum Vic Firth 5A' } });
  });
});

describe('suppliers and restock orders', () => {
  it('staff order from a supplier; receiving raises stock once (short delivery allowed); others are refused', async () => {
    const id = await product(1);
    const sup = await api.gql(`mutation S($s: ID!) { addSupplier(storeId: $s, input: { name: "CV Musik Jaya", phone: "0227301234" }) { id } }`, { s: storeId }, owner.accessToken);
    const supplierId = sup.data!.addSupplier.id;
    const created = await api.gql(`mutation R($s: ID!, $p: ID!, $l: [RestockLineInput!]!) { createRestockOrder(storeId: $s, supplierId: $p, lines: $l) { id status items { id quantityOrdered } } }`,
      { s: storeId, p: supplierId, l: [{ listingId: id, quantity: 10 }] }, owner.accessToken);
    const r = created.data!.createRestockOrder;
    expect(r.status).toBe('ORDERED');
    const outsider = await api.register();
    expect(codeOf(await api.gql(`mutation R($id: ID!) { receiveRestockOrder(restockId: $id) { status } }`, { id: r.id }, outsider.accessToken))).toBe('FORBIDDEN');
    expect(codeOf(await api.gql(`mutation R($id: ID!, $x: [ReceivedLineInput!]) { receiveRestockOrder(restockId: $id, received: $x) { status } }`, { id: r.id, x: [{ itemId: r.items[0].id, quantity: 11 }] }, owner.accessToken))).toBe('BAD_USER_INPUT');
    const got = await api.gql(`mutation R($id: ID!, $x: [ReceivedLineInput!]) { receiveRestockOrder(restockId: $id, received: $x) { status items { quantityReceived } } }`, { id: r.id, x: [{ itemId: r.items[0].id, quantity: 8 }] }, owner.accessToken);
    expect(got.data!.receiveRestockOrder).toEqual({ status: 'RECEIVED', items: [{ quantityReceived: 8 }] });
    expect(await stockOf(id)).toBe(9);
    expect(codeOf(await api.gql(`mutation R($id: ID!) { receiveRestockOrder(restockId: $id) { status } }`, { id: r.id }, owner.accessToken))).toBe('INVALID_STATE');
    expect(await stockOf(id)).toBe(9);
  });
});
