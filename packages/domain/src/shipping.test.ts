import { describe, expect, it } from 'vitest';
import { DomainError } from './errors.js';
import {
  SHIPPING_RULES,
  chargeableKg,
  greatCircleKm,
  roundedDistanceKm,
  shippingQuote,
  validateShippingRate,
  type GeoPoint,
  type ParcelSize,
  type ShipmentParcel,
  type ShippingQuote,
  type ShippingRate,
} from './shipping.js';
import { domainError } from './domain-error.test-helper.js';

const BANDUNG: GeoPoint = { latitude: -6.914744, longitude: 107.60981 }; // Kota Bandung
const JAKSEL: GeoPoint = { latitude: -6.261493, longitude: 106.8106 }; // Kota Administrasi Jakarta Selatan
/** A rate used by the quote cases: Rp 10.000 + Rp 4.000/kg + Rp 50/km, 6000 cm³/kg. */
const RATE: ShippingRate = { base: 10_000, perKg: 4_000, perKm: 50, volumeFactor: 6000 };
/** 1° of arc on the sphere: 2πR / 360 km. */
const DEGREE_KM = (2 * Math.PI * 6371.0088) / 360;

describe('SHIPPING_RULES', () => {
  it('has the courier volume factor, the IUGG mean radius and a 1 kg minimum, frozen', () => {
    expect(SHIPPING_RULES).toEqual({ volumeFactor: 6000, earthRadiusKm: 6371.0088, minChargeableKg: 1 });
    expect(Object.isFrozen(SHIPPING_RULES)).toBe(true);
  });
});

