import { ApolloClient, ApolloLink, InMemoryCache, Observable, split, type FetchResult } from '@apollo/client/core';
import { MockLink, type MockedResponse } from '@apollo/client/testing/core';
import { getMainDefinition } from '@apollo/client/utilities';
import type { Observer } from '@apollo/client/utilities';
import { createCache } from '@/apollo';

/**
 * An Apollo client for component tests whose queries and mutations are mocked (MockLink)
 * and whose subscriptions stay open until the test pushes events with `emit`.
 */
export function createLiveApollo(mocks: readonly MockedResponse[] = []) {
  const observers = new Map<string, Set<Observer<FetchResult>>>();
  const subscriptionLink = new ApolloLink(
    (operation) =>
      new Observable<FetchResult>((observer) => {
        const name = operation.operationName;
        const set = observers.get(name) ?? new Set();
        set.add(observer);
        observers.set(name, set);
        return () => set.delete(observer);
      }),
  );
  const link = split(
    ({ query }) => {
      const def = getMainDefinition(query);
      return def.kind === 'OperationDefinition' && def.operation === 'subscription';
    },
    subscriptionLink,
    new MockLink(mocks, true, { showWarnings: false }),
  );
  const client = new ApolloClient({ link, cache: createCache() as InMemoryCache }) as ApolloClient<unknown>;
  return {
    client,
    /** Delivers `data` to every open subscription named `operationName`. */
    emit(operationName: string, data: Record<string, unknown>): void {
      for (const o of observers.get(operationName) ?? []) o.next?.({ data });
    },
    /** How many subscriptions named `operationName` are open. */
    open(operationName: string): number {
      return observers.get(operationName)?.size ?? 0;
    },
  };
}
