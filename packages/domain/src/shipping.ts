import { badInput } from './errors.js';
import { formatRupiah } from './money.js';

/**
 * Shipping cost of store orders (PRODUCT.md §6, seed Hurtrock):
 *
 *   cost = base + perKg × chargeable kg + perKm × distance km
 *
 * where chargeable kg = ceil(max(actual kg, L × W × H cm ÷ volume factor)), at least 1, and
 * the distance is the great-circle distance between the store's city and the destination
 * city, rounded up to whole km. Money is whole rupiah (safe integers); weights are whole
 * grams and dimensions whole centimetres, and the kg rounding is done in exact integer
 * arithmetic (never floating point), so 2.000 kg → 2 and 2.001 kg → 3.
 */

/**
 * A shipping rate, every field a whole number (safe integer):
 * - `base`: flat charge per shipment, rupiah ≥ 0.
 * - `perKg`: rupiah ≥ 0 per chargeable kg ({@link chargeableKg}).
 * - `perKm`: rupiah ≥ 0 per whole km of distance ({@link roundedDistanceKm}); integer, not
 *   fractional, so the cost is exact.
 * - `volumeFactor`: cm³ per kg for the volumetric weight, ≥ 1; couriers use 6000
 *   ({@link SHIPPING_RULES}), some 5000 or 4000.
 */
export interface ShippingRate {
  base: number;
  perKg: number;
  perKm: number;
  volumeFactor: number;
}

/** A point on Earth in decimal degrees (WGS 84): latitude −90..90, longitude −180..180. */
export interface GeoPoint {
  latitude: number;
  longitude: number;
}

/**
 * One parcel's size: `weightGrams` (integer ≥ 0) and, optionally, its outer dimensions in
 * whole cm (integers ≥ 0). When any of the three dimensions is missing (undefined or null)
 * the parcel has no volumetric weight (0); a given dimension is still validated.
 */
export interface ParcelSize {
  weightGrams: number;
  lengthCm?: number | null;
  widthCm?: number | null;
  heightCm?: number | null;
}

/** A line of a shipment: `quantity` (integer ≥ 1) identical parcels of the given size. */
export interface ShipmentParcel extends ParcelSize {
  quantity: number;
}

/**
 * A shipping quote; all money in whole rupiah:
 * `total = base + weightCost + distanceCost`, `weightCost = perKg × chargeableKg`,
 * `distanceCost = perKm × distanceKm`; `chargeableKg` and `distanceKm` are whole numbers.
 */
export interface ShippingQuote {
  chargeableKg: number;
  distanceKm: number;
  base: number;
  weightCost: number;
  distanceCost: number;
  total: number;
}

/**
 * Shipping constants:
 * - `volumeFactor`: the usual courier volume factor, cm³ per kg (6000), the default of a
 *   store's rate.
 * - `earthRadiusKm`: mean Earth radius (IUGG, 6371.0088 km) used by {@link greatCircleKm}.
 * - `minChargeableKg`: every shipment is charged at least 1 kg.
 */
export const SHIPPING_RULES = Object.freeze({ volumeFactor: 6000, earthRadiusKm: 6371.0088, minChargeableKg: 1 });

const isInt = (n: unknown): n is number => typeof n === 'number' && Number.isSafeInteger(n);
const isWhole = (n: unknown): n is number => isInt(n) && n >= 0;

/** ceil(a / b) for a ≥ 0, b > 0. */
function ceilDiv(a: bigint, b: bigint): bigint {
  return (a + b - 1n) / b;
}

function toSafe(n: bigint, what: string, field: string): number {
  if (n > BigInt(Number.MAX_SAFE_INTEGER)) throw badInput(`${what} is too large`, field);
  return Number(n);
}

/**
 * Checks a shipping rate (e.g. one a store edits) and returns nothing when it is valid:
 * `base`, `perKg`, `perKm` whole rupiah ≥ 0; `volumeFactor` a whole number ≥ 1.
 * @throws DomainError BAD_USER_INPUT whose field is the first offending value: "rate"
 *   (not an object), "base", "perKg", "perKm" or "volumeFactor".
 */
export function validateShippingRate(rate: ShippingRate): void {
  if (typeof rate !== 'object' || rate === null) throw badInput('a shipping rate is required', 'rate');
  if (!isWhole(rate.base)) throw badInput(`base must be a whole number of rupiah ≥ 0, got ${String(rate.base)}`, 'base');
  if (!isWhole(rate.perKg)) {
    throw badInput(`perKg must be a whole number of rupiah per kg ≥ 0, got ${String(rate.perKg)}`, 'perKg');
  }
  if (!isWhole(rate.perKm)) {
    throw badInput(`perKm must be a whole number of rupiah per km ≥ 0, got ${String(rate.perKm)}`, 'perKm');
  }
  if (!isInt(rate.volumeFactor) || rate.volumeFactor < 1) {
    throw badInput(`volumeFactor must be a whole number of cm³ per kg of at least 1, got ${String(rate.volumeFactor)}`, 'volumeFactor');
  }
}

