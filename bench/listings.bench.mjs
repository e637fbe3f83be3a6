/**
 * Listings benchmark: the public `listings` GraphQL query (HTTP → Apollo → type-graphql →
 * MikroORM → PostgreSQL) against the same page fetched with hand-written SQL through `pg`.
 * See README.md for what each number means.
 *
 *   pnpm --filter @pasar/bench bench:listings   (or: cd bench && node listings.bench.mjs)
 *
 * Uses DATABASE_URL's server when set (creates and drops pasar_bench_<pid>), otherwise an
 * embedded PostgreSQL in a temp dir. Writes results/listings.json.
 */
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import pg from 'pg';
import { loadConfig } from '@pasar/api/core/config.js';
import { startServer } from '@pasar/api/core/server.js';
import { provisionWorkspace } from './lib/api-env.mjs';
import { fmt, table as textTable } from './lib/format.mjs';
import { describeMachine, machineFacts, runFacts, writeResults } from './lib/results.mjs';
import { seedListings } from './lib/seed.mjs';
import { sqlListings } from './lib/sql-listings.mjs';
import { round, summarize } from './lib/stats.mjs';
import { cleanups, runMain } from './lib/teardown.mjs';

const HERE = dirname(fileURLToPath(import.meta.url));
const SETTINGS = {
  connections: 10,
  warmupSeconds: 2,
  durationSeconds: 8,
  sequentialRequests: 50,
  sqlPool: 10,
  users: 200,
  listings: 12_000,
};

const NODE = `edges { cursor node { id title kind price points createdAt seller { id displayName } category { id name } city { name } thumbnail { thumbnailUrl } } } pageInfo { hasNextPage endCursor }`;
const gql = (args, withTotal) => `query Bench($first: Int!) { listings(${args}) { ${withTotal ? 'totalCount ' : ''}${NODE} } }`;

const SCENARIOS = [
  { name: 'newest', first: 10 },
  { name: 'newest', first: 50 },
  { name: 'newest', first: 100 },
  { name: 'search "sepeda"', first: 50, query: 'sepeda' },
].map((s) => {
  const args = s.query ? `first: $first, filter: { query: ${JSON.stringify(s.query)} }` : 'first: $first';
  return { ...s, gql: gql(args, true), gqlNoTotal: gql(args, false) };
});

const log = (...a) => console.log(...a);

async function postGraphql(url, body) {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'apollo-require-preflight': 'true' },
    body,
  });
  const json = await res.json();
  if (res.status !== 200 || json.errors || !json.data) {
    throw new Error(`GraphQL request failed (HTTP ${res.status}): ${JSON.stringify(json.errors ?? json).slice(0, 500)}`);
  }
  return json.data.listings;
}

/**
 * SQL statements MikroORM runs per request: reset the counter, N sequential requests, divide.
 * Also returns the median latency of those unloaded, one-at-a-time requests.
 */
async function statementsPerRequest(url, body, counter, n, expectEdges) {
  const latencies = [];
  counter.count = 0;
  for (let i = 0; i < n; i++) {
    const t = performance.now();
    const page = await postGraphql(url, body);
    latencies.push(performance.now() - t);
    if (page.edges.length !== expectEdges) throw new Error(`expected ${expectEdges} edges, got ${page.edges.length}`);
  }
  return { perRequest: counter.count / n, sequentialP50: summarize(latencies, 1).p50 };
}

/** autocannon against /graphql: warm-up, then the measured run (in a worker thread, so the server keeps the main thread). */
async function loadGraphql(url, body) {
  const base = {
    url,
    method: 'POST',
    headers: { 'content-type': 'application/json', 'apollo-require-preflight': 'true' },
    body,
    connections: SETTINGS.connections,
    workers: 1,
    verifyBody: join(HERE, 'lib', 'verify-graphql.cjs'),
  };
  await autocannon({ ...base, duration: SETTINGS.warmupSeconds });
  const r = await autocannon({ ...base, duration: SETTINGS.durationSeconds });
  const failed = r.errors + r.timeouts + r.non2xx + (r.mismatches ?? 0);
  return {
    requests: r.requests.total,
    seconds: r.duration,
    rps: r.requests.total / r.duration,
    p50: r.latency.p50,
    p90: r.latency.p90,
    p99: r.latency.p99,
    max: r.latency.max,
    failed,
    detail: { errors: r.errors, timeouts: r.timeouts, non2xx: r.non2xx, mismatches: r.mismatches ?? 0 },
  };
}

