import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { GraphQLError } from 'graphql';
import { auditServer } from 'graphql-http';
import { createClient } from 'graphql-ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { codeOf, startTestApi, type TestApi } from '../../test/harness.js';
import { REPO_ROOT } from '../paths.js';
import { formatError } from './apollo.js';
import { buildAppSchema, printAppSchema } from './schema.js';

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi({ GRAPHQL_MAX_DEPTH: '5', GRAPHQL_MAX_ALIASES: '5', BODY_LIMIT_BYTES: '20000' });
});
afterAll(() => api?.close());

describe('the public contract', () => {
  it('schema.graphql is exactly the schema the API builds (run `pnpm --filter @pasar/api build` to refresh)', async () => {
    const committed = readFileSync(join(REPO_ROOT, 'schema.graphql'), 'utf8');
    expect(printAppSchema(await buildAppSchema())).toBe(committed);
  });

  it('passes every MUST of the GraphQL-over-HTTP audit (graphql-http auditServer)', async () => {
    const results = await auditServer({ url: `${api.url}/graphql` });
    const errors = results.filter((r) => r.status === 'error') as { name: string; reason: string }[];
    expect(errors.map((e) => `${e.name}: ${e.reason}`)).toEqual([]);
  });
});

describe('limits', () => {
  it('refuses a query deeper than GRAPHQL_MAX_DEPTH', async () => {
    const res = await api.gql(`{ listings { edges { node { seller { city { name } } photos { id } } } } }`);
    expect(res.data).toBeUndefined();
    expect(res.errors![0].message).toMatch(/depth/i);
  });

  it('refuses more aliases than GRAPHQL_MAX_ALIASES', async () => {
    const res = await api.gql(`{ a: me { id } b: me { id } c: me { id } d: me { id } e: me { id } f: me { id } }`);
    expect(res.errors![0].message).toMatch(/alias/i);
  });

  it('refuses a body over BODY_LIMIT_BYTES with 413 and a JSON error', async () => {
    const res = await fetch(`${api.url}/graphql`, {
      method: 'POST', headers: { 'content-type': 'application/json', 'apollo-require-preflight': 'true' },
      body: JSON.stringify({ query: `{ me { id } }`, variables: { pad: 'x'.repeat(30_000) } }),
    });
    expect(res.status).toBe(413);
    expect((await res.json()).errors[0].extensions.code).toBe('BAD_USER_INPUT');
  });

  it('refuses a cross-site style GET without the preflight header (CSRF guard)', async () => {
    const res = await fetch(`${api.url}/graphql?query=${encodeURIComponent('{ me { id } }')}`);
    expect(res.status).toBe(400);
  });

  it('answers every error with a request id, matching the response header', async () => {
    const res = await fetch(`${api.url}/graphql`, {
      method: 'POST', headers: { 'content-type': 'application/json', 'apollo-require-preflight': 'true', 'x-request-id': 'test-req-12345' },
      body: JSON.stringify({ query: `{ listing(id: "nope") { id } }` }),
    });
    expect(res.headers.get('x-request-id')).toBe('test-req-12345');
    const body = await res.json();
    expect(body.errors[0].extensions).toMatchObject({ code: 'NOT_FOUND', requestId: 'test-req-12345' });
  });
});

describe('error masking', () => {
  it('masks an unexpected error as INTERNAL_SERVER_ERROR without its message or stack', () => {
    const leaked = new GraphQLError('boom: password=hunter2', { originalError: new Error('boom: password=hunter2'), extensions: { code: 'INTERNAL_SERVER_ERROR' } });
    const out = formatError(leaked.toJSON(), leaked);
    expect(out).toEqual({ message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' }, locations: undefined, path: undefined });
  });

  it('keeps expected errors with their code and field', () => {
    const e = new GraphQLError('Bad title', { extensions: { code: 'BAD_USER_INPUT', field: 'title', stacktrace: ['x'] } });
    expect(formatError(e.toJSON(), e).extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'title' });
  });
});

describe('graphql-ws on /graphql', () => {
  const wsUrl = () => api.url.replace('http', 'ws') + '/graphql';
  const run = (client: ReturnType<typeof createClient>, query: string) =>
    new Promise<any>((resolve, reject) => {
      let result: unknown;
      client.subscribe({ query }, { next: (r) => (result = r), error: reject, complete: () => resolve(result) });
    });

  it('runs operations with the access token from connectionParams', async () => {
    const s = await api.register({ displayName: 'Pengguna WS' });
    const client = createClient({ url: wsUrl(), webSocketImpl: WebSocket, connectionParams: { authorization: `Bearer ${s.accessToken}` }, retryAttempts: 0 });
    try {
      const res = await run(client, `{ me { id displayName } }`);
      expect(res.data.me).toEqual({ id: s.id, displayName: 'Pengguna WS' });
      const anon = createClient({ url: wsUrl(), webSocketImpl: WebSocket, retryAttempts: 0 });
      expect((await run(anon, `{ me { id } }`)).data.me).toBeNull();
      await anon.dispose();
    } finally {
      await client.dispose();
    }
  });

  it('refuses a connection with an invalid token (close 4403) and applies the same limits', async () => {
    const bad = createClient({ url: wsUrl(), webSocketImpl: WebSocket, connectionParams: { authorization: 'Bearer nope' }, retryAttempts: 0 });
    const closed = await new Promise<number>((resolve) => {
      bad.on('closed', (e) => resolve((e as { code: number }).code));
      bad.subscribe({ query: '{ me { id } }' }, { next: () => {}, error: () => {}, complete: () => {} });
    });
    expect(closed).toBe(4403);
    await bad.dispose();

    const client = createClient({ url: wsUrl(), webSocketImpl: WebSocket, retryAttempts: 0 });
    const err = await run(client, `{ a: me { id } b: me { id } c: me { id } d: me { id } e: me { id } f: me { id } }`).catch((e) => e);
    expect(JSON.stringify(err)).toMatch(/alias/i);
    await client.dispose();
  });
});

describe('introspection and the playground', () => {
  it('serves GraphiQL from the API itself, with no external script or style', async () => {
    const html = await (await fetch(`${api.url}/playground`)).text();
    expect(html).toContain('graphiql');
    const srcs = [...html.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1]);
    expect(srcs.length).toBeGreaterThanOrEqual(4);
    for (const src of srcs) {
      expect(src.startsWith('/playground/')).toBe(true);
      expect((await fetch(api.url + src)).status).toBe(200);
    }
  });

  it('allows introspection outside production', async () => {
    expect((await api.gql(`{ __schema { queryType { name } } }`)).data!.__schema.queryType.name).toBe('Query');
  });
});

describe('introspection in production', () => {
  let prod: TestApi;
  beforeAll(async () => {
    prod = await startTestApi({ NODE_ENV: 'production', MESSAGE_KEYS: `k1:${Buffer.alloc(32, 1).toString('base64')}` });
  });
  afterAll(() => prod?.close());

  it('is FORBIDDEN to anonymous users and members, allowed to admins', async () => {
    const q = `{ __schema { queryType { name } } }`;
    expect(codeOf(await prod.gql(q))).toBe('FORBIDDEN');
    const member = await prod.register();
    expect(codeOf(await prod.gql(q, {}, member.accessToken))).toBe('FORBIDDEN');
    const admin = await prod.register();
    await prod.sql(`update users set role = 'ADMIN' where id = $1`, [admin.id]);
    expect((await prod.gql(q, {}, admin.accessToken)).data!.__schema.queryType.name).toBe('Query');
    expect((await prod.gql(`{ __typename }`)).data!.__typename).toBe('Query');
  });
});
