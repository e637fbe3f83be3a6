/**
 * Checkout benchmark: many buyers check out ONE hot store product at the same time
 * (PRODUCT §6: stock is reserved atomically and never oversold). See README.md
 * ("checkout.bench.mjs") for what each number means.
 *
 *   pnpm --filter @pasar/bench bench:checkout   (or: cd bench && node checkout.bench.mjs)
 *
 * Set-up over SQL: one store, one SALE listing per level (price 250,000, weight 500 g), fresh
 * buyers per level with one cart line each (quantity 1) and a one-hour access token signed
 * with jsonwebtoken exactly like the API's signAccessToken. Each buyer sends the `checkout`
 * mutation once; `concurrency` requests are in flight at any time. Levels:
 *   - contention at 10 and 50 concurrent checkouts: 3,000 buyers, stock 1,000 (two thirds are
 *     refused with CONFLICT once the stock runs out);
 *   - ample stock at 50 (stock 10,000 for 1,000 buyers): nobody is refused, the pure
 *     checkout throughput.
 * After each level the database is checked: orders, sold quantity, final stock, OVERSOLD
 * (= sold − initial stock, must be ≤ 0), listings with negative stock (must be 0), cart lines.
 * Then, not part of the numbers: a pass with the V8 CPU profiler on in the API process
 * (summary printed, whole profile in results/checkout.cpuprofile), and one checkout at a
 * time on a second API process that counts SQL statements.
 *
 * The API runs in a child process (lib/api-process.mjs, `startServer(loadConfig(env))`,
 * without the SQL counter) so its CPU, the load generator's and PostgreSQL's can be told
 * apart. Uses DATABASE_URL's server when set (creates and drops pasar_bench_<pid>),
 * otherwise an embedded PostgreSQL in a temp dir. Writes results/checkout.json.
 *
 * Options (quicker trial runs; the defaults are the benchmark): --levels=10,50 (contention
 * concurrencies), --buyers=3000, --stock=1000, --ample=50 (concurrency of the ample-stock
 * level, or "none"), --ample-buyers=1000, --warmup=1500, --profile-checkouts=400,
 * --no-profile, --sequential=100, --no-sequential.
 */
import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { Agent, request as httpRequest } from 'node:http';
import { createRequire } from 'node:module';
import { cpus } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { productionApiEnv, provisionWorkspace } from './lib/api-env.mjs';
import { spawnApi } from './lib/api-process.mjs';
import { parseArgs } from './lib/args.mjs';
import { fmt, table } from './lib/format.mjs';
import { logApiFingerprint } from './lib/fingerprint.mjs';
import { describeMachine, machineFacts, RESULTS_DIR, runFacts, writeResults } from './lib/results.mjs';
import { round, summarize } from './lib/stats.mjs';
import { cleanups, cleanupOnce, runMain } from './lib/teardown.mjs';

// jsonwebtoken as the API itself resolves it (a dependency of @pasar/api, not of the bench).
const jwt = createRequire(fileURLToPath(import.meta.resolve('@pasar/api/identity/tokens.js')))('jsonwebtoken');

const HERE = dirname(fileURLToPath(import.meta.url));
/** The profiled pass's whole V8 CPU profile (git-ignored, like the JSON). */
const PROFILE_FILE = join(RESULTS_DIR, 'checkout.cpuprofile');

const args = parseArgs();
const num = (v, d) => (v === undefined ? d : Number(v));
const BUYERS = num(args.buyers, 3000);
const STOCK = num(args.stock, 1000);
const SETTINGS = {
  price: 250_000,
  weightGrams: 500,
  storeCity: '32.73',
  // Enough for V8 to optimize the hot paths: with 200 the first measured level ran 15–25 % slower than the same level run later.
  warmup: { concurrency: 10, buyers: num(args.warmup, 1500), stock: Math.round(num(args.warmup, 1500) * 2 / 3) },
  levels: [
    ...String(args.levels ?? '10,50').split(',').filter(Boolean).map((c) => ({ name: 'contention', concurrency: Number(c), buyers: BUYERS, stock: STOCK })),
    // Stock well above demand: nobody is refused (fewer buyers than the contention levels, to keep the run short).
    ...(args.ample === 'none' ? [] : [{ name: 'ample stock', concurrency: num(args.ample, 50), buyers: num(args['ample-buyers'], 1000), stock: 10 * num(args['ample-buyers'], 1000) }]),
  ],
  profile: { concurrency: 50, buyers: args['no-profile'] ? 0 : num(args['profile-checkouts'], 400) },
  /**
   * One checkout at a time on a second API process that counts SQL statements (the counter
   * turns on MikroORM's query logging, so the measured levels run without it): `warmup`
   * successful ones, then `checkouts` successful and `checkouts` refused (stock 0).
   */
  sequential: { warmup: 50, checkouts: args['no-sequential'] ? 0 : num(args.sequential, 100) },
  /** pg_stat_activity is sampled this often during a level (lock waits, idle in transaction). */
  activitySampleMs: 25,
  apiPoolMax: 10,
  targets: { oversold: 0, checkoutsPerSecond: 300 },
};

