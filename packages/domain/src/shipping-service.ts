import { badInput } from './errors.js';
import { formatRupiah } from './money.js';
import { validateShippingRate, type ShippingRate } from './shipping.js';

/**
 * A courier service as admins edit it (PRODUCT.md §6, §9): its identity, what buyers see and
 * its rate ({@link ShippingRate}). Used by the API to enforce and by the web app to check a
 * form before sending it.
 */

/**
 * Limits of an admin-edited shipping service, on top of the rate rules of
 * {@link validateShippingRate} (whole rupiah ≥ 0, volume factor ≥ 1):
 * - `maxMoney`: largest `base`, `perKg` and `perKm`, rupiah (Rp 10.000.000). No real courier
 *   comes near it; it catches an extra zero or three before a buyer sees the quote.
 * - `maxVolumeFactor`: largest volume factor, cm³ per kg (1,000,000).
 * - `code`, `courier`, `name`: length ranges in characters after normalising; `etaMax`: the
 *   longest delivery-time text.
 */
export const SHIPPING_SERVICE_RULES = Object.freeze({
  maxMoney: 10_000_000,
  maxVolumeFactor: 1_000_000,
  code: Object.freeze({ min: 3, max: 40 }),
  courier: Object.freeze({ min: 2, max: 20 }),
  name: Object.freeze({ min: 3, max: 80 }),
  etaMax: 40,
});

/** What an admin sets on a service (everything but its code), normalised. */
export interface ShippingServiceFields extends ShippingRate {
  courier: string;
  name: string;
  /** Typical delivery time, e.g. "2–3 hari"; null for none. */
  eta: string | null;
  /** Offered to buyers. */
  active: boolean;
}

const CODE = /^[A-Z0-9]+(?:-[A-Z0-9]+)*$/;
const COURIER = /^[A-Z0-9]+$/;
const squash = (s: string) => s.trim().replace(/\s+/g, ' ');
const within = (s: string, r: { min: number; max: number }) => s.length >= r.min && s.length <= r.max;

/**
 * Normalises a service code (trimmed, upper-case) and checks it: 3–40 characters, letters A–Z
 * and digits in words joined by single hyphens, e.g. " jne-reg " → "JNE-REG".
 * @throws DomainError BAD_USER_INPUT (field "code").
 */
export function normalizeShippingServiceCode(code: string): string {
  const c = typeof code === 'string' ? code.trim().toUpperCase() : '';
  const { min, max } = SHIPPING_SERVICE_RULES.code;
  if (!within(c, SHIPPING_SERVICE_RULES.code) || !CODE.test(c)) {
    throw badInput(`code must be ${min}–${max} letters or digits, words joined by single hyphens (e.g. JNE-REG), got ${JSON.stringify(code)}`, 'code');
  }
  return c;
}

/**
 * Normalises and checks a service's fields, in this order, and returns them normalised:
 * - `courier`: trimmed, upper-case, 2–20 letters A–Z or digits ("sicepat" → "SICEPAT");
 * - `name`: trimmed, inner whitespace collapsed, 3–80 characters;
 * - `eta`: trimmed and collapsed, at most 40 characters; empty or null → null;
 * - the rate: {@link validateShippingRate}, then `base`, `perKg`, `perKm` at most
 *   {@link SHIPPING_SERVICE_RULES}.maxMoney rupiah and `volumeFactor` at most maxVolumeFactor;
 * - `active`: a boolean.
 * @throws DomainError BAD_USER_INPUT whose field is the first offending one: "courier",
 *   "name", "eta", "base", "perKg", "perKm", "volumeFactor" or "active".
 */
export function validateShippingService(f: ShippingServiceFields): ShippingServiceFields {
  const R = SHIPPING_SERVICE_RULES;
  const courier = typeof f?.courier === 'string' ? f.courier.trim().toUpperCase() : '';
  if (!within(courier, R.courier) || !COURIER.test(courier)) {
    throw badInput(`courier must be ${R.courier.min}–${R.courier.max} letters or digits (e.g. JNE, SICEPAT), got ${JSON.stringify(f?.courier)}`, 'courier');
  }
  const name = typeof f.name === 'string' ? squash(f.name) : '';
  if (!within(name, R.name)) throw badInput(`name must be ${R.name.min}–${R.name.max} characters, got ${name.length}`, 'name');
  if (f.eta !== null && f.eta !== undefined && typeof f.eta !== 'string') throw badInput('eta must be text or null', 'eta');
  const eta = f.eta ? squash(f.eta) || null : null;
  if (eta && eta.length > R.etaMax) throw badInput(`eta is at most ${R.etaMax} characters (e.g. "2–3 hari"), got ${eta.length}`, 'eta');
  const rate: ShippingRate = { base: f.base, perKg: f.perKg, perKm: f.perKm, volumeFactor: f.volumeFactor };
  validateShippingRate(rate);
  for (const key of ['base', 'perKg', 'perKm'] as const) {
    if (rate[key] > R.maxMoney) throw badInput(`${key} is at most ${formatRupiah(R.maxMoney)}, got ${formatRupiah(rate[key])}`, key);
  }
  if (rate.volumeFactor > R.maxVolumeFactor) {
    throw badInput(`volumeFactor is at most ${R.maxVolumeFactor} cm³ per kg, got ${rate.volumeFactor}`, 'volumeFactor');
  }
  if (typeof f.active !== 'boolean') throw badInput(`active must be true or false, got ${String(f.active)}`, 'active');
  return { courier, name, eta, ...rate, active: f.active };
}
