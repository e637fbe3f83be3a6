import { createPinia, setActivePinia } from 'pinia';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { authPayload } from '@/test/mountWithApp';
import { useSessionStore } from './session';

function respond(body: unknown, status = 200) {
  return Promise.resolve(new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } }));
}

describe('session store', () => {
  beforeEach(() => setActivePinia(createPinia()));
  afterEach(() => vi.unstubAllGlobals());

  it('keeps the access token in memory and the refresh token in localStorage', () => {
    const session = useSessionStore();
    session.login(authPayload());
    expect(session.isLoggedIn).toBe(true);
    expect(localStorage.getItem('pasar.refreshToken')).toBe('refresh-1');
    expect(JSON.stringify(localStorage)).not.toContain('access-1');
  });

  it('refreshes once for concurrent callers and stores the rotated refresh token', async () => {
    localStorage.setItem('pasar.refreshToken', 'old-refresh');
    const payload = { ...authPayload(), accessToken: 'access-2', refreshToken: 'refresh-2' };
    const fetchMock = vi.fn(() => respond({ data: { refreshToken: payload } }));
    vi.stubGlobal('fetch', fetchMock);
    const session = useSessionStore();
    const results = await Promise.all([session.refresh(), session.refresh(), session.getAccessToken()]);
    expect(results).toEqual([true, true, 'access-2']);
    expect(fetchMock).toHaveBeenCalledTimes(1);
    const init = (fetchMock.mock.calls[0] as unknown as [string, RequestInit])[1];
    expect((init.headers as Record<string, string>)['apollo-require-preflight']).toBe('true');
    expect(JSON.parse(init.body as string).variables).toEqual({ refreshToken: 'old-refresh' });
    expect(localStorage.getItem('pasar.refreshToken')).toBe('refresh-2');
    expect(session.user?.displayName).toBe('Siti Aminah');
  });

  it('logs out when the refresh token is refused, but keeps it through a network failure', async () => {
    localStorage.setItem('pasar.refreshToken', 'stale');
    vi.stubGlobal('fetch', vi.fn(() => Promise.reject(new TypeError('offline'))));
    const session = useSessionStore();
    expect(await session.refresh()).toBe(false);
    expect(localStorage.getItem('pasar.refreshToken')).toBe('stale');

    vi.stubGlobal('fetch', vi.fn(() => respond({ errors: [{ message: 'reused', extensions: { code: 'UNAUTHENTICATED' } }] })));
    const epoch = session.authEpoch;
    expect(await session.refresh()).toBe(false);
    expect(localStorage.getItem('pasar.refreshToken')).toBeNull();
    expect(session.refreshToken).toBeNull();
    expect(session.authEpoch).toBe(epoch + 1);
  });

  it('restores a session from the stored refresh token at start-up', async () => {
    localStorage.setItem('pasar.refreshToken', 'stored');
    vi.stubGlobal('fetch', vi.fn(() => respond({ data: { refreshToken: authPayload() } })));
    const session = useSessionStore();
    expect(session.restoring).toBe(true);
    await session.restore();
    expect(session.restoring).toBe(false);
    expect(session.isLoggedIn).toBe(true);
  });

  it('logout clears everything and tells the server', async () => {
    const fetchMock = vi.fn(() => respond({ data: { logout: true } }));
    vi.stubGlobal('fetch', fetchMock);
    const session = useSessionStore();
    session.login(authPayload());
    await session.logout();
    expect(session.isLoggedIn).toBe(false);
    expect(localStorage.getItem('pasar.refreshToken')).toBeNull();
    const init = (fetchMock.mock.calls[0] as unknown as [string, RequestInit])[1];
    expect(JSON.parse(init.body as string).variables).toEqual({ refreshToken: 'refresh-1' });
    expect((init.headers as Record<string, string>).authorization).toBe('Bearer access-1');
  });
});