const CHECKOUT = 'mutation C($input: CheckoutInput!) { checkout(input: $input) { id } }';
const SHIP_TO = { recipient: 'Budi', phone: '081234567890', address: 'Jl. Merdeka No. 1', cityCode: '34.71' };

const log = (...a) => console.log(...a);
const int = (x) => (Number.isFinite(x) ? Math.round(x).toLocaleString('en-US') : String(x));

// ------------------------------------------------------------------ CPU accounting (Linux /proc)

const CLK_TCK = Number(spawnSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).stdout?.trim()) || 100;

/** Busy and total jiffies of the whole machine (all CPUs), or null without /proc. */
function hostCpu() {
  try {
    const f = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).slice(1).map(Number);
    const total = f.slice(0, 8).reduce((a, b) => a + b, 0);
    return { busy: total - f[3] - f[4], total };
  } catch {
    return null;
  }
}

/** [pid, ppid, utime + stime in jiffies] of a process, or null. */
function procStat(pid) {
  try {
    const s = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const f = s.slice(s.lastIndexOf(')') + 2).split(' ');
    return { pid, ppid: Number(f[1]), jiffies: Number(f[11]) + Number(f[12]) };
  } catch {
    return null;
  }
}

/**
 * CPU of the PostgreSQL server when it runs on this machine: the postmaster (the parent of
 * our sampler's backend) and all its children. Returns null for a remote server.
 */
function postgresCpuReader(backendPid) {
  const backend = procStat(backendPid);
  // A remote server's backend pid may be any local process: only trust a local postgres.
  const isPostgres = (pid) => {
    try {
      return readFileSync(`/proc/${pid}/comm`, 'utf8').trim().startsWith('postgres');
    } catch {
      return false;
    }
  };
  if (!backend || !isPostgres(backendPid) || !isPostgres(backend.ppid)) return null;
  const postmaster = backend.ppid;
  return () => {
    const byPid = new Map();
    for (const d of readdirSync('/proc')) {
      if (!/^\d+$/.test(d)) continue;
      const p = procStat(d);
      if (p && (p.ppid === postmaster || p.pid === String(postmaster))) byPid.set(p.pid, p.jiffies);
    }
    return byPid;
  };
}

/** ms of CPU the processes used between two readings (processes that exited in between are lost). */
function cpuDeltaMs(before, after) {
  let j = 0;
  for (const [pid, v] of after) j += v - (before.get(pid) ?? 0);
  return (j * 1000) / CLK_TCK;
}

// ------------------------------------------------------------------ set-up over SQL

/** A JWT exactly as api/src/identity/tokens.ts signAccessToken signs it. */
const accessToken = (sub, secret) => jwt.sign({ role: 'MEMBER' }, secret, {
  algorithm: 'HS256', subject: sub, expiresIn: 3600, issuer: 'pasar', audience: 'pasar-api',
});

async function createStore(pool) {
  const ownerId = randomUUID();
  await pool.query(
    `insert into users (id, email, password_hash, display_name, role, status, city_code, terms_accepted_at, terms_version, created_at, updated_at)
     values ($1, 'toko.kilat@bench.pasar.test', 'bench-not-a-real-hash', 'Toko Kilat', 'MEMBER', 'ACTIVE', $2, now(), 'bench', now(), now())`,
    [ownerId, SETTINGS.storeCity],
  );
  const storeId = randomUUID();
  await pool.query(
    `insert into stores (id, owner_id, slug, name, address, city_code, created_at)
     values ($1, $2, 'toko-kilat', 'Toko Kilat', 'Jl. Braga No. 10', $3, now())`,
    [storeId, ownerId, SETTINGS.storeCity],
  );
  const { rows: [service] } = await pool.query(`select id from shipping_services where code = 'JNE-REG'`);
  if (!service) throw new Error('shipping service JNE-REG is missing: did startServer run?');
  const { rows: [category] } = await pool.query(`select id from categories order by slug <> 'elektronik', position limit 1`);
  return { ownerId, storeId, shippingServiceId: service.id, categoryId: category.id };
}

/**
 * One hot product with `stock`, and `buyers` fresh members with one cart line each for it
 * (quantity 1) and an access token. Returns what the level needs.
 */
