import type { LocationQuery, LocationQueryRaw } from 'vue-router';
import type { ItemCondition, ListingFilter, ListingKind, ListingSort } from '@/gql/graphql';

export const LISTING_KINDS: readonly ListingKind[] = ['SALE', 'BARTER', 'SERVICE'];
export const ITEM_CONDITIONS: readonly ItemCondition[] = ['NEW', 'LIKE_NEW', 'GOOD', 'FAIR', 'POOR'];
export const LISTING_SORTS: readonly ListingSort[] = ['RELEVANCE', 'NEWEST', 'PRICE_ASC', 'PRICE_DESC', 'POINTS_ASC', 'POINTS_DESC'];

/** What the filter form edits: text for number inputs, '' for "any". */
export interface FilterDraft {
  kind: ListingKind | '';
  categoryId: string;
  condition: ItemCondition | '';
  city: { code: string; name: string } | null;
  minPrice: string | number;
  maxPrice: string | number;
  minPoints: string | number;
  maxPoints: string | number;
}

export type RangeProblem = 'rangeInvalid' | 'notNegative';

const asText = (v: number | null | undefined) => (v === null || v === undefined ? '' : String(v));

export function draftFromFilter(f: ListingFilter, cityName?: string | null): FilterDraft {
  return {
    kind: f.kind ?? '',
    categoryId: f.categoryId != null ? String(f.categoryId) : '',
    condition: f.condition ?? '',
    city: f.cityCode ? { code: String(f.cityCode), name: cityName || String(f.cityCode) } : null,
    minPrice: asText(f.minPrice),
    maxPrice: asText(f.maxPrice),
    minPoints: asText(f.minPoints),
    maxPoints: asText(f.maxPoints),
  };
}

function parseAmount(v: string | number): number | null | 'invalid' {
  const s = String(v).trim().replace(/\./g, '');
  if (!s) return null;
  const n = Number(s);
  if (!Number.isSafeInteger(n) || n < 0) return 'invalid';
  return n;
}

function range(min: string | number, max: string | number): { min: number | null; max: number | null; problem: RangeProblem | null } {
  const a = parseAmount(min);
  const b = parseAmount(max);
  if (a === 'invalid' || b === 'invalid') return { min: null, max: null, problem: 'notNegative' };
  if (a !== null && b !== null && a > b) return { min: a, max: b, problem: 'rangeInvalid' };
  return { min: a, max: b, problem: null };
}

/**
 * The ListingFilter for a draft: only the keys that are set; the price range only for
 * SALE/SERVICE or any kind, the points range only for BARTER or any kind.
 */
export function filterFromDraft(d: FilterDraft): { filter: ListingFilter; problems: { price?: RangeProblem; points?: RangeProblem } } {
  const filter: ListingFilter = {};
  const problems: { price?: RangeProblem; points?: RangeProblem } = {};
  if (d.kind) filter.kind = d.kind;
  if (d.categoryId) filter.categoryId = d.categoryId;
  if (d.condition) filter.condition = d.condition;
  if (d.city) filter.cityCode = d.city.code;
  if (d.kind !== 'BARTER') {
    const r = range(d.minPrice, d.maxPrice);
    if (r.problem) problems.price = r.problem;
    if (r.min !== null) filter.minPrice = r.min;
    if (r.max !== null) filter.maxPrice = r.max;
  }
  if (d.kind === '' || d.kind === 'BARTER') {
    const r = range(d.minPoints, d.maxPoints);
    if (r.problem) problems.points = r.problem;
    if (r.min !== null) filter.minPoints = r.min;
    if (r.max !== null) filter.maxPoints = r.max;
  }
  return { filter, problems };
}

/** Number of active filters (the text query excluded). */
export function countActiveFilters(f: ListingFilter): number {
  let n = 0;
  if (f.kind) n++;
  if (f.categoryId) n++;
  if (f.condition) n++;
  if (f.cityCode) n++;
  if (f.minPrice != null || f.maxPrice != null) n++;
  if (f.minPoints != null || f.maxPoints != null) n++;
  return n;
}

const one = (v: LocationQuery[string]) => (Array.isArray(v) ? v[0] : v) ?? undefined;
const oneOf = <T extends string>(v: LocationQuery[string], list: readonly T[]) => {
  const s = one(v);
  return s && (list as readonly string[]).includes(s) ? (s as T) : undefined;
};
const int = (v: LocationQuery[string]) => {
  const s = one(v);
  if (s === undefined || s === null || s === '') return undefined;
  const n = Number(s);
  return Number.isSafeInteger(n) && n >= 0 ? n : undefined;
};

export interface SearchState {
  filter: ListingFilter;
  sort: ListingSort;
  cityName: string | null;
}

/** Reads the home page's search from the URL (?q=&kind=&category=&condition=&city=&cityName=&minPrice=…&sort=). */
export function searchFromQuery(q: LocationQuery): SearchState {
  const filter: ListingFilter = {};
  const text = one(q.q)?.trim();
  if (text) filter.query = text;
  const kind = oneOf(q.kind, LISTING_KINDS);
  if (kind) filter.kind = kind;
  const category = one(q.category);
  if (category) filter.categoryId = category;
  const condition = oneOf(q.condition, ITEM_CONDITIONS);
  if (condition) filter.condition = condition;
  const city = one(q.city);
  if (city) filter.cityCode = city;
  for (const key of ['minPrice', 'maxPrice', 'minPoints', 'maxPoints'] as const) {
    const n = int(q[key]);
    if (n !== undefined) filter[key] = n;
  }
  const sort = oneOf(q.sort, LISTING_SORTS) ?? (filter.query ? 'RELEVANCE' : 'NEWEST');
  return { filter, sort, cityName: (filter.cityCode && one(q.cityName)) || null };
}

/** The URL query for a search; defaults are left out so URLs stay short. */
export function queryFromSearch(s: SearchState): LocationQueryRaw {
  const f = s.filter;
  const q: LocationQueryRaw = {};
  if (f.query) q.q = f.query;
  if (f.kind) q.kind = f.kind;
  if (f.categoryId) q.category = f.categoryId;
  if (f.condition) q.condition = f.condition;
  if (f.cityCode) {
    q.city = f.cityCode;
    if (s.cityName) q.cityName = s.cityName;
  }
  for (const key of ['minPrice', 'maxPrice', 'minPoints', 'maxPoints'] as const) {
    if (f[key] != null) q[key] = String(f[key]);
  }
  const defaultSort = f.query ? 'RELEVANCE' : 'NEWEST';
  if (s.sort !== defaultSort) q.sort = s.sort;
  return q;
}
