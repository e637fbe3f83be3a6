/**
 * Bulk data for the listings benchmark, inserted with plain SQL through `pg` (no ORM):
 * ~200 members and N ACTIVE listings (SALE, BARTER, SERVICE, in the demo data's 45/40/15
 * mix), each with one cover photo. Titles, descriptions, categories and prices come from the
 * API's deterministic demo catalogue (240 realistic Indonesian listings), cycled with small
 * variations; sellers, cities and creation times are spread by a seeded PRNG, so every run
 * builds the same data set.
 *
 * Rows go in as arrays through `unnest(...)`: one statement per chunk inserts the listings
 * and their photos together (data-modifying CTEs; the circular foreign keys
 * listings.cover_id → photos and photos.listing_id → listings are checked at the end of the
 * statement, when both rows exist).
 */
import { randomUUID } from 'node:crypto';
import { buildDemoData } from '@pasar/api/core/db/demo/demo-data.js';

/** mulberry32: a tiny deterministic PRNG. */
function prng(seed) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (lo, hi) => lo + Math.floor(next() * (hi - lo + 1)),
    pick: (arr) => arr[Math.floor(next() * arr.length)],
    chance: (p) => next() < p,
  };
}

const FIRST = [
  'Agus', 'Budi', 'Citra', 'Dewi', 'Eko', 'Fajar', 'Gita', 'Hendra', 'Indah', 'Joko', 'Kartika', 'Lestari', 'Made',
  'Nur', 'Oki', 'Putri', 'Rizky', 'Sari', 'Teguh', 'Utami', 'Wahyu', 'Yanti', 'Zainal', 'Ayu', 'Bayu', 'Dimas',
  'Fitri', 'Galih', 'Hana', 'Irfan', 'Kadek', 'Lina', 'Mega', 'Nanda', 'Rani', 'Slamet', 'Tari', 'Wulan', 'Yoga',
];
const LAST = [
  'Santoso', 'Wijaya', 'Saputra', 'Pratama', 'Hidayat', 'Kusuma', 'Nugroho', 'Siregar', 'Harahap', 'Simanjuntak',
  'Setiawan', 'Gunawan', 'Halim', 'Permana', 'Lubis', 'Nasution', 'Wibowo', 'Susanto', 'Rahayu', 'Putra', 'Ginting',
  'Tanjung', 'Sembiring', 'Purnomo', 'Suryadi', 'Maharani', 'Anggraini', 'Sitompul', 'Hutapea', 'Yulianto',
];
/** Appended to repeated demo titles so the catalogue does not read as 50 identical copies. */
const TITLE_SUFFIX = ['', '', '', ' - nego', ' murah', ' mulus', ' bisa COD', ' second', ' jarang pakai', ' siap kirim',
  ' lengkap', ' (BU)', ' kondisi oke', ' harga miring'];
const COND_MULT = { NEW: 1, LIKE_NEW: 0.9, GOOD: 0.8, FAIR: 0.65, POOR: 0.5 };
const DAY_MS = 86_400_000;

/**
 * Inserts `users` members and `listings` ACTIVE listings with a cover photo each, then
 * VACUUM ANALYZE. Returns the counts actually in the database.
 */