async function prepareRound(pool, store, secret, { label, buyers, stock }) {
  const listingId = randomUUID();
  await pool.query(
    `insert into listings (id, seller_id, store_id, kind, status, title, description, category_id, condition, city_code,
       price, stock, weight_grams, created_at, updated_at)
     values ($1, $2, $3, 'SALE', 'ACTIVE', $4, 'Promo kilat: stok terbatas, satu per pembeli. Garansi resmi, dikirim dari Bandung.', $5, 'NEW', $6,
       $7, $8, $9, now(), now())`,
    [listingId, store.ownerId, store.storeId, `Power bank 10.000 mAh — ${label}`, store.categoryId, SETTINGS.storeCity, SETTINGS.price, stock, SETTINGS.weightGrams],
  );
  const ids = Array.from({ length: buyers }, () => randomUUID());
  const tag = label.toLowerCase().replace(/[^a-z0-9]+/g, '-');
  await pool.query(
    `insert into users (id, email, password_hash, display_name, role, status, terms_accepted_at, terms_version, created_at, updated_at)
     select id, 'pembeli.' || $2 || '.' || n || '@bench.pasar.test', 'bench-not-a-real-hash', 'Pembeli ' || n, 'MEMBER', 'ACTIVE', now(), 'bench', now(), now()
     from unnest($1::uuid[]) with ordinality as t(id, n)`,
    [ids, tag],
  );
  await pool.query(
    `insert into cart_items (user_id, listing_id, quantity, added_at) select id, $2, 1, now() from unnest($1::uuid[]) as t(id)`,
    [ids, listingId],
  );
  return { label, listingId, stock, buyerIds: ids, tokens: ids.map((id) => accessToken(id, secret)) };
}

// ------------------------------------------------------------------ load