describe('greatCircleKm and roundedDistanceKm', () => {
  it('Kota Bandung to Kota Administrasi Jakarta Selatan is about 114.32 km, charged as 115', () => {
    // Haversine by hand: Δφ = 0.653251°, Δλ = −0.79921°, cos φ ≈ 0.9927 and 0.9940
    // → h ≈ 8.0491e-5 → 2R·asin(√h) ≈ 114.323 km.
    expect(greatCircleKm(BANDUNG, JAKSEL)).toBeCloseTo(114.3234, 3);
    expect(greatCircleKm(JAKSEL, BANDUNG)).toBe(greatCircleKm(BANDUNG, JAKSEL));
    expect(roundedDistanceKm(BANDUNG, JAKSEL)).toBe(115);
    expect(roundedDistanceKm(JAKSEL, BANDUNG)).toBe(115);
  });

  it.each<[string, GeoPoint, GeoPoint, number]>([
    ['1° along the equator', { latitude: 0, longitude: 0 }, { latitude: 0, longitude: 1 }, DEGREE_KM],
    ['1° along a meridian', { latitude: 0, longitude: 0 }, { latitude: 1, longitude: 0 }, DEGREE_KM],
    ['1° of latitude far south', { latitude: -60, longitude: 120 }, { latitude: -61, longitude: 120 }, DEGREE_KM],
    ['across the antimeridian', { latitude: 0, longitude: 179.5 }, { latitude: 0, longitude: -179.5 }, DEGREE_KM],
    ['pole to pole', { latitude: 90, longitude: 0 }, { latitude: -90, longitude: 0 }, Math.PI * 6371.0088],
    ['antipodes on the equator', { latitude: 0, longitude: 0 }, { latitude: 0, longitude: 180 }, Math.PI * 6371.0088],
    ['a quarter of the equator', { latitude: 0, longitude: 100 }, { latitude: 0, longitude: 10 }, 90 * DEGREE_KM],
    ['the same point', BANDUNG, BANDUNG, 0],
  ])('%s', (_name, a, b, km) => {
    expect(greatCircleKm(a, b)).toBeCloseTo(km, 6);
    expect(greatCircleKm(b, a)).toBeCloseTo(km, 6);
  });

  /** Spherical law of cosines: a different formula for the same distance, as a cross-check. */
  const cosineLawKm = (a: GeoPoint, b: GeoPoint) => {
    const r = Math.PI / 180;
    const c =
      Math.sin(a.latitude * r) * Math.sin(b.latitude * r) +
      Math.cos(a.latitude * r) * Math.cos(b.latitude * r) * Math.cos((b.longitude - a.longitude) * r);
    return 6371.0088 * Math.acos(Math.min(1, Math.max(-1, c)));
  };
  it.each<[string, GeoPoint, GeoPoint, number, number]>([
    // [name, a, b, km to 2 decimals (pinned; city-hall coordinates), rounded km charged]
    ['Bandung → Jakarta Selatan', BANDUNG, JAKSEL, 114.32, 115],
    ['Bandung → Kota Surabaya', BANDUNG, { latitude: -7.2575, longitude: 112.7521 }, 568.7, 569],
    ['Jakarta Selatan → Kota Medan', JAKSEL, { latitude: 3.5952, longitude: 98.6722 }, 1420.46, 1421],
    ['Jakarta Selatan → Kota Denpasar', JAKSEL, { latitude: -8.6705, longitude: 115.2126 }, 964.21, 965],
  ])('%s agrees with the law of cosines and rounds up', (_name, a, b, km2, rounded) => {
    const km = greatCircleKm(a, b);
    expect(Math.abs(km - cosineLawKm(a, b))).toBeLessThan(1e-6);
    expect(Math.abs(km - km2)).toBeLessThan(0.01);
    expect(roundedDistanceKm(a, b)).toBe(rounded);
    expect(roundedDistanceKm(a, b)).toBe(Math.ceil(km));
  });

  it('rounds up: the same point is 0 km, anything else at least 1 km', () => {
    expect(roundedDistanceKm(BANDUNG, { ...BANDUNG })).toBe(0);
    expect(roundedDistanceKm({ latitude: 0, longitude: 0 }, { latitude: 0, longitude: 0.000001 })).toBe(1);
    expect(roundedDistanceKm({ latitude: 0, longitude: 0 }, { latitude: 0, longitude: 1 })).toBe(112); // 111.195 km
    expect(roundedDistanceKm({ latitude: 90, longitude: 0 }, { latitude: -90, longitude: 0 })).toBe(20016); // 20015.114 km
  });

  it.each<[string, GeoPoint, GeoPoint, string]>([
    ['latitude above 90', { latitude: 90.0001, longitude: 0 }, BANDUNG, 'a.latitude'],
    ['latitude below -90', BANDUNG, { latitude: -91, longitude: 0 }, 'b.latitude'],
    ['longitude above 180', { latitude: 0, longitude: 180.5 }, BANDUNG, 'a.longitude'],
    ['longitude below -180', BANDUNG, { latitude: 0, longitude: -181 }, 'b.longitude'],
    ['a NaN latitude', { latitude: Number.NaN, longitude: 0 }, BANDUNG, 'a.latitude'],
    ['an infinite longitude', BANDUNG, { latitude: 0, longitude: Number.POSITIVE_INFINITY }, 'b.longitude'],
    ['a string latitude', { latitude: '-6.9' as unknown as number, longitude: 107.6 }, BANDUNG, 'a.latitude'],
    ['a missing longitude', { latitude: 0 } as GeoPoint, BANDUNG, 'a.longitude'],
    ['a missing point', null as unknown as GeoPoint, BANDUNG, 'a'],
    ['a missing second point', BANDUNG, undefined as unknown as GeoPoint, 'b'],
  ])('refuses %s', (_name, a, b, field) => {
    for (const fn of [greatCircleKm, roundedDistanceKm]) {
      const e = domainError(() => fn(a, b));
      expect([e.code, e.field]).toEqual(['BAD_USER_INPUT', field]);
      expect(e.message.startsWith(field)).toBe(true);
    }
  });
});