export async function seedListings(pool, { users = 200, listings = 12_000, seed = 20261121, chunk = 3000 } = {}) {
  const rng = prng(seed);
  const demo = buildDemoData();
  const cats = new Map((await pool.query('select id, slug, base_points from categories')).rows.map((r) => [r.slug, r]));
  const cityCodes = (await pool.query('select code from cities order by code')).rows.map((r) => r.code);
  if (!cats.size || !cityCodes.length) throw new Error('reference data (categories, cities) is missing: did startServer run?');
  const now = Date.now();

  // Members.
  const u = { id: [], email: [], name: [], city: [], created: [] };
  for (let i = 0; i < users; i++) {
    const first = rng.pick(FIRST);
    const last = rng.pick(LAST);
    u.id.push(randomUUID());
    u.email.push(`${first}.${last}.${String(i).padStart(3, '0')}@bench.pasar.test`.toLowerCase());
    u.name.push(`${first} ${last}`);
    u.city.push(rng.pick(cityCodes));
    u.created.push(new Date(now - rng.int(90, 400) * DAY_MS).toISOString());
  }
  await pool.query(
    `insert into users (id, email, password_hash, display_name, role, status, city_code,
       terms_accepted_at, terms_version, created_at, updated_at)
     select id, email, 'bench-not-a-real-hash', name, 'MEMBER', 'ACTIVE', city, now(), 'bench', created, now()
     from unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::timestamptz[]) as t(id, email, name, city, created)`,
    [u.id, u.email, u.name, u.city, u.created],
  );

  // Listings and their cover photos, in chunks.
  for (let start = 0; start < listings; start += chunk) {
    const n = Math.min(chunk, listings - start);
    const L = {
      id: [], seller: [], kind: [], title: [], description: [], category: [], condition: [], city: [], cover: [],
      price: [], stock: [], weight: [], length: [], width: [], height: [], brand: [], model: [], rate: [],
      utility: [], scarcity: [], durability: [], portability: [], points: [], created: [],
    };
    const P = { id: [], owner: [], listing: [], key: [], w: [], h: [], bytes: [] };
    for (let j = 0; j < n; j++) {
      const i = start + j;
      const t = demo.listings[i % demo.listings.length];
      const cycle = Math.floor(i / demo.listings.length);
      const cat = cats.get(t.categorySlug);
      if (!cat) throw new Error(`unknown category ${t.categorySlug}`);
      const sellerIx = rng.int(0, users - 1);
      const id = randomUUID();
      const photoId = randomUUID();
      // Whole milliseconds (JS Dates have no finer resolution; the SQL truncates anyway).
      const created = new Date(now - Math.floor(rng.next() * 90 * DAY_MS));
      const vary = (x, step) => Math.max(step, Math.round((x * (0.8 + 0.4 * rng.next())) / step) * step);

      L.id.push(id);
      L.seller.push(u.id[sellerIx]);
      L.kind.push(t.kind);
      L.title.push(cycle === 0 ? t.title : t.title + rng.pick(TITLE_SUFFIX));
      L.description.push(t.description);
      L.category.push(cat.id);
      L.condition.push(t.condition);
      L.city.push(rng.chance(0.5) ? t.cityCode : rng.chance(0.7) ? u.city[sellerIx] : rng.pick(cityCodes));
      L.cover.push(photoId);
      L.created.push(created.toISOString());
      const s = t.kind === 'SALE' ? t.sale : null;
      L.price.push(s ? vary(s.price, 1000) : null);
      L.stock.push(s ? rng.int(1, 20) : null);
      L.weight.push(s?.weightGrams ?? null);
      L.length.push(s?.lengthCm ?? null);
      L.width.push(s?.widthCm ?? null);
      L.height.push(s?.heightCm ?? null);
      L.brand.push(s?.brand || null);
      L.model.push(s?.model || null);
      L.rate.push(t.kind === 'SERVICE' ? vary(t.service.hourlyRate, 5000) : null);
      const b = t.kind === 'BARTER' ? t.barter : null;
      L.utility.push(b?.utility ?? null);
      L.scarcity.push(b?.scarcity ?? null);
      L.durability.push(b?.durability ?? null);
      L.portability.push(b?.portability ?? null);
      L.points.push(b
        ? Math.max(1, Math.round((cat.base_points * (b.utility + b.scarcity + b.durability + b.portability)) / 4 / 3 * COND_MULT[t.condition]))
        : null);

      P.id.push(photoId);
      P.owner.push(u.id[sellerIx]);
      P.listing.push(id);
      P.key.push(`bench/${created.toISOString().slice(0, 7).replace('-', '/')}/${photoId}`);
      const landscape = rng.chance(0.7);
      P.w.push(landscape ? 1600 : 1200);
      P.h.push(landscape ? 1200 : 1600);
      P.bytes.push(rng.int(90_000, 420_000));
    }
    await pool.query(
      `with l as (
         insert into listings (id, seller_id, kind, status, title, description, category_id, condition, city_code, cover_id,
           price, stock, weight_grams, length_cm, width_cm, height_cm, brand, model, hourly_rate,
           utility, scarcity, durability, portability, points, created_at, updated_at)
         select id, seller, kind, 'ACTIVE', title, description, category, condition, city, cover,
           price, stock, weight, len, width, height, brand, model, rate,
           utility, scarcity, durability, portability, points,
           date_trunc('milliseconds', created), date_trunc('milliseconds', created)
         from unnest($1::uuid[], $2::uuid[], $3::text[], $4::text[], $5::text[], $6::uuid[], $7::text[], $8::text[], $9::uuid[],
           $10::bigint[], $11::int[], $12::int[], $13::int[], $14::int[], $15::int[], $16::text[], $17::text[], $18::bigint[],
           $19::smallint[], $20::smallint[], $21::smallint[], $22::smallint[], $23::int[], $24::timestamptz[])
           as t(id, seller, kind, title, description, category, condition, city, cover,
             price, stock, weight, len, width, height, brand, model, rate,
             utility, scarcity, durability, portability, points, created)
         returning id, created_at
       )
       insert into photos (id, owner_id, listing_id, position, storage_key, width, height, bytes, created_at)
       select p.id, p.owner, p.listing, 0, p.key, p.w, p.h, p.bytes, l.created_at
       from unnest($25::uuid[], $26::uuid[], $27::uuid[], $28::text[], $29::int[], $30::int[], $31::int[])
         as p(id, owner, listing, key, w, h, bytes)
       join l on l.id = p.listing`,
      [L.id, L.seller, L.kind, L.title, L.description, L.category, L.condition, L.city, L.cover,
        L.price, L.stock, L.weight, L.length, L.width, L.height, L.brand, L.model, L.rate,
        L.utility, L.scarcity, L.durability, L.portability, L.points, L.created,
        P.id, P.owner, P.listing, P.key, P.w, P.h, P.bytes],
    );
  }
  await pool.query('vacuum analyze users');
  await pool.query('vacuum analyze listings');
  await pool.query('vacuum analyze photos');

  const { rows: [c] } = await pool.query(`select
      (select count(*)::int from users) as users,
      (select count(*)::int from listings) as listings,
      (select count(*)::int from listings where status = 'ACTIVE') as active,
      (select count(*)::int from listings where kind = 'SALE') as sale,
      (select count(*)::int from listings where kind = 'BARTER') as barter,
      (select count(*)::int from listings where kind = 'SERVICE') as service,
      (select count(*)::int from photos) as photos,
      (select count(*)::int from listings where cover_id is null) as without_cover,
      (select count(distinct city_code)::int from listings) as cities,
      (select count(distinct category_id)::int from listings) as categories`);
  return c;
}