/** POST /graphql over a keep-alive agent; resolves with the status and the body text. */
function postGraphql(agent, port, body, token) {
  return new Promise((resolve, reject) => {
    const req = httpRequest({
      host: '127.0.0.1', port, path: '/graphql', method: 'POST', agent,
      headers: {
        'content-type': 'application/json',
        'content-length': Buffer.byteLength(body),
        'apollo-require-preflight': 'true',
        authorization: `Bearer ${token}`,
      },
    }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode, text: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(body);
  });
}

/** Samples pg_stat_activity of the bench database: what the API's connections are doing. */
function activitySampler(client) {
  let timer;
  let running = false;
  let samples = [];
  const tick = async () => {
    try {
      const { rows: [r] } = await client.query(
        `select count(*) filter (where state = 'active' and wait_event_type = 'Lock')::int as lock_wait,
                count(*) filter (where state = 'active' and wait_event_type is distinct from 'Lock')::int as active,
                count(*) filter (where state like 'idle in transaction%')::int as idle_in_tx
         from pg_stat_activity
         where datname = current_database() and backend_type = 'client backend' and pid <> pg_backend_pid()`,
      );
      samples.push(r);
    } catch {
      // a failed sample is simply missing
    }
    if (running) timer = setTimeout(tick, SETTINGS.activitySampleMs);
  };
  return {
    start() {
      samples = [];
      running = true;
      timer = setTimeout(tick, 0);
    },
    stop() {
      running = false;
      clearTimeout(timer);
      const mean = (k) => (samples.length ? samples.reduce((a, s) => a + s[k], 0) / samples.length : NaN);
      return {
        samples: samples.length,
        meanWaitingOnLock: round(mean('lock_wait'), 2),
        meanActive: round(mean('active'), 2),
        meanIdleInTransaction: round(mean('idle_in_tx'), 2),
      };
    },
  };
}

/**
 * Every buyer of `round` checks out once, `concurrency` at a time. Measures the client side
 * and the CPU of the API process, this process, PostgreSQL and the machine over the run.
 */
async function runRound(ctx, round_, concurrency, { profile = false } = {}) {
  const { api, sampler, pgCpu } = ctx;
  const agent = new Agent({ keepAlive: true, maxSockets: concurrency });
  const input = { storeId: ctx.store.storeId, shippingServiceId: ctx.store.shippingServiceId, shipTo: SHIP_TO };
  const body = JSON.stringify({ query: CHECKOUT, variables: { input } });

  // Open the connections first, so the run does not pay the TCP handshakes.
  await Promise.all(Array.from({ length: concurrency }, () => postGraphql(agent, api.port, '{"query":"{ __typename }"}', round_.tokens[0])));

  const all = [];
  const ok = [];
  const refused = [];
  const errors = [];
  const orderIds = new Set();
  let lastOkAt = NaN;
  let next = 0;

  const before = { api: await api.request('stats'), bench: process.cpuUsage(), host: hostCpu(), pg: pgCpu?.() };
  if (profile) await api.request('profileStart');
  sampler?.start();
  const t0 = performance.now();
  await Promise.all(Array.from({ length: concurrency }, async () => {
    while (next < round_.tokens.length) {
      const i = next++;
      const t = performance.now();
      let outcome;
      try {
        const res = await postGraphql(agent, api.port, body, round_.tokens[i]);
        const json = JSON.parse(res.text);
        const id = json.data?.checkout?.id;
        if (res.status === 200 && id && !json.errors) {
          outcome = 'ok';
          orderIds.add(id);
        } else if (json.errors?.[0]?.extensions?.code === 'CONFLICT') outcome = 'refused';
        else outcome = `HTTP ${res.status}: ${JSON.stringify(json.errors ?? json).slice(0, 300)}`;
      } catch (err) {
        outcome = `request failed: ${err.message}`;
      }
      const now = performance.now();
      const ms = now - t;
      all.push(ms);
      if (outcome === 'ok') {
        ok.push(ms);
        lastOkAt = now;
      } else if (outcome === 'refused') refused.push(ms);
      else errors.push(outcome);
    }
  }));
  const seconds = (performance.now() - t0) / 1000;
  const activity = sampler?.stop();
  const profileSummary = profile ? await api.request('profileStop', { top: 30, file: typeof profile === 'string' ? profile : undefined }) : null;
  const after = { api: await api.request('stats'), bench: process.cpuUsage(before.bench), host: hostCpu(), pg: pgCpu?.() };
  agent.destroy();

  const wallMs = seconds * 1000;
  const apiCpuMs = (after.api.cpu.user + after.api.cpu.system - before.api.cpu.user - before.api.cpu.system) / 1000;
  const benchCpuMs = (after.bench.user + after.bench.system) / 1000;
  const pgCpuMs = before.pg && after.pg ? cpuDeltaMs(before.pg, after.pg) : NaN;
  const hostBusyMs = before.host && after.host ? ((after.host.busy - before.host.busy) * 1000) / CLK_TCK : NaN;
  const hostTotalMs = before.host && after.host ? ((after.host.total - before.host.total) * 1000) / CLK_TCK : NaN;
  const attempts = all.length;
  const soldOutSeconds = ok.length ? (lastOkAt - t0) / 1000 : NaN;
  const lat = (xs) => {
    const s = summarize(xs, seconds);
    return { p50: round(s.p50, 1), p90: round(s.p90, 1), p99: round(s.p99, 1), max: round(s.max, 1), mean: round(s.mean, 1) };
  };
  return {
    concurrency,
    buyers: round_.tokens.length,
    attempts,
    succeeded: ok.length,
    refused: refused.length,
    errors: errors.length,
    errorExamples: [...new Set(errors)].slice(0, 5),
    distinctOrderIds: orderIds.size,
    seconds: round(seconds, 2),
    /** Time from the start to the last successful response (the sell-out time when stock runs out). */
    lastSuccessSeconds: round(soldOutSeconds, 2),
    successfulPerSecond: round(ok.length / soldOutSeconds, 1),
    attemptedPerSecond: round(attempts / seconds, 1),
    latencyMs: { all: lat(all), succeeded: lat(ok), refused: refused.length ? lat(refused) : null },
    cpu: {
      /** ms of CPU per attempted checkout, and share of one core over the run. */
      apiMsPerAttempt: round(apiCpuMs / attempts, 2),
      apiCorePercent: round((apiCpuMs / wallMs) * 100, 0),
      postgresMsPerAttempt: round(pgCpuMs / attempts, 2),
      postgresCorePercent: round((pgCpuMs / wallMs) * 100, 0),
      benchClientMsPerAttempt: round(benchCpuMs / attempts, 2),
      benchClientCorePercent: round((benchCpuMs / wallMs) * 100, 0),
      /** All CPUs of the machine: busy ÷ available over the run (100 % = every core busy). */
      machineBusyPercent: round((hostBusyMs / hostTotalMs) * 100, 0),
      /** Machine busy time not used by the API, PostgreSQL or this process, as a share of one core. */
      otherCorePercent: round(((hostBusyMs - apiCpuMs - (Number.isFinite(pgCpuMs) ? pgCpuMs : 0) - benchCpuMs) / wallMs) * 100, 0),
    },
    sqlStatementsPerAttempt: after.api.statements == null ? null : round((after.api.statements - before.api.statements) / attempts, 2),
    activity,
    profile: profileSummary,
  };
}

/** What the database says after a round: orders, sold quantity, stock, oversold, negatives, cart lines. */
async function verifyRound(pool, round_) {
  const { rows: [r] } = await pool.query(
    `select (select stock from listings where id = $1)::int as final_stock,
            (select coalesce(sum(quantity), 0) from order_items where listing_id = $1)::int as sold,
            (select count(distinct order_id) from order_items where listing_id = $1)::int as orders,
            (select count(*) from orders o where o.buyer_id = any($2::uuid[]))::int as orders_of_buyers,
            (select count(*) from (select o.buyer_id from orders o join order_items i on i.order_id = o.id
               where i.listing_id = $1 group by o.buyer_id having count(*) > 1) d)::int as buyers_with_two_orders,
            (select count(*) from orders o join order_items i on i.order_id = o.id
               where i.listing_id = $1 and (o.status <> 'PENDING_PAYMENT' or o.subtotal <> i.unit_price * i.quantity or i.unit_price <> $3))::int as odd_orders,
            (select count(*) from listings where stock < 0)::int as negative_stock_listings,
            (select count(*) from cart_items where listing_id = $1)::int as cart_lines_left`,
    [round_.listingId, round_.buyerIds, SETTINGS.price],
  );
  return {
    initialStock: round_.stock,
    finalStock: r.final_stock,
    soldQuantity: r.sold,
    orders: r.orders,
    ordersOfTheseBuyers: r.orders_of_buyers,
    oversold: r.sold - round_.stock,
    stockAccountingDifference: round_.stock - r.final_stock - r.sold,
    negativeStockListings: r.negative_stock_listings,
    buyersWithTwoOrders: r.buyers_with_two_orders,
    oddOrders: r.odd_orders,
    cartLinesLeft: r.cart_lines_left,
  };
}

/** Everything that must hold after a round, as a list of violations (empty = sound). */
function violations(m, v) {
  const out = [];
  if (v.oversold > 0) out.push(`OVERSOLD by ${v.oversold}`);
  if (v.negativeStockListings) out.push(`${v.negativeStockListings} listing(s) with negative stock`);
  if (v.stockAccountingDifference) out.push(`initial − final stock differs from the quantity sold by ${v.stockAccountingDifference}`);
  if (v.orders !== m.succeeded || m.distinctOrderIds !== m.succeeded || v.ordersOfTheseBuyers !== m.succeeded) {
    out.push(`${m.succeeded} successful responses (${m.distinctOrderIds} distinct ids) but ${v.orders} orders of the product, ${v.ordersOfTheseBuyers} orders of these buyers`);
  }
  if (v.buyersWithTwoOrders) out.push(`${v.buyersWithTwoOrders} buyers with two orders`);
  if (v.oddOrders) out.push(`${v.oddOrders} orders with an unexpected status or amount`);
  if (v.cartLinesLeft !== m.refused + m.errors) out.push(`${v.cartLinesLeft} cart lines left for ${m.refused + m.errors} refused/failed checkouts`);
  const expectSold = Math.min(v.initialStock, m.buyers);
  if (m.errors === 0 && v.soldQuantity !== expectSold) out.push(`sold ${v.soldQuantity}, expected ${expectSold}`);
  if (m.errors) out.push(`${m.errors} checkouts failed other than CONFLICT, e.g. ${m.errorExamples[0]}`);
  return out;
}

// ------------------------------------------------------------------ report

function report(results, profile, sequential, env) {
  const parts = [];
  const yes = (b) => (b ? 'yes' : 'NO');
  parts.push(`Checkout of ONE hot product (SALE, ${int(SETTINGS.price)} rupiah, ${SETTINGS.weightGrams} g, store in ${SETTINGS.storeCity}, shipped JNE-REG to 34.71): each buyer has one cart line`);
  parts.push(`(quantity 1) and sends the checkout mutation once; "conc." requests in flight; API in its own process (DB pool ${SETTINGS.apiPoolMax}), PostgreSQL ${env.postgres} (${env.where}).`);
  parts.push(table(
    ['level', 'conc.', 'buyers', 'stock', 'orders', 'refused', 'errors', 'ok/s', 'tried/s', 'p50', 'p99', 'ok p50', 'ok p99', 'final stock', 'OVERSOLD', 'neg. stock'],
    results.map((r) => [
      r.name, String(r.concurrency), int(r.buyers), int(r.verify.initialStock), int(r.succeeded), int(r.refused), String(r.errors),
      fmt(r.successfulPerSecond, 0), fmt(r.attemptedPerSecond, 0),
      `${fmt(r.latencyMs.all.p50, 0)} ms`, `${fmt(r.latencyMs.all.p99, 0)} ms`,
      `${fmt(r.latencyMs.succeeded.p50, 0)} ms`, `${fmt(r.latencyMs.succeeded.p99, 0)} ms`,
      int(r.verify.finalStock), String(r.verify.oversold), String(r.verify.negativeStockListings),
    ]),
  ));
  parts.push('ok/s = orders ÷ time to the last successful response (the sell-out time under contention); tried/s = all checkouts ÷ the whole run;');
  parts.push('p50/p99 over every checkout, ok p50/p99 over the successful ones; OVERSOLD = quantity in orders − initial stock (must be ≤ 0; 0 = sold out exactly).');
  parts.push('');
  parts.push('Where the time goes (CPU over each run; "% core" = share of ONE core, the machine has ' + cpus().length + '; DB connections sampled from pg_stat_activity every ' + SETTINGS.activitySampleMs + ' ms):');
  parts.push(table(
    ['level', 'conc.', 'run', 'sold out', 'API CPU/chk', 'API % core', 'PG CPU/chk', 'PG % core', 'client % core', 'other % core', 'machine busy', 'lock waits', 'active', 'idle in tx'],
    results.map((r) => [
      r.name, String(r.concurrency), `${fmt(r.seconds, 1)} s`, r.name === 'contention' ? `${fmt(r.lastSuccessSeconds, 1)} s` : '-',
      `${fmt(r.cpu.apiMsPerAttempt, 2)} ms`, `${fmt(r.cpu.apiCorePercent, 0)} %`,
      `${fmt(r.cpu.postgresMsPerAttempt, 2)} ms`, `${fmt(r.cpu.postgresCorePercent, 0)} %`, `${fmt(r.cpu.benchClientCorePercent, 0)} %`,
      `${fmt(r.cpu.otherCorePercent, 0)} %`, `${fmt(r.cpu.machineBusyPercent, 0)} %`,
      fmt(r.activity?.meanWaitingOnLock, 1), fmt(r.activity?.meanActive, 1), fmt(r.activity?.meanIdleInTransaction, 1),
    ]),
  ));
  parts.push('CPU/chk = CPU ms per attempted checkout; other = machine busy − API − PostgreSQL − client (anything else on the machine: 0 on a quiet one);');
  parts.push('lock waits / active / idle in tx = mean number of the API\'s database connections waiting on a lock (the hot row), running a statement, or inside a');
  parts.push('transaction with nothing to do until Node sends the next statement.');
  parts.push('');
  const contention = results.filter((r) => r.name === 'contention');
  const sound = results.every((r) => r.violations.length === 0);
  const exact = contention.every((r) => r.verify.oversold === 0 && r.verify.finalStock === 0);
  parts.push(`Correctness: ${yes(sound && exact)} — ${contention.map((r) => `conc. ${r.concurrency}: ${int(r.succeeded)} orders for stock ${int(r.verify.initialStock)}, OVERSOLD ${r.verify.oversold}, final stock ${r.verify.finalStock}, ${int(r.refused)} CONFLICT`).join('; ')}; `
    + `negative stock ${Math.max(0, ...results.map((r) => r.verify.negativeStockListings))}; every successful response is one order, refused buyers kept their cart line.`);
  for (const r of results.filter((x) => x.violations.length)) parts.push(`  ! ${r.name} conc. ${r.concurrency}: ${r.violations.join('; ')}`);
  const speed = results.map((r) => `${r.name} conc. ${r.concurrency}: ${fmt(r.successfulPerSecond, 0)}/s`);
  const fast = results.every((r) => r.successfulPerSecond >= SETTINGS.targets.checkoutsPerSecond);
  parts.push(`Target OVERSOLD 0: ${yes(exact && sound)}. Target ≥ ${SETTINGS.targets.checkoutsPerSecond} successful checkouts/s: ${yes(fast)} (${speed.join(', ')}).`);
  if (sequential) {
    const q = sequential;
    parts.push('');
    const one = (r) => `p50 ${fmt(r.latencyMs.all.p50, 1)} ms, ${fmt(r.sqlStatementsPerAttempt, 1)} SQL statements, API CPU ${fmt(r.cpu.apiMsPerAttempt, 1)} ms, PG CPU ${fmt(r.cpu.postgresMsPerAttempt, 1)} ms`;
    parts.push(`One at a time (${q.checkouts} each, second API process with the SQL statement counter, whose query logging is in its CPU): successful checkout ${one(q.succeeded)};`);
    parts.push(`refused checkout (stock 0) ${one(q.refused)}.`);
  }
  if (profile) {
    const p = profile.profile;
    parts.push('');
    parts.push(`API CPU profile (separate pass: ${int(profile.attempts)} checkouts at conc. ${profile.concurrency}, ample stock, ${fmt(profile.successfulPerSecond, 0)}/s with the profiler on): `
      + `${int(p.busyMs)} ms busy of ${int(p.durationMs)} ms = ${fmt(p.busyMs / profile.attempts, 1)} ms per checkout, ${fmt((p.busyMs / p.durationMs) * 100, 0)} % of the main thread. % of busy time:`);
    // Inclusive: libraries and API files only (Node's own frames are on nearly every stack).
    const incl = p.inclusiveAreas.filter((a) => !a.name.startsWith('node:'));
    const rows = Array.from({ length: 12 }, (_, i) => [
      p.areas[i] ? `${fmt(p.areas[i].percentOfBusy, 1)} %` : '', p.areas[i]?.name ?? '',
      incl[i] ? `${fmt(incl[i].percentOfBusy, 1)} %` : '', incl[i]?.name ?? '',
    ]);
    parts.push(table(['self', 'package, API file or native (self time)', 'incl.', 'package or API file anywhere on the stack'], rows, [1, 3])
      .split('\n').map((l) => `  ${l}`).join('\n'));
    const fns = p.functions.slice(0, 8).map((a) => `${fmt(a.percentOfBusy, 1)} % ${a.name}`);
    parts.push(`  top functions (self): ${fns.join('; ')}`);
    const natives = p.nativeCallers.slice(0, 4).map((a) => `${fmt(a.percentOfBusy, 1)} % ${a.name.replace(/ api\/dist\//g, ' ')}`);
    parts.push(`  native frames by their JavaScript caller: ${natives.join('; ')}`);
    const api = p.byApiFunction.filter((a) => !a.name.startsWith('(')).slice(0, 5).map((a) => `${fmt(a.percentOfBusy, 1)} % ${a.name.replace(' api/dist/', ' ')}`);
    const none = p.byApiFunction.find((a) => a.name.startsWith('('));
    parts.push(`  nearest API function on the stack: ${api.join('; ')}; no API frame (library code resumed after an await): ${fmt(none?.percentOfBusy, 1)} %`);
  }
  return parts.join('\n');
}

// ------------------------------------------------------------------ main

async function main() {
  const t0 = performance.now();
  const machine = machineFacts();
  log(`Pasar checkout benchmark — ${describeMachine(machine)}, load ${machine.loadAverageAtStart.join(' ')}`);
  const fingerprint = logApiFingerprint();

  const { db, dataDir } = await provisionWorkspace();
  const env = productionApiEnv({ databaseUrl: db.url, dataDir });
  const api = await spawnApi({ ...env, BENCH_SQL_COUNTER: 'false' });
  const closeApi = cleanupOnce(() => api.close());
  log(`API process pid ${api.pid} on 127.0.0.1:${api.port} (production settings, no SQL counter)`);

  const pool = new pg.Pool({ connectionString: db.url, max: 2 });
  cleanups.push(() => pool.end());
  const setupStart = performance.now();
  const store = await createStore(pool);
  const secret = env.JWT_SECRET;
  const warm = SETTINGS.warmup.buyers ? await prepareRound(pool, store, secret, { label: 'pemanasan', ...SETTINGS.warmup }) : null;
  const rounds = [];
  for (const [i, l] of SETTINGS.levels.entries()) rounds.push(await prepareRound(pool, store, secret, { label: `${l.name} ${l.concurrency} #${i}`, ...l }));
  const prof = SETTINGS.profile.buyers ? await prepareRound(pool, store, secret, { label: 'profil', buyers: SETTINGS.profile.buyers, stock: SETTINGS.profile.buyers * 10 }) : null;
  const Q = SETTINGS.sequential;
  const seqOk = Q.checkouts ? await prepareRound(pool, store, secret, { label: 'satu-satu', buyers: Q.warmup + Q.checkouts, stock: 10 * (Q.warmup + Q.checkouts) }) : null;
  const seqRefused = Q.checkouts ? await prepareRound(pool, store, secret, { label: 'habis', buyers: Q.checkouts, stock: 0 }) : null;
  for (const t of ['users', 'listings', 'cart_items', 'stores']) await pool.query(`vacuum analyze ${t}`);
  const { rows: [{ version }] } = await pool.query("select current_setting('server_version') as version");
  const all = [warm, ...rounds, prof, seqOk, seqRefused].filter(Boolean);
  log(`set up over SQL in ${fmt((performance.now() - setupStart) / 1000, 1)} s: store ${store.storeId}, ${all.length} hot products, `
    + `${int(all.reduce((a, r) => a + r.buyerIds.length, 0))} buyers with a cart line and a token; PostgreSQL ${version}`);

  const sampleClient = new pg.Client({ connectionString: db.url });
  await sampleClient.connect();
  cleanups.push(() => sampleClient.end());
  const { rows: [{ pid: samplerPid }] } = await sampleClient.query('select pg_backend_pid() as pid');
  const ctx = { api, store, sampler: activitySampler(sampleClient), pgCpu: postgresCpuReader(samplerPid) };
  if (!ctx.pgCpu) log('  (PostgreSQL is not a local process: its CPU is not measured)');

  if (warm) {
    const m = await runRound({ ...ctx, sampler: null }, warm, SETTINGS.warmup.concurrency);
    const v = await verifyRound(pool, warm);
    log(`warm-up: ${m.attempts} checkouts at conc. ${m.concurrency} (stock ${warm.stock}): ${m.succeeded} orders, ${m.refused} CONFLICT, ${m.errors} errors, OVERSOLD ${v.oversold} in ${fmt(m.seconds, 1)} s`);
    if (m.errors) throw new Error(`warm-up checkouts failed: ${m.errorExamples.join(' | ')}`);
  }

  const results = [];
  for (const [i, l] of SETTINGS.levels.entries()) {
    const m = await runRound(ctx, rounds[i], l.concurrency);
    const verify = await verifyRound(pool, rounds[i]);
    const r = { name: l.name, ...m, verify, violations: violations(m, verify) };
    results.push(r);
    log(`${l.name}, conc. ${l.concurrency}: ${int(r.succeeded)} orders, ${int(r.refused)} CONFLICT, ${r.errors} errors in ${fmt(r.seconds, 1)} s `
      + `(last order at ${fmt(r.lastSuccessSeconds, 1)} s): ${fmt(r.successfulPerSecond, 0)} ok/s, ${fmt(r.attemptedPerSecond, 0)} tried/s, `
      + `p50 ${fmt(r.latencyMs.all.p50, 0)} ms, p99 ${fmt(r.latencyMs.all.p99, 0)} ms; final stock ${verify.finalStock}, OVERSOLD ${verify.oversold}; `
      + `API ${fmt(r.cpu.apiCorePercent, 0)} % core, PG ${fmt(r.cpu.postgresCorePercent, 0)} %, other ${fmt(r.cpu.otherCorePercent, 0)} %`
      + `${r.violations.length ? ` — ! ${r.violations.join('; ')}` : ''}`);
  }

  let profile = null;
  if (prof) {
    mkdirSync(dirname(PROFILE_FILE), { recursive: true });
    const m = await runRound({ ...ctx, sampler: null }, prof, SETTINGS.profile.concurrency, { profile: PROFILE_FILE });
    const v = await verifyRound(pool, prof);
    profile = { ...m, verify: v, violations: violations(m, v), file: relative(HERE, PROFILE_FILE) };
    log(`profiled pass: ${m.attempts} checkouts at conc. ${m.concurrency}, ${fmt(m.successfulPerSecond, 0)} ok/s with the profiler on${profile.violations.length ? ` — ! ${profile.violations.join('; ')}` : ''}`);
  }
  await closeApi();

  // Statements per checkout and the unloaded latency: one at a time, on an API that counts SQL.
  let sequential = null;
  if (seqOk) {
    const counting = await spawnApi({ ...env, BENCH_SQL_COUNTER: 'true' });
    const closeCounting = cleanupOnce(() => counting.close());
    const c = { ...ctx, api: counting, sampler: null };
    await runRound(c, { ...seqOk, tokens: seqOk.tokens.slice(0, Q.warmup) }, 1);
    const ok = await runRound(c, { ...seqOk, tokens: seqOk.tokens.slice(Q.warmup) }, 1);
    const refused = await runRound(c, seqRefused, 1);
    await closeCounting();
    const vOk = await verifyRound(pool, seqOk);
    const vRefused = await verifyRound(pool, seqRefused);
    const problems = [
      ...(ok.succeeded !== Q.checkouts ? [`${Q.checkouts - ok.succeeded} of the one-at-a-time checkouts with stock failed`] : []),
      ...(refused.refused !== Q.checkouts ? [`${Q.checkouts - refused.refused} of the checkouts without stock were not refused with CONFLICT`] : []),
      ...(vOk.oversold > 0 || vRefused.oversold > 0 || vRefused.finalStock !== 0 ? ['stock went wrong in the one-at-a-time pass'] : []),
    ];
    sequential = { checkouts: Q.checkouts, warmup: Q.warmup, succeeded: ok, refused, verify: { succeeded: vOk, refused: vRefused }, problems };
    log(`one at a time: successful p50 ${fmt(ok.latencyMs.all.p50, 1)} ms, ${fmt(ok.sqlStatementsPerAttempt, 1)} statements; `
      + `refused p50 ${fmt(refused.latencyMs.all.p50, 1)} ms, ${fmt(refused.sqlStatementsPerAttempt, 1)} statements${problems.length ? ` — ! ${problems.join('; ')}` : ''}`);
  }

  const elapsed = round((performance.now() - t0) / 1000, 1);
  const printed = report(results, profile, sequential, { postgres: version, where: db.where.replace(/ \(.*\)$/, '') });
  log('');
  log(printed);
  log('');
  const contention = results.filter((r) => r.name === 'contention');
  const out = {
    ...runFacts(elapsed, machine),
    api: fingerprint,
    database: { where: db.where, postgres: version },
    settings: SETTINGS,
    operation: { query: CHECKOUT, variables: { input: { storeId: '<store>', shippingServiceId: '<JNE-REG>', shipTo: SHIP_TO } }, headers: ['content-type: application/json', 'apollo-require-preflight: true', 'authorization: Bearer <token>'] },
    targets: {
      ...SETTINGS.targets,
      oversoldMet: contention.every((r) => r.verify.oversold === 0 && r.verify.finalStock === 0) && results.every((r) => r.violations.length === 0),
      checkoutsPerSecondMet: results.every((r) => r.successfulPerSecond >= SETTINGS.targets.checkoutsPerSecond),
    },
    levels: results,
    sequential,
    profile,
    table: printed,
  };
  writeResults('checkout.json', out, elapsed);
  if (results.some((r) => r.violations.length) || sequential?.problems.length) throw new Error('stock or order invariants violated (see above)');
}

await runMain(main);
