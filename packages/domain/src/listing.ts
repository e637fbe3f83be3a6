import { valuationProblems, type Valuation } from './points.js';

/** Kind of listing (GraphQL `ListingKind`). */
export type ListingKind = 'SALE' | 'BARTER' | 'SERVICE';

/** All listing kinds. */
export const LISTING_KINDS: readonly ListingKind[] = Object.freeze(['SALE', 'BARTER', 'SERVICE']);

/**
 * Inclusive bounds of listing fields, shared by API and web.
 * title/description: length in Unicode characters (code points) after trimming;
 * photos: count; price/hourlyRate: whole rupiah; stock: units.
 */
export const LISTING_RULES = Object.freeze({
  title: Object.freeze({ min: 5, max: 120 }),
  description: Object.freeze({ min: 10, max: 5000 }),
  photos: Object.freeze({ min: 1, max: 5 }),
  price: Object.freeze({ min: 1000, max: 10_000_000_000 }),
  stock: Object.freeze({ min: 0, max: 100000 }),
  hourlyRate: Object.freeze({ min: 10000, max: 100_000_000 }),
});

/** SALE details: `price` whole rupiah, `stock` units, optional parcel weight (grams) and dimensions (cm). */
export interface SaleDetails {
  price: number;
  stock: number;
  weightGrams?: number | null;
  lengthCm?: number | null;
  widthCm?: number | null;
  heightCm?: number | null;
}

/** SERVICE details: `hourlyRate` whole rupiah per hour. */
export interface ServiceDetails {
  hourlyRate: number;
}

/**
 * Fields of a listing to validate. Exactly the block of the listing's kind must be
 * present (`sale` for SALE, `barter` valuation for BARTER, `service` for SERVICE);
 * null counts as absent.
 */
export interface ListingInputFields {
  title: string;
  description: string;
  photoCount: number;
  sale?: SaleDetails | null;
  barter?: Valuation | null;
  service?: ServiceDetails | null;
}

/** One validation problem: dotted field path (e.g. "sale.price") and an English message. */
export interface ListingProblem {
  field: string;
  message: string;
}

const BLOCK_OF_KIND: Record<ListingKind, 'sale' | 'barter' | 'service'> = {
  SALE: 'sale',
  BARTER: 'barter',
  SERVICE: 'service',
};

function intProblem(
  field: string,
  value: unknown,
  range: { min: number; max: number },
  unit = '',
): ListingProblem | null {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < range.min || value > range.max) {
    return {
      field,
      message: `${field} must be an integer from ${range.min} to ${range.max}${unit}, got ${String(value)}`,
    };
  }
  return null;
}

function textProblem(field: string, value: unknown, range: { min: number; max: number }): ListingProblem | null {
  if (typeof value !== 'string') return { field, message: `${field} is required` };
  const length = [...value.trim()].length;
  if (length < range.min || length > range.max) {
    return { field, message: `${field} must be ${range.min} to ${range.max} characters long, got ${length}` };
  }
  return null;
}

/**
 * Validates a listing's fields for its kind against {@link LISTING_RULES}. Returns every
 * problem found (empty array when valid); never throws. Rules: title 5..120 and
 * description 10..5000 characters (trimmed); photoCount integer 1..5; SALE needs `sale`
 * with price integer 1,000..10,000,000,000 rupiah, stock integer 0..100,000, and optional
 * weightGrams/lengthCm/widthCm/heightCm positive integers; BARTER needs `barter` with each
 * factor an integer 1..5 (PRODUCT.md §3); SERVICE needs `service` with hourlyRate integer
 * 10,000..100,000,000 rupiah. The blocks of the other kinds must be absent.
 */
export function validateListingInput(kind: ListingKind, fields: ListingInputFields): ListingProblem[] {
  const problems: ListingProblem[] = [];
  const push = (p: ListingProblem | null) => {
    if (p) problems.push(p);
  };
  if (!LISTING_KINDS.includes(kind)) {
    return [{ field: 'kind', message: `kind must be one of ${LISTING_KINDS.join(', ')}, got ${String(kind)}` }];
  }
  if (typeof fields !== 'object' || fields === null) {
    return [{ field: 'input', message: 'listing fields are required' }];
  }

  push(textProblem('title', fields.title, LISTING_RULES.title));
  push(textProblem('description', fields.description, LISTING_RULES.description));
  const photos = intProblem('photoCount', fields.photoCount, LISTING_RULES.photos);
  push(photos);

  for (const k of LISTING_KINDS) {
    const block = BLOCK_OF_KIND[k];
    const present = fields[block] !== undefined && fields[block] !== null;
    if (k === kind && !present) {
      problems.push({ field: block, message: `${block} details are required for a ${kind} listing` });
    } else if (k !== kind && present) {
      problems.push({ field: block, message: `${block} details must not be given for a ${kind} listing` });
    }
  }

  if (kind === 'SALE' && fields.sale) {
    const s = fields.sale;
    push(intProblem('sale.price', s.price, LISTING_RULES.price, ' rupiah'));
    push(intProblem('sale.stock', s.stock, LISTING_RULES.stock));
    for (const f of ['weightGrams', 'lengthCm', 'widthCm', 'heightCm'] as const) {
      const v = s[f];
      if (v === undefined || v === null) continue;
      if (typeof v !== 'number' || !Number.isSafeInteger(v) || v < 1) {
        problems.push({ field: `sale.${f}`, message: `sale.${f} must be a positive integer when given, got ${String(v)}` });
      }
    }
  }
  if (kind === 'BARTER' && fields.barter) {
    problems.push(...valuationProblems(fields.barter, 'barter.'));
  }
  if (kind === 'SERVICE' && fields.service) {
    push(intProblem('service.hourlyRate', fields.service.hourlyRate, LISTING_RULES.hourlyRate, ' rupiah'));
  }
  return problems;
}
