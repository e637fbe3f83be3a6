import { watch } from 'vue';
import { createI18n } from 'vue-i18n';
import { STORAGE_KEYS, storage } from '@/lib/storage';
import en from './en';
import id, { type Messages } from './id';

export const LOCALES = ['id', 'en'] as const;
export type Locale = (typeof LOCALES)[number];

export function isLocale(v: unknown): v is Locale {
  return typeof v === 'string' && (LOCALES as readonly string[]).includes(v);
}

/** The saved locale, else Indonesian (the product is Indonesian first). */
export function initialLocale(): Locale {
  const saved = storage.get(STORAGE_KEYS.locale);
  return isLocale(saved) ? saved : 'id';
}

/**
 * vue-i18n in composition mode with Indonesian as default and fallback. The chosen locale
 * is persisted in localStorage and mirrored to <html lang>.
 */
export function createPasarI18n(locale: Locale = initialLocale()) {
  const i18n = createI18n<[Messages], Locale, false>({
    legacy: false,
    locale,
    fallbackLocale: 'id',
    messages: { id, en },
    missingWarn: import.meta.env.DEV,
    fallbackWarn: false,
  });
  watch(
    i18n.global.locale,
    (value) => {
      storage.set(STORAGE_KEYS.locale, value);
      if (typeof document !== 'undefined') document.documentElement.lang = value;
    },
    { immediate: true },
  );
  return i18n;
}

export type PasarI18n = ReturnType<typeof createPasarI18n>;
