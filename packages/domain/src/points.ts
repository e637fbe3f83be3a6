import { badInput } from './errors.js';
import { roundHalfUp } from './money.js';

/** Condition of a listed item (GraphQL `ItemCondition`), PRODUCT.md §3. */
export type ItemCondition = 'NEW' | 'LIKE_NEW' | 'GOOD' | 'FAIR' | 'POOR';

/** All item conditions, best first. */
export const ITEM_CONDITIONS: readonly ItemCondition[] = Object.freeze(['NEW', 'LIKE_NEW', 'GOOD', 'FAIR', 'POOR']);

/**
 * Seller's valuation of a barter item: utility U, scarcity S, durability D and
 * portability P, each an integer 1..5 (PRODUCT.md §3).
 */
export interface Valuation {
  utility: number;
  scarcity: number;
  durability: number;
  portability: number;
}

/** The four valuation factors, in the order the spec lists them. */
export const VALUATION_FACTORS: readonly (keyof Valuation)[] = Object.freeze([
  'utility',
  'scarcity',
  'durability',
  'portability',
]);

/** Weight of each valuation factor: each 0..1 with at most 2 decimals, summing to exactly 1.00. */
export interface ValuationWeights {
  utility: number;
  scarcity: number;
  durability: number;
  portability: number;
}

/**
 * Admin-set barter configuration (PRODUCT.md §3). All numbers have at most 2 decimals.
 * - `weights`: factor weights, each 0..1, sum exactly 1.00.
 * - `conditionMultipliers`: per condition, 0 < m ≤ 1.
 * - `balanceTolerance`: offer balance tolerance as a fraction of the wanted points, 0..0.5.
 * - `seasonal`: `seasonal[categorySlug][month]` with month 1..12 (Jakarta calendar),
 *   multiplier 0.8..1.2; a missing entry means 1.0.
 */
export interface BarterConfig {
  weights: ValuationWeights;
  conditionMultipliers: Record<ItemCondition, number>;
  balanceTolerance: number;
  seasonal: { [categorySlug: string]: { [month1to12: number]: number } };
}

/**
 * Default configuration from PRODUCT.md §3: weights (0.35, 0.25, 0.25, 0.15);
 * condition NEW 1.00, LIKE_NEW 0.90, GOOD 0.75, FAIR 0.55, POOR 0.35;
 * tolerance 0.10; no seasonal overrides. Deeply frozen.
 */
export const DEFAULT_BARTER_CONFIG: BarterConfig = Object.freeze({
  weights: Object.freeze({ utility: 0.35, scarcity: 0.25, durability: 0.25, portability: 0.15 }),
  conditionMultipliers: Object.freeze({ NEW: 1.0, LIKE_NEW: 0.9, GOOD: 0.75, FAIR: 0.55, POOR: 0.35 }),
  balanceTolerance: 0.1,
  seasonal: Object.freeze({}),
});

/** Valuation factor bounds (inclusive integers), PRODUCT.md §3. */
export const VALUATION_RANGE = Object.freeze({ min: 1, max: 5 });
/** Category base points bounds (inclusive integers). */
export const BASE_POINTS_RANGE = Object.freeze({ min: 1, max: 1_000_000 });
/** Seasonal multiplier bounds (inclusive), PRODUCT.md §3. */
export const SEASONAL_RANGE = Object.freeze({ min: 0.8, max: 1.2 });
/** Offer balance tolerance bounds (inclusive). */
export const BALANCE_TOLERANCE_RANGE = Object.freeze({ min: 0, max: 0.5 });

/**
 * What a barter listing shows as its points breakdown (GraphQL `PointsBreakdown`).
 * `score` = (wU·U + wS·S + wD·D + wP·P) / 3 and `raw` = basePoints × score ×
 * conditionMultiplier × seasonalMultiplier are display floats (nearest double to the
 * exact value); `points` = max(1, round half up(raw)) computed exactly.
 */
export interface PointsBreakdown {
  basePoints: number;
  weights: ValuationWeights;
  score: number;
  conditionMultiplier: number;
  seasonalMultiplier: number;
  raw: number;
  points: number;
}

/** Input of {@link computeBarterPoints}. `seasonalMultiplier` defaults to 1.0. */
export interface BarterPointsInput {
  basePoints: number;
  valuation: Valuation;
  condition: ItemCondition;
  seasonalMultiplier?: number;
}

const hasOwn = (o: object, k: PropertyKey): boolean => Object.prototype.hasOwnProperty.call(o, k);

/**
 * Converts a decimal with at most 2 decimals to integer hundredths (0.35 → 35).
 * Rejects non-finite numbers and values with more decimals (0.355) with BAD_USER_INPUT.
 */
export function toHundredths(value: unknown, field: string): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw badInput(`${field} must be a number, got ${String(value)}`, field);
  }
  const h = Math.round(value * 100);
  // h / 100 is the double nearest to h/100, the same double a 2-decimal literal parses to.
  if (h / 100 !== value) throw badInput(`${field} must have at most 2 decimals, got ${value}`, field);
  return h;
}

function fmt(h: number): string {
  return (h / 100).toFixed(2);
}

