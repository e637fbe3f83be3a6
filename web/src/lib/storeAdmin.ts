/** Store profile rules as the API checks them (StoreService.validate), for the form's messages. */
export const STORE_RULES = {
  name: { min: 3, max: 80 },
  slug: { min: 3, max: 40, pattern: /^[a-z0-9](?:[a-z0-9-]{1,38}[a-z0-9])$/ },
  address: { min: 8 },
  color: /^#[0-9a-f]{6}$/i,
} as const;

export interface StoreFormValues {
  name: string;
  slug: string;
  address: string;
  cityCode: string | null;
  phone: string;
  hours: string;
  color: string;
}

/** The form's fields the API may name in an error (`cityCode` is `city`, `logoPhotoId` is `logo`). */
export const STORE_FORM_FIELDS = ['name', 'slug', 'address', 'city', 'color', 'logo'] as const;
export type StoreFormField = (typeof STORE_FORM_FIELDS)[number];

/** "Toko Harmoni Bandung!" → "toko-harmoni-bandung" (what a new store's URL key starts as). */
export function slugify(name: string): string {
  return name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+/, '')
    .slice(0, STORE_RULES.slug.max)
    .replace(/-+$/, '');
}

/** The fields that break a rule, each with the i18n key of its message. */
export function storeFormProblems(v: StoreFormValues): Partial<Record<StoreFormField, string>> {
  const out: Partial<Record<StoreFormField, string>> = {};
  const name = v.name.trim().length;
  if (name < STORE_RULES.name.min || name > STORE_RULES.name.max) out.name = 'storeAdmin.form.nameRule';
  if (!STORE_RULES.slug.pattern.test(v.slug.trim())) out.slug = 'storeAdmin.form.slugRule';
  if (v.address.trim().length < STORE_RULES.address.min) out.address = 'storeAdmin.form.addressRule';
  if (!v.cityCode) out.city = 'storeAdmin.form.cityRule';
  if (v.color && !STORE_RULES.color.test(v.color)) out.color = 'storeAdmin.form.colorRule';
  return out;
}

/** A received quantity the API accepts: a whole number from 0 to what was ordered (short deliveries allowed). */
export function receivedValid(received: number | '', ordered: number): boolean {
  return typeof received === 'number' && Number.isInteger(received) && received >= 0 && received <= ordered;
}

/** One restock line as the form holds it. */
export interface RestockFormLine {
  listingId: string;
  quantity: number | '';
}

export const RESTOCK_MAX_QUANTITY = 100_000;

/** The lines to send (listingId + quantity), or null while a line is incomplete or a product repeats. */
export function restockLines(lines: readonly RestockFormLine[]): { listingId: string; quantity: number }[] | null {
  if (!lines.length) return null;
  const seen = new Set<string>();
  const out: { listingId: string; quantity: number }[] = [];
  for (const l of lines) {
    const q = l.quantity;
    if (!l.listingId || seen.has(l.listingId) || typeof q !== 'number' || !Number.isInteger(q) || q < 1 || q > RESTOCK_MAX_QUANTITY) return null;
    seen.add(l.listingId);
    out.push({ listingId: l.listingId, quantity: q });
  }
  return out;
}

/** An optional number input ('' or a number) as the API's nullable Int. */
export function optionalInt(v: number | ''): number | null {
  return v === '' ? null : v;
}

/** What a store without a logo shows instead: its initial on its colour, in a legible ink. */
export interface StoreMonogram {
  initial: string;
  /** the store's colour, or null: the theme's primary colour (and its ink) */
  background: string | null;
  ink: '#ffffff' | '#111827' | null;
}

/** "toko harmoni" → "T"; the first letter or digit of a name ("?" when there is none). */
export function storeInitial(name: string): string {
  const m = name.normalize('NFC').match(/[\p{L}\p{N}]/u);
  return m ? m[0].toLocaleUpperCase('id') : '?';
}

/** The monogram of a store: white ink on dark colours, near-black on light ones (WCAG relative luminance). */
export function storeMonogram(name: string, color: string | null | undefined): StoreMonogram {
  const initial = storeInitial(name);
  if (!color || !STORE_RULES.color.test(color)) return { initial, background: null, ink: null };
  const [r, g, b] = [1, 3, 5].map((i) => {
    const c = parseInt(color.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  const luminance = 0.2126 * r + 0.7152 * g + 0.0722 * b;
  // White ink reaches 4.5:1 below a luminance of about 0.18; above that near-black reads better.
  return { initial, background: color.toLowerCase(), ink: luminance > 0.18 ? '#111827' : '#ffffff' };
}
