import { formatRupiah, groupThousands } from '@pasar/domain';
import { useI18n } from 'vue-i18n';

const TIME_ZONE = 'Asia/Jakarta';
const INTL_LOCALE: Record<string, string> = { id: 'id-ID', en: 'en-GB' };

function toDate(value: string | number | Date): Date | null {
  const d = value instanceof Date ? value : new Date(value);
  return Number.isNaN(d.getTime()) ? null : d;
}

/** Formats a date in Jakarta time for a locale: "21 Nov 2025". */
export function formatDate(value: string | number | Date, locale = 'id'): string {
  const d = toDate(value);
  if (!d) return '';
  return new Intl.DateTimeFormat(INTL_LOCALE[locale] ?? locale, { dateStyle: 'medium', timeZone: TIME_ZONE }).format(d);
}

/** Formats a date and time in Jakarta time with the WIB suffix: "21 Nov 2025 14.05 WIB". */
export function formatDateTime(value: string | number | Date, locale = 'id'): string {
  const d = toDate(value);
  if (!d) return '';
  const s = new Intl.DateTimeFormat(INTL_LOCALE[locale] ?? locale, {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone: TIME_ZONE,
  }).format(d);
  return `${s} WIB`;
}

/** Formats a time of day in Jakarta time: "14.05". */
export function formatTime(value: string | number | Date, locale = 'id'): string {
  const d = toDate(value);
  if (!d) return '';
  return new Intl.DateTimeFormat(INTL_LOCALE[locale] ?? locale, { timeStyle: 'short', timeZone: TIME_ZONE }).format(d);
}

const RELATIVE_UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['year', 365 * 24 * 3600],
  ['month', 30 * 24 * 3600],
  ['week', 7 * 24 * 3600],
  ['day', 24 * 3600],
  ['hour', 3600],
  ['minute', 60],
];

/** "dalam 2 hari", "3 jam yang lalu", "sekarang": the largest whole unit between `value` and `now`. */
export function formatRelative(value: string | number | Date, locale = 'id', now: number = Date.now()): string {
  const d = toDate(value);
  if (!d) return '';
  const seconds = Math.round((d.getTime() - now) / 1000);
  const rtf = new Intl.RelativeTimeFormat(INTL_LOCALE[locale] ?? locale, { numeric: 'auto' });
  for (const [unit, size] of RELATIVE_UNITS) {
    if (Math.abs(seconds) >= size) return rtf.format(Math.trunc(seconds / size), unit);
  }
  return rtf.format(0, 'second');
}

/** Formats a float multiplier or score for display with up to `digits` decimals. */
export function formatDecimal(value: number, locale = 'id', digits = 2): string {
  return new Intl.NumberFormat(INTL_LOCALE[locale] ?? locale, { maximumFractionDigits: digits, minimumFractionDigits: 0 }).format(value);
}

/**
 * Rupiah for the web: "Rp 1.250.000" with a non-breaking space (U+00A0) after "Rp", so an amount
 * never breaks between the currency and the number at a line end. Empty for anything but a safe
 * integer. (The domain's formatRupiah keeps a plain space: the server's messages use it.)
 */
export function formatMoney(n: number | null | undefined): string {
  return typeof n === 'number' && Number.isSafeInteger(n) ? formatRupiah(n).replace('Rp ', 'Rp\u00a0') : '';
}

/** Formatting bound to the current locale: rupiah, points, dates in Asia/Jakarta. */
export function useFormat() {
  const { locale, t } = useI18n();
  return {
    money: formatMoney,
    points: (n: number) => t('listing.points', { n: groupThousands(n) }),
    number: (n: number) => (Number.isSafeInteger(n) ? groupThousands(n) : String(n)),
    decimal: (n: number, digits = 2) => formatDecimal(n, locale.value, digits),
    date: (v: string | number | Date) => formatDate(v, locale.value),
    dateTime: (v: string | number | Date) => formatDateTime(v, locale.value),
    time: (v: string | number | Date) => formatTime(v, locale.value),
    relative: (v: string | number | Date, now?: number) => formatRelative(v, locale.value, now),
  };
}