/** Checks `value` is a number with ≤ 2 decimals within [minH, maxH] hundredths; returns the hundredths. */
function hundredthsInRange(value: unknown, field: string, minH: number, maxH: number, minExclusive = false): number {
  const range = `${minExclusive ? 'greater than' : 'from'} ${fmt(minH)} ${minExclusive ? 'and at most' : 'to'} ${fmt(maxH)}`;
  const h = typeof value === 'number' && Number.isFinite(value) ? Math.round(value * 100) : NaN;
  if (Number.isNaN(h) || h / 100 !== value) {
    throw badInput(`${field} must be a number ${range} with at most 2 decimals, got ${String(value)}`, field);
  }
  if (h > maxH || (minExclusive ? h <= minH : h < minH)) {
    throw badInput(`${field} must be ${range}, got ${value}`, field);
  }
  return h;
}

/**
 * Problems with a valuation as `{field, message}`, empty when valid (factors integers 1..5,
 * PRODUCT.md §3). `field` is `prefix` + factor name, e.g. prefix "barter." → "barter.utility".
 */
export function valuationProblems(valuation: unknown, prefix = ''): { field: string; message: string }[] {
  if (typeof valuation !== 'object' || valuation === null) {
    const field = prefix ? prefix.replace(/\.$/, '') : 'valuation';
    return [{ field, message: `${field} must be an object with utility, scarcity, durability and portability` }];
  }
  const problems: { field: string; message: string }[] = [];
  for (const f of VALUATION_FACTORS) {
    const v = (valuation as Record<string, unknown>)[f];
    if (typeof v !== 'number' || !Number.isInteger(v) || v < VALUATION_RANGE.min || v > VALUATION_RANGE.max) {
      problems.push({
        field: prefix + f,
        message: `${prefix}${f} must be an integer from ${VALUATION_RANGE.min} to ${VALUATION_RANGE.max}, got ${String(v)}`,
      });
    }
  }
  return problems;
}

/**
 * Asserts each valuation factor is an integer 1..5 (PRODUCT.md §3).
 * @throws DomainError BAD_USER_INPUT naming the first bad factor.
 */
export function validateValuation(valuation: Valuation): void {
  const [p] = valuationProblems(valuation);
  if (p) throw badInput(p.message, p.field);
}

/**
 * Asserts category base points are an integer 1..1,000,000.
 * @throws DomainError BAD_USER_INPUT (field "basePoints").
 */
export function validateBasePoints(basePoints: number): void {
  const { min, max } = BASE_POINTS_RANGE;
  if (typeof basePoints !== 'number' || !Number.isInteger(basePoints) || basePoints < min || basePoints > max) {
    throw badInput(`basePoints must be an integer from 1 to 1000000, got ${String(basePoints)}`, 'basePoints');
  }
}

/**
 * Asserts a seasonal multiplier is 0.8..1.2 inclusive with at most 2 decimals; returns it in hundredths.
 * @throws DomainError BAD_USER_INPUT.
 */
export function validateSeasonalMultiplier(value: number, field = 'seasonalMultiplier'): number {
  return hundredthsInRange(value, field, 80, 120);
}

function validateMonth(month: unknown, field: string): void {
  if (typeof month !== 'number' || !Number.isInteger(month) || month < 1 || month > 12) {
    throw badInput(`${field} must be a month number from 1 to 12, got ${String(month)}`, field);
  }
}

/** Config converted to integer hundredths. */
interface ConfigHundredths {
  weights: Record<keyof ValuationWeights, number>;
  conditions: Record<ItemCondition, number>;
  tolerance: number;
}

function configHundredths(config: BarterConfig): ConfigHundredths {
  if (typeof config !== 'object' || config === null) throw badInput('barter config must be an object', 'config');
  const w = config.weights;
  if (typeof w !== 'object' || w === null) throw badInput('weights must be an object', 'weights');
  const weights = {} as Record<keyof ValuationWeights, number>;
  let sum = 0;
  for (const f of VALUATION_FACTORS) {
    weights[f] = hundredthsInRange(w[f], `weights.${f}`, 0, 100);
    sum += weights[f];
  }
  if (sum !== 100) {
    throw badInput(`weights must sum to exactly 1.00, got ${fmt(sum)}`, 'weights');
  }
  const cm = config.conditionMultipliers;
  if (typeof cm !== 'object' || cm === null) throw badInput('conditionMultipliers must be an object', 'conditionMultipliers');
  const conditions = {} as Record<ItemCondition, number>;
  for (const c of ITEM_CONDITIONS) {
    conditions[c] = hundredthsInRange(cm[c], `conditionMultipliers.${c}`, 0, 100, true);
  }
  const tolerance = hundredthsInRange(config.balanceTolerance, 'balanceTolerance', 0, 50);
  const seasonal = config.seasonal;
  if (typeof seasonal !== 'object' || seasonal === null) throw badInput('seasonal must be an object', 'seasonal');
  for (const slug of Object.keys(seasonal)) {
    const months = seasonal[slug];
    if (typeof months !== 'object' || months === null) {
      throw badInput(`seasonal.${slug} must be an object of month → multiplier`, `seasonal.${slug}`);
    }
    for (const m of Object.keys(months)) {
      validateMonth(/^[0-9]+$/.test(m) ? Number(m) : m, `seasonal.${slug} month`);
      validateSeasonalMultiplier(months[Number(m)], `seasonal.${slug}.${m}`);
    }
  }
  return { weights, conditions, tolerance };
}

