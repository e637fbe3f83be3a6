/**
 * The API in a child process, for benchmarks that must keep the client side (thousands of
 * WebSocket clients) out of the server's event loop and out of its memory readings.
 *
 * Child side (`node --expose-gc lib/api-process.mjs`, started by `spawnApi`): boots the API
 * exactly like listings.bench.mjs does (`startServer(loadConfig({...}), { counter })`, with
 * the environment the parent passes), then answers requests over the IPC channel:
 *   - `stats`   → `process.memoryUsage()` (after forced GC when asked), the SQL statement
 *                 counter, and the open TCP handles of the process;
 *   - `profileStart` / `profileStop` → a V8 CPU profile (inspector), summarised (and saved
 *                 to `file` when given);
 *   - `heapStart` / `heapStop` → a sampling heap profile of what stays alive, summarised;
 *   - `close`   → closes the server and exits.
 * With BENCH_SQL_COUNTER=false in its environment the child boots without the statement
 * counter (`statements` is then null): the counter turns on MikroORM's query logging, which
 * costs CPU on every statement, so throughput runs can leave it off.
 * It also exits when the parent goes away (IPC disconnect), so it never outlives the bench.
 *
 * Parent side: `spawnApi(env, opts)` returns `{ port, pid, request(type, args), close() }`.
 */
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const SELF = fileURLToPath(import.meta.url);

// ------------------------------------------------------------------ parent side

/**
 * Forks this file as the API process. `env` is its whole environment (the API's config).
 * Resolves when the server listens; rejects when the child fails to boot.
 */
export function spawnApi(env, { execArgv = ['--expose-gc'], bootTimeoutMs = 120_000, onExit } = {}) {
  const child = fork(SELF, ['--child'], { env, execArgv, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  let seq = 0;
  const pending = new Map();
  let exited = false;
  const exitedPromise = new Promise((resolve) => child.once('exit', (code, signal) => {
    exited = true;
    for (const { reject } of pending.values()) reject(new Error(`API process exited (${signal ?? code})`));
    pending.clear();
    onExit?.(code, signal);
    resolve({ code, signal });
  }));
  child.on('message', (m) => {
    const p = pending.get(m?.id);
    if (!p) return;
    pending.delete(m.id);
    if (m.error) p.reject(new Error(`API process: ${m.error}`));
    else p.resolve(m.result);
  });
  const request = (type, args = {}, timeoutMs = 60_000) => {
    if (exited) return Promise.reject(new Error('API process is not running'));
    const id = ++seq;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        pending.delete(id);
        reject(new Error(`API process: no answer to ${type} within ${timeoutMs} ms`));
      }, timeoutMs);
      pending.set(id, {
        resolve: (v) => { clearTimeout(timer); resolve(v); },
        reject: (e) => { clearTimeout(timer); reject(e); },
      });
      child.send({ id, type, args });
    });
  };
  const close = async () => {
    if (exited) return;
    try {
      await request('close', {}, 30_000);
    } catch {
      // fall through to the signal
    }
    const killer = setTimeout(() => child.kill('SIGKILL'), 15_000);
    if (!exited) child.kill('SIGTERM');
    await exitedPromise;
    clearTimeout(killer);
  };
  return request('ready', {}, bootTimeoutMs).then(
    (info) => ({ ...info, pid: child.pid, request, close, exited: exitedPromise }),
    async (err) => {
      if (!exited) child.kill('SIGKILL');
      await exitedPromise;
      throw err;
    },
  );
}

// ------------------------------------------------------------------- child side

