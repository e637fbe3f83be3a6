import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import sharp from 'sharp';
import { inject } from 'vitest';
import { loadConfig } from '../core/config.js';
import { ensureDatabase, withDatabase } from '../core/db/ensure-database.js';
import type { QueryCounter } from '../core/db/orm.js';
import { startServer, type RunningServer } from '../core/server.js';

/** A GraphQL response as a client sees it. */
export interface GqlResult<T = Record<string, any>> {
  status: number;
  data?: T;
  errors?: { message: string; extensions?: Record<string, any>; path?: (string | number)[] }[];
}

/** An API on its own fresh database (cloned from the migrated template), over real HTTP. */
export interface TestApi extends RunningServer {
  counter: QueryCounter;
  /** SQL on this test's database, for assertions the API does not expose. */
  sql<R extends pg.QueryResultRow = any>(text: string, params?: unknown[]): Promise<R[]>;
  gql<T = Record<string, any>>(query: string, variables?: Record<string, unknown>, token?: string, headers?: Record<string, string>): Promise<GqlResult<T>>;
  /** Registers a member and returns its tokens and id. */
  register(overrides?: Partial<{ email: string; password: string; displayName: string; phone: string }>): Promise<Session>;
  /** POST /uploads with `body` as the "file" part. */
  upload(token: string | undefined, body: Buffer, filename?: string, type?: string): Promise<{ status: number; json: any }>;
}

export interface Session {
  id: string;
  email: string;
  password: string;
  accessToken: string;
  refreshToken: string;
}

let seq = 0;

/** Starts an API for one test file. Call `close()` in afterAll. */
export async function startTestApi(env: Record<string, string> = {}): Promise<TestApi> {
  const adminUrl = inject('pgAdminUrl');
  const template = inject('pgTemplate');
  const name = `pasar_t_${process.pid}_${seq++}_${randomBytes(3).toString('hex')}`;
  for (let attempt = 0; ; attempt++) {
    try {
      await ensureDatabase(adminUrl, name, template);
      break;
    } catch (e) {
      // Two files cloning the same template at the same instant: retry shortly.
      if (attempt > 20 || !/being accessed by other users/.test(String(e))) throw e;
      await new Promise((r) => setTimeout(r, 100 + Math.random() * 200));
    }
  }
  const databaseUrl = withDatabase(adminUrl, name);
  const dataDir = mkdtempSync(join(tmpdir(), 'pasar-test-data-'));
  const config = loadConfig({
    NODE_ENV: 'test', PORT: '0', HOST: '127.0.0.1', DATABASE_URL: databaseUrl, DATA_DIR: dataDir,
    JWT_SECRET: 'test-secret-that-is-long-enough-0123456789', SEED_DEMO: 'false', LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent', ...env,
  });
  const counter: QueryCounter = { count: 0 };
  const server = await startServer(config, { counter });
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 2 });

  const gql: TestApi['gql'] = async (query, variables, token, headers = {}) => {
    const res = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'apollo-require-preflight': 'true',
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...headers,
      },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await res.json()) as Omit<GqlResult, 'status'>;
    return { status: res.status, ...body } as GqlResult<any>;
  };

  return {
    ...server,
    counter,
    sql: async (text, params) => (await pool.query(text, params as unknown[])).rows,
    gql,
    async register(overrides = {}) {
      const email = overrides.email ?? `member-${randomBytes(4).toString('hex')}@example.test`;
      const password = overrides.password ?? 'rahasia-123';
      const res = await gql(
        `mutation R($input: RegisterInput!) { register(input: $input) { accessToken refreshToken user { id } } }`,
        { input: { email, password, displayName: overrides.displayName ?? 'Anggota Uji', phone: overrides.phone, acceptTerms: true } },
      );
      if (!res.data) throw new Error(`register failed: ${JSON.stringify(res.errors)}`);
      const r = res.data.register;
      return { id: r.user.id, email, password, accessToken: r.accessToken, refreshToken: r.refreshToken };
    },
    async upload(token, body, filename = 'foto.png', type = 'image/png') {
      const form = new FormData();
      form.append('file', new Blob([new Uint8Array(body)], { type }), filename);
      const res = await fetch(`${server.url}/uploads`, {
        method: 'POST', body: form, headers: token ? { authorization: `Bearer ${token}` } : {},
      });
      return { status: res.status, json: await res.json().catch(() => null) };
    },
    async close() {
      // The ledger must reconcile after every test file (issue "Escrow rooms", item 7).
      const violations = await server.services.ledger.check(server.orm.em.fork());
      if (violations.length) throw new Error(`ledger check failed:\n${violations.join('\n')}`);
      await pool.end();
      await server.close();
      rmSync(dataDir, { recursive: true, force: true });
      const admin = new pg.Client({ connectionString: adminUrl });
      await admin.connect();
      await admin.query(`drop database if exists ${name} with (force)`);
      await admin.end();
    },
  };
}

