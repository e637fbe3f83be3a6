import { badInput } from './errors.js';

function floorDiv(a: bigint, b: bigint): bigint {
  // b > 0. BigInt division truncates toward zero; correct it toward −∞.
  const q = a / b;
  return a % b !== 0n && a < 0n ? q - 1n : q;
}

/**
 * Exact "round half up" of the rational `numerator / denominator` using integer
 * arithmetic only: `floor(numerator / denominator + 1/2)`, so exact halves go
 * toward +∞ (2.5 → 3, −2.5 → −2). Both arguments must be integers (bigint, or
 * safe-integer numbers) and the denominator must not be zero. Returns the same
 * type it was given (bigint in → bigint out; number in → number out, which must
 * be a safe integer). Used for points (PRODUCT.md §3) and money amounts.
 */
export function roundHalfUp(numerator: bigint, denominator: bigint): bigint;
export function roundHalfUp(numerator: number, denominator: number): number;
export function roundHalfUp(numerator: bigint | number, denominator: bigint | number): bigint | number;
export function roundHalfUp(numerator: bigint | number, denominator: bigint | number): bigint | number {
  const asNumber = typeof numerator === 'number' && typeof denominator === 'number';
  let n = toBigInt(numerator, 'numerator');
  let d = toBigInt(denominator, 'denominator');
  if (d === 0n) throw new RangeError('roundHalfUp: denominator must not be zero');
  if (d < 0n) {
    n = -n;
    d = -d;
  }
  const q = floorDiv(2n * n + d, 2n * d);
  if (!asNumber) return q;
  const out = Number(q);
  if (!Number.isSafeInteger(out)) throw new RangeError('roundHalfUp: result is not a safe integer');
  return out;
}

function toBigInt(v: bigint | number, name: string): bigint {
  if (typeof v === 'bigint') return v;
  if (!Number.isSafeInteger(v)) throw new RangeError(`roundHalfUp: ${name} must be a safe integer, got ${v}`);
  return BigInt(v);
}

/**
 * True when `n` is a valid Money value: whole rupiah as a non-negative safe
 * integer (the `Money` scalar of the API contract).
 */
export function isMoney(n: unknown): n is number {
  return typeof n === 'number' && Number.isSafeInteger(n) && n >= 0;
}

/**
 * Groups the digits of a safe integer by thousands with dots, the Indonesian way:
 * 1250000 → "1.250.000", -1500 → "-1.500". Written by hand so output does not
 * depend on the runtime's Intl locale data.
 */
export function groupThousands(n: number): string {
  if (!Number.isSafeInteger(n)) throw badInput(`expected a safe integer, got ${n}`);
  const digits = String(Math.abs(n));
  let out = '';
  for (let i = 0; i < digits.length; i++) {
    if (i > 0 && (digits.length - i) % 3 === 0) out += '.';
    out += digits[i];
  }
  return n < 0 ? `-${out}` : out;
}

/**
 * Formats whole rupiah for display: 1250000 → "Rp 1.250.000", 0 → "Rp 0"
 * (no decimals; negative amounts → "-Rp 5.000"). `n` must be a safe integer.
 */
export function formatRupiah(n: number): string {
  const grouped = groupThousands(n);
  return n < 0 ? `-Rp ${grouped.slice(1)}` : `Rp ${grouped}`;
}

/** Formats a barter points amount for display: 1234 → "1.234 poin" (PRODUCT.md §3). */
export function formatPoints(n: number): string {
  return `${groupThousands(n)} poin`;
}
