import { afterEach, describe, expect, it, vi } from 'vitest';
import { createApollo, type ApolloSession } from './apollo';
import { graphql } from './gql';

const MeDocument = graphql(`
  query TestMe {
    me {
      id
      displayName
    }
  }
`);

function respond(body: unknown) {
  return Promise.resolve(new Response(JSON.stringify(body), { status: 200, headers: { 'content-type': 'application/json' } }));
}

function fakeSession(overrides: Partial<ApolloSession> = {}) {
  let token = 'expired';
  const session = {
    getAccessToken: vi.fn(async () => token),
    refresh: vi.fn(async () => {
      token = 'fresh';
      return true;
    }),
    hasRefreshToken: vi.fn(() => true),
    onAuthLost: vi.fn(),
    ...overrides,
  };
  return session;
}

afterEach(() => vi.unstubAllGlobals());

describe('apollo links', () => {
  it('sends the preflight header and the bearer token', async () => {
    const fetchMock = vi.fn((..._args: unknown[]) => respond({ data: { me: null } }));
    vi.stubGlobal('fetch', fetchMock);
    const { client } = createApollo(fakeSession());
    await client.query({ query: MeDocument });
    const headers = new Headers((fetchMock.mock.calls[0][1] as RequestInit).headers);
    expect(headers.get('apollo-require-preflight')).toBe('true');
    expect(headers.get('authorization')).toBe('Bearer expired');
  });

  it('on UNAUTHENTICATED refreshes once and retries with the new token', async () => {
    const fetchMock = vi.fn((_url: unknown, init: unknown) => {
      const auth = new Headers((init as RequestInit).headers).get('authorization');
      return auth === 'Bearer fresh'
        ? respond({ data: { me: { __typename: 'User', id: 'u1', displayName: 'Siti' } } })
        : respond({ data: null, errors: [{ message: 'expired', extensions: { code: 'UNAUTHENTICATED' } }] });
    });
    vi.stubGlobal('fetch', fetchMock);
    const session = fakeSession();
    const { client } = createApollo(session);
    const result = await client.query({ query: MeDocument, fetchPolicy: 'network-only' });
    expect(result.data.me?.displayName).toBe('Siti');
    expect(session.refresh).toHaveBeenCalledTimes(1);
    expect(fetchMock).toHaveBeenCalledTimes(2);
    expect(session.onAuthLost).not.toHaveBeenCalled();
  });

  it('gives up after one retry and reports the lost session', async () => {
    vi.stubGlobal('fetch', vi.fn(() => respond({ data: null, errors: [{ message: 'nope', extensions: { code: 'UNAUTHENTICATED' } }] })));
    const session = fakeSession();
    const { client } = createApollo(session);
    await expect(client.query({ query: MeDocument, fetchPolicy: 'network-only' })).rejects.toThrow('nope');
    expect(session.refresh).toHaveBeenCalledTimes(1);
    expect(session.onAuthLost).toHaveBeenCalledTimes(1);
  });

  it('does not try to refresh for a guest', async () => {
    vi.stubGlobal('fetch', vi.fn(() => respond({ data: null, errors: [{ message: 'login first', extensions: { code: 'UNAUTHENTICATED' } }] })));
    const session = fakeSession({ hasRefreshToken: vi.fn(() => false), getAccessToken: vi.fn(async () => null) });
    const { client } = createApollo(session);
    await expect(client.query({ query: MeDocument })).rejects.toThrow('login first');
    expect(session.refresh).not.toHaveBeenCalled();
    expect(session.onAuthLost).not.toHaveBeenCalled();
  });
});

describe('subscriptions after the access token expired', () => {
  it('restarts the socket and subscribes once more on UNAUTHENTICATED, then passes events on', async () => {
    const { ApolloLink, Observable, execute } = await import('@apollo/client/core');
    const { resubscribeOnAuthError } = await import('./apollo');
    let attempts = 0;
    const socket = new ApolloLink(
      () =>
        new Observable((observer) => {
          attempts++;
          if (attempts === 1) observer.next({ errors: [{ message: 'expired', extensions: { code: 'UNAUTHENTICATED' } }] as never });
          else observer.next({ data: { ping: attempts } });
        }),
    );
    const restart = vi.fn();
    const received: unknown[] = [];
    execute(ApolloLink.from([resubscribeOnAuthError(restart), socket]), { query: MeDocument }).subscribe({ next: (r) => received.push(r.data) });
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(restart).toHaveBeenCalledTimes(1);
    expect(received).toEqual([{ ping: 2 }]);
  });

  it('gives up after one retry', async () => {
    const { ApolloLink, Observable, execute } = await import('@apollo/client/core');
    const { resubscribeOnAuthError } = await import('./apollo');
    const refused = { graphQLErrors: [{ message: 'expired', extensions: { code: 'UNAUTHENTICATED' } }] };
    const socket = new ApolloLink(() => new Observable((observer) => observer.error(refused)));
    const restart = vi.fn();
    const errors: unknown[] = [];
    execute(ApolloLink.from([resubscribeOnAuthError(restart), socket]), { query: MeDocument }).subscribe({ error: (e) => errors.push(e) });
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(restart).toHaveBeenCalledTimes(1);
    expect(errors).toEqual([refused]);
  });
});
