import { computeBarterPoints, DEFAULT_BARTER_CONFIG } from '@pasar/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { codeOf, startTestApi, testPng, type Session, type TestApi } from '../test/harness.js';

let api: TestApi;
let seller: Session;
let other: Session;
let categories: { id: string; slug: string; basePoints: number }[];

const CREATE = `mutation C($input: CreateListingInput!) { createListing(input: $input) {
  id kind status title price stock hourlyRate points condition city { code name }
  category { id } seller { id displayName } photos { id url thumbnailUrl width height } thumbnail { id }
  valuation { utility scarcity durability portability }
  pointsBreakdown { basePoints score conditionMultiplier seasonalMultiplier raw points weights { utility scarcity durability portability } } } }`;
const UPDATE = `mutation U($id: ID!, $input: UpdateListingInput!) { updateListing(id: $id, input: $input) {
  id status title points condition photos { id } thumbnail { id } pointsBreakdown { points conditionMultiplier } } }`;
const GET = `query G($id: ID!) { listing(id: $id) { id status title seller { id email } } }`;

async function photo(token = seller.accessToken): Promise<string> {
  const res = await api.upload(token, await testPng());
  if (res.status !== 201) throw new Error(JSON.stringify(res));
  return res.json.id;
}

const base = async (over: Record<string, unknown> = {}) => ({
  kind: 'BARTER',
  title: 'Sepeda lipat Polygon Urbano 3',
  description: 'Sepeda lipat mulus, jarang dipakai. Bisa COD di Bandung.',
  categoryId: categories[0].id,
  condition: 'GOOD',
  cityCode: '32.73',
  photoIds: [await photo()],
  barter: { utility: 4, scarcity: 3, durability: 4, portability: 2 },
  ...over,
});

beforeAll(async () => {
  api = await startTestApi();
  seller = await api.register({ displayName: 'Penjual Uji' });
  other = await api.register({ displayName: 'Orang Lain' });
  categories = (await api.gql(`{ categories { id slug basePoints } }`)).data!.categories;
});
afterAll(() => api?.close());

describe('uploads', () => {
  it('re-encodes a PNG to WebP with a thumbnail, served under /media', async () => {
    const res = await api.upload(seller.accessToken, await testPng(2400));
    expect(res.status).toBe(201);
    expect(res.json).toMatchObject({ width: 1600, height: 1600 });
    const full = await fetch(api.url + res.json.url);
    expect(full.headers.get('content-type')).toBe('image/webp');
    const thumb = await fetch(api.url + res.json.thumbnailUrl);
    expect(thumb.status).toBe(200);
  });

  it.each([
    ['a text file named .jpg', Buffer.from('bukan gambar sama sekali'), 'foto.jpg', 'image/jpeg'],
    ['a GIF', Buffer.from('R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7', 'base64'), 'a.gif', 'image/gif'],
  ])('refuses %s with 400 BAD_USER_INPUT (format by content)', async (_n, body, name, type) => {
    const res = await api.upload(seller.accessToken, body, name, type);
    expect(res.status).toBe(400);
    expect(res.json.error.code).toBe('BAD_USER_INPUT');
  });

  it('refuses more than 8 MB with 413, and no token with 401', async () => {
    const big = Buffer.concat([await testPng(), Buffer.alloc(8 * 1024 * 1024)]);
    expect((await api.upload(seller.accessToken, big)).status).toBe(413);
    expect((await api.upload(undefined, await testPng())).status).toBe(401);
  });

  it('refuses a request without the file part', async () => {
    const res = await fetch(`${api.url}/uploads`, { method: 'POST', headers: { authorization: `Bearer ${seller.accessToken}` }, body: new FormData() });
    expect(res.status).toBe(400);
  });
});

