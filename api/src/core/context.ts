import DataLoader from 'dataloader';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { User } from '../identity/user.entity.js';
import type { Services } from './services.js';

/**
 * Per-operation context (ARCHITECTURE, "How a request flows"): the authenticated user (or
 * null), a fresh EntityManager fork, the services and a request id for logs.
 */
export interface Context {
  em: EntityManager;
  user: User | null;
  requestId: string;
  /** Client IP for rate limits. */
  ip: string;
  services: Services;
  /** Per-operation memo for values several resolvers need (see `memo`). */
  cache: Map<string, Promise<unknown>>;
  /** Per-operation batch loaders (see `batched`). */
  loaders: Map<string, DataLoader<string, unknown>>;
}

/** Computes `fn` once per operation under `key`. */
export function memo<T>(ctx: Context, key: string, fn: () => Promise<T>): Promise<T> {
  let hit = ctx.cache.get(key) as Promise<T> | undefined;
  if (!hit) {
    hit = fn();
    ctx.cache.set(key, hit);
  }
  return hit;
}

/** The context of a request that passed @Authorized(): user is set. */
export type AuthedContext = Context & { user: User };

/**
 * Loads something per id for many roots in ONE query per operation (ARCHITECTURE, "No N+1"):
 * field resolvers of a list call `batched(ctx, name, id, loadMany)`; the calls of one tick are
 * collected and `loadMany(ids)` runs once, returning a Map by id (missing ids get `fallback`).
 * For what MikroORM's own dataloader does not cover (inverse sides, filtered children).
 */
export function batched<T>(ctx: Context, name: string, id: string, loadMany: (ids: readonly string[]) => Promise<Map<string, T>>, fallback: T): Promise<T> {
  let loader = ctx.loaders.get(name) as DataLoader<string, T> | undefined;
  if (!loader) {
    // Batching only, no caching: a subscription keeps one context for all its events, and a
    // cached answer from the first event would be served stale to every later one.
    loader = new DataLoader<string, T>(async (ids) => {
      const found = await loadMany(ids);
      return ids.map((i) => (found.has(i) ? found.get(i)! : fallback));
    }, { cache: false });
    ctx.loaders.set(name, loader as DataLoader<string, unknown>);
  }
  return loader.load(id);
}

/** Groups rows into a Map of arrays by a key. */
export function groupBy<T>(rows: T[], key: (row: T) => string): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const row of rows) {
    const k = key(row);
    const list = map.get(k);
    if (list) list.push(row);
    else map.set(k, [row]);
  }
  return map;
}
