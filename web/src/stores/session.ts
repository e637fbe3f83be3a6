import { defineStore } from 'pinia';
import { computed, ref } from 'vue';
import type { AuthPayloadFieldsFragment, SessionUserFragment } from '@/gql/graphql';
import { LogoutDocument, RefreshTokenDocument } from '@/graphql/auth';
import { hasCode } from '@/lib/errors';
import { graphqlFetch } from '@/lib/graphqlFetch';
import { STORAGE_KEYS, storage } from '@/lib/storage';

/** Refresh this long before the access token expires. */
const EXPIRY_MARGIN_MS = 30_000;

type LockManagerLike = { request<T>(name: string, cb: () => Promise<T>): Promise<T> };

/** Runs `fn` under a cross-tab lock when the browser has Web Locks (so two tabs never spend the same refresh token). */
function withRefreshLock<T>(fn: () => Promise<T>): Promise<T> {
  const locks = (globalThis.navigator as { locks?: LockManagerLike } | undefined)?.locks;
  return locks ? locks.request('pasar-refresh-token', fn) : fn();
}

/**
 * The member's session: the access token lives in memory only, the rotating refresh
 * token in localStorage. `refresh()` is single-flight: concurrent callers share one
 * request. `authEpoch` changes on every explicit login or logout (not on restore), so
 * the app can reset the Apollo cache and the WebSocket exactly then.
 */
export const useSessionStore = defineStore('session', () => {
  const user = ref<SessionUserFragment | null>(null);
  const accessToken = ref<string | null>(null);
  const accessTokenExpiresAt = ref(0);
  const refreshToken = ref<string | null>(storage.get(STORAGE_KEYS.refreshToken));
  /** True until the stored refresh token has been tried once at start-up. */
  const restoring = ref(!!refreshToken.value);
  const authEpoch = ref(0);

  const isLoggedIn = computed(() => user.value !== null);
  const isAdmin = computed(() => user.value?.role === 'ADMIN');

  function apply(payload: AuthPayloadFieldsFragment): void {
    user.value = payload.user;
    accessToken.value = payload.accessToken;
    const expires = Date.parse(payload.accessTokenExpiresAt);
    accessTokenExpiresAt.value = Number.isFinite(expires) ? expires : Date.now() + 10 * 60_000;
    refreshToken.value = payload.refreshToken;
    storage.set(STORAGE_KEYS.refreshToken, payload.refreshToken);
  }

  function reset(): void {
    user.value = null;
    accessToken.value = null;
    accessTokenExpiresAt.value = 0;
    refreshToken.value = null;
    storage.set(STORAGE_KEYS.refreshToken, null);
  }

  /** Starts a session from a register/login answer. */
  function login(payload: AuthPayloadFieldsFragment): void {
    apply(payload);
    restoring.value = false;
    authEpoch.value++;
  }

  /** Ends the session locally; tells the server (best effort) to revoke the refresh token. */
  async function logout(): Promise<void> {
    const token = refreshToken.value;
    const bearer = accessToken.value;
    reset();
    authEpoch.value++;
    if (token) {
      try {
        await graphqlFetch(LogoutDocument, { refreshToken: token }, bearer ? { authorization: `Bearer ${bearer}` } : {});
      } catch {
        /* offline: the token expires on its own */
      }
    }
  }

  /** The session was lost (refresh refused): forget it. */
  function expire(): void {
    if (!user.value && !refreshToken.value) return;
    reset();
    authEpoch.value++;
  }

  let inflight: Promise<boolean> | null = null;

  async function doRefresh(): Promise<boolean> {
    return withRefreshLock(async () => {
      // Another tab may have rotated the token while we waited for the lock.
      const token = storage.get(STORAGE_KEYS.refreshToken) ?? refreshToken.value;
      if (!token) {
        reset();
        return false;
      }
      try {
        const result = await graphqlFetch(RefreshTokenDocument, { refreshToken: token });
        if (result.data?.refreshToken) {
          apply(result.data.refreshToken);
          return true;
        }
        // Refused (expired, revoked, reused): the session is over. Rate limiting is not final.
        if (!hasCode(result.errors, 'RATE_LIMITED')) expire();
        return false;
      } catch {
        return false; // network failure: keep the refresh token for a later try
      }
    });
  }

  /** Exchanges the refresh token for new tokens; single-flight. Resolves false when not possible. */
  function refresh(): Promise<boolean> {
    if (!refreshToken.value && !storage.get(STORAGE_KEYS.refreshToken)) return Promise.resolve(false);
    inflight ??= doRefresh().finally(() => {
      inflight = null;
    });
    return inflight;
  }

  /** A valid access token (refreshing it when it is about to expire), or null for a guest. */
  async function getAccessToken(): Promise<string | null> {
    if (accessToken.value && accessTokenExpiresAt.value - EXPIRY_MARGIN_MS > Date.now()) return accessToken.value;
    if (!refreshToken.value) return null;
    await refresh();
    return accessToken.value;
  }

  let restorePromise: Promise<void> | null = null;
  /** Start-up: turns a stored refresh token back into a session. Safe to call many times. */
  function restore(): Promise<void> {
    restorePromise ??= (async () => {
      if (refreshToken.value && !user.value) await refresh();
      restoring.value = false;
    })();
    return restorePromise;
  }

  /** Another tab logged out or in: follow it. */
  function onStorage(event: StorageEvent): void {
    if (event.key !== STORAGE_KEYS.refreshToken) return;
    if (event.newValue === null && user.value) {
      user.value = null;
      accessToken.value = null;
      refreshToken.value = null;
      authEpoch.value++;
    } else if (event.newValue) {
      refreshToken.value = event.newValue;
    }
  }
  if (typeof window !== 'undefined') window.addEventListener('storage', onStorage);

  return {
    user,
    accessToken,
    accessTokenExpiresAt,
    refreshToken,
    restoring,
    authEpoch,
    isLoggedIn,
    isAdmin,
    login,
    logout,
    expire,
    refresh,
    getAccessToken,
    restore,
  };
});
