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
