import { describe, expect, it } from 'vitest';
import { DomainError } from './errors.js';
import {
  DEFAULT_BARTER_CONFIG,
  ITEM_CONDITIONS,
  computeBarterPoints,
  isBalanced,
  seasonalMultiplierFor,
  validateBarterConfig,
  validateBasePoints,
  validateSeasonalMultiplier,
  validateValuation,
  type BarterConfig,
  type ItemCondition,
  type Valuation,
} from './points.js';
import { domainError } from './domain-error.test-helper.js';

const v = (utility: number, scarcity: number, durability: number, portability: number): Valuation => ({
  utility,
  scarcity,
  durability,
  portability,
});

/** A fresh, mutable copy of the default config. */
function cfg(): BarterConfig {
  return structuredClone(DEFAULT_BARTER_CONFIG) as BarterConfig;
}

describe('DEFAULT_BARTER_CONFIG', () => {
  it('has the PRODUCT.md §3 values and is valid', () => {
    expect(DEFAULT_BARTER_CONFIG.weights).toEqual({ utility: 0.35, scarcity: 0.25, durability: 0.25, portability: 0.15 });
    expect(DEFAULT_BARTER_CONFIG.conditionMultipliers).toEqual({
      NEW: 1,
      LIKE_NEW: 0.9,
      GOOD: 0.75,
      FAIR: 0.55,
      POOR: 0.35,
    });
    expect(DEFAULT_BARTER_CONFIG.balanceTolerance).toBe(0.1);
    expect(DEFAULT_BARTER_CONFIG.seasonal).toEqual({});
    expect(() => validateBarterConfig(DEFAULT_BARTER_CONFIG)).not.toThrow();
  });

  it('is frozen', () => {
    expect(Object.isFrozen(DEFAULT_BARTER_CONFIG)).toBe(true);
    expect(Object.isFrozen(DEFAULT_BARTER_CONFIG.weights)).toBe(true);
    expect(Object.isFrozen(DEFAULT_BARTER_CONFIG.conditionMultipliers)).toBe(true);
  });
});

