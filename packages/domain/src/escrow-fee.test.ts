import { describe, expect, it } from 'vitest';
import { DomainError } from './errors.js';
import {
  DEFAULT_FEE_SCHEDULE,
  escrowAmountRange,
  quoteEscrowFee,
  validateFeeSchedule,
  type FeeSchedule,
  type FeeTier,
} from './escrow-fee.js';
import { domainError } from './domain-error.test-helper.js';

describe('DEFAULT_FEE_SCHEDULE', () => {
  it('is exactly the seed table and deeply frozen', () => {
    expect(DEFAULT_FEE_SCHEDULE).toEqual({
      version: 1,
      min: 10_000,
      tiers: [
        { upTo: 100_000, fixed: 5_000 },
        { upTo: 300_000, fixed: 10_000 },
        { upTo: 650_000, fixed: 15_000 },
        { upTo: 950_000, fixed: 20_000 },
        { upTo: 2_000_000, fixed: 25_000 },
        { upTo: 3_500_000, fixed: 35_000 },
        { upTo: 6_500_000, basisPoints: 250 },
        { upTo: 10_000_000, basisPoints: 340 },
        { upTo: 20_000_000, basisPoints: 420 },
      ],
    });
    expect(Object.isFrozen(DEFAULT_FEE_SCHEDULE)).toBe(true);
    expect(Object.isFrozen(DEFAULT_FEE_SCHEDULE.tiers)).toBe(true);
    for (const t of DEFAULT_FEE_SCHEDULE.tiers) expect(Object.isFrozen(t)).toBe(true);
    expect(() => validateFeeSchedule(DEFAULT_FEE_SCHEDULE)).not.toThrow();
    expect(escrowAmountRange()).toEqual({ min: 10_000, max: 20_000_000 });
  });
});

describe('quoteEscrowFee: every tier bound', () => {
  // [amount, fee, tierIndex] — each tier's lower and upper bound.
  it.each<[number, number, number]>([
    [10_000, 5_000, 0],
    [100_000, 5_000, 0],
    [100_001, 10_000, 1],
    [300_000, 10_000, 1],
    [300_001, 15_000, 2],
    [650_000, 15_000, 2],
    [650_001, 20_000, 3],
    [950_000, 20_000, 3],
    [950_001, 25_000, 4],
    [2_000_000, 25_000, 4],
    [2_000_001, 35_000, 5],
    [3_500_000, 35_000, 5],
    [3_500_001, 87_500, 6], // 87.500,025 → 87.500
    [6_500_000, 162_500, 6],
    [6_500_001, 221_000, 7], // 221.000,034 → 221.000
    [10_000_000, 340_000, 7],
    [10_000_001, 420_000, 8], // 420.000,042 → 420.000
    [20_000_000, 840_000, 8],
  ])('Rp %i → fee %i (tier %i)', (amount, fee, tierIndex) => {
    expect(quoteEscrowFee(amount)).toEqual({ amount, fee, total: amount + fee, scheduleVersion: 1, tierIndex });
  });

  it('the bounds cover the table: every tier appears with both bounds', () => {
    const tiers = DEFAULT_FEE_SCHEDULE.tiers;
    tiers.forEach((t, i) => {
      const lower = i === 0 ? DEFAULT_FEE_SCHEDULE.min : tiers[i - 1].upTo + 1;
      expect(quoteEscrowFee(lower).tierIndex).toBe(i);
      expect(quoteEscrowFee(t.upTo).tierIndex).toBe(i);
      if (i > 0) expect(quoteEscrowFee(lower - 1).tierIndex).toBe(i - 1);
    });
  });
});

