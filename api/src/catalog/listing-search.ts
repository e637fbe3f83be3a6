import { raw, type EntityManager, type QueryBuilder } from '@mikro-orm/postgresql';
import { badInput } from '../core/graphql/errors.js';
import { Listing } from './listing.entity.js';
import { ListingSort, type ListingStatus } from './listing.enums.js';
import type { ListingEdge, ListingFilter, PageInfo } from './listing.types.js';

/** A page of search results; `countTotal` runs its own COUNT only when called. */
export interface ListingPage {
  edges: ListingEdge[];
  pageInfo: PageInfo;
  countTotal: () => Promise<number>;
}

export interface SearchParams {
  filter?: ListingFilter | null;
  sort?: ListingSort;
  first: number;
  after?: string | null;
  statuses: ListingStatus[];
}

const MAX_PAGE = 100;
const BIG = '9223372036854775807';

/**
 * Turns free text into a prefix tsquery for the `indonesian` configuration:
 * "sepeda lipat" → "sepeda:* & lipat:*". Only letters and digits pass; at most 8 words.
 * Returns null when nothing searchable remains.
 */
export function toPrefixTsQuery(text: string): string | null {
  const words = text.toLowerCase().normalize('NFKC').match(/[\p{L}\p{N}]+/gu) ?? [];
  const kept = words.filter((w) => w.length <= 40).slice(0, 8);
  return kept.length ? kept.map((w) => `${w}:*`).join(' & ') : null;
}

/** One sort: its SQL key expression and direction. */
interface SortPlan {
  key: string;
  dir: 'asc' | 'desc';
  params: unknown[];
}

function plan(sort: ListingSort, tsq: string | null): SortPlan {
  switch (sort) {
    case ListingSort.RELEVANCE:
      if (tsq) return { key: `ts_rank_cd(l.search, to_tsquery('indonesian', ?))`, dir: 'desc', params: [tsq] };
      return plan(ListingSort.NEWEST, tsq);
    case ListingSort.PRICE_ASC:
      return { key: `coalesce(l.price, l.hourly_rate, ${BIG})`, dir: 'asc', params: [] };
    case ListingSort.PRICE_DESC:
      return { key: `coalesce(l.price, l.hourly_rate, -1)`, dir: 'desc', params: [] };
    case ListingSort.POINTS_ASC:
      return { key: `coalesce(l.points, 2147483647)`, dir: 'asc', params: [] };
    case ListingSort.POINTS_DESC:
      return { key: `coalesce(l.points, -1)`, dir: 'desc', params: [] };
    case ListingSort.NEWEST:
    default:
      return { key: `l.created_at`, dir: 'desc', params: [] };
  }
}

/** The keyset value of `l` under `sort`: the same value the SQL key expression computes. */
function sortKeyOf(l: Listing, sort: ListingSort): string | number {
  switch (sort) {
    case ListingSort.PRICE_ASC: return l.price ?? l.hourlyRate ?? BIG;
    case ListingSort.PRICE_DESC: return l.price ?? l.hourlyRate ?? -1;
    case ListingSort.POINTS_ASC: return l.points ?? 2147483647;
    case ListingSort.POINTS_DESC: return l.points ?? -1;
    default: return l.createdAt.toISOString();
  }
}

interface Cursor {
  s: ListingSort;
  k: string | number;
  id: string;
}

const encodeCursor = (c: Cursor) => Buffer.from(JSON.stringify([c.s, c.k, c.id])).toString('base64url');

function decodeCursor(after: string, sort: ListingSort): Cursor {
  try {
    const [s, k, id] = JSON.parse(Buffer.from(after, 'base64url').toString('utf8')) as [ListingSort, string | number, string];
    if (s !== sort || (typeof k !== 'string' && typeof k !== 'number') || typeof id !== 'string' || !/^[0-9a-f-]{36}$/.test(id)) throw new Error();
    return { s, k, id };
  } catch {
    throw badInput('The cursor is invalid or belongs to another sort.', 'after');
  }
}

