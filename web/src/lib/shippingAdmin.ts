import {
  DomainError,
  SHIPPING_SERVICE_RULES,
  SHIPPING_RULES,
  normalizeShippingServiceCode,
  shippingQuote,
  validateShippingService,
  type ShippingServiceFields,
} from '@pasar/domain';

/** The admin shipping-service form; money fields are null while empty. */
export interface ShippingServiceForm {
  code: string;
  courier: string;
  name: string;
  eta: string;
  base: number | null;
  perKg: number | null;
  perKm: number | null;
  volumeFactor: number | null;
  active: boolean;
}

export type ShippingServiceField = 'code' | 'courier' | 'name' | 'eta' | 'base' | 'perKg' | 'perKm' | 'volumeFactor';
export const SHIPPING_SERVICE_FIELDS: readonly ShippingServiceField[] = ['code', 'courier', 'name', 'eta', 'base', 'perKg', 'perKm', 'volumeFactor'];

/** A valid service: the backdrop against which each field is checked on its own. */
const VALID: ShippingServiceFields = { courier: 'JNE', name: 'JNE Reguler', eta: null, base: 0, perKg: 0, perKm: 0, volumeFactor: SHIPPING_RULES.volumeFactor, active: true };

/** An empty create form (volume factor 6000 cm³/kg, active). */
export function emptyShippingServiceForm(): ShippingServiceForm {
  return { code: '', courier: '', name: '', eta: '', base: null, perKg: null, perKm: null, volumeFactor: SHIPPING_RULES.volumeFactor, active: true };
}

/** The form of an existing service. */
export function shippingServiceForm(s: Omit<ShippingServiceFields, 'eta'> & { code: string; eta?: string | null }): ShippingServiceForm {
  return { code: s.code, courier: s.courier, name: s.name, eta: s.eta ?? '', base: s.base, perKg: s.perKg, perKm: s.perKm, volumeFactor: s.volumeFactor, active: s.active };
}

/**
 * Every invalid field of the form at once (the domain's rules, each field checked on its own
 * against a valid backdrop), so the page can mark them all; `checkCode` false for an edit
 * (the code cannot change). Empty money fields count as invalid.
 */
export function shippingServiceFormErrors(form: ShippingServiceForm, checkCode = true): ShippingServiceField[] {
  const bad: ShippingServiceField[] = [];
  if (checkCode) {
    try {
      normalizeShippingServiceCode(form.code);
    } catch {
      bad.push('code');
    }
  }
  for (const field of SHIPPING_SERVICE_FIELDS) {
    if (field === 'code') continue;
    const value = field === 'eta' ? form.eta || null : form[field];
    try {
      validateShippingService({ ...VALID, [field]: value } as ShippingServiceFields);
    } catch (e) {
      if (!(e instanceof DomainError)) throw e;
      bad.push(field);
    }
  }
  return bad;
}

/** The sample parcels of the rate preview: [kg, km]. */
export const SHIPPING_PREVIEW_SAMPLES: readonly (readonly [number, number])[] = [[1, 100], [5, 500]];

/**
 * What the rate would charge for each sample parcel (a whole-kg parcel with no dimensions over
 * the km), by the domain's `shippingQuote`; null while the rate is incomplete or invalid.
 */
export function shippingRatePreview(form: Pick<ShippingServiceForm, 'base' | 'perKg' | 'perKm' | 'volumeFactor'>): { kg: number; km: number; total: number }[] | null {
  const { base, perKg, perKm, volumeFactor } = form;
  if (base === null || perKg === null || perKm === null || volumeFactor === null) return null;
  try {
    validateShippingService({ ...VALID, base, perKg, perKm, volumeFactor });
    return SHIPPING_PREVIEW_SAMPLES.map(([kg, km]) => ({
      kg,
      km,
      total: shippingQuote({ parcels: [{ weightGrams: kg * 1000, quantity: 1 }], distanceKm: km, rate: { base, perKg, perKm, volumeFactor } }).total,
    }));
  } catch {
    return null;
  }
}

export { SHIPPING_SERVICE_RULES };
