import { createSourceEventStream, execute, print, type ExecutionArgs, type ExecutionResult } from 'graphql';
import type { Context } from '../context.js';

type Result = ExecutionResult | AsyncIterable<ExecutionResult>;

/** Maps an async iterator, passing return() straight through (so unsubscribing frees the source at once). */
function mapAsync<T, U>(source: AsyncIterable<T>, fn: (value: T) => Promise<U>): AsyncIterableIterator<U> {
  const it = source[Symbol.asyncIterator]();
  return {
    [Symbol.asyncIterator]() {
      return this;
    },
    async next() {
      const r = await it.next();
      return r.done ? { done: true, value: undefined } : { done: false, value: await fn(r.value) };
    },
    async return() {
      await it.return?.();
      return { done: true, value: undefined };
    },
    async throw(e: unknown) {
      await it.return?.();
      throw e;
    },
  };
}

const executions = new WeakMap<object, Map<string, Promise<ExecutionResult>>>();

/**
 * graphql-ws `subscribe` that executes each event once per (event, document, variables,
 * user) and shares the result: the same message fanned out to 1,000 tabs of one member is
 * executed once, not 1,000 times. Results stay per user, so fields that depend on who asks
 * (e.g. User.email) are never shared across users. The event object is the cache key, so
 * entries go away with the event.
 */
export async function sharedSubscribe(args: ExecutionArgs): Promise<Result> {
  const stream = await createSourceEventStream(args);
  if (!(Symbol.asyncIterator in (stream as object))) return stream as ExecutionResult;
  const user = (args.contextValue as Context | undefined)?.user?.id ?? 'anonymous';
  const key = `${user}\n${JSON.stringify(args.variableValues ?? {})}\n${print(args.document)}`;
  return mapAsync(stream as AsyncIterable<unknown>, (payload) => {
    if (payload === null || typeof payload !== 'object') return Promise.resolve(execute({ ...args, rootValue: payload }));
    let byKey = executions.get(payload);
    if (!byKey) executions.set(payload, (byKey = new Map()));
    let result = byKey.get(key);
    if (!result) {
      result = Promise.resolve(execute({ ...args, rootValue: payload }));
      byKey.set(key, result);
    }
    return result;
  });
}
