import { createHash, randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createListing, startTestApi, type Session, type TestApi } from '../test/harness.js';

// Money must never be lost (PRODUCT §4 "every rupiah", §11): a provider that reports a
// payment for a store order or an escrow room that can no longer take it (paid by another
// route meanwhile, cancelled, expired) gets 200 and stops retrying; the payment is PAID, its
// amount booked once as owed back to the payer (UNMATCHED_PAYMENT: PROVIDER:<provider> +,
// PAYABLE:<payer> −), the admins and the payer are told, and the order or room stays as it was.

const SERVER_KEY = 'SB-Mid-server-UNMATCHED';
let api: TestApi;
let snap: Server;
let admin: Session;
let owner: Session;
let storeId: string;
let serviceId: string;

const SHIP_TO = { recipient: 'Rina Kartika', phone: '081234567890', address: 'Jl. Kaliurang KM 5 No. 12', cityCode: '34.71' };
const CONFIRM_ORDER = `mutation P($id: ID!) { confirmOrderPayment(orderId: $id) { status } }`;
const ACT = `mutation U($id: ID!, $a: OrderAction!) { updateOrder(orderId: $id, action: $a) { status } }`;
const CREATE_ROOM = `mutation C($input: CreateEscrowRoomInput!) { createEscrowRoom(input: $input) { id total } }`;
const PAY_ROOM = `mutation P($id: ID!, $provider: PaymentProvider) { payEscrowRoom(roomId: $id, provider: $provider) { id amount } }`;

function midtransBody(orderId: string, grossAmount: string, status = 'settlement', statusCode = '200') {
  const signature_key = createHash('sha512').update(orderId + statusCode + grossAmount + SERVER_KEY).digest('hex');
  return { order_id: orderId, status_code: statusCode, gross_amount: grossAmount, transaction_status: status, transaction_id: `tx-${orderId}`, fraud_status: 'accept', signature_key };
}
/** Posts a Midtrans notification: the HTTP status and the outcome. */
async function notify(paymentId: string, amount: number, status?: string, statusCode?: string): Promise<{ status: number; outcome?: string }> {
  const res = await fetch(`${api.url}/webhooks/midtrans`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(midtransBody(paymentId, `${amount}.00`, status, statusCode)) });
  return { status: res.status, outcome: ((await res.json()) as { outcome?: string }).outcome };
}

beforeAll(async () => {
  // A local stand-in for Midtrans Snap (POST /snap/v1/transactions → token + redirect_url).
  snap = createServer((req, res) => {
    req.resume();
    req.on('end', () => res.writeHead(201, { 'content-type': 'application/json' }).end(JSON.stringify({ token: 'snap-token', redirect_url: 'http://127.0.0.1/snap/pay' })));
  });
  await new Promise<void>((r) => snap.listen(0, '127.0.0.1', () => r()));
  api = await startTestApi({ MIDTRANS_SERVER_KEY: SERVER_KEY, MIDTRANS_BASE_URL: `http://127.0.0.1:${(snap.address() as { port: number }).port}` });
  admin = await api.register();
  await api.sql(`update users set role = 'ADMIN' where id = $1`, [admin.id]);
  owner = await api.register({ displayName: 'Toko Uji' });
  storeId = randomUUID();
  await api.sql(`insert into stores (id, owner_id, slug, name, address, city_code, created_at) values ($1, $2, $3, 'Toko Uji', 'Jl. Braga 1', '32.73', now())`,
    [storeId, owner.id, `uji-${storeId.slice(0, 8)}`]);
  serviceId = (await api.sql(`select id from shipping_services where code = 'JNE-REG'`))[0].id;
});
afterAll(async () => {
  await api?.close(); // runs the ledger check
  snap?.close();
});

/** A PENDING_PAYMENT order of a fresh buyer, with a MIDTRANS payment started. */
async function midtransOrder(): Promise<{ buyer: Session; order: { id: string; total: number }; payment: { id: string; amount: number } }> {
  const l = await createListing(api, owner, { kind: 'SALE', barter: null, title: 'Batik tulis Pekalongan', sale: { price: 275_000, stock: 5, weightGrams: 400 } });
  await api.sql(`update listings set store_id = $1 where id = $2`, [storeId, l.id]);
  const buyer = await api.register();
  await api.gql(`mutation A($id: ID!) { addToCart(listingId: $id, quantity: 1) { items } }`, { id: l.id }, buyer.accessToken);
  const order = (await api.gql(`mutation C($i: CheckoutInput!) { checkout(input: $i) { id total } }`, { i: { storeId, shippingServiceId: serviceId, shipTo: SHIP_TO } }, buyer.accessToken)).data!.checkout;
  const payment = (await api.gql(`mutation P($id: ID!) { payOrder(orderId: $id, provider: MIDTRANS) { id amount } }`, { id: order.id }, buyer.accessToken)).data!.payOrder;
  expect(payment.amount).toBe(order.total);
  return { buyer, order, payment };
}