async function child() {
  const counter = process.env.BENCH_SQL_COUNTER === 'false' ? undefined : { count: 0 };
  // Boot in the background; the IPC listener below must exist before the first request arrives.
  const booting = (async () => {
    const { loadConfig } = await import('@pasar/api/core/config.js');
    const { startServer } = await import('@pasar/api/core/server.js');
    return startServer(loadConfig(process.env), { counter });
  })();
  let server;
  let closing;
  const shutdown = () => {
    closing ??= (async () => {
      try {
        await (server ?? (await booting.catch(() => null)))?.close();
      } finally {
        process.exit(0);
      }
    })();
    return closing;
  };
  process.on('disconnect', shutdown);
  process.on('SIGTERM', shutdown);
  process.on('SIGINT', () => {}); // the parent handles Ctrl-C and then closes us over IPC

  let session;
  const handlers = {
    async ready() {
      server = await booting;
      return { port: server.port, node: process.version, pid: process.pid, gcExposed: typeof globalThis.gc === 'function' };
    },
    async stats({ gc = false, resetCounter = false } = {}) {
      if (gc) {
        if (typeof globalThis.gc !== 'function') throw new Error('run with --expose-gc');
        // Two full collections with a turn of the event loop between them, so objects freed
        // by finalizers / weak callbacks of the first one go in the second.
        globalThis.gc();
        await new Promise((r) => setImmediate(r));
        globalThis.gc();
      }
      const memory = process.memoryUsage();
      const handles = process.getActiveResourcesInfo();
      const tcp = handles.filter((h) => h === 'TCPSocketWrap').length;
      const statements = counter ? counter.count : null;
      if (resetCounter && counter) counter.count = 0;
      return { memory, cpu: process.cpuUsage(), statements, tcpSockets: tcp, uptime: process.uptime() };
    },
    async profileStart() {
      const inspector = await import('node:inspector/promises');
      session = new inspector.Session();
      session.connect();
      await session.post('Profiler.enable');
      await session.post('Profiler.setSamplingInterval', { interval: 200 });
      await session.post('Profiler.start');
      return true;
    },
    async profileStop({ top = 25, file } = {}) {
      const { profile } = await session.post('Profiler.stop');
      session.disconnect();
      session = undefined;
      // The whole profile too, when asked (opens in Chrome DevTools or speedscope).
      if (file) (await import('node:fs')).writeFileSync(file, JSON.stringify(profile));
      return summarizeProfile(profile, top);
    },
    async heapStart({ samplingInterval = 8192 } = {}) {
      const inspector = await import('node:inspector/promises');
      session = new inspector.Session();
      session.connect();
      await session.post('HeapProfiler.enable');
      await session.post('HeapProfiler.startSampling', { samplingInterval });
      return true;
    },
    async heapStop({ top = 15 } = {}) {
      // Sampled objects still alive after a full GC, with the stack that allocated them.
      globalThis.gc?.();
      await new Promise((r) => setImmediate(r));
      globalThis.gc?.();
      const { profile } = await session.post('HeapProfiler.getSamplingProfile');
      await session.post('HeapProfiler.stopSampling');
      session.disconnect();
      session = undefined;
      return summarizeHeap(profile, top);
    },
    async close() {
      setImmediate(shutdown);
      return true;
    },
  };
  process.on('message', async (m) => {
    const h = handlers[m?.type];
    try {
      if (!h) throw new Error(`unknown request ${m?.type}`);
      const result = await h(m.args);
      process.send?.({ id: m.id, result });
    } catch (err) {
      process.send?.({ id: m.id, error: err?.stack ?? String(err) });
    }
  });
  try {
    server = await booting;
  } catch (err) {
    console.error('API process failed to boot:', err);
    process.exit(1);
  }
}

