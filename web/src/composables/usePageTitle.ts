import { toValue, watchEffect, type MaybeRefOrGetter } from 'vue';

/** Sets document.title to "<title> · Pasar" (or "Pasar") while the page is shown. */
export function usePageTitle(title: MaybeRefOrGetter<string | null | undefined>) {
  watchEffect(() => {
    const value = toValue(title);
    if (typeof document !== 'undefined') document.title = value ? `${value} · Pasar` : 'Pasar';
  });
}