describe('quoteEscrowFee: percentage tiers round half up', () => {
  // amount × bp ≡ 5000 (mod 10000) is an exact half → up; one rupiah less/more rounds normally.
  it.each<[string, number, number]>([
    // 2,5 %: amount/40, a half when amount ≡ 20 (mod 40)
    ['2,5 % exact half', 3_500_020, 87_501], // 87.500,5
    ['2,5 % just below half', 3_500_019, 87_500], // 87.500,475
    ['2,5 % just above half', 3_500_021, 87_501], // 87.500,525
    ['2,5 % exact', 3_500_040, 87_501],
    ['2,5 % half at the top', 6_499_980, 162_500], // 162.499,5
    // 3,4 %: amount × 17/500, a half when amount ≡ 250 (mod 500)
    ['3,4 % exact half', 6_500_250, 221_009], // 221.008,5
    ['3,4 % just below half', 6_500_249, 221_008], // 221.008,466
    ['3,4 % exact half high', 9_999_750, 339_992], // 339.991,5
    // 4,2 %: amount × 21/500, a half when amount ≡ 250 (mod 500)
    ['4,2 % exact half', 10_000_250, 420_011], // 420.010,5
    ['4,2 % just below half', 10_000_249, 420_010], // 420.010,458
    ['4,2 % exact half at the top', 19_999_750, 839_990], // 839.989,5
  ])('%s: Rp %i → fee %i', (_name, amount, fee) => {
    expect(quoteEscrowFee(amount).fee).toBe(fee);
  });

  it('the half cases really are halves (amount × bp ends in 5000)', () => {
    for (const [amount, bp] of [
      [3_500_020, 250],
      [6_499_980, 250],
      [6_500_250, 340],
      [9_999_750, 340],
      [10_000_250, 420],
      [19_999_750, 420],
    ]) {
      expect((amount * bp) % 10_000).toBe(5_000);
    }
  });

  it('matches a plain float computation away from halves (every 997th rupiah of the % tiers)', () => {
    let checked = 0;
    for (let amount = 3_500_001; amount <= 20_000_000; amount += 997) {
      const bp = amount <= 6_500_000 ? 250 : amount <= 10_000_000 ? 340 : 420;
      if ((amount * bp) % 10_000 === 5_000) continue;
      expect(quoteEscrowFee(amount).fee).toBe(Math.round((amount * bp) / 10_000));
      checked++;
    }
    expect(checked).toBeGreaterThan(16_000);
  });
});

describe('quoteEscrowFee: refused amounts', () => {
  it.each<[string, number, RegExp]>([
    ['below min', 9_999, /^amount must be between Rp 10\.000 and Rp 20\.000\.000, got Rp 9\.999$/],
    ['above max', 20_000_001, /^amount must be between Rp 10\.000 and Rp 20\.000\.000, got Rp 20\.000\.001$/],
    ['zero', 0, /between Rp 10\.000 and Rp 20\.000\.000/],
    ['negative', -50_000, /got -Rp 50\.000/],
    ['fractional', 50_000.5, /whole number of rupiah between Rp 10\.000 and Rp 20\.000\.000, got 50000\.5/],
    ['NaN', Number.NaN, /whole number/],
    ['Infinity', Number.POSITIVE_INFINITY, /whole number/],
    ['unsafe', 2 ** 53, /whole number/],
    ['a string', '50000' as unknown as number, /whole number/],
  ])('%s', (_name, amount, message) => {
    const e = domainError(() => quoteEscrowFee(amount));
    expect([e.code, e.field]).toEqual(['BAD_USER_INPUT', 'amount']);
    expect(e.message).toMatch(message);
  });
});

describe('quoteEscrowFee with a custom schedule', () => {
  const custom: FeeSchedule = {
    version: 7,
    min: 1,
    tiers: [
      { upTo: 999, fixed: 0 },
      { upTo: 10_000, basisPoints: 10_000 },
      { upTo: 100_000, basisPoints: 1 },
      { upTo: 800_000_000_005_000, basisPoints: 9_999 },
    ],
  };
  it.each<[number, number, number]>([
    [1, 0, 0],
    [999, 0, 0],
    [1_000, 1_000, 1], // 100 %
    [10_000, 10_000, 1],
    [10_001, 1, 2], // 1,0001 → 1
    [14_999, 1, 2], // 1,4999 → 1
    [15_000, 2, 2], // 1,5 → 2
    [100_000, 10, 2],
    [800_000_000_005_000, 799_920_000_005_000, 3], // × 9999 = 7.999.200.000.049.995.000 > 2^53: exact half → up
  ])('Rp %i → fee %i (tier %i)', (amount, fee, tierIndex) => {
    expect(quoteEscrowFee(amount, custom)).toEqual({ amount, fee, total: amount + fee, scheduleVersion: 7, tierIndex });
  });

  it('refuses a total beyond the safe range and validates the schedule', () => {
    const huge: FeeSchedule = { version: 1, min: 1, tiers: [{ upTo: Number.MAX_SAFE_INTEGER, fixed: 10 }] };
    expect(domainError(() => quoteEscrowFee(Number.MAX_SAFE_INTEGER, huge)).field).toBe('amount');
    expect(domainError(() => quoteEscrowFee(5_000, { ...custom, version: 0 })).field).toBe('version');
  });
});

