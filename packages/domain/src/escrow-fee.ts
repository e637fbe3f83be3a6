import { badInput } from './errors.js';
import { formatRupiah, roundHalfUp } from './money.js';

/**
 * Escrow (rekber) service fee (PRODUCT.md §4, seed Web Rekber). The buyer pays the
 * transaction amount plus this fee into the escrow room; the fee depends on the amount
 * through a tiered, versioned schedule. Money is whole rupiah (safe integers).
 */

/**
 * One fee tier. It covers amounts in (previous tier's `upTo`, `upTo`], the first tier
 * [schedule `min`, `upTo`]. Exactly one of `fixed` and `basisPoints` is set:
 * - `upTo`: inclusive upper bound, rupiah (safe integer).
 * - `fixed`: flat fee, rupiah (integer ≥ 0).
 * - `basisPoints`: percentage fee in hundredths of a percent (250 = 2.5 %), integer
 *   0..10000; the fee is `amount × basisPoints / 10000` rounded half up to the rupiah.
 */
export interface FeeTier {
  upTo: number;
  fixed?: number;
  basisPoints?: number;
}

/**
 * A fee schedule. `version` (positive integer) is recorded on each room so a later schedule
 * change does not alter quotes already given; `min` (rupiah, ≥ 1) is the smallest amount
 * an escrow room may hold; the largest is the last tier's `upTo`. See {@link FeeTier}.
 */
export interface FeeSchedule {
  version: number;
  min: number;
  tiers: FeeTier[];
}

/**
 * The launch schedule (version 1, Rp 10.000 to Rp 20.000.000), from the Web Rekber seed:
 *
 * | amount up to (inclusive) | fee       |
 * |--------------------------|-----------|
 * | Rp 100.000               | Rp 5.000  |
 * | Rp 300.000               | Rp 10.000 |
 * | Rp 650.000               | Rp 15.000 |
 * | Rp 950.000               | Rp 20.000 |
 * | Rp 2.000.000             | Rp 25.000 |
 * | Rp 3.500.000             | Rp 35.000 |
 * | Rp 6.500.000             | 2,5 %     |
 * | Rp 10.000.000            | 3,4 %     |
 * | Rp 20.000.000            | 4,2 %     |
 *
 * Deeply frozen.
 */
export const DEFAULT_FEE_SCHEDULE: Readonly<FeeSchedule> = Object.freeze({
  version: 1,
  min: 10_000,
  tiers: Object.freeze(
    (
      [
        { upTo: 100_000, fixed: 5_000 },
        { upTo: 300_000, fixed: 10_000 },
        { upTo: 650_000, fixed: 15_000 },
        { upTo: 950_000, fixed: 20_000 },
        { upTo: 2_000_000, fixed: 25_000 },
        { upTo: 3_500_000, fixed: 35_000 },
        { upTo: 6_500_000, basisPoints: 250 },
        { upTo: 10_000_000, basisPoints: 340 },
        { upTo: 20_000_000, basisPoints: 420 },
      ] satisfies FeeTier[]
    ).map((tier) => Object.freeze(tier)),
  ) as FeeTier[],
});

/**
 * A fee quote, all in rupiah: `total = amount + fee` is what the buyer pays;
 * `scheduleVersion` is the schedule's version and `tierIndex` the 0-based tier used.
 */
export interface EscrowFeeQuote {
  amount: number;
  fee: number;
  total: number;
  scheduleVersion: number;
  tierIndex: number;
}

const isInt = (n: unknown): n is number => typeof n === 'number' && Number.isSafeInteger(n);

/**
 * Checks a fee schedule (e.g. one an admin edits) and returns nothing when it is valid:
 * `version` a positive integer; `min` an integer ≥ 1; `tiers` non-empty; each `upTo` a
 * safe integer, strictly ascending, the first ≥ `min`; each tier has exactly one of
 * `fixed` (integer ≥ 0) and `basisPoints` (integer 0..10000).
 * @throws DomainError BAD_USER_INPUT whose field is the dotted path of the first offending
 *   value: "version", "min", "tiers", "tiers.3.upTo", "tiers.3.fixed", "tiers.3.basisPoints".
 */