function checkPoint(p: GeoPoint, name: string): void {
  if (typeof p !== 'object' || p === null) throw badInput(`${name} must be a point with latitude and longitude`, name);
  const { latitude, longitude } = p;
  if (typeof latitude !== 'number' || !Number.isFinite(latitude) || latitude < -90 || latitude > 90) {
    throw badInput(`${name}.latitude must be a number of degrees from -90 to 90, got ${String(latitude)}`, `${name}.latitude`);
  }
  if (typeof longitude !== 'number' || !Number.isFinite(longitude) || longitude < -180 || longitude > 180) {
    throw badInput(`${name}.longitude must be a number of degrees from -180 to 180, got ${String(longitude)}`, `${name}.longitude`);
  }
}

/**
 * The great-circle distance in km (a float ≥ 0) between `a` and `b` on a sphere of radius
 * {@link SHIPPING_RULES}.earthRadiusKm, by the haversine formula:
 * `2R · asin(√(sin²(Δφ/2) + cos φa · cos φb · sin²(Δλ/2)))`. Kota Bandung to Kota
 * Administrasi Jakarta Selatan ≈ 114.32 km; the same point → 0; antipodes → πR ≈ 20015.11 km.
 * @throws DomainError BAD_USER_INPUT for a missing point or an out-of-range coordinate
 *   (field "a.latitude", "b.longitude", …).
 */
export function greatCircleKm(a: GeoPoint, b: GeoPoint): number {
  checkPoint(a, 'a');
  checkPoint(b, 'b');
  const rad = Math.PI / 180;
  const phiA = a.latitude * rad;
  const phiB = b.latitude * rad;
  const sinDPhi = Math.sin((phiB - phiA) / 2);
  const sinDLambda = Math.sin(((b.longitude - a.longitude) * rad) / 2);
  const h = sinDPhi * sinDPhi + Math.cos(phiA) * Math.cos(phiB) * sinDLambda * sinDLambda;
  // Rounding can push h a hair outside [0, 1]; asin would then be NaN.
  return 2 * SHIPPING_RULES.earthRadiusKm * Math.asin(Math.sqrt(Math.min(1, Math.max(0, h))));
}

/**
 * {@link greatCircleKm} rounded up to whole km, the distance a quote charges for
 * (Bandung → Jakarta Selatan ≈ 114.32 km → 115). 0 only for the same point (two
 * stores' customers in the same city pay no distance charge); any other pair is ≥ 1.
 * @throws DomainError BAD_USER_INPUT as {@link greatCircleKm}.
 */
export function roundedDistanceKm(a: GeoPoint, b: GeoPoint): number {
  return Math.ceil(greatCircleKm(a, b));
}

/** Validates one parcel size; returns [grams, cm³] as bigints. `path` prefixes field names. */
function parcelMeasures(p: ParcelSize, path: string): [bigint, bigint] {
  const f = (name: string) => `${path}${name}`;
  if (typeof p !== 'object' || p === null) {
    const self = path ? path.slice(0, -1) : 'parcel';
    throw badInput(`${self} must be a parcel with weightGrams`, self);
  }
  if (!isWhole(p.weightGrams)) {
    throw badInput(`${f('weightGrams')} must be a whole number of grams ≥ 0, got ${String(p.weightGrams)}`, f('weightGrams'));
  }
  const dims: bigint[] = [];
  for (const name of ['lengthCm', 'widthCm', 'heightCm'] as const) {
    const v = p[name];
    if (v === undefined || v === null) continue;
    if (!isWhole(v)) throw badInput(`${f(name)} must be a whole number of cm ≥ 0, got ${String(v)}`, f(name));
    dims.push(BigInt(v));
  }
  const volume = dims.length === 3 ? dims[0] * dims[1] * dims[2] : 0n;
  return [BigInt(p.weightGrams), volume];
}

/** ceil(max(grams / 1000, cm³ / volumeFactor)), at least 1, exactly. */
function kgFor(grams: bigint, volume: bigint, volumeFactor: number): bigint {
  const actual = ceilDiv(grams, 1000n);
  const volumetric = ceilDiv(volume, BigInt(volumeFactor));
  const kg = actual > volumetric ? actual : volumetric;
  const min = BigInt(SHIPPING_RULES.minChargeableKg);
  return kg > min ? kg : min;
}