describe('validateFeeSchedule', () => {
  const base = (): FeeSchedule => ({
    version: 2,
    min: 10_000,
    tiers: [
      { upTo: 100_000, fixed: 5_000 },
      { upTo: 200_000, basisPoints: 250 },
    ],
  });
  const withTier = (i: number, tier: FeeTier | Record<string, unknown>): FeeSchedule => {
    const s = base();
    s.tiers[i] = tier as FeeTier;
    return s;
  };

  it('accepts valid schedules, including 0 % and 100 % and a first upTo equal to min', () => {
    expect(() => validateFeeSchedule(base())).not.toThrow();
    expect(() => validateFeeSchedule(withTier(1, { upTo: 200_000, basisPoints: 0 }))).not.toThrow();
    expect(() => validateFeeSchedule(withTier(1, { upTo: 200_000, basisPoints: 10_000 }))).not.toThrow();
    expect(() => validateFeeSchedule(withTier(0, { upTo: 10_000, fixed: 0 }))).not.toThrow();
  });

  it.each<[string, FeeSchedule, string, RegExp]>([
    ['version 0', { ...base(), version: 0 }, 'version', /positive whole number/],
    ['fractional version', { ...base(), version: 1.5 }, 'version', /positive whole number/],
    ['min 0', { ...base(), min: 0 }, 'min', /at least 1/],
    ['fractional min', { ...base(), min: 99.9 }, 'min', /at least 1/],
    ['no tiers', { ...base(), tiers: [] }, 'tiers', /at least one tier/],
    ['tiers not a list', { ...base(), tiers: null as unknown as FeeTier[] }, 'tiers', /at least one tier/],
    ['first upTo below min', withTier(0, { upTo: 9_999, fixed: 1 }), 'tiers.0.upTo', /at least min \(Rp 10\.000\), got Rp 9\.999/],
    ['upTo equal to the previous', withTier(1, { upTo: 100_000, fixed: 1 }), 'tiers.1.upTo', /greater than the previous tier's \(Rp 100\.000\)/],
    ['upTo descending', withTier(1, { upTo: 50_000, fixed: 1 }), 'tiers.1.upTo', /greater than/],
    ['fractional upTo', withTier(1, { upTo: 150_000.5, fixed: 1 }), 'tiers.1.upTo', /whole number/],
    ['both fixed and basisPoints', withTier(1, { upTo: 200_000, fixed: 1, basisPoints: 1 }), 'tiers.1.basisPoints', /exactly one of fixed and basisPoints/],
    ['neither', withTier(1, { upTo: 200_000 }), 'tiers.1.fixed', /exactly one/],
    ['negative fixed', withTier(0, { upTo: 100_000, fixed: -1 }), 'tiers.0.fixed', /≥ 0/],
    ['fractional fixed', withTier(0, { upTo: 100_000, fixed: 0.5 }), 'tiers.0.fixed', /whole number/],
    ['basisPoints above 10000', withTier(1, { upTo: 200_000, basisPoints: 10_001 }), 'tiers.1.basisPoints', /0 to 10000/],
    ['negative basisPoints', withTier(1, { upTo: 200_000, basisPoints: -1 }), 'tiers.1.basisPoints', /0 to 10000/],
    ['fractional basisPoints', withTier(1, { upTo: 200_000, basisPoints: 2.5 }), 'tiers.1.basisPoints', /0 to 10000/],
    ['a tier that is not an object', withTier(1, null as unknown as FeeTier), 'tiers.1', /must be a tier/],
  ])('refuses %s (%s)', (_name, schedule, field, message) => {
    const e = domainError(() => validateFeeSchedule(schedule));
    expect([e.code, e.field]).toEqual(['BAD_USER_INPUT', field]);
    expect(e.message).toMatch(message);
  });

  it('names the offending tier index, e.g. tiers.3.basisPoints', () => {
    const s: FeeSchedule = { ...DEFAULT_FEE_SCHEDULE, tiers: DEFAULT_FEE_SCHEDULE.tiers.map((t) => ({ ...t })) };
    s.tiers[3] = { upTo: 950_000, basisPoints: 20_000 };
    expect(domainError(() => validateFeeSchedule(s)).field).toBe('tiers.3.basisPoints');
  });
});
