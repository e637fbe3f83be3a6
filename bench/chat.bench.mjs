/**
 * Chat benchmark: live-update fan-out and the memory cost of idle graphql-ws connections.
 * See README.md ("chat.bench.mjs") for what each number means.
 *
 *   pnpm --filter @pasar/bench bench:chat        (or: cd bench && node chat.bench.mjs)
 *
 * 1. Fan-out: 1,000 graphql-ws connections subscribe to `messageAdded` of ONE conversation
 *    (500 per participant token), then sequential `sendMessage`s; the latency of every
 *    delivery is measured from just before the HTTP request to the subscriber's `next`.
 * 2. Memory: 5,000 authenticated idle connections (connection_init + ack, one
 *    `notificationAdded` subscription each) against a fresh API process; server RSS and
 *    heapUsed after forced GC at 0, 1,000, 2,500 and 5,000 connections.
 *
 * The API runs in a child process (lib/api-process.mjs) so that the clients do not share
 * its event loop or its heap. Uses DATABASE_URL's server when set (creates and drops
 * pasar_bench_<pid>), otherwise an embedded PostgreSQL in a temp dir. Writes results/chat.json.
 *
 * Options (for quicker trial runs; the defaults are the benchmark): --phase=fanout|memory,
 * --subscribers=N, --messages=N, --warmup=N, --steps=1000,2500,5000, --no-profile.
 */
import { spawnSync } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { signAccessToken } from '@pasar/api/identity/tokens.js';
import { productionApiEnv, provisionWorkspace } from './lib/api-env.mjs';
import { spawnApi } from './lib/api-process.mjs';
import { parseArgs } from './lib/args.mjs';
import { fmt, table } from './lib/format.mjs';
import { logApiFingerprint } from './lib/fingerprint.mjs';
import { describeMachine, machineFacts, runFacts, writeResults } from './lib/results.mjs';
import { round, percentile } from './lib/stats.mjs';
import { cleanups, runMain } from './lib/teardown.mjs';
import { openClients, openFileLimit } from './lib/ws-clients.mjs';

const args = parseArgs();
const SETTINGS = {
  phase: args.phase ?? 'all',
  fanout: {
    subscribers: Number(args.subscribers ?? 1000),
    /** Connections per participant: the same two users in many tabs (a conversation has exactly two). */
    participants: 2,
    connectBatch: 100,
    warmupMessages: Number(args.warmup ?? 5),
    messages: Number(args.messages ?? 20),
    /** Smaller subscriber counts measured on the way up (fewer messages each), to show the trend. */
    sweep: args.sweep === 'none' ? [] : String(args.sweep ?? '100,250,500').split(',').map(Number),
    sweepMessages: 10,
    /** sendMessage with no subscriber: the floor of the latency. */
    aloneMessages: 20,
    pauseBetweenMs: 100,
    deliveryTimeoutMs: 30_000,
    profileMessages: args['no-profile'] ? 0 : 5,
  },
  memory: {
    steps: String(args.steps ?? '1000,2500,5000').split(',').map(Number),
    connectBatch: 250,
    users: 'one distinct member per connection',
    /** Connections opened under the sampling heap profiler (separate process); 0 = skip. */
    heapProfileConnections: args['no-profile'] ? 0 : 1000,
  },
  targets: { fanoutP99Ms: 100, mbPerThousandConnections: 50 },
};
const MAX_CONNECTIONS = Math.max(SETTINGS.fanout.subscribers, ...SETTINGS.memory.steps);

const TINY_PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAABAAAAAQCAIAAACQkWg2AAAACXBIWXMAAAPoAAAD6AG1e1JrAAAAGUlEQVQokWPQ6DlBEmIY1dAzGkoawzVpAABlG3wQC57zVwAAAABJRU5ErkJggg==',
  'base64',
); // 16×16 PNG
const MESSAGE_SUBSCRIPTION = `subscription Chat($id: ID!) { messageAdded(conversationId: $id) { id conversationId kind text createdAt sender { id displayName } } }`;
const NOTIFICATION_SUBSCRIPTION = `subscription Bell { notificationAdded { id kind text link createdAt readAt } }`;
const SEND = `mutation Send($id: ID!, $text: String!) { sendMessage(conversationId: $id, input: { text: $text }) { id createdAt } }`;