describe('computeBarterPoints (default config)', () => {
  // Σ is the weighted sum in hundredths: 35U + 25S + 25D + 15P; score = Σ / 300.
  it.each<[string, number, Valuation, ItemCondition, number | undefined, number]>([
    // Σ = 500 → score 5/3; 100 × 5/3 = 166.67 → 167
    ['all 5s', 100, v(5, 5, 5, 5), 'NEW', undefined, 167],
    // Σ = 100 → score 1/3; 100 × 1/3 = 33.33 → 33
    ['all 1s', 100, v(1, 1, 1, 1), 'NEW', undefined, 33],
    // Σ = 300 → score 1; 100 × 1 = 100
    ['all 3s', 100, v(3, 3, 3, 3), 'NEW', undefined, 100],
    // Σ = 35·5 + 25·1 + 25·1 + 15·1 = 240 → 0.8; 100 × 0.8 = 80
    ['utility weighs 0.35', 100, v(5, 1, 1, 1), 'NEW', undefined, 80],
    // Σ = 35 + 125 + 25 + 15 = 200 → 2/3; 100 × 2/3 = 66.67 → 67
    ['scarcity weighs 0.25', 100, v(1, 5, 1, 1), 'NEW', undefined, 67],
    ['durability weighs 0.25', 100, v(1, 1, 5, 1), 'NEW', undefined, 67],
    // Σ = 35 + 25 + 25 + 75 = 160 → 0.5333; 100 × 0.5333 = 53.33 → 53
    ['portability weighs 0.15', 100, v(1, 1, 1, 5), 'NEW', undefined, 53],
    // conditions on score 1: 100 × m
    ['LIKE_NEW 0.90', 100, v(3, 3, 3, 3), 'LIKE_NEW', undefined, 90],
    ['GOOD 0.75', 100, v(3, 3, 3, 3), 'GOOD', undefined, 75],
    ['FAIR 0.55', 100, v(3, 3, 3, 3), 'FAIR', undefined, 55],
    ['POOR 0.35', 100, v(3, 3, 3, 3), 'POOR', undefined, 35],
    // seasonal bounds: 100 × 1 × 1 × 0.8 = 80; × 1.2 = 120
    ['seasonal 0.8', 100, v(3, 3, 3, 3), 'NEW', 0.8, 80],
    ['seasonal 1.2', 100, v(3, 3, 3, 3), 'NEW', 1.2, 120],
    ['seasonal 1.0 explicit', 100, v(3, 3, 3, 3), 'NEW', 1.0, 100],
    // 7 × 1 × 0.75 = 5.25 → 5 (below half rounds down)
    ['5.25 rounds down', 7, v(3, 3, 3, 3), 'GOOD', undefined, 5],
    // 3 × 1 × 0.55 = 1.65 → 2
    ['1.65 rounds up', 3, v(3, 3, 3, 3), 'FAIR', undefined, 2],
    // 1 × 1 × 0.55 = 0.55 → 1
    ['0.55 rounds to 1', 1, v(3, 3, 3, 3), 'FAIR', undefined, 1],
    // 1 × 1 × 0.35 = 0.35 → 0 → floor max(1, …) = 1
    ['0.35 floors to 1', 1, v(3, 3, 3, 3), 'POOR', undefined, 1],
    // 1 × 1/3 × 0.35 × 0.8 = 0.0933 → 0 → floor 1
    ['tiny item floors to 1', 1, v(1, 1, 1, 1), 'POOR', 0.8, 1],
    // base bounds: 1 × 5/3 = 1.67 → 2;  1e6 × 5/3 = 1666666.67 → 1666667
    ['base 1', 1, v(5, 5, 5, 5), 'NEW', undefined, 2],
    ['base 1,000,000', 1_000_000, v(5, 5, 5, 5), 'NEW', undefined, 1_666_667],
    // largest possible: 1e6 × 5/3 × 1.2 = 2,000,000 exactly
    ['maximum', 1_000_000, v(5, 5, 5, 5), 'NEW', 1.2, 2_000_000],
    // 1e6 × 1/3 × 0.35 × 0.8 = 93333.33 → 93333
    ['big base, low everything', 1_000_000, v(1, 1, 1, 1), 'POOR', 0.8, 93_333],
  ])('%s', (_name, basePoints, valuation, condition, seasonalMultiplier, want) => {
    expect(computeBarterPoints({ basePoints, valuation, condition, seasonalMultiplier }).points).toBe(want);
  });

  describe('exact halves round up', () => {
    // Each case: naive = Math.round(base × ((0.35U+0.25S+0.25D+0.15P)/3) × cond × seasonal) is one too low.
    it.each<[number, Valuation, ItemCondition, number, number]>([
      // Σ = 105+25+50+30 = 210 → 0.7; 5 × 0.7 = 3.5 → 4 (naive float: 3.499999999999999 → 3)
      [5, v(3, 1, 2, 2), 'NEW', 1, 4],
      // Σ = 35+125+125+45 = 330 → 1.1; 5 × 1.1 = 5.5 → 6 (naive float: 5.499999999999999 → 5)
      [5, v(1, 5, 5, 3), 'NEW', 1, 6],
      // Σ = 35+75+125+45 = 280 → 14/15; 5 × 14/15 × 0.75 = 3.5 → 4 (naive: 3.4999999999999996)
      [5, v(1, 3, 5, 3), 'GOOD', 1, 4],
      // Σ = 70+100+125+30 = 325 → 13/12; 5 × 13/12 × 1.2 = 6.5 → 7 (naive: 6.499999999999999)
      [5, v(2, 4, 5, 2), 'NEW', 1.2, 7],
    ])('float trap: base %d %o %s ×%d → %d', (basePoints, valuation, condition, seasonalMultiplier, want) => {
      const naive = Math.round(
        basePoints *
          ((0.35 * valuation.utility + 0.25 * valuation.scarcity + 0.25 * valuation.durability + 0.15 * valuation.portability) / 3) *
          DEFAULT_BARTER_CONFIG.conditionMultipliers[condition] *
          seasonalMultiplier,
      );
      expect(naive).toBe(want - 1); // proves the case is a float trap
      const r = computeBarterPoints({ basePoints, valuation, condition, seasonalMultiplier });
      expect(r.raw).toBe(want - 0.5); // raw is the nearest double to the exact value
      expect(r.points).toBe(want);
    });

    it.each<[number, Valuation, ItemCondition, number, number]>([
      // 10 × 1 × 0.75 = 7.5 → 8
      [10, v(3, 3, 3, 3), 'GOOD', 1, 8],
      // 10 × 1 × 0.55 = 5.5 → 6
      [10, v(3, 3, 3, 3), 'FAIR', 1, 6],
      // 5 × 1 × 0.9 = 4.5 → 5
      [5, v(3, 3, 3, 3), 'LIKE_NEW', 1, 5],
      // 50 × 1 × 0.35 × 0.9 = 15.75 → 16 (not a half, sanity)
      [50, v(3, 3, 3, 3), 'POOR', 0.9, 16],
    ])('base %d %o %s ×%d → %d', (basePoints, valuation, condition, seasonalMultiplier, want) => {
      expect(computeBarterPoints({ basePoints, valuation, condition, seasonalMultiplier }).points).toBe(want);
    });
  });

  it('returns the full breakdown', () => {
    // Σ = 500 → score 5/3; raw = 100 × 5/3 × 0.75 × 1.1 = 137.5 → 138
    const r = computeBarterPoints({ basePoints: 100, valuation: v(5, 5, 5, 5), condition: 'GOOD', seasonalMultiplier: 1.1 });
    expect(r).toEqual({
      basePoints: 100,
      weights: { utility: 0.35, scarcity: 0.25, durability: 0.25, portability: 0.15 },
      score: 5 / 3,
      conditionMultiplier: 0.75,
      seasonalMultiplier: 1.1,
      raw: 137.5,
      points: 138,
    });
  });

  it('defaults the seasonal multiplier to 1.0 in the breakdown', () => {
    const r = computeBarterPoints({ basePoints: 100, valuation: v(1, 1, 1, 1), condition: 'NEW' });
    expect(r.seasonalMultiplier).toBe(1);
    expect(r.score).toBeCloseTo(1 / 3, 12);
    expect(r.raw).toBeCloseTo(100 / 3, 10);
    expect(r.points).toBe(33);
  });

  it('returns a copy of the weights, not the config object', () => {
    const r = computeBarterPoints({ basePoints: 10, valuation: v(1, 1, 1, 1), condition: 'NEW' });
    expect(r.weights).not.toBe(DEFAULT_BARTER_CONFIG.weights);
  });
});