/** An AWAITING_PAYMENT escrow room of a fresh buyer and seller, with a MIDTRANS payment started. */
async function midtransRoom(): Promise<{ buyer: Session; room: { id: string; total: number }; payment: { id: string; amount: number } }> {
  const [buyer, seller] = [await api.register(), await api.register()];
  const room = (await api.gql(CREATE_ROOM, { input: { role: 'BUYER', counterpartyEmail: seller.email, title: 'Sepeda lipat', amount: 500_000 } }, buyer.accessToken)).data!.createEscrowRoom;
  const payment = (await api.gql(PAY_ROOM, { id: room.id, provider: 'MIDTRANS' }, buyer.accessToken)).data!.payEscrowRoom;
  return { buyer, room, payment };
}

/** Every booking of a subject (order or room id) or payment id: "KIND account amount", in booking order. */
async function bookings(subjectId: string): Promise<string[]> {
  const rows = await api.sql(`select t.kind, p.account, p.amount from ledger_transactions t join ledger_postings p on p.transaction_id = t.id
    where t.subject_id = $1 order by t.created_at, t.id, p.amount desc`, [subjectId]);
  return rows.map((r) => `${r.kind} ${r.account} ${Number(r.amount)}`);
}
const unmatched = (paymentId: string, provider: string, payerId: string, amount: number) => [
  `UNMATCHED_PAYMENT PROVIDER:${provider} ${amount}`, `UNMATCHED_PAYMENT PAYABLE:${payerId} ${-amount}`,
];
const paymentStatus = async (id: string) => (await api.sql(`select status, paid_at is not null as paid from payments where id = $1`, [id]))[0];
const orderStatus = async (id: string) => (await api.sql(`select status from orders where id = $1`, [id]))[0].status;
const roomStatus = async (id: string) => (await api.sql(`select status from escrow_rooms where id = $1`, [id]))[0].status;
/** The PAYMENT_UNMATCHED notifications of a member: their links. */
async function alerts(s: Session): Promise<string[]> {
  const res = await api.gql(`{ notifications(first: 100) { kind link } }`, {}, s.accessToken);
  return res.data!.notifications.filter((n: { kind: string }) => n.kind === 'PAYMENT_UNMATCHED').map((n: { link: string }) => n.link);
}
const check = () => api.services.ledger.check(api.orm.em.fork());

describe('a provider payment for an order that can no longer take it', () => {
  it('staff confirmed a manual transfer, then Midtrans settles the same order: 200, PAID, owed back to the buyer once, admins told', async () => {
    const { buyer, order, payment } = await midtransOrder();
    expect((await api.gql(CONFIRM_ORDER, { id: order.id }, owner.accessToken)).data!.confirmOrderPayment.status).toBe('PAID');
    const paidBefore = [`ORDER_PAY PROVIDER:MANUAL_TRANSFER ${order.total}`, `ORDER_PAY ORDER_HOLDING ${-order.total}`];
    expect(await bookings(order.id)).toEqual(paidBefore);
    const adminAlertsBefore = (await alerts(admin)).length;

    expect(await notify(payment.id, order.total)).toEqual({ status: 200, outcome: 'UNMATCHED' });
    expect(await paymentStatus(payment.id)).toEqual({ status: 'PAID', paid: true });
    expect(await orderStatus(order.id)).toBe('PAID');
    expect(await bookings(order.id)).toEqual(paidBefore); // the order's money is untouched: not paid twice
    expect(await bookings(payment.id)).toEqual(unmatched(payment.id, 'MIDTRANS', buyer.id, order.total));
    expect(await alerts(buyer)).toEqual([`/pesanan/${order.id}`]);
    expect(await alerts(admin)).toContain(`/pesanan/${order.id}`);
    expect((await alerts(admin)).length).toBe(adminAlertsBefore + 1);

    // The same notification again, and a later one for the same payment, book nothing more.
    expect(await notify(payment.id, order.total)).toEqual({ status: 200, outcome: 'DUPLICATE' });
    expect(await notify(payment.id, order.total, 'capture')).toEqual({ status: 200, outcome: 'IGNORED' });
    expect(await bookings(payment.id)).toHaveLength(2);
    expect(await alerts(buyer)).toHaveLength(1);
    expect((await alerts(admin)).length).toBe(adminAlertsBefore + 1);
    expect(await check()).toEqual([]);

    // The order carries on as it was, with its one payment: refunding it owes the buyer that one too.
    const { data } = await api.gql(ACT, { id: order.id, a: 'REFUND' }, owner.accessToken);
    expect(data!.updateOrder.status).toBe('REFUNDED');
    expect(await bookings(order.id)).toEqual([...paidBefore, `ORDER_REFUND ORDER_HOLDING ${order.total}`, `ORDER_REFUND PAYABLE:${buyer.id} ${-order.total}`]);
    expect(await check()).toEqual([]);
  });

  it('an order that expired unpaid, then Midtrans settles it: 200, PAID, owed back, the order stays CANCELLED', async () => {
    const { buyer, order, payment } = await midtransOrder();
    await api.sql(`update orders set expires_at = now() - interval '1 minute' where id = $1`, [order.id]);
    await api.services.commerce.expire(api.orm.em.fork(), order.id);
    expect(await orderStatus(order.id)).toBe('CANCELLED');

    expect(await notify(payment.id, order.total)).toEqual({ status: 200, outcome: 'UNMATCHED' });
    expect(await paymentStatus(payment.id)).toEqual({ status: 'PAID', paid: true });
    expect(await orderStatus(order.id)).toBe('CANCELLED');
    expect(await bookings(order.id)).toEqual([]);
    expect(await bookings(payment.id)).toEqual(unmatched(payment.id, 'MIDTRANS', buyer.id, order.total));
    expect(await alerts(buyer)).toEqual([`/pesanan/${order.id}`]);
    expect(await alerts(admin)).toContain(`/pesanan/${order.id}`);
    expect(await notify(payment.id, order.total)).toEqual({ status: 200, outcome: 'DUPLICATE' });
    expect(await bookings(payment.id)).toHaveLength(2);
    expect(await check()).toEqual([]);
  });

  it('an order the buyer cancelled, then Midtrans settles it: the same', async () => {
    const { buyer, order, payment } = await midtransOrder();
    expect((await api.gql(ACT, { id: order.id, a: 'CANCEL' }, buyer.accessToken)).data!.updateOrder.status).toBe('CANCELLED');
    expect(await notify(payment.id, order.total)).toEqual({ status: 200, outcome: 'UNMATCHED' });
    expect(await orderStatus(order.id)).toBe('CANCELLED');
    expect(await bookings(order.id)).toEqual([]);
    expect(await bookings(payment.id)).toEqual(unmatched(payment.id, 'MIDTRANS', buyer.id, order.total));
    expect(await check()).toEqual([]);
  });

  it('a payment that failed and then succeeded (a retry) still pays an order that waits for it', async () => {
    const { order, payment } = await midtransOrder();
    expect(await notify(payment.id, order.total, 'deny', '202')).toEqual({ status: 200, outcome: 'APPLIED' });
    expect((await paymentStatus(payment.id)).status).toBe('FAILED');
    expect(await notify(payment.id, order.total)).toEqual({ status: 200, outcome: 'APPLIED' });
    expect(await paymentStatus(payment.id)).toEqual({ status: 'PAID', paid: true });
    expect(await orderStatus(order.id)).toBe('PAID');
    expect(await bookings(order.id)).toEqual([`ORDER_PAY PROVIDER:MIDTRANS ${order.total}`, `ORDER_PAY ORDER_HOLDING ${-order.total}`]);
    expect(await bookings(payment.id)).toEqual([]);
  });
});