describe('createListing', () => {
  it('creates a BARTER listing whose points and breakdown are packages/domain\'s', async () => {
    const input = await base({ photoIds: [await photo(), await photo()] });
    const res = await api.gql(CREATE, { input }, seller.accessToken);
    expect(res.errors).toBeUndefined();
    const l = res.data!.createListing;
    const expected = computeBarterPoints({ basePoints: categories[0].basePoints, valuation: input.barter, condition: 'GOOD', seasonalMultiplier: 1 }, DEFAULT_BARTER_CONFIG);
    expect(l.points).toBe(expected.points);
    expect(l.pointsBreakdown).toEqual({ ...expected, weights: { ...expected.weights } });
    expect(l).toMatchObject({ kind: 'BARTER', status: 'ACTIVE', price: null, hourlyRate: null, city: { code: '32.73', name: 'Kota Bandung' }, seller: { id: seller.id } });
    expect(l.photos.map((p: { id: string }) => p.id)).toEqual(input.photoIds);
    expect(l.thumbnail.id).toBe(input.photoIds[0]);
  });

  it('creates SALE and SERVICE listings, and a DRAFT when publish is false', async () => {
    const sale = await api.gql(CREATE, { input: await base({ kind: 'SALE', barter: null, sale: { price: 1_250_000, stock: 3, brand: 'Yamaha', model: 'F310' } }) }, seller.accessToken);
    expect(sale.data!.createListing).toMatchObject({ kind: 'SALE', price: 1_250_000, stock: 3, points: null, valuation: null, pointsBreakdown: null });
    const service = await api.gql(CREATE, { input: await base({ kind: 'SERVICE', barter: null, publish: false, service: { hourlyRate: 150_000 } }) }, seller.accessToken);
    expect(service.data!.createListing).toMatchObject({ kind: 'SERVICE', hourlyRate: 150_000, status: 'DRAFT' });
  });

  it.each([
    ['title', { title: 'Abc' }],
    ['description', { description: 'pendek' }],
    ['photoIds', { photoIds: [] }],
    ['barter', { barter: null }],
    ['sale', { sale: { price: 10000, stock: 1 } }],
    ['barter.utility', { barter: { utility: 6, scarcity: 3, durability: 4, portability: 2 } }],
    ['categoryId', { categoryId: '00000000-0000-4000-8000-000000000000' }],
    ['categoryId', { categoryId: 'bukan-uuid' }],
    ['cityCode', { cityCode: '99.99' }],
  ])('refuses a bad %s with BAD_USER_INPUT', async (field, over) => {
    const res = await api.gql(CREATE, { input: await base(over) }, seller.accessToken);
    expect(codeOf(res)).toBe('BAD_USER_INPUT');
    expect(res.errors![0].extensions!.field).toBe(field);
  });

  it('refuses six photos, a repeated photo, someone else\'s photo and a photo already on a listing', async () => {
    const six = await Promise.all(Array.from({ length: 6 }, () => photo()));
    expect(codeOf(await api.gql(CREATE, { input: await base({ photoIds: six }) }, seller.accessToken))).toBe('BAD_USER_INPUT');
    const p = await photo();
    expect(codeOf(await api.gql(CREATE, { input: await base({ photoIds: [p, p] }) }, seller.accessToken))).toBe('BAD_USER_INPUT');
    const theirs = await photo(other.accessToken);
    expect(codeOf(await api.gql(CREATE, { input: await base({ photoIds: [theirs] }) }, seller.accessToken))).toBe('BAD_USER_INPUT');
    const used = await api.gql(CREATE, { input: await base() }, seller.accessToken);
    const usedPhoto = used.data!.createListing.photos[0].id;
    const again = await api.gql(CREATE, { input: await base({ photoIds: [usedPhoto] }) }, seller.accessToken);
    expect(again.errors![0].extensions!.field).toBe('photoIds');
  });

  it('refuses fractional money at the GraphQL layer and writes nothing', async () => {
    const [{ n: before }] = await api.sql('select count(*)::int as n from listings');
    const res = await api.gql(CREATE, { input: await base({ kind: 'SALE', barter: null, sale: { price: 1500.5, stock: 1 } }) }, seller.accessToken);
    expect(codeOf(res)).toBe('BAD_USER_INPUT');
    const [{ n: after }] = await api.sql('select count(*)::int as n from listings');
    expect(after).toBe(before);
  });
});