describe('computeBarterPoints (custom config)', () => {
  it('uses the configured weights', () => {
    const c = cfg();
    c.weights = { utility: 0.25, scarcity: 0.25, durability: 0.25, portability: 0.25 };
    // Σ = 125 + 25 + 25 + 25 = 200 → 2/3; 12 × 2/3 = 8
    const r = computeBarterPoints({ basePoints: 12, valuation: v(5, 1, 1, 1), condition: 'NEW' }, c);
    expect(r.points).toBe(8);
    expect(r.weights).toEqual(c.weights);
  });

  it('uses a weight of 1.00 on a single factor', () => {
    const c = cfg();
    c.weights = { utility: 0, scarcity: 0, durability: 0, portability: 1 };
    // score = 4/3; 30 × 4/3 = 40
    expect(computeBarterPoints({ basePoints: 30, valuation: v(5, 5, 5, 4), condition: 'NEW' }, c).points).toBe(40);
  });

  it('uses the configured condition multipliers', () => {
    const c = cfg();
    c.conditionMultipliers = { ...c.conditionMultipliers, GOOD: 0.5 };
    // default weights: Σ = 35·5 + 25 + 25 + 15 = 240 → score 0.8; 12 × 0.8 × 0.5 = 4.8 → 5
    const r = computeBarterPoints({ basePoints: 12, valuation: v(5, 1, 1, 1), condition: 'GOOD' }, c);
    expect(r.conditionMultiplier).toBe(0.5);
    expect(r.points).toBe(5);
  });

  it('rejects an invalid config', () => {
    const c = cfg();
    c.weights = { utility: 0.4, scarcity: 0.25, durability: 0.25, portability: 0.15 };
    const e = domainError(() => computeBarterPoints({ basePoints: 1, valuation: v(1, 1, 1, 1), condition: 'NEW' }, c));
    expect(e.field).toBe('weights');
  });
});

