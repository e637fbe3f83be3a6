// 1,000 randomized escrow room lifecycles against a real API over HTTP, with webhook replays,
// wrong-amount notifications and racing confirmations; then the ledger check.
// Usage: npm run simulate:escrow [-- rooms=1000 concurrency=8 seed=20261121]
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '@pasar/api/core/config.js';
import { startServer } from '@pasar/api/core/server.js';
import { provisionDatabase } from './lib/database.mjs';

const args = Object.fromEntries(process.argv.slice(2).map((a) => a.split('=')));
const ROOMS = Number(args.rooms ?? 1000);
const CONCURRENCY = Number(args.concurrency ?? 8);
let seed = Number(args.seed ?? 20261121);
const rand = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
const pick = (xs) => xs[Math.floor(rand() * xs.length)];
const SERVER_KEY = 'SB-Mid-server-SIM';

const snap = createServer((req, res) => { req.resume(); req.on('end', () => res.writeHead(201, { 'content-type': 'application/json' }).end('{"token":"t","redirect_url":"http://127.0.0.1/pay"}')); });
await new Promise((r) => snap.listen(0, '127.0.0.1', r));
const db = await provisionDatabase();
const dataDir = mkdtempSync(join(tmpdir(), 'pasar-sim-'));
const server = await startServer(loadConfig({
  ...process.env, NODE_ENV: 'test', PORT: '0', HOST: '127.0.0.1', DATABASE_URL: db.url, DATA_DIR: dataDir, SEED_DEMO: 'false', LOG_LEVEL: 'error',
  JWT_SECRET: 'x'.repeat(40), MIDTRANS_SERVER_KEY: SERVER_KEY, MIDTRANS_BASE_URL: `http://127.0.0.1:${snap.address().port}`,
  ESCROW_INSPECTION_SECONDS: '86400', LOGIN_RATE_LIMIT: '100000', BOOTSTRAP_ADMIN_EMAIL: 'sim-admin@pasar.test', BOOTSTRAP_ADMIN_PASSWORD: 'sim-admin-pw',
}));
const url = `${server.url}/graphql`;
const gql = async (query, variables, token) => {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', 'apollo-require-preflight': 'true', ...(token ? { authorization: `Bearer ${token}` } : {}) }, body: JSON.stringify({ query, variables }) });
  return res.json();
};
const token = async (email, password) => (await gql(`mutation L($i: LoginInput!) { login(input: $i) { accessToken } }`, { i: { email, password } })).data.login.accessToken;
const register = async (i) => (await gql(`mutation R($i: RegisterInput!) { register(input: $i) { accessToken user { email } } }`,
  { i: { email: `sim${i}@pasar.test`, password: 'sim-password', displayName: `Sim ${i}`, acceptTerms: true } })).data.register;

const counts = {};
const bump = (k) => (counts[k] = (counts[k] ?? 0) + 1);
const admin = await token('sim-admin@pasar.test', 'sim-admin-pw');
const users = [];
for (let i = 0; i < 16; i++) users.push(await register(i));