/**
 * Asserts an admin barter configuration is valid (PRODUCT.md §3): every number has at
 * most 2 decimals; weights each 0..1 summing to exactly 1.00; condition multipliers
 * 0 < m ≤ 1 for all five conditions; balanceTolerance 0..0.5; seasonal months 1..12
 * with multipliers 0.8..1.2.
 * @throws DomainError BAD_USER_INPUT naming the field and the range.
 */
export function validateBarterConfig(config: BarterConfig): void {
  configHundredths(config);
}

/**
 * Seasonal multiplier of a category for a month 1..12 (PRODUCT.md §3): the configured
 * `config.seasonal[categorySlug][month]`, or 1.0 when there is none.
 * @throws DomainError BAD_USER_INPUT when month is not an integer 1..12.
 */
export function seasonalMultiplierFor(config: BarterConfig, categorySlug: string, month: number): number {
  validateMonth(month, 'month');
  const seasonal = config.seasonal;
  if (!seasonal || !hasOwn(seasonal, categorySlug)) return 1.0;
  const months = seasonal[categorySlug];
  if (!months || !hasOwn(months, month)) return 1.0;
  return months[month];
}

/** Denominator of the exact points fraction: 3 (score) × 100 (weights) × 100 (condition) × 100 (seasonal). */
const POINTS_DENOMINATOR = 3_000_000n;

/**
 * Barter points of a listing with its breakdown (PRODUCT.md §3):
 *   score  = (wU·U + wS·S + wD·D + wP·P) / 3
 *   points = max(1, round half up(basePoints × score × condition × seasonal))
 * `points` is exact: weights and multipliers are taken as integer hundredths and the
 * product is evaluated as the integer fraction
 *   basePoints × Σ(w·f in hundredths) × condition(hundredths) × seasonal(hundredths) / 3,000,000
 * with BigInt, then rounded half up with integer arithmetic.
 * `seasonalMultiplier` defaults to 1.0 (see {@link seasonalMultiplierFor}).
 * @throws DomainError BAD_USER_INPUT for an invalid input or config.
 */
export function computeBarterPoints(input: BarterPointsInput, config: BarterConfig = DEFAULT_BARTER_CONFIG): PointsBreakdown {
  const cfg = configHundredths(config);
  validateBasePoints(input.basePoints);
  validateValuation(input.valuation);
  if (!ITEM_CONDITIONS.includes(input.condition)) {
    throw badInput(`condition must be one of ${ITEM_CONDITIONS.join(', ')}, got ${String(input.condition)}`, 'condition');
  }
  const seasonal = input.seasonalMultiplier ?? 1.0;
  const seasonalH = validateSeasonalMultiplier(seasonal);

  let weightedSumH = 0; // Σ w·f in hundredths; at most 100 × 5 = 500
  for (const f of VALUATION_FACTORS) weightedSumH += cfg.weights[f] * input.valuation[f];
  const condH = cfg.conditions[input.condition];

  const numerator = BigInt(input.basePoints) * BigInt(weightedSumH) * BigInt(condH) * BigInt(seasonalH);
  const rounded = roundHalfUp(numerator, POINTS_DENOMINATOR);
  const points = Number(rounded < 1n ? 1n : rounded);

  return {
    basePoints: input.basePoints,
    weights: { ...config.weights },
    score: weightedSumH / 300,
    conditionMultiplier: config.conditionMultipliers[input.condition],
    seasonalMultiplier: seasonal,
    // numerator ≤ 1e6 × 500 × 100 × 120 = 6e12, exactly representable; one correctly rounded division.
    raw: Number(numerator) / Number(POINTS_DENOMINATOR),
    points,
  };
}

/**
 * Whether a barter offer is balanced (PRODUCT.md §3): |offered − wanted| ≤ tolerance × wanted,
 * evaluated exactly as |offered − wanted| × 100 ≤ tolerancePercent × wanted.
 * `offered` and `wanted` are points (non-negative safe integers); `tolerance` is a
 * fraction 0..0.5 with at most 2 decimals (default 0.10).
 * @throws DomainError BAD_USER_INPUT for invalid arguments.
 */
export function isBalanced(offered: number, wanted: number, tolerance = 0.1): boolean {
  for (const [name, v] of [
    ['offered', offered],
    ['wanted', wanted],
  ] as const) {
    if (typeof v !== 'number' || !Number.isSafeInteger(v) || v < 0) {
      throw badInput(`${name} must be a non-negative integer number of points, got ${String(v)}`, name);
    }
  }
  const tolPercent = hundredthsInRange(tolerance, 'tolerance', 0, 50);
  const diff = BigInt(offered) - BigInt(wanted);
  const absDiff = diff < 0n ? -diff : diff;
  return absDiff * 100n <= BigInt(tolPercent) * BigInt(wanted);
}