describe('validateValuation', () => {
  it.each([1, 2, 3, 4, 5])('accepts every factor at %d', (n) => {
    expect(() => validateValuation(v(n, n, n, n))).not.toThrow();
  });

  const factors = ['utility', 'scarcity', 'durability', 'portability'] as const;
  const bad: unknown[] = [0, 6, -1, 2.5, 1.0000001, NaN, Infinity, '3', null, undefined];
  it.each(factors.flatMap((f) => bad.map((value) => [f, value] as const)))('rejects %s = %s', (factor, value) => {
    const valuation = { ...v(3, 3, 3, 3), [factor]: value } as unknown as Valuation;
    const e = domainError(() => validateValuation(valuation));
    expect(e.code).toBe('BAD_USER_INPUT');
    expect(e.field).toBe(factor);
    expect(e.message).toBe(`${factor} must be an integer from 1 to 5, got ${String(value)}`);
  });

  it('computeBarterPoints rejects a bad factor', () => {
    const e = domainError(() => computeBarterPoints({ basePoints: 10, valuation: v(3, 6, 3, 3), condition: 'NEW' }));
    expect(e.field).toBe('scarcity');
  });

  it('rejects a non-object', () => {
    const e = domainError(() => validateValuation(null as unknown as Valuation));
    expect(e.field).toBe('valuation');
  });
});

describe('validateBasePoints', () => {
  it.each([1, 2, 999_999, 1_000_000])('accepts %d', (n) => {
    expect(() => validateBasePoints(n)).not.toThrow();
    expect(() => computeBarterPoints({ basePoints: n, valuation: v(1, 1, 1, 1), condition: 'NEW' })).not.toThrow();
  });

  it.each([0, -1, 1_000_001, 1.5, NaN])('rejects %d', (n) => {
    const e = domainError(() => computeBarterPoints({ basePoints: n, valuation: v(1, 1, 1, 1), condition: 'NEW' }));
    expect(e.code).toBe('BAD_USER_INPUT');
    expect(e.field).toBe('basePoints');
    expect(e.message).toMatch(/basePoints must be an integer from 1 to 1000000/);
  });
});

describe('seasonal multiplier bounds', () => {
  it.each([0.8, 0.81, 1, 1.19, 1.2])('accepts %d', (s) => {
    expect(validateSeasonalMultiplier(s)).toBe(Math.round(s * 100));
  });

  it.each([0.79, 1.21, 0, -1, 1.205, 0.805, NaN, Infinity])('rejects %d', (s) => {
    const e = domainError(() =>
      computeBarterPoints({ basePoints: 10, valuation: v(1, 1, 1, 1), condition: 'NEW', seasonalMultiplier: s }),
    );
    expect(e.field).toBe('seasonalMultiplier');
    expect(e.message).toMatch(/seasonalMultiplier must be .*from 0\.80 to 1\.20/);
  });
});

describe('condition', () => {
  it('lists the five conditions', () => {
    expect(ITEM_CONDITIONS).toEqual(['NEW', 'LIKE_NEW', 'GOOD', 'FAIR', 'POOR']);
  });

  it('rejects an unknown condition', () => {
    const e = domainError(() =>
      computeBarterPoints({ basePoints: 10, valuation: v(1, 1, 1, 1), condition: 'BROKEN' as ItemCondition }),
    );
    expect(e.field).toBe('condition');
  });
});