/** A call frame's file, shortened: `api/dist/...`, `node:...`, or the path inside its npm package. */
function shortUrl(url) {
  return url ? url.replace(/^file:\/\//, '').replace(/^.*\/node_modules\/\.pnpm\/[^/]+\/node_modules\//, '').replace(/^.*\/api\/dist\//, 'api/dist/') : '';
}
/** The package (or API file, or node: module) a frame belongs to. */
function areaOf(f) {
  const where = shortUrl(f.url);
  if (!f.url) return f.functionName || '(native)';
  if (where.startsWith('api/dist/') || where.startsWith('node:')) return where;
  return where.split('/').slice(0, where.startsWith('@') ? 2 : 1).join('/');
}
const frameName = (f) => `${f.functionName || '(anonymous)'} ${shortUrl(f.url)}${f.url ? `:${f.lineNumber + 1}` : ''}`.trim();

/**
 * Live heap of a sampling heap profile, by the package (or node: module, or API file) whose
 * code allocated it, and by the nearest API function on the allocating stack (what in the
 * API's code caused the allocation).
 */
function summarizeHeap(profile, top) {
  const byArea = new Map();
  const byApi = new Map();
  let total = 0;
  const add = (m, k, v) => m.set(k, (m.get(k) ?? 0) + v);
  // Native frames (Map, Set, Promise…) count for the JavaScript frame that called them.
  const walk = (node, nearestApi, nearestArea) => {
    const f = node.callFrame;
    const api = shortUrl(f.url).startsWith('api/dist/') ? frameName(f) : nearestApi;
    const area = f.url ? areaOf(f) : nearestArea ?? areaOf(f);
    if (node.selfSize > 0) {
      total += node.selfSize;
      add(byArea, area, node.selfSize);
      add(byApi, api ?? '(no API frame on the stack)', node.selfSize);
    }
    for (const c of node.children) walk(c, api, area);
  };
  walk(profile.head, null, null);
  const rank = (m) => [...m].sort((a, b) => b[1] - a[1]).slice(0, top)
    .map(([name, bytes]) => ({ name, MB: Math.round((bytes / 1048576) * 100) / 100, percent: Math.round((bytes / total) * 1000) / 10 }));
  return { totalMB: Math.round((total / 1048576) * 100) / 100, byPackage: rank(byArea), byApiFunction: rank(byApi) };
}

/**
 * Self time per function (and per package / API file) of a V8 CPU profile, biggest first, as
 * a share of the busy (non-idle) time:
 * enough to see where the server's time goes without opening the profile in DevTools.
 */
function summarizeProfile(profile, top) {
  const { nodes, samples, timeDeltas, startTime, endTime } = profile;
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const selfUs = new Map();
  for (let i = 0; i < samples.length; i++) selfUs.set(samples[i], (selfUs.get(samples[i]) ?? 0) + (timeDeltas[i] ?? 0));
  const totalUs = endTime - startTime;
  const fnTime = new Map();
  const areaTime = new Map();
  let idleUs = 0;
  let busyUs = 0;
  for (const [id, us] of selfUs) {
    const { callFrame: f } = byId.get(id);
    // Not the API's work: the idle loop, and the inspector's own native `dispatch` (which
    // serialises this profile when it is stopped).
    if (f.functionName === '(idle)' || (!f.url && f.functionName === 'dispatch')) {
      idleUs += us;
      continue;
    }
    busyUs += us;
    const fnKey = frameName(f);
    fnTime.set(fnKey, (fnTime.get(fnKey) ?? 0) + us);
    const area = areaOf(f);
    areaTime.set(area, (areaTime.get(area) ?? 0) + us);
  }
  // Busy time by the nearest API function on the sampled stack (what in the API's code led
  // to it), and by package anywhere on the stack (inclusive time; a package counts once per
  // sample). Stacks after an `await` start at the microtask that resumed, so time spent in
  // a library's own continuations shows up without an API frame.
  const parent = new Map();
  for (const n of nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const apiTime = new Map();
  const inclusive = new Map();
  const nativeCallers = new Map();
  for (const [id, us] of selfUs) {
    const { callFrame: f } = byId.get(id);
    if (f.functionName === '(idle)' || (!f.url && f.functionName === 'dispatch')) continue;
    let api = null;
    let caller = null;
    const seen = new Set();
    for (let cur = id; cur !== undefined; cur = parent.get(cur)) {
      const cf = byId.get(cur).callFrame;
      if (!api && shortUrl(cf.url).startsWith('api/dist/')) api = frameName(cf);
      if (!caller && cf.url) caller = frameName(cf);
      if (cf.url) seen.add(areaOf(cf));
    }
    // A native frame (no script): which JavaScript function called it.
    if (!f.url && !['(garbage collector)', '(program)', '(root)'].includes(f.functionName)) {
      const k = `${f.functionName || '(native)'} ← ${caller ?? '(no JavaScript caller)'}`;
      nativeCallers.set(k, (nativeCallers.get(k) ?? 0) + us);
    }
    const key = api ?? '(no API frame on the stack)';
    apiTime.set(key, (apiTime.get(key) ?? 0) + us);
    for (const a of seen) inclusive.set(a, (inclusive.get(a) ?? 0) + us);
  }
  const rank = (m) => [...m].sort((a, b) => b[1] - a[1]).slice(0, top)
    .map(([name, us]) => ({ name, ms: Math.round(us / 100) / 10, percentOfBusy: Math.round((us / busyUs) * 1000) / 10 }));
  return {
    durationMs: Math.round(totalUs / 1000), busyMs: Math.round(busyUs / 1000), idleMs: Math.round(idleUs / 1000),
    functions: rank(fnTime), areas: rank(areaTime), byApiFunction: rank(apiTime), inclusiveAreas: rank(inclusive), nativeCallers: rank(nativeCallers),
  };
}

if (process.argv.includes('--child') && process.send) await child();