const log = (...a) => console.log(...a);
const MB = 1024 * 1024;
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

// ------------------------------------------------------------------ file descriptors

// Every connection is a socket here and one in the API process (which inherits our limit).
// Node cannot raise RLIMIT_NOFILE itself, so when the soft limit is too low and the hard one
// allows it, re-run this script under a shell that raises it (`ulimit -n`).
{
  const need = MAX_CONNECTIONS + 1000;
  const lim = openFileLimit();
  if (lim && lim.soft < need) {
    if (lim.hard >= need && !process.env.CHAT_BENCH_REEXEC) {
      log(`open-file soft limit ${lim.soft} < ${need}: re-running under "ulimit -n ${need}"`);
      const r = spawnSync('sh', ['-c', `ulimit -n ${need} && exec "$0" "$@"`, process.execPath, ...process.execArgv, fileURLToPath(import.meta.url), ...process.argv.slice(2)], {
        stdio: 'inherit', env: { ...process.env, CHAT_BENCH_REEXEC: '1' },
      });
      process.exit(r.status ?? 1);
    }
    console.error(`The open-file limit (soft ${lim.soft}, hard ${lim.hard}) is below the ${need} this run needs (${MAX_CONNECTIONS} connections, each a socket in both processes). Raise it, e.g. "ulimit -n ${need}" as root, and run again.`);
    process.exit(1);
  }
}

// ------------------------------------------------------------------ HTTP helpers

async function gql(base, query, variables, token) {
  const res = await fetch(`${base}/graphql`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'apollo-require-preflight': 'true',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: JSON.stringify({ query, variables }),
  });
  const json = await res.json();
  if (res.status !== 200 || json.errors || !json.data) {
    throw new Error(`GraphQL request failed (HTTP ${res.status}): ${JSON.stringify(json.errors ?? json).slice(0, 500)}`);
  }
  return json.data;
}

async function upload(base, token, png) {
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(png)], { type: 'image/png' }), 'foto.png');
  const res = await fetch(`${base}/uploads`, { method: 'POST', body: form, headers: { authorization: `Bearer ${token}` } });
  const json = await res.json().catch(() => null);
  if (res.status !== 201) throw new Error(`upload failed (HTTP ${res.status}): ${JSON.stringify(json)}`);
  return json;
}

async function register(base, name) {
  const email = `${name.toLowerCase().replace(/[^a-z0-9]+/g, '.')}.${randomBytes(3).toString('hex')}@bench.pasar.test`;
  const data = await gql(base, `mutation R($input: RegisterInput!) { register(input: $input) { accessToken user { id } } }`, {
    input: { email, password: 'bench-password-123', displayName: name, acceptTerms: true },
  });
  return { id: data.register.user.id, token: data.register.accessToken };
}

async function createBarterListing(base, token, categoryId, title) {
  const photo = await upload(base, token, TINY_PNG);
  const data = await gql(base, `mutation C($input: CreateListingInput!) { createListing(input: $input) { id } }`, {
    input: {
      kind: 'BARTER', title, description: 'Barang untuk benchmark chat, kondisi baik.', categoryId, condition: 'GOOD',
      cityCode: '32.73', photoIds: [photo.id], barter: { utility: 3, scarcity: 3, durability: 3, portability: 3 },
    },
  }, token);
  return data.createListing.id;
}

// ------------------------------------------------------------------ facts about the API build


// ------------------------------------------------------------------ phase 1: fan-out

