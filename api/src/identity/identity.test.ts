import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { codeOf, startTestApi, type TestApi } from '../test/harness.js';

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi({ LOGIN_RATE_LIMIT: '3', LOGIN_RATE_WINDOW: '60' });
});
afterAll(() => api?.close());

const REGISTER = `mutation R($input: RegisterInput!) { register(input: $input) { accessToken refreshToken accessTokenExpiresAt user { id email phone displayName role status } } }`;
const LOGIN = `mutation L($input: LoginInput!) { login(input: $input) { accessToken refreshToken user { id email } } }`;
const REFRESH = `mutation F($t: String!) { refreshToken(refreshToken: $t) { accessToken refreshToken user { id } } }`;
const ME = `{ me { id email displayName role status } }`;

const input = (over: Record<string, unknown> = {}) => ({
  email: `Budi.${Math.random().toString(36).slice(2, 8)}@Contoh.ID`,
  password: 'rahasia-sekali',
  displayName: '  Budi   Santoso ',
  phone: '0812-3456-7890',
  acceptTerms: true,
  ...over,
});

describe('register', () => {
  it('creates a member, lower-cases the email, normalises the phone and records the terms', async () => {
    const i = input();
    const res = await api.gql(REGISTER, { input: i });
    expect(res.errors).toBeUndefined();
    const { user, accessToken, refreshToken, accessTokenExpiresAt } = res.data!.register;
    expect(user).toMatchObject({ email: i.email.toLowerCase(), phone: '+6281234567890', displayName: 'Budi Santoso', role: 'MEMBER', status: 'ACTIVE' });
    expect(accessToken.split('.')).toHaveLength(3);
    expect(refreshToken.length).toBeGreaterThan(30);
    expect(new Date(accessTokenExpiresAt).getTime()).toBeGreaterThan(Date.now() + 10 * 60_000);
    const [row] = await api.sql('select terms_version, terms_accepted_at, password_hash from users where id = $1', [user.id]);
    expect(row.terms_version).toBe('2026-11-01');
    expect(Date.now() - new Date(row.terms_accepted_at).getTime()).toBeLessThan(60_000);
    expect(row.password_hash).toMatch(/^\$argon2id\$/);
    const [token] = await api.sql('select token_hash from refresh_tokens where user_id = $1', [user.id]);
    expect(token.token_hash).not.toBe(refreshToken);
  });

  it.each([
    ['email', { email: 'bukan-email' }],
    ['password', { password: 'pendek7' }],
    ['password', { password: 'x'.repeat(257) }],
    ['displayName', { displayName: ' B ' }],
    ['phone', { phone: '12345' }],
    ['acceptTerms', { acceptTerms: false }],
  ])('refuses a bad %s with BAD_USER_INPUT naming the field', async (field, over) => {
    const res = await api.gql(REGISTER, { input: input(over) });
    expect(codeOf(res)).toBe('BAD_USER_INPUT');
    expect(res.errors![0].extensions!.field).toBe(field);
  });

  it('accepts exactly 8 password characters and no phone', async () => {
    const res = await api.gql(REGISTER, { input: input({ password: '12345678', phone: null }) });
    expect(res.errors).toBeUndefined();
    expect(res.data!.register.user.phone).toBeNull();
  });

  it('refuses a taken email (any case) with CONFLICT', async () => {
    const i = input();
    await api.gql(REGISTER, { input: i });
    const res = await api.gql(REGISTER, { input: { ...i, email: i.email.toUpperCase() } });
    expect(codeOf(res)).toBe('CONFLICT');
  });

  it('refuses a missing required field at the GraphQL layer', async () => {
    const { acceptTerms: _, ...rest } = input();
    const res = await api.gql(REGISTER, { input: rest });
    expect(codeOf(res)).toBe('BAD_USER_INPUT');
  });
});

describe('login, me and privacy', () => {
  it('logs in with the right password and shows me; others do not see my email or phone', async () => {
    const s = await api.register({ phone: '081234567891' });
    const res = await api.gql(LOGIN, { input: { email: s.email.toUpperCase(), password: s.password } });
    expect(res.data!.login.user).toEqual({ id: s.id, email: s.email });
    const me = await api.gql(ME, {}, res.data!.login.accessToken);
    expect(me.data!.me).toMatchObject({ id: s.id, email: s.email, status: 'ACTIVE' });

    const other = await api.register();
    const listingOwner = await api.gql(`{ me { id } }`, {}, other.accessToken);
    expect(listingOwner.data!.me.id).toBe(other.id);
  });

  it('me is null without a token and UNAUTHENTICATED (HTTP 401) with a bad one', async () => {
    expect((await api.gql(ME)).data!.me).toBeNull();
    const bad = await api.gql(ME, {}, 'not.a.token');
    expect(bad.status).toBe(401);
    expect(codeOf(bad)).toBe('UNAUTHENTICATED');
  });

  it('a wrong password and an unknown email answer the same UNAUTHENTICATED', async () => {
    const s = await api.register();
    const wrong = await api.gql(LOGIN, { input: { email: s.email, password: 'salah-sandi' } });
    const unknown = await api.gql(LOGIN, { input: { email: 'tidak.ada@example.test', password: 'salah-sandi' } });
    expect(codeOf(wrong)).toBe('UNAUTHENTICATED');
    expect(codeOf(unknown)).toBe('UNAUTHENTICATED');
    expect(wrong.errors![0].message).toBe(unknown.errors![0].message);
  });

  it('rate-limits repeated failures for one email (RATE_LIMITED, even with the right password)', async () => {
    const s = await api.register();
    for (let i = 0; i < 3; i++) {
      expect(codeOf(await api.gql(LOGIN, { input: { email: s.email, password: `salah-${i}-sandi` } }))).toBe('UNAUTHENTICATED');
    }
    const blocked = await api.gql(LOGIN, { input: { email: s.email, password: s.password } });
    expect(codeOf(blocked)).toBe('RATE_LIMITED');
    expect(blocked.errors![0].extensions!.retryAfterSeconds).toBeGreaterThan(0);
    // Another email from the same IP is not blocked by this email's failures.
    const other = await api.register();
    expect((await api.gql(LOGIN, { input: { email: other.email, password: other.password } })).data?.login).toBeTruthy();
  });

  it('rate-limits one IP across emails', async () => {
    // The IP limit is 5 × LOGIN_RATE_LIMIT (3) = 15 failures. The API trusts X-Forwarded-For
    // from loopback (TRUST_PROXY), which lets this test act as one remote client.
    const from = { 'x-forwarded-for': '203.0.113.7' };
    const codes: (string | undefined)[] = [];
    for (let i = 0; i < 16; i++) {
      codes.push(codeOf(await api.gql(LOGIN, { input: { email: `acak${i}@example.test`, password: 'salah-sandi' } }, undefined, from)));
    }
    expect(codes.slice(0, 15).every((c) => c === 'UNAUTHENTICATED')).toBe(true);
    expect(codes[15]).toBe('RATE_LIMITED');
    // Other clients are unaffected.
    const s = await api.register();
    expect((await api.gql(LOGIN, { input: { email: s.email, password: s.password } }, undefined, { 'x-forwarded-for': '203.0.113.8' })).data?.login).toBeTruthy();
  });
});