describe('validateBarterConfig', () => {
  type Mut = (c: BarterConfig) => void;
  it.each<[string, Mut]>([
    ['weights at the edges 0 and 1', (c) => (c.weights = { utility: 1, scarcity: 0, durability: 0, portability: 0 })],
    ['equal weights', (c) => (c.weights = { utility: 0.25, scarcity: 0.25, durability: 0.25, portability: 0.25 })],
    ['weights 0.1 + 0.2 + 0.3 + 0.4 (float sum 1.0000000000000002… is still exactly 1.00)', (c) =>
      (c.weights = { utility: 0.1, scarcity: 0.2, durability: 0.3, portability: 0.4 })],
    ['condition multiplier 0.01', (c) => (c.conditionMultipliers.POOR = 0.01)],
    ['condition multiplier 1', (c) => (c.conditionMultipliers.GOOD = 1)],
    ['tolerance 0', (c) => (c.balanceTolerance = 0)],
    ['tolerance 0.5', (c) => (c.balanceTolerance = 0.5)],
    ['seasonal 0.8 and 1.2 in months 1 and 12', (c) => (c.seasonal = { elektronik: { 1: 0.8, 12: 1.2 } })],
  ])('accepts %s', (_name, mutate) => {
    const c = cfg();
    mutate(c);
    expect(() => validateBarterConfig(c)).not.toThrow();
  });

  it.each<[string, Mut, string, RegExp]>([
    ['weights summing to 0.99', (c) => (c.weights.portability = 0.14), 'weights', /weights must sum to exactly 1\.00, got 0\.99/],
    ['weights summing to 1.01', (c) => (c.weights.portability = 0.16), 'weights', /sum to exactly 1\.00, got 1\.01/],
    ['weights summing to 0', (c) => (c.weights = { utility: 0, scarcity: 0, durability: 0, portability: 0 }), 'weights', /got 0\.00/],
    ['a negative weight', (c) => (c.weights = { utility: 0.6, scarcity: 0.25, durability: 0.25, portability: -0.1 }), 'weights.portability', /from 0\.00 to 1\.00/],
    ['a weight above 1', (c) => (c.weights = { utility: 1.01, scarcity: 0, durability: 0, portability: -0.01 }), 'weights.utility', /from 0\.00 to 1\.00/],
    ['a weight with 3 decimals', (c) => (c.weights = { utility: 0.355, scarcity: 0.245, durability: 0.25, portability: 0.15 }), 'weights.utility', /at most 2 decimals/],
    ['a missing weight', (c) => delete (c.weights as Partial<BarterConfig['weights']>).durability, 'weights.durability', /weights\.durability must be a number/],
    ['condition multiplier 0', (c) => (c.conditionMultipliers.POOR = 0), 'conditionMultipliers.POOR', /greater than 0\.00 and at most 1\.00/],
    ['condition multiplier 1.01', (c) => (c.conditionMultipliers.NEW = 1.01), 'conditionMultipliers.NEW', /greater than 0\.00 and at most 1\.00/],
    ['negative condition multiplier', (c) => (c.conditionMultipliers.FAIR = -0.5), 'conditionMultipliers.FAIR', /greater than 0/],
    ['condition multiplier with 3 decimals', (c) => (c.conditionMultipliers.GOOD = 0.755), 'conditionMultipliers.GOOD', /at most 2 decimals/],
    ['a missing condition', (c) => delete (c.conditionMultipliers as Partial<Record<ItemCondition, number>>).LIKE_NEW, 'conditionMultipliers.LIKE_NEW', /LIKE_NEW must be a number/],
    ['tolerance -0.01', (c) => (c.balanceTolerance = -0.01), 'balanceTolerance', /from 0\.00 to 0\.50/],
    ['tolerance 0.51', (c) => (c.balanceTolerance = 0.51), 'balanceTolerance', /from 0\.00 to 0\.50/],
    ['tolerance with 3 decimals', (c) => (c.balanceTolerance = 0.105), 'balanceTolerance', /at most 2 decimals/],
    ['seasonal 0.79', (c) => (c.seasonal = { elektronik: { 6: 0.79 } }), 'seasonal.elektronik.6', /from 0\.80 to 1\.20, got 0\.79/],
    ['seasonal 1.21', (c) => (c.seasonal = { elektronik: { 6: 1.21 } }), 'seasonal.elektronik.6', /from 0\.80 to 1\.20, got 1\.21/],
    ['seasonal month 0', (c) => (c.seasonal = { elektronik: { 0: 1 } }), 'seasonal.elektronik month', /from 1 to 12/],
    ['seasonal month 13', (c) => (c.seasonal = { elektronik: { 13: 1 } }), 'seasonal.elektronik month', /from 1 to 12/],
    ['seasonal month "x"', (c) => (c.seasonal = { elektronik: { x: 1 } as unknown as { [m: number]: number } }), 'seasonal.elektronik month', /got x/],
  ])('rejects %s', (_name, mutate, field, message) => {
    const c = cfg();
    mutate(c);
    const e = domainError(() => validateBarterConfig(c));
    expect(e.code).toBe('BAD_USER_INPUT');
    expect(e.field).toBe(field);
    expect(e.message).toMatch(message);
  });
});