async function fanout(env) {
  const S = SETTINGS.fanout;
  const api = await spawnApi(env);
  cleanups.push(() => api.close());
  const base = `http://127.0.0.1:${api.port}`;
  const wsUrl = `ws://127.0.0.1:${api.port}/graphql`;
  log(`\n[fan-out] API process pid ${api.pid} on 127.0.0.1:${api.port}`);

  // Two members, one barter listing each, an offer: its conversation has exactly these two.
  const seller = await register(base, 'Penjual Bench');
  const buyer = await register(base, 'Pembeli Bench');
  const { categories } = await gql(base, '{ categories { id } }');
  const wanted = await createBarterListing(base, seller.token, categories[0].id, 'Sepeda lipat untuk ditukar');
  const offered = await createBarterListing(base, buyer.token, categories[0].id, 'Kamera analog untuk ditukar');
  const { makeOffer } = await gql(base, `mutation M($input: OfferTermsInput!) { makeOffer(input: $input) { id conversation { id } } }`, {
    input: { wantedListingIds: [wanted], offeredListingIds: [offered] },
  }, buyer.token);
  const conversationId = makeOffer.conversation.id;
  const participants = [seller, buyer];
  log(`[fan-out] conversation ${conversationId} (seller ${seller.id}, buyer ${buyer.id})`);

  const send = (text) => gql(base, SEND, { id: conversationId, text }, seller.token);
  const serverCpuMs = (a, b) => (b.cpu.user + b.cpu.system - a.cpu.user - a.cpu.system) / 1000;

  // The floor: sendMessage with nobody listening (its latency, SQL statements and API CPU).
  for (let i = 0; i < 5; i++) await send(`pesan tanpa pendengar pemanasan ${i}`);
  const aloneBefore = await api.request('stats', { resetCounter: true });
  const aloneMs = [];
  for (let i = 1; i <= S.aloneMessages; i++) {
    const t = performance.now();
    await send(`pesan tanpa pendengar ${i}`);
    aloneMs.push(performance.now() - t);
    await sleep(20);
  }
  const aloneAfter = await api.request('stats');
  const aloneSorted = Float64Array.from(aloneMs).sort();
  const alone = {
    messages: S.aloneMessages,
    httpP50Ms: round(percentile(aloneSorted, 50), 2),
    httpP99Ms: round(percentile(aloneSorted, 99), 2),
    statementsPerMessage: round(aloneAfter.statements / S.aloneMessages, 2),
    serverCpuMsPerMessage: round(serverCpuMs(aloneBefore, aloneAfter) / S.aloneMessages, 2),
  };
  log(`[fan-out] sendMessage without subscribers: p50 ${fmt(alone.httpP50Ms)} ms, ${fmt(alone.statementsPerMessage, 1)} SQL statements, ${fmt(alone.serverCpuMsPerMessage)} ms API CPU`);

  // Who is waiting for which message (one at a time), by its unique text.
  let current = null;
  const strays = { count: 0 };
  const onNext = (i, value, now) => {
    const m = value.data?.messageAdded;
    if (!m || !current || m.text !== current.text) {
      if (m) strays.count++;
      return;
    }
    if (current.seen[i]) {
      current.duplicates++;
      return;
    }
    current.seen[i] = 1;
    current.latencies.push(now - current.t0);
    if (m.conversationId !== conversationId || m.sender?.id !== seller.id) current.wrong++;
    if (current.latencies.length === current.expected) current.done();
  };

  /** Sends one message and waits for its HTTP answer and for all `expected` subscribers (or the timeout). */
  async function deliver(text, expected, timeoutMs) {
    let done;
    const all = new Promise((r) => (done = r));
    const rec = { text, expected, seen: new Uint8Array(S.subscribers), latencies: [], duplicates: 0, wrong: 0, done, t0: 0 };
    current = rec;
    rec.t0 = performance.now();
    const answered = send(text).then(() => performance.now() - rec.t0);
    const timer = setTimeout(done, timeoutMs);
    const [httpMs] = await Promise.all([answered, all]);
    clearTimeout(timer);
    current = null;
    return { text, httpMs, latencies: rec.latencies, missing: expected - rec.latencies.length, duplicates: rec.duplicates, wrong: rec.wrong };
  }

  /** `count` sequential measured messages to `open` subscribers. */
  async function measure(open, count, label) {
    const before = await api.request('stats', { resetCounter: true });
    const cpuBefore = process.cpuUsage();
    const runs = [];
    for (let i = 1; i <= count; i++) {
      const r = await deliver(`pesan ukur ${open} ${i} ${randomUUID()}`, open, S.deliveryTimeoutMs);
      runs.push(r);
      if (label) {
        const sorted = Float64Array.from(r.latencies).sort();
        log(`  message ${String(i).padStart(2)}: ${r.latencies.length} delivered, p50 ${fmt(percentile(sorted, 50))} ms, `
          + `p99 ${fmt(percentile(sorted, 99))} ms, last ${fmt(sorted.at(-1))} ms, sendMessage HTTP ${fmt(r.httpMs)} ms`
          + `${r.missing ? `, ${r.missing} MISSING` : ''}${r.duplicates ? `, ${r.duplicates} duplicates` : ''}`);
      }
      await sleep(S.pauseBetweenMs);
    }
    const clientCpu = process.cpuUsage(cpuBefore);
    const after = await api.request('stats');
    const all = Float64Array.from(runs.flatMap((r) => r.latencies)).sort();
    const lasts = runs.map((r) => (r.latencies.length ? Math.max(...r.latencies) : NaN));
    const firsts = runs.map((r) => (r.latencies.length ? Math.min(...r.latencies) : NaN));
    const httpSorted = Float64Array.from(runs.map((r) => r.httpMs)).sort();
    const perMessageP99 = Float64Array.from(runs.map((r) => percentile(Float64Array.from(r.latencies).sort(), 99))).sort();
    const cpu = serverCpuMs(before, after) / count;
    return {
      subscribers: open,
      messages: count,
      expectedDeliveries: open * count,
      deliveries: all.length,
      missing: runs.reduce((a, r) => a + r.missing, 0),
      duplicates: runs.reduce((a, r) => a + r.duplicates, 0),
      wrongPayloads: runs.reduce((a, r) => a + r.wrong, 0),
      latencyMs: {
        p50: round(percentile(all, 50), 2),
        p90: round(percentile(all, 90), 2),
        p99: round(percentile(all, 99), 2),
        max: round(all.at(-1), 2),
        meanFirst: round(mean(firsts), 2),
        meanLast: round(mean(lasts), 2),
        medianOfPerMessageP99: round(percentile(perMessageP99, 50), 2),
      },
      sendMessageHttpMs: { p50: round(percentile(httpSorted, 50), 2), max: round(httpSorted.at(-1), 2) },
      statementsPerMessage: round(after.statements / count, 2),
      serverCpuMsPerMessage: round(cpu, 1),
      /** API CPU per delivery beyond what sendMessage costs alone. */
      serverCpuMsPerDelivery: round((cpu - alone.serverCpuMsPerMessage) / open, 3),
      clientCpuMsPerMessage: round((clientCpu.user + clientCpu.system) / 1000 / count, 1),
      serverRssMB: round(after.memory.rss / MB, 1),
      perMessage: runs.map((r, i) => {
        const s = Float64Array.from(r.latencies).sort();
        return { message: i + 1, delivered: r.latencies.length, missing: r.missing, duplicates: r.duplicates, p50: round(percentile(s, 50), 2), p99: round(percentile(s, 99), 2), first: round(s[0], 2), last: round(s.at(-1), 2), httpMs: round(r.httpMs, 2) };
      }),
    };
  }

  // Subscribers are added in steps (the sweep), then the full count gets the measured run.
  const steps = [...new Set([...S.sweep.filter((n) => n < S.subscribers), S.subscribers])].sort((a, b) => a - b);
  const groups = [];
  cleanups.push(() => Promise.allSettled(groups.map((g) => g.close())));
  const problems = () => groups.reduce((acc, g) => {
    for (const [k, v] of Object.entries(g.problems)) acc[k] = Array.isArray(v) ? [...(acc[k] ?? []), ...v] : (acc[k] ?? 0) + v;
    return acc;
  }, {});
  const sweep = [];
  let main;
  let open = 0;
  for (const target of steps) {
    const group = await openClients({
      url: wsUrl,
      offset: open,
      count: target - open,
      batch: S.connectBatch,
      tokenOf: (i) => participants[i % S.participants].token,
      operationOf: () => ({ query: MESSAGE_SUBSCRIPTION, variables: { id: conversationId } }),
      onNext,
    });
    groups.push(group);
    open = target;
    log(`[fan-out] ${open} connections acknowledged (${group.count} new in ${fmt(group.openSeconds, 1)} s), `
      + `${Math.ceil(open / S.participants)} per participant, each subscribed to messageAdded`);

    // Warm-up: until one message reaches every subscriber (all subscriptions are registered
    // server-side by then), then S.warmupMessages more.
    let ready = false;
    for (let attempt = 1; attempt <= 10 && !ready; attempt++) {
      const r = await deliver(`pemanasan siap ${open} ${attempt}`, open, 5000);
      ready = r.missing === 0;
      if (!ready) log(`[fan-out] warm-up ${attempt}: ${r.latencies.length}/${open} received; waiting for the rest to subscribe`);
    }
    if (!ready) throw new Error(`not every one of ${open} subscriptions received a warm-up message after 10 tries`);
    for (let i = 1; i <= S.warmupMessages; i++) {
      await deliver(`pemanasan ${open} ${i}`, open, S.deliveryTimeoutMs);
      await sleep(S.pauseBetweenMs);
    }

    if (open < S.subscribers) {
      const r = await measure(open, S.sweepMessages, false);
      sweep.push(r);
      log(`[fan-out] ${open} subscribers: p50 ${fmt(r.latencyMs.p50)} ms, p99 ${fmt(r.latencyMs.p99)} ms, mean last ${fmt(r.latencyMs.meanLast)} ms, `
        + `API CPU ${fmt(r.serverCpuMsPerMessage)} ms/message${r.missing ? `, ${r.missing} MISSING` : ''}`);
    } else {
      main = await measure(open, S.messages, true);
    }
  }

  // A profiled pass (not part of the numbers above): where the API process spends the fan-out.
  let profile = null;
  if (S.profileMessages > 0) {
    await api.request('profileStart');
    for (let i = 1; i <= S.profileMessages; i++) {
      await deliver(`pesan profil ${i}`, open, S.deliveryTimeoutMs);
      await sleep(S.pauseBetweenMs);
    }
    profile = await api.request('profileStop', { top: 30 });
    profile.messages = S.profileMessages;
  }

  const result = {
    ...main,
    connectionsPerParticipant: S.subscribers / S.participants,
    strayEvents: strays.count,
    subscriptionProblems: problems(),
    sendMessageWithoutSubscribers: alone,
    sweep: sweep.map(({ perMessage: _p, ...r }) => r),
    profile,
  };
  result.meetsTarget = result.missing === 0 && result.latencyMs.p99 <= SETTINGS.targets.fanoutP99Ms;

  await Promise.allSettled(groups.map((g) => g.close()));
  await api.close();
  return result;
}

