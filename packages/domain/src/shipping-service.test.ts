import { describe, expect, it } from 'vitest';
import { DomainError } from './errors.js';
import { SHIPPING_SERVICE_RULES, normalizeShippingServiceCode, validateShippingService, type ShippingServiceFields } from './shipping-service.js';

/** JNE Reguler as seeded. */
const JNE: ShippingServiceFields = { courier: 'JNE', name: 'JNE Reguler', eta: '2–3 hari', base: 9000, perKg: 7000, perKm: 15, volumeFactor: 6000, active: true };

function fieldOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(DomainError);
    expect((e as DomainError).code).toBe('BAD_USER_INPUT');
    return (e as DomainError).field;
  }
  throw new Error('expected a DomainError to be thrown');
}

describe('SHIPPING_SERVICE_RULES', () => {
  it('caps money at Rp 10.000.000 and the volume factor at 1,000,000 cm³/kg, frozen', () => {
    expect(SHIPPING_SERVICE_RULES).toEqual({
      maxMoney: 10_000_000, maxVolumeFactor: 1_000_000, code: { min: 3, max: 40 }, courier: { min: 2, max: 20 }, name: { min: 3, max: 80 }, etaMax: 40,
    });
    expect(Object.isFrozen(SHIPPING_SERVICE_RULES)).toBe(true);
    expect(Object.isFrozen(SHIPPING_SERVICE_RULES.code)).toBe(true);
  });
});

describe('normalizeShippingServiceCode', () => {
  it.each([
    [' jne-reg ', 'JNE-REG'],
    ['ABC', 'ABC'],
    ['lion-regpack', 'LION-REGPACK'],
    ['A1-B2-C3', 'A1-B2-C3'],
    ['X'.repeat(40), 'X'.repeat(40)],
  ])('%j → %j', (raw, code) => expect(normalizeShippingServiceCode(raw)).toBe(code));

  it.each(['', 'AB', 'X'.repeat(41), 'JNE REG', 'JNE--REG', '-JNE', 'JNE-', 'JNE_REG', 'JNÉ-REG', null as unknown as string])('refuses %j (field "code")', (raw) => {
    expect(fieldOf(() => normalizeShippingServiceCode(raw))).toBe('code');
  });
});

describe('validateShippingService', () => {
  it('accepts the seeded services and normalises text', () => {
    expect(validateShippingService(JNE)).toEqual(JNE);
    expect(validateShippingService({ ...JNE, courier: ' sicepat ', name: '  SiCepat \n  REG ', eta: '   ' })).toEqual({ ...JNE, courier: 'SICEPAT', name: 'SiCepat REG', eta: null });
    expect(validateShippingService({ ...JNE, eta: null }).eta).toBeNull();
  });

  it('accepts every boundary', () => {
    const edge = { ...JNE, courier: 'JT', name: 'abc', eta: 'e'.repeat(40), base: 0, perKg: 0, perKm: 0, volumeFactor: 1, active: false };
    expect(validateShippingService(edge)).toEqual(edge);
    const top = { ...JNE, courier: 'C'.repeat(20), name: 'n'.repeat(80), base: 10_000_000, perKg: 10_000_000, perKm: 10_000_000, volumeFactor: 1_000_000 };
    expect(validateShippingService(top)).toEqual(top);
  });

  it.each<[string, Partial<Record<keyof ShippingServiceFields, unknown>>]>([
    ['courier', { courier: 'J' }],
    ['courier', { courier: 'C'.repeat(21) }],
    ['courier', { courier: 'J&T' }],
    ['courier', { courier: 'J T' }],
    ['courier', { courier: null }],
    ['name', { name: ' ab ' }],
    ['name', { name: 'n'.repeat(81) }],
    ['name', { name: null }],
    ['eta', { eta: 'e'.repeat(41) }],
    ['eta', { eta: 5 }],
    ['base', { base: -1 }],
    ['base', { base: 1.5 }],
    ['base', { base: 10_000_001 }],
    ['base', { base: null }],
    ['perKg', { perKg: -1 }],
    ['perKg', { perKg: 10_000_001 }],
    ['perKm', { perKm: 0.5 }],
    ['perKm', { perKm: 10_000_001 }],
    ['volumeFactor', { volumeFactor: 0 }],
    ['volumeFactor', { volumeFactor: 6000.5 }],
    ['volumeFactor', { volumeFactor: 1_000_001 }],
    ['active', { active: null }],
    ['active', { active: 'true' }],
  ])('refuses a bad %s: %j', (field, bad) => {
    expect(fieldOf(() => validateShippingService({ ...JNE, ...bad } as ShippingServiceFields))).toBe(field);
  });

  it('reports the first offending field in order: courier, name, eta, rate, active', () => {
    expect(fieldOf(() => validateShippingService({ ...JNE, courier: '', name: '', base: -1 }))).toBe('courier');
    expect(fieldOf(() => validateShippingService({ ...JNE, name: '', eta: 'e'.repeat(41) }))).toBe('name');
    expect(fieldOf(() => validateShippingService({ ...JNE, eta: 'e'.repeat(41), base: -1 }))).toBe('eta');
    expect(fieldOf(() => validateShippingService({ ...JNE, perKm: 10_000_001, volumeFactor: 0 }))).toBe('volumeFactor');
    expect(fieldOf(() => validateShippingService({ ...JNE, volumeFactor: 0, active: null as never }))).toBe('volumeFactor');
  });
});