function applyFilter(qb: QueryBuilder<Listing>, filter: ListingFilter, statuses: ListingStatus[], tsq: string | null): void {
  qb.where({ status: { $in: statuses } });
  if (filter.kind) qb.andWhere({ kind: filter.kind });
  if (filter.categoryId) qb.andWhere({ category: filter.categoryId });
  if (filter.condition) qb.andWhere({ condition: filter.condition });
  if (filter.cityCode) qb.andWhere({ city: filter.cityCode });
  if (filter.sellerId) qb.andWhere({ seller: filter.sellerId });
  if (filter.minPrice != null) qb.andWhere('coalesce(l.price, l.hourly_rate) >= ?', [filter.minPrice]);
  if (filter.maxPrice != null) qb.andWhere('coalesce(l.price, l.hourly_rate) <= ?', [filter.maxPrice]);
  if (filter.minPoints != null) qb.andWhere({ points: { $gte: filter.minPoints } });
  if (filter.maxPoints != null) qb.andWhere({ points: { $lte: filter.maxPoints } });
  if (tsq) qb.andWhere(`l.search @@ to_tsquery('indonesian', ?)`, [tsq]);
}

/**
 * Keyset-paginated listing search (PRODUCT §2). One SQL statement returns the page with its
 * seller, category and cover photo joined; the total is a second statement, only on demand.
 */
export async function searchListings(em: EntityManager, p: SearchParams): Promise<ListingPage> {
  if (!Number.isInteger(p.first) || p.first < 1 || p.first > MAX_PAGE) throw badInput(`first must be 1–${MAX_PAGE}.`, 'first');
  const filter = p.filter ?? {};
  const tsq = filter.query ? toPrefixTsQuery(filter.query) : null;
  const sort = p.sort === ListingSort.RELEVANCE && !tsq ? ListingSort.NEWEST : p.sort ?? ListingSort.NEWEST;
  const order = plan(sort, tsq);

  const qb = em.createQueryBuilder(Listing, 'l')
    .select('*')
    .joinAndSelect('l.seller', 's')
    .joinAndSelect('l.category', 'c')
    .leftJoinAndSelect('l.cover', 'p');
  applyFilter(qb, filter, p.statuses, tsq);
  // RELEVANCE pages by offset (ranks are floats and shift as listings change); the other
  // sorts by keyset on (key, id), which stays stable and uses the indexes.
  const cursor = p.after ? decodeCursor(p.after, sort) : undefined;
  const offset = sort === ListingSort.RELEVANCE ? Number(cursor?.k ?? 0) : 0;
  if (cursor && sort !== ListingSort.RELEVANCE) {
    const cmp = order.dir === 'desc' ? '<' : '>';
    const keyParam = sort === ListingSort.NEWEST ? '?::timestamptz' : '?';
    qb.andWhere(`(${order.key}, l.id) ${cmp} (${keyParam}, ?)`, [...order.params, cursor.k, cursor.id]);
  }
  qb.orderBy([{ [raw(order.key, order.params)]: order.dir }, { id: order.dir }]).limit(p.first + 1).offset(offset);

  const found = await qb.getResultList();
  const page = found.slice(0, p.first);
  const edges = page.map((node, i) => ({
    node,
    cursor: encodeCursor({ s: sort, k: sort === ListingSort.RELEVANCE ? offset + i + 1 : sortKeyOf(node, sort), id: node.id }),
  }));

  let total: Promise<number> | undefined;
  return {
    edges,
    pageInfo: { hasNextPage: found.length > p.first, endCursor: edges.at(-1)?.cursor ?? null },
    countTotal: () => {
      total ??= (() => {
        const count = em.createQueryBuilder(Listing, 'l');
        applyFilter(count, filter, p.statuses, tsq);
        return count.getCount();
      })();
      return total;
    },
  };
}