function mean(xs) {
  const v = xs.filter(Number.isFinite);
  return v.length ? v.reduce((a, b) => a + b, 0) / v.length : NaN;
}

// ------------------------------------------------------------------ phase 2: memory

async function memory(env, dbUrl) {
  const S = SETTINGS.memory;
  const total = Math.max(...S.steps);

  // A fresh API process (it also applies the migrations when the fan-out phase did not run).
  const api = await spawnApi(env);
  cleanups.push(() => api.close());
  log(`\n[memory] fresh API process pid ${api.pid} on 127.0.0.1:${api.port}; ${total} members with a token each`);

  // One member per connection (an open browser tab each), inserted with SQL; access tokens
  // signed with the API's own function and secret (registering 5,000 members through the
  // API would mostly measure argon2).
  const pool = new pg.Pool({ connectionString: dbUrl, max: 2 });
  cleanups.push(() => pool.end());
  const ids = Array.from({ length: total }, () => randomUUID());
  await pool.query(
    `insert into users (id, email, password_hash, display_name, role, status, terms_accepted_at, terms_version, created_at, updated_at)
     select id, 'tab.' || n || '@bench.pasar.test', 'bench-not-a-real-hash', 'Anggota ' || n, 'MEMBER', 'ACTIVE', now(), 'bench', now(), now()
     from unnest($1::uuid[]) with ordinality as t(id, n)`,
    [ids],
  );
  const tokens = ids.map((sub) => signAccessToken({ sub, role: 'MEMBER' }, env.JWT_SECRET, Number(env.ACCESS_TOKEN_TTL)).token);


  const read = async (connections) => {
    await sleep(1000);
    const s = await api.request('stats', { gc: true });
    return { connections, rss: s.memory.rss, heapUsed: s.memory.heapUsed, heapTotal: s.memory.heapTotal, external: s.memory.external, arrayBuffers: s.memory.arrayBuffers, tcpSockets: s.tcpSockets, statements: s.statements };
  };
  /** Waits until the API has registered what it was sent: TCP sockets in place and no SQL for 500 ms. */
  const settle = async (connections) => {
    let last = -1;
    for (let i = 0; i < 200; i++) {
      const s = await api.request('stats');
      if (s.tcpSockets >= connections && s.statements === last) return s;
      last = s.statements;
      await sleep(250);
    }
    throw new Error(`the API did not settle at ${connections} connections`);
  };

  await sleep(1000);
  const readings = [await read(0)];
  log(`[memory] baseline: RSS ${fmt(readings[0].rss / MB)} MB, heapUsed ${fmt(readings[0].heapUsed / MB)} MB`);
  const steps = [...S.steps].sort((a, b) => a - b);
  if (steps.some((s) => s % S.connectBatch)) throw new Error(`steps must be multiples of the batch (${S.connectBatch})`);
  let next = 0;
  const started = performance.now();
  const clients = await openClients({
    url: `ws://127.0.0.1:${api.port}/graphql`,
    count: total,
    batch: S.connectBatch,
    tokenOf: (i) => tokens[i],
    operationOf: () => ({ query: NOTIFICATION_SUBSCRIPTION }),
    onBatch: async (open) => {
      if (open !== steps[next]) return;
      next++;
      await settle(open);
      const r = await read(open);
      readings.push(r);
      log(`[memory] ${open} connections (${fmt((performance.now() - started) / 1000)} s): RSS ${fmt(r.rss / MB)} MB, heapUsed ${fmt(r.heapUsed / MB)} MB, `
        + `${r.tcpSockets} TCP sockets in the API process`);
    },
  });
  cleanups.push(() => clients.close());
  const statementsPerConnection = (readings.at(-1).statements - readings[0].statements) / total;

  await clients.close();
  await sleep(2000);
  const closed = await read(0);
  log(`[memory] all closed: RSS ${fmt(closed.rss / MB)} MB, heapUsed ${fmt(closed.heapUsed / MB)} MB, ${closed.tcpSockets} TCP sockets`);
  await api.close();

  // Where the per-connection heap goes: a separate fresh API process with the sampling heap
  // profiler on while `heapProfileConnections` connections open (kept out of the readings above).
  let heapProfile = null;
  if (S.heapProfileConnections > 0) {
    const n = Math.min(S.heapProfileConnections, total);
    const probe = await spawnApi(env);
    cleanups.push(() => probe.close());
    await sleep(1000);
    await probe.request('heapStart', { samplingInterval: 4096 });
    const c = await openClients({
      url: `ws://127.0.0.1:${probe.port}/graphql`, count: n, batch: S.connectBatch, tokenOf: (i) => tokens[i],
      operationOf: () => ({ query: NOTIFICATION_SUBSCRIPTION }),
    });
    cleanups.push(() => c.close());
    let last = -1;
    for (let i = 0; i < 200; i++) {
      const st = await probe.request('stats');
      if (st.tcpSockets >= n && st.statements === last) break;
      last = st.statements;
      await sleep(250);
    }
    heapProfile = { connections: n, ...(await probe.request('heapStop', { top: 15 })) };
    await c.close();
    await probe.close();
    log(`[memory] heap profile with ${n} connections: ${fmt(heapProfile.totalMB)} MB of sampled live objects allocated since the profiler started`);
  }

  const base = readings[0];
  const rows = readings.map((r) => ({
    connections: r.connections,
    rssMB: round(r.rss / MB, 1),
    heapUsedMB: round(r.heapUsed / MB, 1),
    heapTotalMB: round(r.heapTotal / MB, 1),
    externalMB: round(r.external / MB, 1),
    tcpSockets: r.tcpSockets,
    rssPerThousandMB: r.connections ? round((r.rss - base.rss) / MB / (r.connections / 1000), 2) : null,
    heapPerThousandMB: r.connections ? round((r.heapUsed - base.heapUsed) / MB / (r.connections / 1000), 2) : null,
  }));
  const first = readings[1];
  const last = readings.at(-1);
  const slope = (k) => (last[k] - first[k]) / MB / ((last.connections - first.connections) / 1000);
  const atMax = rows.at(-1);
  return {
    rows,
    afterClose: { rssMB: round(closed.rss / MB, 1), heapUsedMB: round(closed.heapUsed / MB, 1), tcpSockets: closed.tcpSockets },
    /** Marginal cost between the first and the last step: without one-off costs of the first connections. */
    marginalPerThousandMB: readings.length > 2 ? { rss: round(slope('rss'), 2), heapUsed: round(slope('heapUsed'), 2), between: [first.connections, last.connections] } : null,
    atMax: { connections: atMax.connections, rssPerThousandMB: atMax.rssPerThousandMB, heapPerThousandMB: atMax.heapPerThousandMB },
    statementsPerConnection: round(statementsPerConnection, 2),
    subscriptionProblems: clients.problems,
    heapProfile,
    meetsTarget: atMax.rssPerThousandMB <= SETTINGS.targets.mbPerThousandConnections,
  };
}