describe('chargeableKg', () => {
  it.each<[string, ParcelSize, number, number]>([
    // [name, parcel, volume factor, kg] — worked by hand
    ['a light small parcel: 250 g, 20×15×10 = 3 000 cm³ → 0.5 kg → 1', { weightGrams: 250, lengthCm: 20, widthCm: 15, heightCm: 10 }, 6000, 1],
    ['nothing at all → the 1 kg minimum', { weightGrams: 0 }, 6000, 1],
    ['1 g → 1', { weightGrams: 1 }, 6000, 1],
    ['exactly 1.000 kg → 1', { weightGrams: 1000 }, 6000, 1],
    ['1.001 kg → 2', { weightGrams: 1001 }, 6000, 2],
    ['exactly 2.000 kg → 2', { weightGrams: 2000 }, 6000, 2],
    ['2.001 kg → 3', { weightGrams: 2001 }, 6000, 3],
    ['2.999 kg → 3', { weightGrams: 2999 }, 6000, 3],
    ['a guitar case: 3.2 kg, 110×45×15 = 74 250 cm³ ÷ 6000 = 12.375 → 13 (volumetric wins)', { weightGrams: 3200, lengthCm: 110, widthCm: 45, heightCm: 15 }, 6000, 13],
    ['the same case at factor 5000: 14.85 → 15', { weightGrams: 3200, lengthCm: 110, widthCm: 45, heightCm: 15 }, 5000, 15],
    ['the same case at factor 4000: 18.5625 → 19', { weightGrams: 3200, lengthCm: 110, widthCm: 45, heightCm: 15 }, 4000, 19],
    ['volumetric exactly 2: 20×20×30 = 12 000 cm³ → 2', { weightGrams: 500, lengthCm: 20, widthCm: 20, heightCm: 30 }, 6000, 2],
    ['volumetric just over 2: 12 001 cm³ → 3', { weightGrams: 500, lengthCm: 1, widthCm: 1, heightCm: 12_001 }, 6000, 3],
    ['volumetric just under 2: 11 999 cm³ → 2', { weightGrams: 500, lengthCm: 1, widthCm: 1, heightCm: 11_999 }, 6000, 2],
    ['dense: an amplifier 12.5 kg in 40×30×25 = 30 000 cm³ (5 kg) → 13 (actual wins)', { weightGrams: 12_500, lengthCm: 40, widthCm: 30, heightCm: 25 }, 6000, 13],
    ['a tie: 5 kg and 30 000 cm³ → 5', { weightGrams: 5000, lengthCm: 40, widthCm: 30, heightCm: 25 }, 6000, 5],
    ['no dimensions: 3.2 kg → 4', { weightGrams: 3200 }, 6000, 4],
    ['a dimension missing: volumetric 0, 3.2 kg → 4', { weightGrams: 3200, lengthCm: 110, widthCm: 45 }, 6000, 4],
    ['null dimensions (GraphQL): volumetric 0', { weightGrams: 3200, lengthCm: 110, widthCm: 45, heightCm: null }, 6000, 4],
    ['a zero dimension: volume 0', { weightGrams: 3200, lengthCm: 110, widthCm: 45, heightCm: 0 }, 6000, 4],
    ['factor 1: every cm³ is a kg', { weightGrams: 0, lengthCm: 2, widthCm: 3, heightCm: 4 }, 1, 24],
    ['huge but exact: 1e6 g → 1000', { weightGrams: 1_000_000 }, 6000, 1000],
    ['the largest weight: ceil(MAX_SAFE / 1000)', { weightGrams: Number.MAX_SAFE_INTEGER }, 6000, 9_007_199_254_741],
    ['a volume beyond 2^53 still divides exactly: 300 000³ / 6000 = 4.5e12', { weightGrams: 0, lengthCm: 300_000, widthCm: 300_000, heightCm: 300_000 }, 6000, 4_500_000_000_000],
  ])('%s', (_name, parcel, factor, kg) => {
    expect(chargeableKg(parcel, factor)).toBe(kg);
  });

  it('never loses to floating point: for every gram and cm³ near the whole-kg boundaries', () => {
    let checked = 0;
    for (let kg = 1; kg <= 200; kg++) {
      expect(chargeableKg({ weightGrams: kg * 1000 }, 6000)).toBe(kg);
      expect(chargeableKg({ weightGrams: kg * 1000 + 1 }, 6000)).toBe(kg + 1);
      expect(chargeableKg({ weightGrams: 0, lengthCm: 1, widthCm: 1, heightCm: kg * 6000 }, 6000)).toBe(kg);
      expect(chargeableKg({ weightGrams: 0, lengthCm: 1, widthCm: 1, heightCm: kg * 6000 + 1 }, 6000)).toBe(kg + 1);
      checked += 4;
    }
    expect(checked).toBe(800);
  });

  it.each<[string, ParcelSize, number, string]>([
    ['a negative weight', { weightGrams: -1 }, 6000, 'weightGrams'],
    ['a fractional weight', { weightGrams: 250.5 }, 6000, 'weightGrams'],
    ['a NaN weight', { weightGrams: Number.NaN }, 6000, 'weightGrams'],
    ['a missing weight', {} as ParcelSize, 6000, 'weightGrams'],
    ['a string weight', { weightGrams: '250' as unknown as number }, 6000, 'weightGrams'],
    ['a negative length', { weightGrams: 1, lengthCm: -1, widthCm: 1, heightCm: 1 }, 6000, 'lengthCm'],
    ['a fractional width', { weightGrams: 1, lengthCm: 1, widthCm: 1.5, heightCm: 1 }, 6000, 'widthCm'],
    ['an infinite height', { weightGrams: 1, lengthCm: 1, widthCm: 1, heightCm: Number.POSITIVE_INFINITY }, 6000, 'heightCm'],
    ['a bad lone dimension (still checked)', { weightGrams: 1, heightCm: -5 }, 6000, 'heightCm'],
    ['volume factor 0', { weightGrams: 1 }, 0, 'volumeFactor'],
    ['a negative volume factor', { weightGrams: 1 }, -6000, 'volumeFactor'],
    ['a fractional volume factor', { weightGrams: 1 }, 6000.5, 'volumeFactor'],
    ['a missing parcel', null as unknown as ParcelSize, 6000, 'parcel'],
    ['a result beyond safe integers', { weightGrams: 0, lengthCm: 10_000_000, widthCm: 10_000_000, heightCm: 10_000_000 }, 1, 'parcel'],
  ])('refuses %s', (_name, parcel, factor, field) => {
    const e = domainError(() => chargeableKg(parcel, factor));
    expect([e.code, e.field]).toEqual(['BAD_USER_INPUT', field]);
  });
});

