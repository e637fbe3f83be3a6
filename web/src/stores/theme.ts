import { defineStore } from 'pinia';
import { computed, ref, watchEffect } from 'vue';
import { STORAGE_KEYS, storage } from '@/lib/storage';

export type ThemeMode = 'light' | 'dark' | 'system';
export const THEME_MODES: readonly ThemeMode[] = ['light', 'dark', 'system'];

function isThemeMode(v: unknown): v is ThemeMode {
  return typeof v === 'string' && (THEME_MODES as readonly string[]).includes(v);
}

/** Light, dark or the system's choice; persisted, applied as `data-theme` on <html>. */
export const useThemeStore = defineStore('theme', () => {
  const saved = storage.get(STORAGE_KEYS.theme);
  const mode = ref<ThemeMode>(isThemeMode(saved) ? saved : 'system');

  const media = typeof window !== 'undefined' && window.matchMedia ? window.matchMedia('(prefers-color-scheme: dark)') : null;
  const systemDark = ref(media?.matches ?? false);
  media?.addEventListener?.('change', (e) => {
    systemDark.value = e.matches;
  });

  const resolved = computed<'light' | 'dark'>(() =>
    mode.value === 'system' ? (systemDark.value ? 'dark' : 'light') : mode.value,
  );

  watchEffect(() => {
    storage.set(STORAGE_KEYS.theme, mode.value);
    if (typeof document !== 'undefined') {
      document.documentElement.dataset.theme = resolved.value;
      document.documentElement.style.colorScheme = resolved.value;
    }
  });

  function setMode(next: ThemeMode): void {
    mode.value = next;
  }

  /** light → dark → system → light */
  function cycle(): void {
    mode.value = THEME_MODES[(THEME_MODES.indexOf(mode.value) + 1) % THEME_MODES.length];
  }

  return { mode, resolved, setMode, cycle };
});