// ------------------------------------------------------------------ report

function report(f, m) {
  const parts = [];
  const yes = (ok) => (ok ? 'yes' : 'NO');
  const ms = (x, d = 1) => `${fmt(x, d)} ms`;
  if (f) {
    parts.push(`Fan-out: one conversation, subscribers = graphql-ws connections on messageAdded, split over its 2 participants' tokens; API in its own process.`);
    parts.push(`Measured run: ${f.subscribers} subscribers, ${f.messages} sequential messages (after ${SETTINGS.fanout.warmupMessages} warm-up); smaller counts: ${SETTINGS.fanout.sweepMessages} messages each.`);
    const alone = f.sendMessageWithoutSubscribers;
    const row = (r) => [
      String(r.subscribers), `${r.deliveries}/${r.expectedDeliveries}`, String(r.missing) + (r.duplicates ? ` +${r.duplicates} dup` : ''),
      ms(r.latencyMs.p50), ms(r.latencyMs.p90), ms(r.latencyMs.p99), ms(r.latencyMs.max), ms(r.latencyMs.meanFirst), ms(r.latencyMs.meanLast),
      ms(r.sendMessageHttpMs.p50), fmt(r.statementsPerMessage, 1), ms(r.serverCpuMsPerMessage), ms(r.serverCpuMsPerDelivery, 3),
    ];
    parts.push(table(
      ['subscribers', 'deliveries', 'missing', 'p50', 'p90', 'p99', 'max', 'mean first', 'mean last', 'send HTTP p50', 'SQL/msg', 'API CPU/msg', 'CPU/delivery'],
      [
        ['0 (alone)', '-', '-', '-', '-', '-', '-', '-', '-', ms(alone.httpP50Ms), fmt(alone.statementsPerMessage, 1), ms(alone.serverCpuMsPerMessage), '-'],
        ...f.sweep.map(row),
        row(f),
      ],
      [],
    ));
    parts.push(`latency = from just before the sendMessage HTTP request to the subscriber's next (percentiles over every delivery); mean first / last = mean over messages of`);
    parts.push(`the earliest / latest subscriber; SQL/msg = statements the API ran per message; CPU/delivery = (API CPU/msg − alone) ÷ subscribers; bench-process (client) CPU ${ms(f.clientCpuMsPerMessage)}/msg.`);
    parts.push(`Target p99 ≤ ${SETTINGS.targets.fanoutP99Ms} ms at ${f.subscribers} subscribers: ${yes(f.meetsTarget)} (p99 ${ms(f.latencyMs.p99)}; median of the per-message p99s ${ms(f.latencyMs.medianOfPerMessageP99)}); `
      + `deliveries ${f.deliveries} of ${f.expectedDeliveries}, missing ${f.missing}, duplicates ${f.duplicates}, wrong payloads ${f.wrongPayloads}, subscription errors ${f.subscriptionProblems.subscriptionErrors ?? 0}.`);
    if (f.profile) {
      parts.push(`API CPU profile over ${f.profile.messages} more messages: ${f.profile.busyMs} ms busy of ${f.profile.durationMs} ms; self time by package / API file, % of busy:`);
      parts.push(f.profile.areas.slice(0, 10).map((a) => `  ${fmt(a.percentOfBusy, 1).padStart(5)} %  ${a.name}`).join('\n'));
    }
  }
  if (m) {
    if (parts.length) parts.push('');
    parts.push('Memory of the API process (forced GC before each reading) with idle graphql-ws connections: one member each, connection_init + ack, one notificationAdded subscription.');
    parts.push(table(
      ['connections', 'RSS', 'heapUsed', 'heapTotal', 'external', 'RSS / 1000', 'heap / 1000', 'TCP sockets'],
      m.rows.map((r) => [
        String(r.connections), `${fmt(r.rssMB)} MB`, `${fmt(r.heapUsedMB)} MB`, `${fmt(r.heapTotalMB)} MB`, `${fmt(r.externalMB)} MB`,
        r.rssPerThousandMB == null ? 'baseline' : `${fmt(r.rssPerThousandMB, 2)} MB`,
        r.heapPerThousandMB == null ? 'baseline' : `${fmt(r.heapPerThousandMB, 2)} MB`, String(r.tcpSockets),
      ]),
      [],
    ));
    parts.push(`per 1000 = (reading − baseline) ÷ thousands of connections${m.marginalPerThousandMB ? `; marginal ${m.marginalPerThousandMB.between.join('→')}: RSS ${fmt(m.marginalPerThousandMB.rss, 2)} MB, heap ${fmt(m.marginalPerThousandMB.heapUsed, 2)} MB per 1000` : ''}; `
      + `SQL statements per connection ${fmt(m.statementsPerConnection, 2)}; after closing all: RSS ${fmt(m.afterClose.rssMB)} MB, heapUsed ${fmt(m.afterClose.heapUsedMB)} MB.`);
    parts.push(`Target ≤ ${SETTINGS.targets.mbPerThousandConnections} MB per 1000 idle connections at ${m.atMax.connections} (RSS): ${yes(m.meetsTarget)} (RSS ${fmt(m.atMax.rssPerThousandMB, 2)} MB, heapUsed ${fmt(m.atMax.heapPerThousandMB, 2)} MB per 1000).`);
    if (m.heapProfile) {
      const h = m.heapProfile;
      parts.push(`Live heap allocated while ${h.connections} connections opened (sampling heap profiler, separate process): ${fmt(h.totalMB, 1)} MB = ${fmt((h.totalMB * 1024) / h.connections, 1)} KB per connection; by the nearest API function on the allocating stack:`);
      const kb = (mb) => `${fmt((mb * 1024) / h.connections, 1).padStart(5)} KB/conn`;
      parts.push(h.byApiFunction.slice(0, 6).map((a) => `  ${fmt(a.percent, 1).padStart(5)} %  ${kb(a.MB)}  ${a.name}`).join('\n'));
      parts.push('  … and by the package whose code allocated it:');
      parts.push(h.byPackage.slice(0, 8).map((a) => `  ${fmt(a.percent, 1).padStart(5)} %  ${kb(a.MB)}  ${a.name}`).join('\n'));
    }
  }
  return parts.join('\n');
}