describe('validateShippingRate', () => {
  it.each<ShippingRate>([
    RATE,
    { base: 0, perKg: 0, perKm: 0, volumeFactor: 1 },
    { base: Number.MAX_SAFE_INTEGER, perKg: Number.MAX_SAFE_INTEGER, perKm: Number.MAX_SAFE_INTEGER, volumeFactor: Number.MAX_SAFE_INTEGER },
  ])('accepts %o', (rate) => {
    expect(() => validateShippingRate(rate)).not.toThrow();
  });

  it.each<[string, unknown, string]>([
    ['no rate', null, 'rate'],
    ['a string', 'cheap', 'rate'],
    ['a negative base', { ...RATE, base: -1 }, 'base'],
    ['a fractional base', { ...RATE, base: 0.5 }, 'base'],
    ['a missing base', { perKg: 1, perKm: 1, volumeFactor: 6000 }, 'base'],
    ['a negative perKg', { ...RATE, perKg: -4000 }, 'perKg'],
    ['a NaN perKg', { ...RATE, perKg: Number.NaN }, 'perKg'],
    ['a fractional perKm', { ...RATE, perKm: 12.5 }, 'perKm'],
    ['an unsafe perKm', { ...RATE, perKm: 2 ** 53 }, 'perKm'],
    ['volume factor 0', { ...RATE, volumeFactor: 0 }, 'volumeFactor'],
    ['a fractional volume factor', { ...RATE, volumeFactor: 5999.9 }, 'volumeFactor'],
    ['a string volume factor', { ...RATE, volumeFactor: '6000' }, 'volumeFactor'],
  ])('refuses %s', (_name, rate, field) => {
    const e = domainError(() => validateShippingRate(rate as ShippingRate));
    expect([e.code, e.field]).toEqual(['BAD_USER_INPUT', field]);
  });

  it('reports the first bad field in declaration order', () => {
    const e = domainError(() => validateShippingRate({ base: -1, perKg: -1, perKm: -1, volumeFactor: 0 }));
    expect(e.field).toBe('base');
    expect(e.message).toBe('base must be a whole number of rupiah ≥ 0, got -1');
  });
});

