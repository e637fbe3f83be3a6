import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createListing, startTestApi, type TestApi } from '../test/harness.js';

// Orders never stay SHIPPED or DELIVERED forever: a SHIPPED order nobody marked delivered
// counts as delivered ORDER_DELIVERED_AFTER_SECONDS after shipping (14 days), and a DELIVERED
// order the buyer never confirms is completed ORDER_CONFIRM_SECONDS after delivery (72 h),
// booking ORDER_RELEASE once. Its own server, with periods of 4 and 2 seconds.
let api: TestApi;

beforeAll(async () => {
  api = await startTestApi({ ORDER_CONFIRM_SECONDS: '2', ORDER_DELIVERED_AFTER_SECONDS: '4', JOB_POLL_SECONDS: '0.5' });
});
afterAll(() => api?.close());

describe('order confirmation job', () => {
  it('completes a delivered order after its period and releases the money to the store owner, once; the buyer can still confirm earlier', async () => {
    const owner = await api.register({ displayName: 'Toko Kopi Uji' });
    const storeId = randomUUID();
    await api.sql(`insert into stores (id, owner_id, slug, name, address, city_code, created_at) values ($1, $2, $3, 'Toko Kopi Uji', 'Jl. Asia Afrika 8', '32.73', now())`,
      [storeId, owner.id, `kopi-${storeId.slice(0, 8)}`]);
    const serviceId = (await api.sql(`select id from shipping_services where code = 'JNE-REG'`))[0].id;
    const l = await createListing(api, owner, { kind: 'SALE', barter: null, title: 'Kopi Gayo 250 g', sale: { price: 95_000, stock: 10, weightGrams: 300 } });
    await api.sql(`update listings set store_id = $1 where id = $2`, [storeId, l.id]);

    const deliver = async (steps: [string, string?][] = [['START_PROCESSING'], ['SHIP', 'JNE1234567890'], ['DELIVER']]) => {
      const buyer = await api.register();
      await api.sql(`insert into cart_items (user_id, listing_id, quantity, added_at) values ($1, $2, 1, now())`, [buyer.id, l.id]);
      const o = (await api.gql(`mutation C($i: CheckoutInput!) { checkout(input: $i) { id } }`,
        { i: { storeId, shippingServiceId: serviceId, shipTo: { recipient: 'Sari', phone: '081311112222', address: 'Jl. Sudirman No. 3', cityCode: '31.71' } } }, buyer.accessToken)).data!.checkout;
      await api.gql(`mutation P($id: ID!) { confirmOrderPayment(orderId: $id) { status } }`, { id: o.id }, owner.accessToken);
      for (const [a, t] of steps) {
        const res = await api.gql(`mutation U($id: ID!, $a: OrderAction!, $t: String) { updateOrder(orderId: $id, action: $a, trackingNumber: $t) { status shippedAt deliveredAt confirmBy deliveredBy } }`, { id: o.id, a, t }, owner.accessToken);
        if (a === 'SHIP') {
          const { shippedAt, deliveredBy } = res.data!.updateOrder;
          expect(new Date(deliveredBy).getTime() - new Date(shippedAt).getTime()).toBe(4000);
        }
        if (a === 'DELIVER') {
          const { deliveredAt, confirmBy, deliveredBy } = res.data!.updateOrder;
          expect(new Date(confirmBy).getTime() - new Date(deliveredAt).getTime()).toBe(2000);
          expect(deliveredBy).toBeNull();
        }
      }
      return { buyer, id: o.id as string };
    };
    const releases = async (id: string) => Number((await api.sql(`select count(*)::int as n from ledger_transactions where subject_id = $1 and kind = 'ORDER_RELEASE'`, [id]))[0].n);
    const statusOf = async (id: string) => (await api.sql(`select status from orders where id = $1`, [id]))[0].status;

    const forgotten = await deliver([['START_PROCESSING'], ['SHIP', 'JNE1234567890']]);
    const untouched = await deliver();
    const confirmed = await deliver();
    expect((await api.gql(`mutation U($id: ID!) { updateOrder(orderId: $id, action: COMPLETE) { status } }`, { id: confirmed.id }, confirmed.buyer.accessToken)).data!.updateOrder.status).toBe('COMPLETED');

    const until = Date.now() + 20_000;
    while (Date.now() < until && (await statusOf(untouched.id)) !== 'COMPLETED') await new Promise((r) => setTimeout(r, 250));
    expect(await statusOf(untouched.id)).toBe('COMPLETED');
    await api.services.commerce.autoComplete(api.orm.em.fork(), untouched.id);
    await api.services.commerce.autoComplete(api.orm.em.fork(), confirmed.id);
    expect([await releases(untouched.id), await releases(confirmed.id)]).toEqual([1, 1]);

    // Shipped, never marked delivered: delivered by the job after 4 s, completed 2 s later.
    while (Date.now() < until + 20_000 && (await statusOf(forgotten.id)) !== 'COMPLETED') await new Promise((r) => setTimeout(r, 250));
    const [row] = await api.sql(`select status, shipped_at, delivered_at, confirm_by from orders where id = $1`, [forgotten.id]);
    expect(row.status).toBe('COMPLETED');
    expect(row.delivered_at.getTime() - row.shipped_at.getTime()).toBeGreaterThanOrEqual(4000);
    expect(row.confirm_by.getTime() - row.delivered_at.getTime()).toBe(2000);
    await api.services.commerce.autoDeliver(api.orm.em.fork(), forgotten.id);
    expect(await releases(forgotten.id)).toBe(1);
  }, 60_000);
});