/** `connections` concurrent loops calling `fn` for `seconds`; latencies recorded per call. */
async function loadLoop(fn, seconds, connections) {
  const latencies = [];
  let failed = 0;
  const started = performance.now();
  const deadline = started + seconds * 1000;
  await Promise.all(Array.from({ length: connections }, async () => {
    while (performance.now() < deadline) {
      const t0 = performance.now();
      try {
        await fn();
        latencies.push(performance.now() - t0);
      } catch {
        failed++;
      }
    }
  }));
  return { ...summarize(latencies, (performance.now() - started) / 1000), failed };
}

async function loadSql(fetchPage) {
  await loadLoop(fetchPage, SETTINGS.warmupSeconds, SETTINGS.connections);
  return loadLoop(fetchPage, SETTINGS.durationSeconds, SETTINGS.connections);
}

/** First difference between the GraphQL page and the SQL page, or null when they are equal. */
function diff(a, b, path = '') {
  if (a === b) return null;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) {
    return `${path || '(root)'}: GraphQL ${JSON.stringify(a)} vs SQL ${JSON.stringify(b)}`;
  }
  for (const k of new Set([...Object.keys(a), ...Object.keys(b)])) {
    const d = diff(a[k], b[k], `${path}.${k}`);
    if (d) return d;
  }
  return null;
}

function table(rows) {
  const head = ['scenario', 'first', 'GQL rps', 'GQL p50', 'GQL p99', 'SQL rps', 'SQL p50', 'SQL p99', 'GQL/SQL', 'stmts/req', 'no total', 'total'];
  const body = rows.map((r) => [
    r.scenario, String(r.first),
    fmt(r.graphql.rps), `${fmt(r.graphql.p50, 0)} ms`, `${fmt(r.graphql.p99, 0)} ms`,
    fmt(r.sql.rps), `${fmt(r.sql.p50, 2)} ms`, `${fmt(r.sql.p99, 2)} ms`,
    `${fmt(r.ratio * 100, 1)} %`, fmt(r.statementsPerRequest, 2), fmt(r.statementsPerRequestWithoutTotal, 2), String(r.totalCount),
  ]);
  return textTable(head, body);
}