describe('shippingQuote', () => {
  const GUITAR: ParcelSize = { weightGrams: 3200, lengthCm: 110, widthCm: 45, heightCm: 15 }; // 74 250 cm³
  const AMP: ParcelSize = { weightGrams: 12_500, lengthCm: 40, widthCm: 30, heightCm: 25 }; // 30 000 cm³
  const STRINGS: ParcelSize = { weightGrams: 150, lengthCm: 15, widthCm: 15, heightCm: 2 }; // 450 cm³

  it.each<[string, ShipmentParcel[], number, ShippingQuote]>([
    [
      // 250 g → 1 kg; 10.000 + 4.000 + 50 × 115
      'one light parcel, Bandung → Jakarta Selatan',
      [{ weightGrams: 250, lengthCm: 20, widthCm: 15, heightCm: 10, quantity: 1 }],
      115,
      { chargeableKg: 1, distanceKm: 115, base: 10_000, weightCost: 4_000, distanceCost: 5_750, total: 19_750 },
    ],
    [
      // 2 × 400 g = 800 g → 1 kg (consolidated; per parcel it would be 2 kg)
      'two 400 g items ship as one 1 kg parcel',
      [{ weightGrams: 400, quantity: 2 }],
      115,
      { chargeableKg: 1, distanceKm: 115, base: 10_000, weightCost: 4_000, distanceCost: 5_750, total: 19_750 },
    ],
    [
      // one guitar case: 74 250 cm³ → 12.375 → 13 kg
      'a guitar case',
      [{ ...GUITAR, quantity: 1 }],
      115,
      { chargeableKg: 13, distanceKm: 115, base: 10_000, weightCost: 52_000, distanceCost: 5_750, total: 67_750 },
    ],
    [
      // 2 × 74 250 = 148 500 cm³ → 24.75 → 25 kg (per parcel: 2 × 13 = 26)
      'two guitar cases',
      [{ ...GUITAR, quantity: 2 }],
      115,
      { chargeableKg: 25, distanceKm: 115, base: 10_000, weightCost: 100_000, distanceCost: 5_750, total: 115_750 },
    ],
    [
      // 3 × 12 500 g = 37 500 g → 37.5 → 38 kg; 3 × 30 000 = 90 000 cm³ → 15 kg; same city
      'three amplifiers in the same city (actual weight wins)',
      [{ ...AMP, quantity: 3 }],
      0,
      { chargeableKg: 38, distanceKm: 0, base: 10_000, weightCost: 152_000, distanceCost: 0, total: 162_000 },
    ],
    [
      // grams 3 200 + 4 × 150 = 3 800; cm³ 74 250 + 4 × 450 = 76 050 → 12.675 → 13 kg
      'a guitar case and four string packs',
      [
        { ...GUITAR, quantity: 1 },
        { ...STRINGS, quantity: 4 },
      ],
      569,
      { chargeableKg: 13, distanceKm: 569, base: 10_000, weightCost: 52_000, distanceCost: 28_450, total: 90_450 },
    ],
    [
      // grams 5 000 + 3 200 = 8 200 → 9 kg; cm³ 0 + 74 250 → 13 kg: a parcel without size adds weight only
      'a parcel without dimensions next to a guitar case',
      [
        { weightGrams: 5000, quantity: 1 },
        { ...GUITAR, quantity: 1 },
      ],
      115,
      { chargeableKg: 13, distanceKm: 115, base: 10_000, weightCost: 52_000, distanceCost: 5_750, total: 67_750 },
    ],
    [
      // grams 3 × 12 500 + 2 × 3 200 = 43 900 → 44 kg; cm³ 90 000 + 148 500 = 238 500 → 39.75 → 40
      'amplifiers and guitar cases (weight wins over the summed volume)',
      [
        { ...AMP, quantity: 3 },
        { ...GUITAR, quantity: 2 },
      ],
      1421,
      { chargeableKg: 44, distanceKm: 1421, base: 10_000, weightCost: 176_000, distanceCost: 71_050, total: 257_050 },
    ],
    [
      // exactly 2.000 kg in total: 4 × 500 g → 2 kg; one more gram → 3 kg
      'exactly 2.000 kg over several parcels',
      [{ weightGrams: 500, quantity: 4 }],
      1,
      { chargeableKg: 2, distanceKm: 1, base: 10_000, weightCost: 8_000, distanceCost: 50, total: 18_050 },
    ],
    [
      '2.001 kg over several parcels',
      [
        { weightGrams: 500, quantity: 4 },
        { weightGrams: 1, quantity: 1 },
      ],
      1,
      { chargeableKg: 3, distanceKm: 1, base: 10_000, weightCost: 12_000, distanceCost: 50, total: 22_050 },
    ],
  ])('%s', (_name, parcels, distanceKm, quote) => {
    const q = shippingQuote({ parcels, distanceKm, rate: RATE });
    expect(q).toEqual(quote);
    expect(q.total).toBe(q.base + q.weightCost + q.distanceCost);
  });

  it('one parcel of quantity 1 is charged as chargeableKg says', () => {
    for (const p of [GUITAR, AMP, STRINGS, { weightGrams: 0 }, { weightGrams: 2001 }]) {
      expect(shippingQuote({ parcels: [{ ...p, quantity: 1 }], distanceKm: 0, rate: RATE }).chargeableKg).toBe(chargeableKg(p, 6000));
    }
  });

  it('a real quote end to end: Bandung store, Jakarta Selatan buyer, one guitar case', () => {
    const distanceKm = roundedDistanceKm(BANDUNG, JAKSEL);
    expect(shippingQuote({ parcels: [{ ...GUITAR, quantity: 1 }], distanceKm, rate: RATE }).total).toBe(10_000 + 13 * 4_000 + 115 * 50);
  });

  it('uses the rate’s volume factor', () => {
    const q = shippingQuote({ parcels: [{ ...GUITAR, quantity: 1 }], distanceKm: 10, rate: { ...RATE, volumeFactor: 5000 } });
    expect(q).toEqual({ chargeableKg: 15, distanceKm: 10, base: 10_000, weightCost: 60_000, distanceCost: 500, total: 70_500 });
  });

  it('a free rate costs nothing but still reports the weight', () => {
    const q = shippingQuote({ parcels: [{ ...GUITAR, quantity: 1 }], distanceKm: 115, rate: { base: 0, perKg: 0, perKm: 0, volumeFactor: 6000 } });
    expect(q).toEqual({ chargeableKg: 13, distanceKm: 115, base: 0, weightCost: 0, distanceCost: 0, total: 0 });
  });

  it('accepts a total of exactly MAX_SAFE_INTEGER', () => {
    const rate = { base: Number.MAX_SAFE_INTEGER - 1, perKg: 1, perKm: 0, volumeFactor: 6000 };
    expect(shippingQuote({ parcels: [{ weightGrams: 1, quantity: 1 }], distanceKm: 0, rate }).total).toBe(Number.MAX_SAFE_INTEGER);
  });

  it.each<[string, ShipmentParcel[], number, ShippingRate, string]>([
    ['no parcels', [], 10, RATE, 'parcels'],
    ['parcels not a list', 'guitar' as unknown as ShipmentParcel[], 10, RATE, 'parcels'],
    ['a missing parcel', [{ weightGrams: 1, quantity: 1 }, null as unknown as ShipmentParcel], 10, RATE, 'parcels.1'],
    ['quantity 0', [{ weightGrams: 1, quantity: 0 }], 10, RATE, 'parcels.0.quantity'],
    ['a fractional quantity', [{ weightGrams: 1, quantity: 1 }, { weightGrams: 1, quantity: 1.5 }], 10, RATE, 'parcels.1.quantity'],
    ['a missing quantity', [{ weightGrams: 1 } as ShipmentParcel], 10, RATE, 'parcels.0.quantity'],
    ['a negative weight', [{ weightGrams: 1, quantity: 1 }, { weightGrams: 1, quantity: 1 }, { weightGrams: -1, quantity: 1 }], 10, RATE, 'parcels.2.weightGrams'],
    ['a bad length', [{ weightGrams: 1, lengthCm: 1.5, widthCm: 1, heightCm: 1, quantity: 1 }], 10, RATE, 'parcels.0.lengthCm'],
    ['a bad height', [{ weightGrams: 1, lengthCm: 1, widthCm: 1, heightCm: -1, quantity: 1 }], 10, RATE, 'parcels.0.heightCm'],
    ['a negative distance', [{ weightGrams: 1, quantity: 1 }], -1, RATE, 'distanceKm'],
    ['a fractional distance (round it first)', [{ weightGrams: 1, quantity: 1 }], 114.32, RATE, 'distanceKm'],
    ['a bad rate', [{ weightGrams: 1, quantity: 1 }], 10, { ...RATE, perKm: -50 }, 'perKm'],
    ['no rate', [{ weightGrams: 1, quantity: 1 }], 10, undefined as unknown as ShippingRate, 'rate'],
    ['a total beyond safe integers', [{ weightGrams: Number.MAX_SAFE_INTEGER, quantity: 2 }], 0, RATE, 'parcels'],
    ['a weight beyond safe integers at a free rate', [{ weightGrams: 0, lengthCm: 10_000_000, widthCm: 10_000_000, heightCm: 10_000_000, quantity: 1 }], 0, { base: 0, perKg: 0, perKm: 0, volumeFactor: 1 }, 'parcels'],
    ['a sum beyond safe integers', [{ weightGrams: 1, quantity: 1 }], Number.MAX_SAFE_INTEGER, RATE, 'parcels'],
  ])('refuses %s', (_name, parcels, distanceKm, rate, field) => {
    const e = domainError(() => shippingQuote({ parcels, distanceKm, rate }));
    expect([e.code, e.field]).toEqual(['BAD_USER_INPUT', field]);
  });

  it('refuses a missing shipment', () => {
    const e = domainError(() => shippingQuote(null as unknown as Parameters<typeof shippingQuote>[0]));
    expect([e.code, e.field]).toEqual(['BAD_USER_INPUT', 'parcels']);
  });
});