/** A small real PNG (a coloured square), for uploads. */
export function testPng(size = 64, hue = 200): Promise<Buffer> {
  return sharp({ create: { width: size, height: size, channels: 3, background: `hsl(${hue}, 60%, 50%)` as never } }).png().toBuffer();
}

/** The `extensions.code` of the first error, or undefined. */
export const codeOf = (res: GqlResult) => res.errors?.[0]?.extensions?.code as string | undefined;

/** Creates an ACTIVE listing for `s` through the API (uploads one photo). */
export async function createListing(api: TestApi, s: Session, over: Record<string, unknown> = {}): Promise<{ id: string; points: number | null }> {
  const up = await api.upload(s.accessToken, await testPng(32, Math.floor(Math.random() * 360)));
  const [category] = (await api.gql(`{ categories { id } }`)).data!.categories;
  const res = await api.gql(`mutation C($input: CreateListingInput!) { createListing(input: $input) { id points } }`, {
    input: {
      kind: 'BARTER', title: 'Barang barter uji coba', description: 'Barang untuk ditukar, kondisi baik.', categoryId: category.id,
      condition: 'GOOD', cityCode: '32.73', photoIds: [up.json.id], barter: { utility: 3, scarcity: 3, durability: 3, portability: 3 }, ...over,
    },
  }, s.accessToken);
  if (res.errors) throw new Error(JSON.stringify(res.errors));
  return res.data!.createListing;
}

/** A graphql-ws subscription that collects its events; `next(n)` waits for the n-th. */
export async function subscribe(api: TestApi, token: string | undefined, query: string, variables: Record<string, unknown> = {}) {
  const { createClient } = await import('graphql-ws');
  const { default: WebSocket } = await import('ws');
  const client = createClient({ url: api.url.replace('http', 'ws') + '/graphql', webSocketImpl: WebSocket, connectionParams: token ? { authorization: `Bearer ${token}` } : {}, retryAttempts: 0, lazy: false });
  const events: any[] = [];
  const errors: any[] = [];
  const waiters: (() => void)[] = [];
  let ready!: () => void;
  const connected = new Promise<void>((r) => (ready = r));
  client.on('connected', () => ready());
  client.subscribe({ query, variables }, {
    next: (v) => { (v.errors && !v.data ? errors : events).push(v.errors && !v.data ? v.errors : v); waiters.splice(0).forEach((w) => w()); },
    error: (e) => { errors.push(e); waiters.splice(0).forEach((w) => w()); },
    complete: () => {},
  });
  await connected;
  // Give the server a moment to register the subscription before the test acts.
  await new Promise((r) => setTimeout(r, 150));
  return {
    events,
    errors,
    /** Resolves when at least `n` events (or an error) arrived; rejects after `ms`. */
    async next(n = events.length + 1, ms = 5000) {
      const until = Date.now() + ms;
      while (events.length < n && !errors.length) {
        if (Date.now() > until) throw new Error(`timed out waiting for event ${n}; got ${events.length}`);
        await new Promise<void>((r) => { waiters.push(r); setTimeout(r, 100); });
      }
      return events[n - 1];
    },
    close: () => client.dispose(),
  };
}