async function main() {
  const t0 = performance.now();
  const machine = machineFacts();
  log(`Pasar listings benchmark — ${describeMachine(machine)}, load ${machine.loadAverageAtStart.join(' ')}`);

  const { db, dataDir } = await provisionWorkspace();
  const counter = { count: 0 };
  const server = await startServer(loadConfig({
    ...process.env,
    NODE_ENV: 'production',
    JWT_SECRET: 'x'.repeat(40),
    // Required in production; messages are not part of this bench, so any key will do.
    MESSAGE_KEYS: `bench:${Buffer.alloc(32, 9).toString('base64')}`,
    HOST: '127.0.0.1',
    PORT: '0',
    DATABASE_URL: db.url,
    DATA_DIR: dataDir,
    SEED_DEMO: 'false',
    LOG_LEVEL: 'warn',
    GRAPHQL_MAX_COST: '100000',
  }), { counter });
  cleanups.push(() => server.close());
  const url = `http://127.0.0.1:${server.port}/graphql`;

  const pool = new pg.Pool({ connectionString: db.url, max: SETTINGS.sqlPool });
  cleanups.push(() => pool.end());

  const seedStart = performance.now();
  const data = await seedListings(pool, { users: SETTINGS.users, listings: SETTINGS.listings });
  const { rows: [{ version }] } = await pool.query("select current_setting('server_version') as version");
  data.postgres = version;
  data.seedSeconds = round((performance.now() - seedStart) / 1000, 1);
  log(`seeded ${data.listings} listings (${data.sale} SALE, ${data.barter} BARTER, ${data.service} SERVICE), ${data.users} users, ${data.photos} photos, ${data.cities} cities, ${data.categories} categories in ${data.seedSeconds} s; PostgreSQL ${version}`);

  const results = [];
  for (const s of SCENARIOS) {
    const label = `${s.name}, first ${s.first}`;
    const sql = sqlListings(pool, { first: s.first, query: s.query });
    const body = JSON.stringify({ query: s.gql, variables: { first: s.first } });
    const bodyNoTotal = JSON.stringify({ query: s.gqlNoTotal, variables: { first: s.first } });

    // Same answer both ways (ids, order, fields, cursors, total), before measuring.
    const viaGraphql = await postGraphql(url, body);
    const viaSql = await sql.fetchPage();
    const mismatch = diff(viaGraphql, viaSql);
    if (mismatch) log(`  ! ${label}: GraphQL and SQL pages differ at ${mismatch}`);
    const expectEdges = Math.min(s.first, viaSql.totalCount);

    const { perRequest: stmts, sequentialP50 } = await statementsPerRequest(url, body, counter, SETTINGS.sequentialRequests, expectEdges);
    const { perRequest: stmtsNoTotal } = await statementsPerRequest(url, bodyNoTotal, counter, SETTINGS.sequentialRequests, expectEdges);
    log(`${label}: ${viaSql.totalCount} matches; ${fmt(stmts, 2)} statements/request (${fmt(stmtsNoTotal, 2)} without totalCount); `
      + `unloaded median ${fmt(sequentialP50, 1)} ms; same page as SQL: ${mismatch ? 'NO' : 'yes'}`);

    const graphql = await loadGraphql(url, body);
    log(`  GraphQL: ${fmt(graphql.rps)} req/s, p50 ${graphql.p50} ms, p99 ${graphql.p99} ms (${graphql.requests} requests${graphql.failed ? `, ${graphql.failed} FAILED ${JSON.stringify(graphql.detail)}` : ''})`);
    const raw = await loadSql(sql.fetchPage);
    log(`  SQL:     ${fmt(raw.rps)} req/s, p50 ${fmt(raw.p50, 2)} ms, p99 ${fmt(raw.p99, 2)} ms (${raw.requests} requests${raw.failed ? `, ${raw.failed} FAILED` : ''})`);

    results.push({
      scenario: s.name,
      first: s.first,
      query: s.query ?? null,
      totalCount: viaSql.totalCount,
      samePageAsSql: !mismatch,
      ...(mismatch ? { difference: mismatch } : {}),
      statementsPerRequest: stmts,
      statementsPerRequestWithoutTotal: stmtsNoTotal,
      sqlStatementsPerRequest: sql.statements,
      graphqlSequentialP50: round(sequentialP50, 2),
      graphql: { ...graphql, rps: round(graphql.rps, 1) },
      sql: { requests: raw.requests, seconds: round(raw.seconds, 2), rps: round(raw.rps, 1), mean: round(raw.mean, 3), p50: round(raw.p50, 3), p90: round(raw.p90, 3), p99: round(raw.p99, 3), max: round(raw.max, 3), failed: raw.failed },
      ratio: round(graphql.rps / raw.rps, 4),
      graphqlQuery: s.gql,
      sqlStatements: sql.sql,
    });
  }

  const elapsed = round((performance.now() - t0) / 1000, 1);
  const printed = table(results);
  log('');
  log(`Listings: ${data.listings} (${data.active} ACTIVE), users ${data.users}, node ${machine.node}, ${machine.cpus} CPU, PostgreSQL ${data.postgres}`);
  log(`autocannon ${SETTINGS.connections} connections, ${SETTINGS.warmupSeconds} s warm-up + ${SETTINGS.durationSeconds} s; SQL: pg.Pool(${SETTINGS.sqlPool}), ${SETTINGS.connections} concurrent loops, 2 statements per page (page + count), same durations`);
  log('GQL/SQL = GraphQL requests/s ÷ SQL pages/s; stmts/req = SQL statements MikroORM ran per GraphQL request (with totalCount; "no total": without it)');
  log('');
  log(printed);
  log('');

  const out = {
    ...runFacts(elapsed, machine),
    database: { where: db.where, ...data },
    settings: SETTINGS,
    results,
    table: printed,
  };
  writeResults('listings.json', out, elapsed);
}

await runMain(main);
