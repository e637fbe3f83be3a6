import { computed } from 'vue';
import { useI18n } from 'vue-i18n';
import { isLocale, type Locale } from '@/i18n';

/** The current locale and a switch between Indonesian and English. */
export function useLocale() {
  const { locale } = useI18n();
  const current = computed<Locale>(() => (isLocale(locale.value) ? locale.value : 'id'));
  function setLocale(next: Locale): void {
    locale.value = next;
  }
  function toggle(): void {
    setLocale(current.value === 'id' ? 'en' : 'id');
  }
  return { locale: current, setLocale, toggle };
}
