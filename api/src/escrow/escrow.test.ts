import { createHash } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { codeOf, startTestApi, testPng, type Session, type TestApi } from '../test/harness.js';

const SERVER_KEY = 'SB-Mid-server-TEST';
let api: TestApi;
let admin: Session;
let snap: Server;

const ROOM = `id status amount fee total feeScheduleVersion myRole inviteCode buyer { id } seller { id } payment { id provider status amount } shipment { trackingNumber } timeline { systemEvent }`;
const CREATE = `mutation C($input: CreateEscrowRoomInput!) { createEscrowRoom(input: $input) { ${ROOM} } }`;
const PAY = `mutation P($id: ID!, $provider: PaymentProvider) { payEscrowRoom(roomId: $id, provider: $provider) { id provider amount status redirectUrl } }`;
const CONFIRM_PAY = `mutation A($id: ID!) { confirmEscrowPayment(roomId: $id) { id status } }`;
const SHIP = `mutation S($id: ID!) { shipEscrowRoom(roomId: $id, input: { courier: JNE, trackingNumber: "JNE123456789" }) { id status inspectionEndsAt } }`;
const RECEIVED = `mutation R($id: ID!) { confirmEscrowReceived(roomId: $id) { id status } }`;

const balance = async (account: string) => Number((await api.sql(`select coalesce(sum(amount), 0) as b from ledger_postings where account = $1`, [account]))[0].b);
const count = async (kind: string, roomId: string) => (await api.sql(`select count(*)::int as n from ledger_transactions where kind = $1 and subject_id = $2`, [kind, roomId]))[0].n;

/** A room funded by manual transfer: buyer, seller, room id. */
async function fundedRoom(amount = 250_000) {
  const [buyer, seller] = [await api.register(), await api.register()];
  const room = (await api.gql(CREATE, { input: { role: 'BUYER', counterpartyEmail: seller.email, title: 'Kamera Fujifilm X-T20', amount } }, buyer.accessToken)).data!.createEscrowRoom;
  await api.gql(PAY, { id: room.id }, buyer.accessToken);
  await api.gql(CONFIRM_PAY, { id: room.id }, admin.accessToken);
  return { buyer, seller, room };
}