export function validateFeeSchedule(s: FeeSchedule): void {
  if (typeof s !== 'object' || s === null) throw badInput('a fee schedule is required', 'schedule');
  if (!isInt(s.version) || s.version < 1) {
    throw badInput(`version must be a positive whole number, got ${String(s.version)}`, 'version');
  }
  if (!isInt(s.min) || s.min < 1) {
    throw badInput(`min must be a whole number of rupiah of at least 1, got ${String(s.min)}`, 'min');
  }
  if (!Array.isArray(s.tiers) || s.tiers.length === 0) throw badInput('tiers must list at least one tier', 'tiers');
  let previous: number | undefined;
  s.tiers.forEach((tier, i) => {
    const path = `tiers.${i}`;
    if (typeof tier !== 'object' || tier === null) throw badInput(`${path} must be a tier`, path);
    if (!isInt(tier.upTo)) {
      throw badInput(`${path}.upTo must be a whole number of rupiah, got ${String(tier.upTo)}`, `${path}.upTo`);
    }
    if (previous === undefined && tier.upTo < s.min) {
      throw badInput(`${path}.upTo must be at least min (${formatRupiah(s.min)}), got ${formatRupiah(tier.upTo)}`, `${path}.upTo`);
    }
    if (previous !== undefined && tier.upTo <= previous) {
      throw badInput(
        `${path}.upTo must be greater than the previous tier's (${formatRupiah(previous)}), got ${formatRupiah(tier.upTo)}`,
        `${path}.upTo`,
      );
    }
    previous = tier.upTo;
    const hasFixed = tier.fixed !== undefined;
    const hasBp = tier.basisPoints !== undefined;
    if (hasFixed === hasBp) {
      throw badInput(`${path} must set exactly one of fixed and basisPoints`, hasFixed ? `${path}.basisPoints` : `${path}.fixed`);
    }
    if (hasFixed && (!isInt(tier.fixed) || tier.fixed < 0)) {
      throw badInput(`${path}.fixed must be a whole number of rupiah ≥ 0, got ${String(tier.fixed)}`, `${path}.fixed`);
    }
    if (hasBp && (!isInt(tier.basisPoints) || tier.basisPoints < 0 || tier.basisPoints > 10_000)) {
      throw badInput(
        `${path}.basisPoints must be a whole number from 0 to 10000 (100 %), got ${String(tier.basisPoints)}`,
        `${path}.basisPoints`,
      );
    }
  });
}

/** The amounts a schedule accepts, inclusive, in rupiah: `min` up to the last tier's `upTo`. */
export function escrowAmountRange(schedule: FeeSchedule = DEFAULT_FEE_SCHEDULE): { min: number; max: number } {
  return { min: schedule.min, max: schedule.tiers[schedule.tiers.length - 1].upTo };
}

/**
 * The fee for holding `amount` rupiah in escrow under `schedule` (default
 * {@link DEFAULT_FEE_SCHEDULE}): the first tier whose `upTo` ≥ amount; a fixed fee as is, a
 * percentage fee `roundHalfUp(amount × basisPoints, 10000)` in exact integer arithmetic
 * (3.500.020 at 2,5 % = 87.500,5 → Rp 87.501).
 * @throws DomainError BAD_USER_INPUT (field "amount") when amount is not a safe integer or
 *   outside the schedule's range, naming it ("between Rp 10.000 and Rp 20.000.000"), or when
 *   amount + fee is not a safe integer; the schedule's own errors ({@link validateFeeSchedule}).
 */
export function quoteEscrowFee(amount: number, schedule: FeeSchedule = DEFAULT_FEE_SCHEDULE): EscrowFeeQuote {
  validateFeeSchedule(schedule);
  const { min, max } = escrowAmountRange(schedule);
  const range = `between ${formatRupiah(min)} and ${formatRupiah(max)}`;
  if (!isInt(amount)) throw badInput(`amount must be a whole number of rupiah ${range}, got ${String(amount)}`, 'amount');
  if (amount < min || amount > max) {
    throw badInput(`amount must be ${range}, got ${formatRupiah(amount)}`, 'amount');
  }
  const tierIndex = schedule.tiers.findIndex((t) => amount <= t.upTo);
  const tier = schedule.tiers[tierIndex];
  const fee =
    tier.basisPoints !== undefined
      ? Number(roundHalfUp(BigInt(amount) * BigInt(tier.basisPoints), 10_000n))
      : (tier.fixed as number);
  const total = amount + fee;
  if (!Number.isSafeInteger(total)) throw badInput(`amount plus fee is too large, got ${amount} + ${fee}`, 'amount');
  return { amount, fee, total, scheduleVersion: schedule.version, tierIndex };
}
