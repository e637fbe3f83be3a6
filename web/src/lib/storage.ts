/** localStorage that never throws (private mode, disabled storage, SSR-less tests). */
export const storage = {
  get(key: string): string | null {
    try {
      return globalThis.localStorage?.getItem(key) ?? null;
    } catch {
      return null;
    }
  },
  set(key: string, value: string | null): void {
    try {
      if (value === null) globalThis.localStorage?.removeItem(key);
      else globalThis.localStorage?.setItem(key, value);
    } catch {
      /* storage unavailable: keep the value in memory only */
    }
  },
};

export const STORAGE_KEYS = {
  refreshToken: 'pasar.refreshToken',
  locale: 'pasar.locale',
  theme: 'pasar.theme',
} as const;