describe('a provider payment for an escrow room that can no longer take it', () => {
  it('a room cancelled before payment, then Midtrans settles it: 200, PAID, owed back to the buyer once, the room stays CANCELLED', async () => {
    const { buyer, room, payment } = await midtransRoom();
    expect((await api.gql(`mutation C($id: ID!) { cancelEscrowRoom(roomId: $id) { status } }`, { id: room.id }, buyer.accessToken)).data!.cancelEscrowRoom.status).toBe('CANCELLED');
    expect(await notify(payment.id, room.total)).toEqual({ status: 200, outcome: 'UNMATCHED' });
    expect(await paymentStatus(payment.id)).toEqual({ status: 'PAID', paid: true });
    expect(await roomStatus(room.id)).toBe('CANCELLED');
    expect(await bookings(room.id)).toEqual([]);
    expect(await bookings(payment.id)).toEqual(unmatched(payment.id, 'MIDTRANS', buyer.id, room.total));
    expect(await alerts(buyer)).toEqual([`/rekber/${room.id}`]);
    expect(await alerts(admin)).toContain(`/rekber/${room.id}`);
    expect(await notify(payment.id, room.total)).toEqual({ status: 200, outcome: 'DUPLICATE' });
    expect(await bookings(payment.id)).toHaveLength(2);
    expect(await check()).toEqual([]);
  });

  it('a room an admin funded by manual transfer, then Midtrans settles it too: the room is funded once', async () => {
    const { buyer, room, payment } = await midtransRoom();
    await api.gql(PAY_ROOM, { id: room.id }, buyer.accessToken); // a manual transfer as well
    expect((await api.gql(`mutation A($id: ID!) { confirmEscrowPayment(roomId: $id) { status } }`, { id: room.id }, admin.accessToken)).data!.confirmEscrowPayment.status).toBe('FUNDED');
    expect(await notify(payment.id, room.total)).toEqual({ status: 200, outcome: 'UNMATCHED' });
    expect(await roomStatus(room.id)).toBe('FUNDED');
    expect((await bookings(room.id)).filter((b) => b.startsWith('FUND PROVIDER'))).toEqual([`FUND PROVIDER:MANUAL_TRANSFER ${room.total}`]);
    expect(await bookings(payment.id)).toEqual(unmatched(payment.id, 'MIDTRANS', buyer.id, room.total));
    expect(await check()).toEqual([]);
  });
});