/**
 * The chargeable weight of one parcel in whole kg: `ceil(max(weightGrams / 1000,
 * L × W × H / volumeFactor))`, at least 1, computed exactly with integers (a rational's ceil
 * is never off by a float error). 250 g in a 20 × 15 × 10 cm box → 1; 2000 g → 2; 2001 g →
 * 3; a 3.2 kg guitar case 110 × 45 × 15 cm = 74 250 cm³ ÷ 6000 = 12.375 → 13.
 * `volumeFactor` is cm³ per kg (integer ≥ 1; usually {@link SHIPPING_RULES}.volumeFactor).
 * @throws DomainError BAD_USER_INPUT: field "weightGrams", "lengthCm", "widthCm" or
 *   "heightCm" when not a whole number ≥ 0 (a missing dimension is allowed, see
 *   {@link ParcelSize}); "volumeFactor" when not an integer ≥ 1; "parcel" when it is not
 *   an object or the result is not a safe integer.
 */
export function chargeableKg(parcel: ParcelSize, volumeFactor: number): number {
  if (!isInt(volumeFactor) || volumeFactor < 1) {
    throw badInput(`volumeFactor must be a whole number of cm³ per kg of at least 1, got ${String(volumeFactor)}`, 'volumeFactor');
  }
  const [grams, volume] = parcelMeasures(parcel, '');
  return toSafe(kgFor(grams, volume, volumeFactor), 'the chargeable weight', 'parcel');
}

/**
 * Quotes a shipment of `parcels` over `distanceKm` (whole km ≥ 0, normally
 * {@link roundedDistanceKm} between the store's city and the destination city) at `rate`.
 *
 * The shipment is charged as ONE consolidated parcel, not parcel by parcel: its actual
 * weight is Σ weightGrams × quantity and its volume Σ L × W × H × quantity, then
 * `chargeableKg = ceil(max(grams / 1000, volume / volumeFactor))`, at least 1. So two
 * 400 g items ship as 1 kg (not 2 × 1 kg), and the per-parcel minimum and rounding are
 * applied once per order; a parcel without dimensions adds weight but no volume.
 * Then `total = base + perKg × chargeableKg + perKm × distanceKm` (PRODUCT.md §6).
 *
 * @throws DomainError BAD_USER_INPUT: the rate's errors ({@link validateShippingRate});
 *   "parcels" when not a non-empty array; "parcels.2.weightGrams", "parcels.2.lengthCm", …,
 *   "parcels.2.quantity" (integer ≥ 1) for the first bad parcel; "distanceKm" when not a
 *   whole number ≥ 0; "parcels" when the weight or any amount is not a safe integer.
 */
export function shippingQuote(input: { parcels: ShipmentParcel[]; distanceKm: number; rate: ShippingRate }): ShippingQuote {
  if (typeof input !== 'object' || input === null) throw badInput('a shipment is required', 'parcels');
  const { parcels, distanceKm, rate } = input;
  validateShippingRate(rate);
  if (!Array.isArray(parcels) || parcels.length === 0) throw badInput('parcels must list at least one parcel', 'parcels');
  if (!isWhole(distanceKm)) throw badInput(`distanceKm must be a whole number of km ≥ 0, got ${String(distanceKm)}`, 'distanceKm');
  let grams = 0n;
  let volume = 0n;
  parcels.forEach((p, i) => {
    const path = `parcels.${i}.`;
    const [g, v] = parcelMeasures(p, path);
    if (!isInt(p.quantity) || p.quantity < 1) {
      throw badInput(`${path}quantity must be a whole number of at least 1, got ${String(p.quantity)}`, `${path}quantity`);
    }
    grams += g * BigInt(p.quantity);
    volume += v * BigInt(p.quantity);
  });
  const kg = kgFor(grams, volume, rate.volumeFactor);
  const weightCost = BigInt(rate.perKg) * kg;
  const distanceCost = BigInt(rate.perKm) * BigInt(distanceKm);
  const total = BigInt(rate.base) + weightCost + distanceCost;
  if (total > BigInt(Number.MAX_SAFE_INTEGER)) {
    throw badInput(`the shipping cost is more than ${formatRupiah(Number.MAX_SAFE_INTEGER)}`, 'parcels');
  }
  return {
    chargeableKg: toSafe(kg, 'the chargeable weight', 'parcels'),
    distanceKm,
    base: rate.base,
    weightCost: Number(weightCost),
    distanceCost: Number(distanceCost),
    total: Number(total),
  };
}
