import {
  ApolloClient,
  ApolloLink,
  HttpLink,
  InMemoryCache,
  Observable,
  split,
  type FetchResult,
  type NormalizedCacheObject,
} from '@apollo/client/core';
import { setContext } from '@apollo/client/link/context';
import { onError } from '@apollo/client/link/error';
import { GraphQLWsLink } from '@apollo/client/link/subscriptions';
import { getMainDefinition } from '@apollo/client/utilities';
import { createClient, type Client as WsClient } from 'graphql-ws';
import { GRAPHQL_PATH } from '@/lib/graphqlFetch';

/** What the Apollo module needs from the session (kept abstract so tests can fake it). */
export interface ApolloSession {
  /** A valid access token (refreshed when about to expire), or null for a guest. */
  getAccessToken(): Promise<string | null>;
  /** Single-flight refresh; true when new tokens were obtained. */
  refresh(): Promise<boolean>;
  /** Whether there is a session that a refresh could save. */
  hasRefreshToken(): boolean;
  /** Called once the server refused both the access token and the refresh. */
  onAuthLost(): void;
}

interface Connection<T> {
  edges: T[];
  pageInfo: unknown;
  totalCount: number;
}

/** Cursor pagination: a page with `after` is appended to the cached list, otherwise it replaces it. */
function cursorPagination(keyArgs: string[]) {
  return {
    keyArgs,
    merge(existing: Connection<unknown> | undefined, incoming: Connection<unknown>, { args }: { args: Record<string, unknown> | null }) {
      if (!existing || !args?.after) return incoming;
      return { ...incoming, edges: [...existing.edges, ...incoming.edges] };
    },
  };
}

export function createCache(): InMemoryCache {
  return new InMemoryCache({
    typePolicies: {
      Query: {
        fields: {
          listings: cursorPagination(['filter', 'sort', 'first']),
          myListings: cursorPagination(['status', 'first']),
        },
      },
      City: { keyFields: ['code'] },
      Category: { keyFields: ['id'] },
      BarterConfig: { keyFields: [] },
      // Value objects without ids: keep them embedded in their parent.
      PointsBreakdown: { keyFields: false },
      BarterValuation: { keyFields: false },
      ValuationWeights: { keyFields: false },
      PageInfo: { keyFields: false },
      // Barter and chat value objects (no ids): embedded, replaced as a whole.
      OfferBalanceView: { keyFields: false, merge: true },
      OfferLine: { keyFields: false },
      OfferRound: { keyFields: false },
      BarterQuote: { keyFields: false },
      ConversationParticipantView: { keyFields: false },
      ConversationActivity: { keyFields: false },
      MessageConnection: { keyFields: false },
      MessageEdge: { keyFields: false },
      MessagePageInfo: { keyFields: false },
    },
  });
}

const isUnauthenticated = (errors: readonly { extensions?: Record<string, unknown> }[] | undefined) =>
  !!errors?.some((e) => e.extensions?.code === 'UNAUTHENTICATED');

/**
 * For subscriptions: the API checks the socket's access token again for every new
 * subscription, so once the token has expired (15 min) a new subscription on an old
 * socket is refused with UNAUTHENTICATED. Then `restart` the socket (graphql-ws reconnects
 * with a fresh token from connectionParams and resubscribes the others) and subscribe
 * once more.
 */
export function resubscribeOnAuthError(restart: () => void): ApolloLink {
  return new ApolloLink(
    (operation, forward) =>
      new Observable<FetchResult>((observer) => {
        let retried = false;
        let sub: { unsubscribe(): void } | null = null;
        const retry = (): boolean => {
          if (retried) return false;
          retried = true;
          sub?.unsubscribe();
          restart();
          start();
          return true;
        };
        const start = () => {
          sub = forward(operation).subscribe({
            next: (result) => {
              if (isUnauthenticated(result.errors) && retry()) return;
              observer.next(result);
            },
            error: (e: unknown) => {
              const errors = (e as { graphQLErrors?: { extensions?: Record<string, unknown> }[] } | null)?.graphQLErrors;
              if (isUnauthenticated(errors) && retry()) return;
              observer.error(e);
            },
            complete: () => observer.complete(),
          });
        };
        start();
        return () => sub?.unsubscribe();
      }),
  );
}

function wsUrl(): string {
  const { protocol, host } = window.location;
  return `${protocol === 'https:' ? 'wss:' : 'ws:'}//${host}${GRAPHQL_PATH}`;
}

/**
 * State of the live connection: `idle` (no socket: nothing subscribed, or closed on
 * purpose), `connected`, or `reconnecting` (the socket dropped and graphql-ws is retrying).
 */
export type LiveStatus = 'idle' | 'connected' | 'reconnecting';

/** Close codes that are not a lost connection: normal closure (lazy close) and terminate(). */
const EXPECTED_CLOSE_CODES = new Set([1000, 4499]);

