/**
 * The hand-written SQL baseline for `listings(first:)`: what an endpoint without GraphQL or
 * an ORM would do. Two statements per page, run one after the other on the pool:
 *   1. the page: ACTIVE listings joined to seller (users), category, city and cover photo,
 *      newest first (created_at desc, id desc, served by listings_status_created_at_index),
 *      limit first + 1 (the extra row answers hasNextPage);
 *   2. the total: count(*) over the same filter.
 * (A single statement with `count(*) over ()` would have to join and sort every match
 * before the limit, which is slower than two statements, so the baseline does not use it.)
 * Rows are mapped to the same shape the GraphQL query returns (cursors, price only for SALE,
 * thumbnail URL), but not serialised to JSON or sent over HTTP.
 */

const PAGE_SQL = (where) => `
  select l.id, l.title, l.kind, l.price, l.points, l.created_at,
         s.id as seller_id, s.display_name as seller_name,
         c.id as category_id, c.name as category_name,
         ci.name as city_name,
         p.storage_key as cover_key
  from listings l
  join users s on s.id = l.seller_id
  join categories c on c.id = l.category_id
  join cities ci on ci.code = l.city_code
  left join photos p on p.id = l.cover_id
  where l.status = 'ACTIVE'${where}
  order by l.created_at desc, l.id desc
  limit $1`;

const COUNT_SQL = (where) => `select count(*)::int as total from listings l where l.status = 'ACTIVE'${where}`;

/** Same prefix tsquery the API builds ("sepeda lipat" → "sepeda:* & lipat:*"). */
export function prefixTsQuery(text) {
  const words = text.toLowerCase().normalize('NFKC').match(/[\p{L}\p{N}]+/gu) ?? [];
  const kept = words.filter((w) => w.length <= 40).slice(0, 8);
  return kept.length ? kept.map((w) => `${w}:*`).join(' & ') : null;
}

/** Same cursor encoding as the API's NEWEST sort. */
const cursorOf = (createdAt, id) => Buffer.from(JSON.stringify(['NEWEST', createdAt.toISOString(), id])).toString('base64url');

/**
 * Returns `fetchPage()` for page size `first` and optional full-text `query`; each call
 * runs the two statements and resolves to { totalCount, edges, pageInfo }.
 * `statements` is how many SQL statements one call runs.
 */
export function sqlListings(pool, { first, query = null }) {
  const tsq = query ? prefixTsQuery(query) : null;
  const where = tsq ? ` and l.search @@ to_tsquery('indonesian', $2)` : '';
  const countWhere = tsq ? ` and l.search @@ to_tsquery('indonesian', $1)` : '';
  // Unnamed (parsed and planned per call) like the ORM's statements and most hand-written code.
  const page = { text: PAGE_SQL(where), values: tsq ? [first + 1, tsq] : [first + 1] };
  const count = { text: COUNT_SQL(countWhere), values: tsq ? [tsq] : [] };

  async function fetchPage() {
    const { rows } = await pool.query(page);
    const { rows: [{ total }] } = await pool.query(count);
    const edges = rows.slice(0, first).map((r) => ({
      cursor: cursorOf(r.created_at, r.id),
      node: {
        id: r.id,
        title: r.title,
        kind: r.kind,
        price: r.kind === 'SALE' && r.price != null ? Number(r.price) : null,
        points: r.points,
        createdAt: r.created_at.toISOString(),
        seller: { id: r.seller_id, displayName: r.seller_name },
        category: { id: r.category_id, name: r.category_name },
        city: { name: r.city_name },
        thumbnail: r.cover_key ? { thumbnailUrl: `/media/${r.cover_key}-thumb.webp` } : null,
      },
    }));
    return {
      totalCount: total,
      edges,
      pageInfo: { hasNextPage: rows.length > first, endCursor: edges.at(-1)?.cursor ?? null },
    };
  }
  return { fetchPage, statements: 2, sql: { page: page.text.trim().replace(/\s+/g, ' '), count: count.text } };
}