describe('refresh tokens', () => {
  it('rotates: each refresh token works once and gives a working pair', async () => {
    const s = await api.register();
    const first = await api.gql(REFRESH, { t: s.refreshToken });
    expect(first.data!.refreshToken.user.id).toBe(s.id);
    const me = await api.gql(ME, {}, first.data!.refreshToken.accessToken);
    expect(me.data!.me.id).toBe(s.id);
    const second = await api.gql(REFRESH, { t: first.data!.refreshToken.refreshToken });
    expect(second.data!.refreshToken.refreshToken).not.toBe(first.data!.refreshToken.refreshToken);
  });

  it('reusing a used refresh token revokes the whole family', async () => {
    const s = await api.register();
    const next = (await api.gql(REFRESH, { t: s.refreshToken })).data!.refreshToken.refreshToken;
    const replay = await api.gql(REFRESH, { t: s.refreshToken });
    expect(codeOf(replay)).toBe('UNAUTHENTICATED');
    // The thief's replay also ends the legitimate holder's newer token.
    expect(codeOf(await api.gql(REFRESH, { t: next }))).toBe('UNAUTHENTICATED');
    const [{ open }] = await api.sql('select count(*)::int as open from refresh_tokens where user_id = $1 and revoked_at is null', [s.id]);
    expect(open).toBe(0);
  });

  it('two concurrent refreshes with one token: exactly one succeeds', async () => {
    const s = await api.register();
    const results = await Promise.all([api.gql(REFRESH, { t: s.refreshToken }), api.gql(REFRESH, { t: s.refreshToken })]);
    expect(results.filter((r) => r.data?.refreshToken).length).toBe(1);
  });

  it('an unknown refresh token is UNAUTHENTICATED', async () => {
    expect(codeOf(await api.gql(REFRESH, { t: 'x'.repeat(43) }))).toBe('UNAUTHENTICATED');
  });

  it('logout ends the session: its refresh token no longer works', async () => {
    const s = await api.register();
    const out = await api.gql(`mutation O($t: String!) { logout(refreshToken: $t) }`, { t: s.refreshToken });
    expect(out.data!.logout).toBe(true);
    expect(codeOf(await api.gql(REFRESH, { t: s.refreshToken }))).toBe('UNAUTHENTICATED');
  });
});

describe('sanctions are enforced on every request', () => {
  const CREATE = `mutation C($input: CreateListingInput!) { createListing(input: $input) { id } }`;
  const someListing = { kind: 'SERVICE', title: 'Jasa pemandu', description: 'Pemandu wisata kota.', categoryId: '00000000-0000-4000-8000-000000000000', condition: 'NEW', cityCode: '32.73', photoIds: [], service: { hourlyRate: 100000 } };

  it('a suspended member can read but any mutation is FORBIDDEN', async () => {
    const s = await api.register();
    await api.sql(`update users set status = 'SUSPENDED' where id = $1`, [s.id]);
    expect((await api.gql(ME, {}, s.accessToken)).data!.me.status).toBe('SUSPENDED');
    expect((await api.gql(`{ listings(first: 1) { totalCount } }`, {}, s.accessToken)).errors).toBeUndefined();
    expect(codeOf(await api.gql(CREATE, { input: someListing }, s.accessToken))).toBe('FORBIDDEN');
    const upload = await api.upload(s.accessToken, Buffer.from('x'));
    expect(upload.status).toBe(403);
  });

  it('a banned member cannot log in, refresh, or use a token issued before the ban', async () => {
    const s = await api.register();
    await api.sql(`update users set status = 'BANNED' where id = $1`, [s.id]);
    expect(codeOf(await api.gql(LOGIN, { input: { email: s.email, password: s.password } }))).toBe('FORBIDDEN');
    expect(codeOf(await api.gql(ME, {}, s.accessToken))).toBe('UNAUTHENTICATED');
    expect(codeOf(await api.gql(REFRESH, { t: s.refreshToken }))).toBe('UNAUTHENTICATED');
  });

  it('mutations that need an account answer UNAUTHENTICATED without one', async () => {
    expect(codeOf(await api.gql(CREATE, { input: someListing }))).toBe('UNAUTHENTICATED');
  });
});