/** Whether a WebSocket close event means the connection was lost (so the app is reconnecting). */
export function isLostConnection(event: unknown): boolean {
  const code = (event as { code?: unknown } | null)?.code;
  return !(typeof code === 'number' && EXPECTED_CLOSE_CODES.has(code));
}

export interface PasarApollo {
  client: ApolloClient<NormalizedCacheObject>;
  /** Reconnects the WebSocket so it authenticates with the current session. */
  restartWebSocket(): void;
  ws: WsClient;
  /** Calls `listener` on every change of the live connection's state; returns an unsubscribe. */
  onLiveStatus(listener: (status: LiveStatus) => void): () => void;
}

/**
 * The one Apollo module: HTTP for queries and mutations, graphql-ws for subscriptions;
 * an auth link adds the access token; an error link refreshes once on UNAUTHENTICATED
 * and retries; the WebSocket retries for ever and refetches active queries after a
 * reconnect (missed events are not replayed by the server).
 */
export function createApollo(session: ApolloSession): PasarApollo {
  const httpLink = new HttpLink({
    uri: GRAPHQL_PATH,
    headers: { 'apollo-require-preflight': 'true' },
  });

  let client: ApolloClient<NormalizedCacheObject> | null = null;
  let liveStatus: LiveStatus = 'idle';
  const statusListeners = new Set<(status: LiveStatus) => void>();
  const setLiveStatus = (next: LiveStatus) => {
    if (next === liveStatus) return;
    liveStatus = next;
    for (const listener of statusListeners) listener(next);
  };
  const ws = createClient({
    url: wsUrl,
    lazy: true,
    retryAttempts: Infinity,
    shouldRetry: () => true,
    retryWait: async (retries) => {
      const delay = Math.min(30_000, 1000 * 2 ** retries) * (0.5 + Math.random() / 2);
      await new Promise((resolve) => setTimeout(resolve, delay));
    },
    connectionParams: async () => {
      const token = await session.getAccessToken();
      return token ? { authorization: `Bearer ${token}` } : {};
    },
    on: {
      // A retry means the socket dropped: events may have been missed, so refetch.
      connected: (_socket, _payload, wasRetry) => {
        setLiveStatus('connected');
        if (wasRetry && client) void client.refetchQueries({ include: 'active' }).catch(() => undefined);
      },
      closed: (event) => setLiveStatus(isLostConnection(event) ? 'reconnecting' : 'idle'),
    },
  });
  const wsLink = ApolloLink.from([resubscribeOnAuthError(() => ws.terminate()), new GraphQLWsLink(ws)]);

  const authLink = setContext(async (_operation, { headers }) => {
    const token = await session.getAccessToken();
    return token ? { headers: { ...headers, authorization: `Bearer ${token}` } } : { headers };
  });

  const refreshLink = onError(({ graphQLErrors, networkError, operation, forward, response }) => {
    const unauthenticated =
      graphQLErrors?.some((e) => e.extensions?.code === 'UNAUTHENTICATED') ||
      (networkError as { statusCode?: number } | undefined)?.statusCode === 401;
    if (!unauthenticated || !session.hasRefreshToken()) return;
    return new Observable<FetchResult>((observer) => {
      let sub: { unsubscribe(): void } | null = null;
      session
        .refresh()
        .then((ok) => {
          if (!ok) {
            if (!session.hasRefreshToken()) session.onAuthLost();
            // Hand the original answer on, so the caller sees UNAUTHENTICATED.
            if (response) {
              observer.next(response);
              observer.complete();
            } else observer.error(networkError ?? new Error('UNAUTHENTICATED'));
            return;
          }
          // The retried answer does not pass through this handler again: a second
          // UNAUTHENTICATED means the new token is refused too, and the session is over.
          sub = forward(operation).subscribe({
            next: (result) => {
              if (result.errors?.some((e) => e.extensions?.code === 'UNAUTHENTICATED')) session.onAuthLost();
              observer.next(result);
            },
            error: (e: unknown) => observer.error(e),
            complete: () => observer.complete(),
          });
        })
        .catch((e: unknown) => observer.error(e));
      return () => sub?.unsubscribe();
    });
  });

  const isSubscription = ({ query }: { query: Parameters<typeof getMainDefinition>[0] }) => {
    const def = getMainDefinition(query);
    return def.kind === 'OperationDefinition' && def.operation === 'subscription';
  };

  const link = split(isSubscription, wsLink, ApolloLink.from([refreshLink, authLink, httpLink]));

  client = new ApolloClient({
    link,
    cache: createCache(),
    defaultOptions: {
      watchQuery: { fetchPolicy: 'cache-and-network', errorPolicy: 'none', notifyOnNetworkStatusChange: true },
    },
    devtools: { enabled: import.meta.env.DEV },
  });

  return {
    client,
    ws,
    restartWebSocket: () => ws.terminate(),
    onLiveStatus(listener) {
      statusListeners.add(listener);
      return () => statusListeners.delete(listener);
    },
  };
}