function midtransBody(orderId: string, grossAmount: string, status = 'settlement', statusCode = '200', transactionId = 'tx-' + orderId) {
  const signature_key = createHash('sha512').update(orderId + statusCode + grossAmount + SERVER_KEY).digest('hex');
  return { order_id: orderId, status_code: statusCode, gross_amount: grossAmount, transaction_status: status, transaction_id: transactionId, fraud_status: 'accept', signature_key };
}
const notify = (body: unknown) => fetch(`${api.url}/webhooks/midtrans`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

beforeAll(async () => {
  // A local stand-in for Midtrans Snap (POST /snap/v1/transactions → token + redirect_url).
  snap = createServer((req, res) => {
    req.resume();
    req.on('end', () => res.writeHead(201, { 'content-type': 'application/json' }).end(JSON.stringify({ token: 'snap-token', redirect_url: 'http://127.0.0.1/snap/pay' })));
  });
  await new Promise<void>((r) => snap.listen(0, '127.0.0.1', () => r()));
  const port = (snap.address() as { port: number }).port;
  api = await startTestApi({ MIDTRANS_SERVER_KEY: SERVER_KEY, MIDTRANS_BASE_URL: `http://127.0.0.1:${port}`, ESCROW_INSPECTION_SECONDS: '3', JOB_POLL_SECONDS: '0.5' });
  admin = await api.register();
  await api.sql(`update users set role = 'ADMIN' where id = $1`, [admin.id]);
});
afterAll(async () => {
  await api?.close();
  snap?.close();
});

describe('escrowFeeQuote', () => {
  it.each([
    [10_000, 5_000], [100_000, 5_000], [100_001, 10_000], [3_500_000, 35_000], [3_500_001, 87_500],
    [6_500_000, 162_500], [6_500_001, 221_000], [10_000_000, 340_000], [10_000_001, 420_000], [20_000_000, 840_000],
  ])('%i → fee %i', async (amount, fee) => {
    const res = await api.gql(`query Q($a: Money!) { escrowFeeQuote(amount: $a) { amount fee total scheduleVersion } }`, { a: amount });
    expect(res.data!.escrowFeeQuote).toEqual({ amount, fee, total: amount + fee, scheduleVersion: 1 });
  });

  it.each([9_999, 20_000_001, 0])('refuses %i with BAD_USER_INPUT naming the range', async (amount) => {
    const res = await api.gql(`query Q($a: Money!) { escrowFeeQuote(amount: $a) { fee } }`, { a: amount });
    expect(codeOf(res)).toBe('BAD_USER_INPUT');
    expect(res.errors![0].message).toContain('Rp 10.000');
    expect(res.errors![0].message).toContain('Rp 20.000.000');
  });
});

describe('room lifecycle (manual transfer)', () => {
  it('create → pay → admin confirms → ship → confirm → RELEASED, with the ledger balanced at every step', async () => {
    const [buyer, seller] = [await api.register(), await api.register()];
    const created = await api.gql(CREATE, { input: { role: 'BUYER', counterpartyEmail: seller.email, title: 'Kamera Fujifilm X-T20', description: 'Bekas, lengkap', amount: 4_250_000 } }, buyer.accessToken);
    const room = created.data!.createEscrowRoom;
    expect(room).toMatchObject({ status: 'AWAITING_PAYMENT', amount: 4_250_000, fee: 106_250, total: 4_356_250, myRole: 'BUYER', buyer: { id: buyer.id }, seller: { id: seller.id } });
    expect(codeOf(await api.gql(PAY, { id: room.id }, seller.accessToken))).toBe('FORBIDDEN');
    const payment = (await api.gql(PAY, { id: room.id }, buyer.accessToken)).data!.payEscrowRoom;
    expect(payment).toMatchObject({ provider: 'MANUAL_TRANSFER', amount: 4_356_250, status: 'PENDING' });
    const proof = await api.upload(buyer.accessToken, await testPng());
    expect((await api.gql(`mutation M($p: ID!, $f: ID!) { submitPaymentProof(paymentId: $p, photoId: $f) { id } }`, { p: payment.id, f: proof.json.id }, buyer.accessToken)).errors).toBeUndefined();
    const seenProof = (token: string) => api.gql(`query R($id: ID!) { escrowRoom(id: $id) { payment { proof { id } } } }`, { id: room.id }, token);
    expect((await seenProof(admin.accessToken)).data!.escrowRoom.payment.proof).toEqual({ id: proof.json.id });
    expect((await seenProof(seller.accessToken)).data!.escrowRoom.payment.proof).toBeNull();
    const byInvite = await api.gql(`query I($c: String!) { escrowRoomByInvite(code: $c) { title conversation { id } } }`, { c: room.inviteCode }, (await api.register()).accessToken);
    expect(byInvite.data!.escrowRoomByInvite).toEqual({ title: 'Kamera Fujifilm X-T20', conversation: null });
    expect((await api.gql(`{ escrowRoomsNeedingAttention { id } }`, {}, admin.accessToken)).data!.escrowRoomsNeedingAttention.map((r: any) => r.id)).toContain(room.id);
    expect(codeOf(await api.gql(SHIP, { id: room.id }, seller.accessToken))).toBe('INVALID_STATE');
    expect(codeOf(await api.gql(CONFIRM_PAY, { id: room.id }, buyer.accessToken))).toBe('FORBIDDEN');
    expect((await api.gql(CONFIRM_PAY, { id: room.id }, admin.accessToken)).data!.confirmEscrowPayment.status).toBe('FUNDED');
    expect(codeOf(await api.gql(CONFIRM_PAY, { id: room.id }, admin.accessToken))).toBe('INVALID_STATE');
    expect(await balance('ESCROW_HOLDING')).toBeLessThanOrEqual(-4_250_000);
    expect(codeOf(await api.gql(SHIP, { id: room.id }, buyer.accessToken))).toBe('FORBIDDEN');
    expect(codeOf(await api.gql(`mutation C($id: ID!) { cancelEscrowRoom(roomId: $id) { id } }`, { id: room.id }, buyer.accessToken))).toBe('INVALID_STATE');
    expect((await api.gql(SHIP, { id: room.id }, seller.accessToken)).data!.shipEscrowRoom.status).toBe('SHIPPED');
    expect(codeOf(await api.gql(RECEIVED, { id: room.id }, seller.accessToken))).toBe('FORBIDDEN');
    expect((await api.gql(RECEIVED, { id: room.id }, buyer.accessToken)).data!.confirmEscrowReceived.status).toBe('RELEASED');
    expect(codeOf(await api.gql(RECEIVED, { id: room.id }, buyer.accessToken))).toBe('INVALID_STATE');
    expect(await balance(`PAYABLE:${seller.id}`)).toBe(-4_250_000);
    const final = await api.gql(`query R($id: ID!) { escrowRoom(id: $id) { ${ROOM} } }`, { id: room.id }, seller.accessToken);
    expect(final.data!.escrowRoom.timeline.map((m: any) => m.systemEvent)).toEqual(['ESCROW_CREATED', 'ESCROW_FUNDED', 'ESCROW_SHIPPED', 'ESCROW_RECEIVED', 'ESCROW_RELEASED']);
    const dash = await api.gql(`{ adminDashboard { feeIncomeTotal feeIncomeByDay { period amount } successfulByDay { count } } }`, {}, admin.accessToken);
    expect(dash.data!.adminDashboard.feeIncomeTotal).toBeGreaterThanOrEqual(106_250);
    expect(codeOf(await api.gql(`{ adminDashboard { feeIncomeTotal } }`, {}, buyer.accessToken))).toBe('FORBIDDEN');
    expect(codeOf(await api.gql(`query R($id: ID!) { escrowRoom(id: $id) { id } }`, { id: room.id }, (await api.register()).accessToken))).toBe('FORBIDDEN');
  });

  it('the counterparty joins by invite link; a third member cannot', async () => {
    const [seller, buyer, third] = [await api.register(), await api.register(), await api.register()];
    const room = (await api.gql(CREATE, { input: { role: 'SELLER', title: 'Sepatu', amount: 50_000 } }, seller.accessToken)).data!.createEscrowRoom;
    expect(room.inviteCode).toBeTruthy();
    const joined = await api.gql(`mutation J($c: String!) { joinEscrowRoom(inviteCode: $c) { myRole buyer { id } } }`, { c: room.inviteCode }, buyer.accessToken);
    expect(joined.data!.joinEscrowRoom).toEqual({ myRole: 'BUYER', buyer: { id: buyer.id } });
    expect(codeOf(await api.gql(`mutation J($c: String!) { joinEscrowRoom(inviteCode: $c) { id } }`, { c: room.inviteCode }, third.accessToken))).toBe('CONFLICT');
    expect(codeOf(await api.gql(CREATE, { input: { role: 'BUYER', counterpartyEmail: 'nobody@example.test', title: 'X', amount: 50_000 } }, buyer.accessToken))).toBe('BAD_USER_INPUT');
  });

  it('concurrent receipt confirmations release exactly once', async () => {
    const { buyer, seller, room } = await fundedRoom();
    await api.gql(SHIP, { id: room.id }, seller.accessToken);
    const results = await Promise.all(Array.from({ length: 5 }, () => api.gql(RECEIVED, { id: room.id }, buyer.accessToken)));
    expect(results.filter((r) => r.data?.confirmEscrowReceived).length).toBe(1);
    expect(await count('RELEASE', room.id)).toBe(1);
    expect(await balance(`PAYABLE:${seller.id}`)).toBe(-250_000);
  });

  it('releases by itself after the inspection period (job)', async () => {
    const { seller, room } = await fundedRoom();
    await api.gql(SHIP, { id: room.id }, seller.accessToken);
    const until = Date.now() + 20_000;
    let status = '';
    while (Date.now() < until && status !== 'RELEASED') {
      status = (await api.sql(`select status from escrow_rooms where id = $1`, [room.id]))[0].status;
      await new Promise((r) => setTimeout(r, 250));
    }
    expect(status).toBe('RELEASED');
    expect(await count('RELEASE', room.id)).toBe(1);
  });
});

describe('disputes', () => {
  it('SPLIT parts must add up to the held amount; the admin decision is booked and audited', async () => {
    const { buyer, seller, room } = await fundedRoom(300_000);
    expect(codeOf(await api.gql(`mutation D($id: ID!) { openEscrowDispute(roomId: $id, reason: "Barang tidak sesuai deskripsi") { status } }`, { id: room.id }, (await api.register()).accessToken))).toBe('FORBIDDEN');
    expect((await api.gql(`mutation D($id: ID!) { openEscrowDispute(roomId: $id, reason: "Barang tidak sesuai deskripsi") { status } }`, { id: room.id }, buyer.accessToken)).data!.openEscrowDispute.status).toBe('DISPUTED');
    const resolve = (input: Record<string, unknown>, token = admin.accessToken) => api.gql(`mutation X($id: ID!, $input: ResolveEscrowDisputeInput!) { resolveEscrowDispute(roomId: $id, input: $input) { status dispute { outcome } } }`, { id: room.id, input }, token);
    expect(codeOf(await resolve({ outcome: 'SPLIT', toSeller: 100_000, toBuyer: 100_000, note: 'Bagi dua.' }))).toBe('BAD_USER_INPUT');
    expect(codeOf(await resolve({ outcome: 'REFUND', note: 'Kembalikan.' }, seller.accessToken))).toBe('FORBIDDEN');
    const done = await resolve({ outcome: 'SPLIT', toSeller: 200_000, toBuyer: 100_000, note: 'Barang cacat sebagian.' });
    expect(done.data!.resolveEscrowDispute).toEqual({ status: 'SPLIT', dispute: { outcome: 'SPLIT' } });
    expect(await balance(`PAYABLE:${seller.id}`)).toBe(-200_000);
    expect(await balance(`PAYABLE:${buyer.id}`)).toBe(-100_000);
    const [{ n }] = await api.sql(`select count(*)::int as n from audit_log where action = 'DISPUTE_RESOLVED' and subject_id = $1`, [room.id]);
    expect(n).toBe(1);
  });

  it('REFUND returns amount and fee to the buyer', async () => {
    const { buyer, room } = await fundedRoom(100_000);
    await api.gql(`mutation D($id: ID!) { openEscrowDispute(roomId: $id, reason: "Penjual menghilang setelah dibayar") { status } }`, { id: room.id }, buyer.accessToken);
    await api.gql(`mutation X($id: ID!) { resolveEscrowDispute(roomId: $id, input: { outcome: REFUND, note: "Dana dikembalikan." }) { status } }`, { id: room.id }, admin.accessToken);
    expect(await balance(`PAYABLE:${buyer.id}`)).toBe(-105_000);
  });
});

describe('Midtrans webhooks', () => {
  async function midtransRoom(amount = 150_000) {
    const [buyer, seller] = [await api.register(), await api.register()];
    const room = (await api.gql(CREATE, { input: { role: 'BUYER', counterpartyEmail: seller.email, title: 'Jam tangan', amount } }, buyer.accessToken)).data!.createEscrowRoom;
    const payment = (await api.gql(PAY, { id: room.id, provider: 'MIDTRANS' }, buyer.accessToken)).data!.payEscrowRoom;
    expect(payment.redirectUrl).toBe('http://127.0.0.1/snap/pay');
    return { room, payment };
  }
  const status = async (id: string) => (await api.sql(`select status from escrow_rooms where id = $1`, [id]))[0].status;

  it('a good signature funds the room; the same notification again changes nothing', async () => {
    const { room, payment } = await midtransRoom();
    const body = midtransBody(payment.id, '160000.00');
    const first = await notify(body);
    expect(first.status).toBe(200);
    expect((await first.json()).outcome).toBe('APPLIED');
    expect(await status(room.id)).toBe('FUNDED');
    const again = await notify(body);
    expect((await again.json()).outcome).toBe('DUPLICATE');
    expect(await count('FUND', room.id)).toBe(1);
  });

  it('a bad signature answers 401 and changes nothing', async () => {
    const { room, payment } = await midtransRoom();
    const res = await notify({ ...midtransBody(payment.id, '160000.00'), signature_key: 'f'.repeat(128) });
    expect(res.status).toBe(401);
    expect(await status(room.id)).toBe('AWAITING_PAYMENT');
  });

  it('a wrong amount changes nothing and alerts the admins', async () => {
    const { room, payment } = await midtransRoom();
    const res = await notify(midtransBody(payment.id, '100.00'));
    expect((await res.json()).outcome).toBe('AMOUNT_MISMATCH');
    expect(await status(room.id)).toBe('AWAITING_PAYMENT');
    const notes = await api.gql(`{ notifications { kind } }`, {}, admin.accessToken);
    expect(notes.data!.notifications.map((n: any) => n.kind)).toContain('PAYMENT_AMOUNT_MISMATCH');
    // The correct notification for the same transaction afterwards is a different event: it applies.
    expect((await (await notify(midtransBody(payment.id, '160000.00'))).json()).outcome).toBe('APPLIED');
    expect(await status(room.id)).toBe('FUNDED');
  });

  /** A store order of a fresh store, with a MIDTRANS payment started by its buyer. */
  async function midtransOrder() {
    const owner = await api.register();
    const storeId = (await api.sql(`insert into stores (id, owner_id, slug, name, address, city_code, created_at) values (gen_random_uuid(), $1, 'toko-' || substr(md5(random()::text), 1, 8), 'Toko', 'Jl. Braga No. 1', '32.73', now()) returning id`, [owner.id]))[0].id;
    const { createListing } = await import('../test/harness.js');
    const l = await createListing(api, owner, { kind: 'SALE', barter: null, sale: { price: 100_000, stock: 2, weightGrams: 500 } });
    await api.sql(`update listings set store_id = $1 where id = $2`, [storeId, l.id]);
    const buyer = await api.register();
    await api.gql(`mutation A($id: ID!) { addToCart(listingId: $id) { items } }`, { id: l.id }, buyer.accessToken);
    const serviceId = (await api.sql(`select id from shipping_services where code = 'JNE-REG'`))[0].id;
    const order = (await api.gql(`mutation C($i: CheckoutInput!) { checkout(input: $i) { id total } }`, { i: { storeId, shippingServiceId: serviceId, shipTo: { recipient: 'Budi', phone: '081234567890', address: 'Jl. Merdeka No. 1', cityCode: '32.73' } } }, buyer.accessToken)).data!.checkout;
    const payment = (await api.gql(`mutation P($id: ID!) { payOrder(orderId: $id, provider: MIDTRANS) { id amount redirectUrl } }`, { id: order.id }, buyer.accessToken)).data!.payOrder;
    return { owner, order, payment };
  }
  /** An order's ORDER_PAY postings: "account amount". */
  const orderPay = async (orderId: string) => (await api.sql(`select p.account, p.amount from ledger_transactions t join ledger_postings p on p.transaction_id = t.id
    where t.kind = 'ORDER_PAY' and t.subject_type = 'ORDER' and t.subject_id = $1 order by p.amount desc`, [orderId])).map((r) => `${r.account} ${Number(r.amount)}`);
  const CONFIRM_ORDER = `mutation P($id: ID!) { confirmOrderPayment(orderId: $id) { status } }`;

  it('the same webhook pays a store order (payments dispatch by what they are for), booked once in the ledger', async () => {
    const { owner, order, payment } = await midtransOrder();
    expect(payment.amount).toBe(order.total);
    expect((await (await notify(midtransBody(payment.id, `${order.total}.00`))).json()).outcome).toBe('APPLIED');
    expect((await api.sql(`select status from orders where id = $1`, [order.id]))[0].status).toBe('PAID');
    expect((await (await notify(midtransBody(payment.id, `${order.total}.00`))).json()).outcome).toBe('DUPLICATE');
    // Staff confirming a manual transfer afterwards cannot pay it a second time.
    expect(codeOf(await api.gql(CONFIRM_ORDER, { id: order.id }, owner.accessToken))).toBe('INVALID_STATE');
    expect(await orderPay(order.id)).toEqual([`PROVIDER:MIDTRANS ${order.total}`, `ORDER_HOLDING ${-order.total}`]);
  });

  it('a webhook racing staff confirmations pays a store order once', async () => {
    const { owner, order, payment } = await midtransOrder();
    const [hook, ...confirms] = await Promise.all([
      notify(midtransBody(payment.id, `${order.total}.00`)),
      ...Array.from({ length: 3 }, () => api.gql(CONFIRM_ORDER, { id: order.id }, owner.accessToken)),
    ]);
    expect(hook.status).toBe(200);
    const { outcome } = await hook.json();
    expect(['APPLIED', 'UNMATCHED']).toContain(outcome);
    const applied = outcome === 'APPLIED';
    // Whoever locks the order first pays it; the others find it PAID. A webhook that comes second
    // still answers 200: its money is booked as owed back to the buyer (UNMATCHED_PAYMENT).
    expect(confirms.filter((r) => r.data?.confirmOrderPayment).length).toBe(applied ? 0 : 1);
    expect((await api.sql(`select status from orders where id = $1`, [order.id]))[0].status).toBe('PAID');
    const provider = applied ? 'MIDTRANS' : 'MANUAL_TRANSFER';
    expect(await orderPay(order.id)).toEqual([`PROVIDER:${provider} ${order.total}`, `ORDER_HOLDING ${-order.total}`]);
    const [{ n }] = await api.sql(`select count(*)::int as n from ledger_transactions where kind = 'UNMATCHED_PAYMENT' and subject_type = 'PAYMENT' and subject_id = $1`, [payment.id]);
    expect(n).toBe(applied ? 0 : 1);
  });

  it('expire marks the payment EXPIRED and the room stays payable', async () => {
    const { room, payment } = await midtransRoom();
    await notify(midtransBody(payment.id, '160000.00', 'expire', '407'));
    expect((await api.sql(`select status from payments where id = $1`, [payment.id]))[0].status).toBe('EXPIRED');
    expect(await status(room.id)).toBe('AWAITING_PAYMENT');
  });
});