describe('seasonalMultiplierFor', () => {
  const c: BarterConfig = { ...DEFAULT_BARTER_CONFIG, seasonal: { elektronik: { 1: 0.8, 12: 1.2 }, fashion: { 6: 1.1 } } };

  it.each<[string, number, number]>([
    ['elektronik', 1, 0.8],
    ['elektronik', 12, 1.2],
    ['elektronik', 6, 1.0],
    ['fashion', 6, 1.1],
    ['fashion', 1, 1.0],
    ['buku', 12, 1.0],
    ['constructor', 1, 1.0], // not fooled by Object.prototype
    ['__proto__', 1, 1.0],
    ['toString', 1, 1.0],
  ])('%s in month %d → %d', (slug, month, want) => {
    expect(seasonalMultiplierFor(c, slug, month)).toBe(want);
  });

  it('is 1.0 with the default config', () => {
    expect(seasonalMultiplierFor(DEFAULT_BARTER_CONFIG, 'elektronik', 3)).toBe(1);
  });

  it.each([0, 13, 1.5, NaN])('rejects month %d', (m) => {
    const e = domainError(() => seasonalMultiplierFor(c, 'elektronik', m));
    expect(e.field).toBe('month');
    expect(e.message).toMatch(/from 1 to 12/);
  });
});

describe('isBalanced', () => {
  it.each<[number, number, number | undefined, boolean]>([
    [100, 100, undefined, true],
    // |110 − 100| = 10 ≤ 0.10 × 100 = 10 → balanced (exactly 10% over)
    [110, 100, undefined, true],
    [111, 100, undefined, false], // 11 > 10
    [90, 100, undefined, true], // exactly 10% under
    [89, 100, undefined, false],
    // wanted 1000: tolerance 100
    [1100, 1000, 0.1, true],
    [1101, 1000, 0.1, false],
    [900, 1000, 0.1, true],
    [899, 1000, 0.1, false],
    // wanted 15: 0.10 × 15 = 1.5 → a difference of 1 is fine, 2 is not
    [16, 15, 0.1, true],
    [17, 15, 0.1, false],
    [13, 15, 0.1, false],
    // tolerance 0: only equal
    [100, 100, 0, true],
    [101, 100, 0, false],
    // tolerance 0.5
    [150, 100, 0.5, true],
    [151, 100, 0.5, false],
    [50, 100, 0.5, true],
    [49, 100, 0.5, false],
    // float trap: 0.29 × 100 = 28.999999999999996 in floating point, but exactly 29 here
    [129, 100, 0.29, true],
    [71, 100, 0.29, true],
    [130, 100, 0.29, false],
    // wanted 0
    [0, 0, 0.1, true],
    [1, 0, 0.1, false],
  ])('offered %d vs wanted %d (tolerance %s) → %s', (offered, wanted, tolerance, want) => {
    expect(isBalanced(offered, wanted, tolerance)).toBe(want);
  });

  it.each<[number, number, number, string]>([
    [-1, 100, 0.1, 'offered'],
    [1.5, 100, 0.1, 'offered'],
    [100, -5, 0.1, 'wanted'],
    [100, NaN, 0.1, 'wanted'],
    [100, 100, 0.51, 'tolerance'],
    [100, 100, -0.01, 'tolerance'],
    [100, 100, 0.105, 'tolerance'],
  ])('rejects offered %d, wanted %d, tolerance %d', (offered, wanted, tolerance, field) => {
    expect(domainError(() => isBalanced(offered, wanted, tolerance)).field).toBe(field);
  });
});