describe('updateListing and visibility', () => {
  it('the owner edits; points are recomputed when the condition changes', async () => {
    const l = (await api.gql(CREATE, { input: await base({ condition: 'NEW' }) }, seller.accessToken)).data!.createListing;
    const res = await api.gql(UPDATE, { id: l.id, input: { condition: 'POOR', title: 'Sepeda lipat bekas, rantai baru' } }, seller.accessToken);
    expect(res.errors).toBeUndefined();
    expect(res.data!.updateListing.pointsBreakdown.conditionMultiplier).toBe(0.35);
    expect(res.data!.updateListing.points).toBeLessThan(l.points);
    expect(res.data!.updateListing.title).toBe('Sepeda lipat bekas, rantai baru');
  });

  it('reorders photos (the cover follows) and detaches removed ones', async () => {
    const [a, b] = [await photo(), await photo()];
    const l = (await api.gql(CREATE, { input: await base({ photoIds: [a, b] }) }, seller.accessToken)).data!.createListing;
    const res = await api.gql(UPDATE, { id: l.id, input: { photoIds: [b] } }, seller.accessToken);
    expect(res.data!.updateListing.photos).toEqual([{ id: b }]);
    expect(res.data!.updateListing.thumbnail.id).toBe(b);
    const [row] = await api.sql('select listing_id, position from photos where id = $1', [a]);
    expect(row).toEqual({ listing_id: null, position: null });
  });

  it('someone else gets FORBIDDEN; a bad id NOT_FOUND; a foreign details block BAD_USER_INPUT', async () => {
    const l = (await api.gql(CREATE, { input: await base() }, seller.accessToken)).data!.createListing;
    expect(codeOf(await api.gql(UPDATE, { id: l.id, input: { title: 'Punya saya sekarang' } }, other.accessToken))).toBe('FORBIDDEN');
    expect(codeOf(await api.gql(UPDATE, { id: '00000000-0000-4000-8000-000000000000', input: {} }, seller.accessToken))).toBe('NOT_FOUND');
    const foreign = await api.gql(UPDATE, { id: l.id, input: { sale: { price: 5000, stock: 1 } } }, seller.accessToken);
    expect(codeOf(foreign)).toBe('BAD_USER_INPUT');
    expect(foreign.errors![0].extensions!.field).toBe('sale');
  });

  it('status moves follow the table: RESERVED by the owner is INVALID_STATE, a RESERVED listing is frozen', async () => {
    const l = (await api.gql(CREATE, { input: await base() }, seller.accessToken)).data!.createListing;
    expect(codeOf(await api.gql(UPDATE, { id: l.id, input: { status: 'RESERVED' } }, seller.accessToken))).toBe('INVALID_STATE');
    expect(codeOf(await api.gql(UPDATE, { id: l.id, input: { status: 'REMOVED' } }, seller.accessToken))).toBe('INVALID_STATE');
    expect((await api.gql(UPDATE, { id: l.id, input: { status: 'CLOSED' } }, seller.accessToken)).data!.updateListing.status).toBe('CLOSED');
    expect((await api.gql(UPDATE, { id: l.id, input: { status: 'ACTIVE' } }, seller.accessToken)).data!.updateListing.status).toBe('ACTIVE');
    await api.sql(`update listings set status = 'RESERVED' where id = $1`, [l.id]);
    expect(codeOf(await api.gql(UPDATE, { id: l.id, input: { title: 'Ubah saat dipesan' } }, seller.accessToken))).toBe('INVALID_STATE');
  });

  it('a DRAFT is visible to its owner only; others get NOT_FOUND', async () => {
    const l = (await api.gql(CREATE, { input: await base({ publish: false }) }, seller.accessToken)).data!.createListing;
    expect((await api.gql(GET, { id: l.id }, seller.accessToken)).data!.listing).toMatchObject({ id: l.id, status: 'DRAFT', seller: { email: seller.email } });
    expect(codeOf(await api.gql(GET, { id: l.id }, other.accessToken))).toBe('NOT_FOUND');
    expect(codeOf(await api.gql(GET, { id: l.id }))).toBe('NOT_FOUND');
    expect(codeOf(await api.gql(GET, { id: 'nope' }))).toBe('NOT_FOUND');
  });

  it('myListings lists mine in every status, filterable by status', async () => {
    const me = await api.register();
    await api.gql(CREATE, { input: await base({ photoIds: [await photo(me.accessToken)] }) }, me.accessToken);
    await api.gql(CREATE, { input: await base({ publish: false, photoIds: [await photo(me.accessToken)] }) }, me.accessToken);
    const all = await api.gql(`{ myListings { totalCount edges { node { status seller { id } } } } }`, {}, me.accessToken);
    expect(all.data!.myListings.totalCount).toBe(2);
    const drafts = await api.gql(`{ myListings(status: DRAFT) { totalCount } }`, {}, me.accessToken);
    expect(drafts.data!.myListings.totalCount).toBe(1);
    expect(codeOf(await api.gql(`{ myListings { totalCount } }`))).toBe('UNAUTHENTICATED');
  });
});
