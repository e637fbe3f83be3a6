import { createServer, type Server } from 'node:http';
import Stripe from 'stripe';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { codeOf, startTestApi, type Session, type TestApi } from '../test/harness.js';

// Stripe through the API: a local stand-in for POST /v1/payment_intents, and webhooks signed
// with the stripe library's test header (issue "Escrow rooms", item 3).
const WEBHOOK_SECRET = 'whsec_test_pasar';
let api: TestApi;
let admin: Session;
let stub: Server;

beforeAll(async () => {
  stub = createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      const form = new URLSearchParams(body);
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({
        id: 'pi_test_1', object: 'payment_intent', amount: Number(form.get('amount')), currency: 'idr',
        client_secret: 'pi_test_1_secret_x', metadata: { orderId: form.get('metadata[orderId]') }, status: 'requires_payment_method',
      }));
    });
  });
  await new Promise<void>((r) => stub.listen(0, '127.0.0.1', () => r()));
  api = await startTestApi({
    STRIPE_SECRET_KEY: 'sk_test_pasar', STRIPE_WEBHOOK_SECRET: WEBHOOK_SECRET, STRIPE_API_HOST: '127.0.0.1',
    STRIPE_API_PORT: String((stub.address() as { port: number }).port), STRIPE_API_PROTOCOL: 'http',
  });
  admin = await api.register();
  await api.sql(`update users set role = 'ADMIN' where id = $1`, [admin.id]);
});
afterAll(async () => {
  await api?.close();
  stub?.close();
});

function event(orderId: string, amountSen: number, type = 'payment_intent.succeeded', id = `evt_${orderId}`) {
  return JSON.stringify({ id, object: 'event', type, data: { object: { id: 'pi_test_1', object: 'payment_intent', amount: amountSen, amount_received: amountSen, currency: 'idr', metadata: { orderId } } } });
}
const post = (payload: string, secret = WEBHOOK_SECRET) => fetch(`${api.url}/webhooks/stripe`, {
  method: 'POST', body: payload,
  headers: { 'content-type': 'application/json', 'stripe-signature': Stripe.webhooks.generateTestHeaderString({ payload, secret }) },
});

describe('Stripe', () => {
  it('pays a room through a PaymentIntent; a signed event funds it once; a bad signature is 401', async () => {
    const [buyer, seller] = [await api.register(), await api.register()];
    const room = (await api.gql(`mutation C($i: CreateEscrowRoomInput!) { createEscrowRoom(input: $i) { id total } }`,
      { i: { role: 'BUYER', counterpartyEmail: seller.email, title: 'Lensa Sigma', amount: 1_000_000 } }, buyer.accessToken)).data!.createEscrowRoom;
    const pay = await api.gql(`mutation P($id: ID!) { payEscrowRoom(roomId: $id, provider: STRIPE) { id clientSecret amount } }`, { id: room.id }, buyer.accessToken);
    expect(pay.data!.payEscrowRoom).toMatchObject({ clientSecret: 'pi_test_1_secret_x', amount: 1_025_000 });
    const paymentId = pay.data!.payEscrowRoom.id;
    expect((await post(event(paymentId, 1_025_000 * 100), 'whsec_wrong')).status).toBe(401);
    expect((await (await post(event(paymentId, 1_025_000 * 100))).json()).outcome).toBe('APPLIED');
    expect((await (await post(event(paymentId, 1_025_000 * 100))).json()).outcome).toBe('DUPLICATE');
    const [{ status }] = await api.sql(`select status from escrow_rooms where id = $1`, [room.id]);
    expect(status).toBe('FUNDED');
    const [{ n }] = await api.sql(`select count(*)::int as n from ledger_transactions where kind = 'FUND' and subject_id = $1`, [room.id]);
    expect(n).toBe(1);
  });

  it('an unconfigured provider path is 404', async () => {
    expect((await fetch(`${api.url}/webhooks/paypal`, { method: 'POST', body: '{}' })).status).toBe(404);
  });
});

describe('fee schedule versions', () => {
  it('an admin replaces the schedule; new rooms use the new version, old rooms keep theirs', async () => {
    const [buyer, seller] = [await api.register(), await api.register()];
    const create = () => api.gql(`mutation C($i: CreateEscrowRoomInput!) { createEscrowRoom(input: $i) { fee feeScheduleVersion } }`,
      { i: { role: 'BUYER', counterpartyEmail: seller.email, title: 'Meja', amount: 50_000 } }, buyer.accessToken);
    expect((await create()).data!.createEscrowRoom).toEqual({ fee: 5_000, feeScheduleVersion: 1 });
    const replace = `mutation R($min: Money!, $tiers: [FeeTierInput!]!) { replaceEscrowFeeSchedule(min: $min, tiers: $tiers) { version } }`;
    const tiers = [{ upTo: 1_000_000, fixed: 4_000 }, { upTo: 50_000_000, basisPoints: 200 }];
    expect(codeOf(await api.gql(replace, { min: 10_000, tiers }, buyer.accessToken))).toBe('FORBIDDEN');
    expect(codeOf(await api.gql(replace, { min: 10_000, tiers: [{ upTo: 5_000, fixed: 1 }] }, admin.accessToken))).toBe('BAD_USER_INPUT');
    expect((await api.gql(replace, { min: 10_000, tiers }, admin.accessToken)).data!.replaceEscrowFeeSchedule.version).toBe(2);
    expect((await create()).data!.createEscrowRoom).toEqual({ fee: 4_000, feeScheduleVersion: 2 });
    const q = await api.gql(`{ escrowFeeQuote(amount: 30000000) { fee scheduleVersion } }`);
    expect(q.data!.escrowFeeQuote).toEqual({ fee: 600_000, scheduleVersion: 2 });
    const rooms = await api.sql(`select fee_schedule_version as v, count(*)::int as n from escrow_rooms group by 1 order by 1`);
    expect(rooms.map((r) => r.v)).toEqual([1, 2]);
  });
});
