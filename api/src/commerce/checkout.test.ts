import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { codeOf, createListing, startTestApi, type Session, type TestApi } from '../test/harness.js';

// Checkout's all-or-nothing write (checkout.ts, checkout.sql.ts): every refusal leaves stock,
// orders and the cart exactly as they were; multi-line checkouts racing on the same products
// neither oversell nor deadlock; LOW_STOCK fires once, when the threshold is crossed.

let api: TestApi;
let owner: Session;
let storeId: string;
let serviceId: string;

const SHIP_TO = { recipient: 'Dewi Lestari', phone: '081298765432', address: 'Jl. Malioboro No. 52', cityCode: '34.71' };
const CHECKOUT = `mutation C($input: CheckoutInput!) { checkout(input: $input) { id status subtotal total items { title quantity unitPrice } } }`;
const input = { storeId: '', shippingServiceId: '' };
const checkoutAs = (s: Session) => api.gql(CHECKOUT, { input: { ...input, shipTo: SHIP_TO } }, s.accessToken);
const stockOf = async (id: string) => Number((await api.sql(`select stock from listings where id = $1`, [id]))[0].stock);
const cartOf = async (s: Session) => (await api.sql(`select listing_id, quantity from cart_items where user_id = $1 order by listing_id`, [s.id])).map((r) => [r.listing_id, r.quantity]);
const ordersOf = async (s: Session) => Number((await api.sql(`select count(*)::int as n from orders where buyer_id = $1`, [s.id]))[0].n);
const putInCart = (s: Session, listingId: string, quantity: number) =>
  api.sql(`insert into cart_items (user_id, listing_id, quantity, added_at) values ($1, $2, $3, now())`, [s.id, listingId, quantity]);

async function product(stock: number, title: string, threshold: number | null = null) {
  const l = await createListing(api, owner, { kind: 'SALE', barter: null, title, sale: { price: 200_000, stock, weightGrams: 800 } });
  await api.sql(`update listings set store_id = $1, low_stock_threshold = $2 where id = $3`, [storeId, threshold, l.id]);
  return l.id;
}

beforeAll(async () => {
  api = await startTestApi();
  owner = await api.register({ displayName: 'Toko Senar' });
  storeId = randomUUID();
  await api.sql(`insert into stores (id, owner_id, slug, name, address, city_code, created_at) values ($1, $2, $3, 'Toko Senar', 'Jl. Dago 10', '32.73', now())`, [storeId, owner.id, `senar-${storeId.slice(0, 8)}`]);
  serviceId = (await api.sql(`select id from shipping_services where code = 'JNE-REG'`))[0].id;
  Object.assign(input, { storeId, shippingServiceId: serviceId });
});
afterAll(() => api?.close());

describe('checkout refusals write nothing', () => {
  it('one line short of stock: CONFLICT naming it; the other line keeps its stock, no order, the cart is kept', async () => {
    const strings = await product(10, 'Senar gitar Elixir Nanoweb');
    const picks = await product(1, 'Pick Dunlop Tortex isi 12');
    const buyer = await api.register();
    await putInCart(buyer, strings, 3);
    await putInCart(buyer, picks, 2);
    const cart = await cartOf(buyer);
    const res = await checkoutAs(buyer);
    expect(codeOf(res)).toBe('CONFLICT');
    expect(res.errors![0].message).toContain('Pick Dunlop Tortex isi 12');
    expect(res.errors![0].extensions!.field).toBe('cart');
    expect([await stockOf(strings), await stockOf(picks), await ordersOf(buyer)]).toEqual([10, 1, 0]);
    expect(await cartOf(buyer)).toEqual(cart);
  });

  it('a product taken off sale, or the buyer\'s own product: CONFLICT, nothing written', async () => {
    const capo = await product(5, 'Capo Kyser');
    const buyer = await api.register();
    await putInCart(buyer, capo, 1);
    await api.sql(`update listings set status = 'CLOSED' where id = $1`, [capo]);
    expect(codeOf(await checkoutAs(buyer))).toBe('CONFLICT');
    expect([await stockOf(capo), await ordersOf(buyer)]).toEqual([5, 0]);

    const tuner = await product(5, 'Tuner Snark');
    await putInCart(owner, tuner, 1);
    expect(codeOf(await checkoutAs(owner))).toBe('CONFLICT');
    expect([await stockOf(tuner), await ordersOf(owner)]).toEqual([5, 0]);
  });

  it('unknown store or service ids are BAD_USER_INPUT on their field', async () => {
    const buyer = await api.register();
    for (const [over, field] of [[{ storeId: 'nope' }, 'storeId'], [{ storeId: randomUUID() }, 'storeId'], [{ shippingServiceId: randomUUID() }, 'shippingServiceId']] as const) {
      const res = await api.gql(CHECKOUT, { input: { ...input, ...over, shipTo: SHIP_TO } }, buyer.accessToken);
      expect([codeOf(res), res.errors![0].extensions!.field]).toEqual(['BAD_USER_INPUT', field]);
    }
  });
});

describe('concurrency', () => {
  it('80 buyers of the same two products (stock 25 each) at once: exactly 25 orders of both lines, no deadlock, the rest CONFLICT', async () => {
    const a = await product(25, 'Stik drum Vic Firth 5A');
    const b = await product(25, 'Pad latihan drum 12 inci');
    const buyers: Session[] = [];
    for (let i = 0; i < 80; i += 20) buyers.push(...(await Promise.all(Array.from({ length: 20 }, () => api.register()))));
    // Half put B in the cart first: the write locks in listing-id order whatever the cart order.
    for (const [i, s] of buyers.entries()) for (const id of i % 2 ? [a, b] : [b, a]) await putInCart(s, id, 1);
    const results = await Promise.all(buyers.map((s) => checkoutAs(s)));
    const ok = results.filter((r) => r.data?.checkout);
    expect(ok).toHaveLength(25);
    expect(ok.every((r) => r.data!.checkout.items.length === 2)).toBe(true);
    expect(results.filter((r) => !r.data?.checkout).map(codeOf).filter((c) => c !== 'CONFLICT')).toEqual([]);
    expect([await stockOf(a), await stockOf(b)]).toEqual([0, 0]);
    const [{ n }] = await api.sql(`select count(*)::int as n from cart_items where listing_id = any($1::uuid[])`, [[a, b]]);
    expect(n).toBe(55 * 2);
  }, 120_000);
});

describe('low-stock alert', () => {
  it('notifies each staff member once, when a sale brings the stock down to the threshold, not on every later sale', async () => {
    const staff = await api.register({ displayName: 'Kasir Senar' });
    await api.sql(`insert into store_staff (store_id, user_id) values ($1, $2)`, [storeId, staff.id]);
    const amp = await product(4, 'Ampli Fender Frontman 10G', 2);
    const alerts = async (s: Session) =>
      Number((await api.sql(`select count(*)::int as n from notifications where user_id = $1 and kind = 'LOW_STOCK' and text like '%Frontman%'`, [s.id]))[0].n);
    const counts: number[][] = [];
    for (let i = 0; i < 4; i++) {
      const buyer = await api.register();
      await putInCart(buyer, amp, 1);
      expect((await checkoutAs(buyer)).data!.checkout.status).toBe('PENDING_PAYMENT');
      counts.push([await alerts(owner), await alerts(staff)]);
    }
    // Stock 3, 2 (crossed: alert), 1, 0.
    expect(counts).toEqual([[0, 0], [1, 1], [1, 1], [1, 1]]);
  });
});
