import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { codeOf, startTestApi, testPng, type TestApi } from '../test/harness.js';
import { toPrefixTsQuery } from './listing-search.js';

let api: TestApi;
let cat: Record<string, string>;
let sellerId: string;

const SEARCH = `query S($filter: ListingFilter, $sort: ListingSort! = NEWEST, $first: Int! = 20, $after: String) {
  listings(filter: $filter, sort: $sort, first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor }
    edges { cursor node { id title kind price hourlyRate points condition city { code } category { slug } seller { displayName } thumbnail { thumbnailUrl } } } } }`;

const titles = async (filter: Record<string, unknown>, sort = 'NEWEST') =>
  ((await api.gql(SEARCH, { filter, sort })).data!.listings.edges as { node: { title: string } }[]).map((e) => e.node.title);

beforeAll(async () => {
  api = await startTestApi();
  const s = await api.register({ displayName: 'Toko Uji' });
  sellerId = s.id;
  cat = Object.fromEntries(((await api.gql(`{ categories { id slug } }`)).data!.categories as { id: string; slug: string }[]).map((c) => [c.slug, c.id]));
  const slugs = Object.keys(cat);
  const items: Record<string, unknown>[] = [
    { kind: 'SALE', title: 'Sepeda gunung Polygon Xtrada 5', description: 'Sepeda bekas pemakaian pribadi, rem hidrolik.', condition: 'GOOD', cityCode: '32.73', sale: { price: 2_500_000, stock: 1 } },
    { kind: 'SALE', title: 'Gitar akustik Yamaha F310', description: 'Gitar untuk belajar, senar baru diganti.', condition: 'LIKE_NEW', cityCode: '35.78', sale: { price: 1_100_000, stock: 2 } },
    { kind: 'BARTER', title: 'Tukar kamera Canon EOS M10', description: 'Kamera mirrorless, mau ditukar dengan sepeda lipat.', condition: 'GOOD', cityCode: '32.73', barter: { utility: 4, scarcity: 3, durability: 4, portability: 5 } },
    { kind: 'BARTER', title: 'Barter buku novel Tere Liye', description: 'Sepuluh buku novel, kondisi terawat dan bersih.', condition: 'FAIR', cityCode: '34.71', barter: { utility: 2, scarcity: 2, durability: 3, portability: 5 } },
    { kind: 'SERVICE', title: 'Jasa pemandu wisata Borobudur', description: 'Pemandu berpengalaman, bisa bahasa Inggris.', condition: 'NEW', cityCode: '34.71', service: { hourlyRate: 150_000 } },
    { kind: 'SALE', title: 'Sepatu lari Ortuseight Hyperglide', description: 'Ukuran 42, dipakai berlari dua kali.', condition: 'LIKE_NEW', cityCode: '31.74', sale: { price: 450_000, stock: 1 } },
  ];
  for (const [i, item] of items.entries()) {
    const up = await api.upload(s.accessToken, await testPng(32, i * 40));
    const res = await api.gql(`mutation C($input: CreateListingInput!) { createListing(input: $input) { id } }`,
      { input: { categoryId: cat[slugs[i % slugs.length]], photoIds: [up.json.id], ...item } }, s.accessToken);
    if (res.errors) throw new Error(JSON.stringify(res.errors));
  }
  // A draft never shows in search.
  const up = await api.upload(s.accessToken, await testPng());
  await api.gql(`mutation C($input: CreateListingInput!) { createListing(input: $input) { id } }`, {
    input: { kind: 'SALE', title: 'Sepeda draf rahasia', description: 'Belum siap dijual ke publik.', condition: 'GOOD', cityCode: '32.73', categoryId: cat[slugs[0]], photoIds: [up.json.id], publish: false, sale: { price: 100_000, stock: 1 } },
  }, s.accessToken);
});
afterAll(() => api?.close());

describe('toPrefixTsQuery', () => {
  it.each([
    ['sepeda lipat', 'sepeda:* & lipat:*'],
    ["  Gitar's & | !(bass) ", 'gitar:* & s:* & bass:*'],
    ['!!!', null],
    ['', null],
  ])('%j → %j', (text, expected) => expect(toPrefixTsQuery(text)).toBe(expected));
});

