/**
 * Many graphql-ws clients in this process (the `graphql-ws` client with the `ws` package),
 * opened in batches. Each client authenticates with `connectionParams.authorization`, waits
 * for connection_ack, and holds one subscription.
 */
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';

/**
 * Opens `count` clients (numbered from `offset`), `batch` at a time (a batch is complete when every client in it got
 * connection_ack). `tokenOf(i)` is client i's access token; `operationOf(i)` its subscription
 * `{ query, variables }`. `onNext(i, value, now)` gets every result (`now` = performance.now()
 * taken first thing). Resolves with a handle to inspect and close them all.
 */
export async function openClients({ url, count, offset = 0, batch = 100, tokenOf, operationOf, onNext, onBatch }) {
  const clients = [];
  const problems = { refused: 0, subscriptionErrors: 0, completed: 0, closedAfterAck: 0, examples: [] };
  const note = (what, err) => {
    if (problems.examples.length < 5) problems.examples.push(`${what}: ${describe(err)}`);
  };
  let disposing = false;

  const openOne = (i) => new Promise((resolve, reject) => {
    let acked = false;
    let settled = false;
    const settle = (fn, v) => {
      if (!settled) {
        settled = true;
        fn(v);
      }
    };
    const client = createClient({
      url,
      webSocketImpl: WebSocket,
      connectionParams: { authorization: `Bearer ${tokenOf(i)}` },
      lazy: false,
      retryAttempts: 0,
      onNonLazyError: (err) => settle(reject, new Error(`client ${i}: ${describe(err)}`)),
      on: {
        connected: () => {
          acked = true;
          settle(resolve, client);
        },
        closed: (ev) => {
          if (!acked) settle(reject, new Error(`client ${i} closed before ack: ${describe(ev)}`));
          else if (!disposing) {
            problems.closedAfterAck++;
            note(`client ${i} closed`, ev);
          }
        },
      },
    });
    client.subscribe(operationOf(i), {
      next: (value) => {
        const now = performance.now();
        if (value.errors) {
          problems.subscriptionErrors++;
          note(`client ${i} result errors`, value.errors);
        }
        onNext?.(i, value, now);
      },
      error: (err) => {
        problems.subscriptionErrors++;
        note(`client ${i} subscription error`, err);
      },
      complete: () => {
        if (!disposing) problems.completed++;
      },
    });
  });

  const started = performance.now();
  for (let from = 0; from < count; from += batch) {
    const n = Math.min(batch, count - from);
    const settledBatch = await Promise.allSettled(Array.from({ length: n }, (_, k) => openOne(offset + from + k)));
    for (const r of settledBatch) {
      if (r.status === 'fulfilled') clients.push(r.value);
      else {
        problems.refused++;
        note('connect', r.reason);
      }
    }
    if (problems.refused) {
      await closeAll();
      throw new Error(`${problems.refused} of ${from + n} connections were refused, e.g. ${problems.examples.join('; ')}`);
    }
    await onBatch?.(clients.length);
  }

  async function closeAll() {
    disposing = true;
    await Promise.allSettled(clients.splice(0).map((c) => c.dispose()));
  }

  return {
    get count() {
      return clients.length;
    },
    openSeconds: (performance.now() - started) / 1000,
    problems,
    close: closeAll,
  };
}

function describe(err) {
  if (err == null) return String(err);
  if (err instanceof Error) return err.message;
  if (Array.isArray(err)) return err.map((e) => e?.message ?? JSON.stringify(e)).join('; ');
  if (typeof err === 'object' && 'code' in err) return `close ${err.code}${err.reason ? ` ${err.reason}` : ''}`;
  if (typeof err === 'object' && 'type' in err) return `${err.type}${err.message ? ` ${err.message}` : ''}`;
  return JSON.stringify(err);
}

/** Soft and hard "Max open files" of this process (Linux /proc), or null elsewhere. */
export function openFileLimit() {
  try {
    const line = readFileSync('/proc/self/limits', 'utf8').split('\n').find((l) => l.startsWith('Max open files'));
    const [soft, hard] = line.trim().split(/\s+/).slice(3, 5).map((v) => (v === 'unlimited' ? Infinity : Number(v)));
    return { soft, hard };
  } catch {
    return null;
  }
}