async function notify(body) {
  const res = await fetch(`${server.url}/webhooks/midtrans`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  return (await res.json()).outcome ?? res.status;
}
const signed = (orderId, gross, status = 'settlement', code = '200') => ({
  order_id: orderId, status_code: code, gross_amount: gross, transaction_status: status, transaction_id: `tx-${orderId}`, fraud_status: 'accept',
  signature_key: createHash('sha512').update(orderId + code + gross + SERVER_KEY).digest('hex'),
});

async function lifecycle() {
  const b = pick(users);
  let s = pick(users);
  while (s === b) s = pick(users);
  const amount = Math.round(10_000 + rand() * 19_990_000);
  const r = await gql(`mutation C($i: CreateEscrowRoomInput!) { createEscrowRoom(input: $i) { id total } }`, { i: { role: 'BUYER', counterpartyEmail: s.user.email, title: 'Simulasi', amount } }, b.accessToken);
  const room = r.data.createEscrowRoom;
  bump('created');
  if (rand() < 0.1) { await gql(`mutation X($id: ID!) { cancelEscrowRoom(roomId: $id) { id } }`, { id: room.id }, pick([b, s]).accessToken); return bump('cancelled'); }
  const viaMidtrans = rand() < 0.5;
  const pay = await gql(`mutation P($id: ID!, $p: PaymentProvider) { payEscrowRoom(roomId: $id, provider: $p) { id } }`, { id: room.id, p: viaMidtrans ? 'MIDTRANS' : 'MANUAL_TRANSFER' }, b.accessToken);
  const paymentId = pay.data.payEscrowRoom.id;
  if (viaMidtrans) {
    if (rand() < 0.2) bump(`webhook wrong amount: ${await notify(signed(paymentId, `${room.total - 1}.00`))}`);
    if (rand() < 0.1) bump(`webhook bad signature: ${await notify({ ...signed(paymentId, `${room.total}.00`), signature_key: 'x' })}`);
    const body = signed(paymentId, `${room.total}.00`);
    const replays = 1 + Math.floor(rand() * 3);
    const outcomes = await Promise.all(Array.from({ length: replays }, () => notify(body)));
    for (const o of outcomes) bump(`webhook: ${o}`);
  } else {
    const results = await Promise.all([gql(`mutation A($id: ID!) { confirmEscrowPayment(roomId: $id) { id } }`, { id: room.id }, admin), rand() < 0.3 ? gql(`mutation A($id: ID!) { confirmEscrowPayment(roomId: $id) { id } }`, { id: room.id }, admin) : null]);
    for (const x of results.filter(Boolean)) bump(x.errors ? `manual confirm refused: ${x.errors[0].extensions.code}` : 'manual confirm');
  }
  if (rand() < 0.15) {
    await gql(`mutation D($id: ID!) { openEscrowDispute(roomId: $id, reason: "Simulasi sengketa acak") { id } }`, { id: room.id }, pick([b, s]).accessToken);
    const outcome = pick(['RELEASE', 'REFUND', 'SPLIT']);
    const toSeller = Math.floor(amount * rand());
    const x = await gql(`mutation R($id: ID!, $i: ResolveEscrowDisputeInput!) { resolveEscrowDispute(roomId: $id, input: $i) { status } }`,
      { id: room.id, i: { outcome, note: 'Simulasi keputusan', ...(outcome === 'SPLIT' ? { toSeller, toBuyer: amount - toSeller } : {}) } }, admin);
    return bump(`disputed → ${x.data?.resolveEscrowDispute.status ?? x.errors[0].extensions.code}`);
  }
  await gql(`mutation S($id: ID!) { shipEscrowRoom(roomId: $id, input: { courier: JNE, trackingNumber: "JNE00001111" }) { id } }`, { id: room.id }, s.accessToken);
  const racers = 1 + Math.floor(rand() * 3);
  const confirmations = await Promise.all(Array.from({ length: racers }, () => gql(`mutation R($id: ID!) { confirmEscrowReceived(roomId: $id) { status } }`, { id: room.id }, b.accessToken)));
  bump(`released by ${confirmations.filter((c) => c.data).length} of ${racers} racing confirmations`);
}

const started = Date.now();
let next = 0;
await Promise.all(Array.from({ length: CONCURRENCY }, async () => { while (next < ROOMS) { next++; await lifecycle(); } }));
const elapsed = (Date.now() - started) / 1000;
const em = server.orm.em.fork();
const violations = await server.services.ledger.check(em);
const [stats] = await em.getConnection().execute(`select (select count(*) from ledger_transactions) as transactions, (select count(*) from ledger_postings) as postings,
  (select count(*) from ledger_transactions where kind = 'RELEASE') as releases, (select coalesce(sum(amount), 0) from ledger_postings) as net,
  (select count(*) from (select subject_id from ledger_transactions group by subject_id, kind having count(*) > 1) d) as doubles`);
const byStatus = await em.getConnection().execute(`select status, count(*)::int as n from escrow_rooms group by 1 order by 1`);
console.log(`\n${ROOMS} randomized room lifecycles in ${elapsed.toFixed(1)} s (concurrency ${CONCURRENCY}, seed ${args.seed ?? 20261121})`);
for (const [k, v] of Object.entries(counts).sort()) console.log(`  ${String(v).padStart(5)}  ${k}`);
console.log('rooms by status: ' + byStatus.map((r) => `${r.status} ${r.n}`).join(', '));
console.log(`ledger: ${stats.transactions} transactions, ${stats.postings} postings, net ${stats.net}, duplicate bookings ${stats.doubles}`);
console.log(`ledger check: ${violations.length} imbalances/violations${violations.length ? ':\n  ' + violations.slice(0, 20).join('\n  ') : ''}`);
await server.close();
await db.drop();
rmSync(dataDir, { recursive: true, force: true });
snap.close();
process.exit(violations.length ? 1 : 0);