describe('listings search', () => {
  it('finds by a word of the title or description, with prefixes and Indonesian stemming', async () => {
    expect(new Set(await titles({ query: 'sepeda' }))).toEqual(new Set(['Sepeda gunung Polygon Xtrada 5', 'Tukar kamera Canon EOS M10']));
    expect(await titles({ query: 'gita' })).toEqual(['Gitar akustik Yamaha F310']);
    // "berlari" and "lari" share the stem "lari".
    expect(await titles({ query: 'berlari' })).toEqual(['Sepatu lari Ortuseight Hyperglide']);
    expect(await titles({ query: 'kapal selam' })).toEqual([]);
  });

  it('ranks title matches above description matches with RELEVANCE', async () => {
    const ranked = await titles({ query: 'sepeda' }, 'RELEVANCE');
    expect(ranked[0]).toBe('Sepeda gunung Polygon Xtrada 5');
  });

  it('filters by kind, city, condition, category, price and points range', async () => {
    expect((await titles({ kind: 'SERVICE' }))).toEqual(['Jasa pemandu wisata Borobudur']);
    expect(new Set(await titles({ cityCode: '32.73' }))).toEqual(new Set(['Sepeda gunung Polygon Xtrada 5', 'Tukar kamera Canon EOS M10']));
    expect(await titles({ condition: 'FAIR' })).toEqual(['Barter buku novel Tere Liye']);
    const slug = Object.keys(cat)[1];
    expect(await titles({ categoryId: cat[slug] })).toEqual(['Gitar akustik Yamaha F310']);
    expect(new Set(await titles({ minPrice: 150_000, maxPrice: 1_100_000 }))).toEqual(new Set(['Gitar akustik Yamaha F310', 'Sepatu lari Ortuseight Hyperglide', 'Jasa pemandu wisata Borobudur']));
    const barter = (await api.gql(SEARCH, { filter: { kind: 'BARTER' }, sort: 'POINTS_ASC' })).data!.listings.edges.map((e: any) => e.node.points);
    expect(barter).toEqual([...barter].sort((a: number, b: number) => a - b));
    expect(await titles({ minPoints: barter[1], maxPoints: barter[1] })).toHaveLength(1);
    expect(await titles({ sellerId })).toHaveLength(6);
  });

  it('sorts by price both ways with unpriced (barter) listings last', async () => {
    const asc = (await api.gql(SEARCH, { sort: 'PRICE_ASC' })).data!.listings.edges.map((e: any) => e.node.price ?? e.node.hourlyRate);
    expect(asc).toEqual([150_000, 450_000, 1_100_000, 2_500_000, null, null]);
    const desc = (await api.gql(SEARCH, { sort: 'PRICE_DESC' })).data!.listings.edges.map((e: any) => e.node.price ?? e.node.hourlyRate);
    expect(desc).toEqual([2_500_000, 1_100_000, 450_000, 150_000, null, null]);
  });

  it.each(['NEWEST', 'PRICE_ASC', 'PRICE_DESC', 'POINTS_ASC', 'POINTS_DESC', 'RELEVANCE'])(
    'pages through everything with %s: no repeats, nothing missing, totalCount stable', async (sort) => {
      const all = (await api.gql(SEARCH, { sort, first: 100, filter: sort === 'RELEVANCE' ? { query: 'a' } : {} })).data!.listings;
      const seen: string[] = [];
      let after: string | null = null;
      for (let page = 0; page < 10; page++) {
        const res: any = await api.gql(SEARCH, { sort, first: 2, after, filter: sort === 'RELEVANCE' ? { query: 'a' } : {} });
        expect(res.data.listings.totalCount).toBe(all.totalCount);
        seen.push(...res.data.listings.edges.map((e: any) => e.node.id));
        if (!res.data.listings.pageInfo.hasNextPage) break;
        after = res.data.listings.pageInfo.endCursor;
      }
      expect(seen).toEqual(all.edges.map((e: any) => e.node.id));
    });

  it('refuses a bad cursor, a cursor of another sort, bad page sizes and bad filters', async () => {
    const first = (await api.gql(SEARCH, { sort: 'NEWEST', first: 1 })).data!.listings.pageInfo.endCursor;
    expect(codeOf(await api.gql(SEARCH, { sort: 'PRICE_ASC', after: first }))).toBe('BAD_USER_INPUT');
    expect(codeOf(await api.gql(SEARCH, { after: 'bm9wZQ' }))).toBe('BAD_USER_INPUT');
    expect(codeOf(await api.gql(SEARCH, { first: 0 }))).toBe('BAD_USER_INPUT');
    expect(codeOf(await api.gql(SEARCH, { first: 101 }))).toBe('BAD_USER_INPUT');
    expect(codeOf(await api.gql(SEARCH, { filter: { minPrice: 10, maxPrice: 5 } }))).toBe('BAD_USER_INPUT');
    expect(codeOf(await api.gql(SEARCH, { filter: { cityCode: 'xx' } }))).toBe('BAD_USER_INPUT');
    expect(codeOf(await api.gql(SEARCH, { filter: { categoryId: 'x' } }))).toBe('BAD_USER_INPUT');
  });

  it('costs the same number of SQL statements at every page size (no N+1)', async () => {
    // The counter sees every statement of the server (the minute job sweep too): take the least of five.
    const cost = async (first: number) => {
      const counts: number[] = [];
      for (let i = 0; i < 5; i++) {
        api.counter.count = 0;
        const res = await api.gql(SEARCH, { first });
        expect(res.errors).toBeUndefined();
        counts.push(api.counter.count);
      }
      return Math.min(...counts);
    };
    const [one, six] = [await cost(1), await cost(6)];
    expect(six).toBe(one);
    expect(six).toBeLessThanOrEqual(2);
  });
});

describe('reference data', () => {
  it('serves 514 cities with search, and categories with Indonesian names', async () => {
    const res = await api.gql(`{ bdg: cities(search: "bandung") { code name } all: cities(first: 100) { code } categories { name nameEn basePoints seasonalMultiplier } barterConfig { weights { utility scarcity durability portability } balanceTolerance conditionMultipliers { condition multiplier } } }`);
    expect(res.data!.bdg.map((c: any) => c.name)).toEqual(['Kota Bandung', 'Kabupaten Bandung', 'Kabupaten Bandung Barat']);
    expect(res.data!.all).toHaveLength(100);
    expect(res.data!.categories.length).toBeGreaterThanOrEqual(12);
    expect(res.data!.barterConfig.weights).toEqual({ utility: 0.35, scarcity: 0.25, durability: 0.25, portability: 0.15 });
    const [{ n }] = await api.sql('select count(*)::int as n from cities');
    expect(n).toBe(514);
  });
});