// ------------------------------------------------------------------ main

async function main() {
  const t0 = performance.now();
  const machine = machineFacts({ openFiles: openFileLimit() });
  log(`Pasar chat benchmark — ${describeMachine(machine)}, open files ${machine.openFiles?.soft ?? '?'}, load ${machine.loadAverageAtStart.join(' ')}`);
  const fingerprint = logApiFingerprint();

  const { db, dataDir } = await provisionWorkspace();
  const env = productionApiEnv({ databaseUrl: db.url, dataDir });

  const phase = SETTINGS.phase;
  const f = phase === 'all' || phase === 'fanout' ? await fanout(env) : null;
  const m = phase === 'all' || phase === 'memory' ? await memory(env, db.url) : null;

  const elapsed = round((performance.now() - t0) / 1000, 1);
  const printed = report(f, m);
  log('');
  log(printed);
  log('');
  const out = {
    ...runFacts(elapsed, machine),
    api: fingerprint,
    database: db.where,
    settings: SETTINGS,
    operations: { messageSubscription: MESSAGE_SUBSCRIPTION, notificationSubscription: NOTIFICATION_SUBSCRIPTION, sendMessage: SEND },
    fanout: f,
    memory: m,
    table: printed,
  };
  writeResults('chat.json', out, elapsed);
}

await runMain(main);
