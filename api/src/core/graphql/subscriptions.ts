import { filter, pipe } from '@graphql-yoga/subscription';
import type { SubscribeResolverData } from 'type-graphql';
import { Role } from '../../identity/user.entity.js';
import type { AuthedContext, Context } from '../context.js';
import type { Topics } from '../pubsub.js';
import { forbidden, unauthenticated } from './errors.js';

type Args = Record<string, unknown>;

/**
 * A type-graphql `subscribe` handler that checks access when subscribing (`allowed`) and
 * again for every event: an event reaches a subscriber only when its `audience` names them,
 * or (admins on a disputed trade) when `allowed` still holds (PRODUCT §8).
 */
export function subscribeChecked<T extends keyof Topics>(
  topic: T,
  keyOf: (args: Args, ctx: AuthedContext) => string,
  allowed: (ctx: AuthedContext, args: Args) => Promise<boolean>,
) {
  return async ({ args, context }: SubscribeResolverData<unknown, Args, Context>) => {
    const ctx = context;
    if (!ctx.user) throw unauthenticated();
    const authed = ctx as AuthedContext;
    if (!(await allowed(authed, args))) throw forbidden('You may not watch this.');
    const subscribe = ctx.services.pubsub.subscribe.bind(ctx.services.pubsub) as (topic: T, key: string) => AsyncIterable<Topics[T][1]>;
    const source = subscribe(topic, keyOf(args, authed));
    return pipe(source, filter(async (payload: Topics[T][1]) => {
      if (payload.audience.includes(authed.user.id)) return true;
      return authed.user.role === Role.ADMIN && (await allowed({ ...authed, em: authed.em.fork() }, args));
    }));
  };
}

/** For per-user topics (offers, deals, notifications): key = the subscriber's own id. */
export const ownTopic = (_args: Args, ctx: AuthedContext) => ctx.user.id;
export const always = async () => true;

const shared = new Map<string, Promise<unknown>>();

/**
 * Loads what an event refers to once per process and shares it with every subscriber that
 * receives the same event (a message fanned out to 1,000 tabs costs one read, not 1,000).
 * Entries live a few seconds; the loaded entities are only read by the resolvers.
 */
export function sharedLoad<T>(key: string, load: () => Promise<T>, ttlMs = 5000): Promise<T> {
  let hit = shared.get(key) as Promise<T> | undefined;
  if (!hit) {
    hit = load();
    shared.set(key, hit);
    setTimeout(() => shared.delete(key), ttlMs).unref();
    hit.catch(() => shared.delete(key));
  }
  return hit;
}
