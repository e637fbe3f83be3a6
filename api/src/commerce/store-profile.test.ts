import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { codeOf, createListing, startTestApi, testPng, type Session, type TestApi } from '../test/harness.js';

// A store's logo and a product's supplier (PRODUCT §6): who may set them, who sees them.

let api: TestApi;
let owner: Session;
let storeId: string;

const STORE = { name: 'Toko Biola Semarang', address: 'Jl. Pandanaran No. 88', cityCode: '33.74' };
const CREATE = `mutation S($i: StoreInput!) { createStore(input: $i) { id logo { id url } } }`;
const UPDATE = `mutation U($s: ID!, $i: StoreInput!) { updateStore(storeId: $s, input: $i) { logo { id } } }`;
const SET = `mutation P($l: ID!, $s: ID, $sup: ID) { setStoreProduct(listingId: $l, storeId: $s, supplierId: $sup, lowStockThreshold: 1) { supplier { name } lowStockThreshold } }`;
const SUPPLIER_OF = `query L($id: ID!) { listing(id: $id) { supplier { name } } }`;
const photoOf = async (s: Session) => (await api.upload(s.accessToken, await testPng(48, 30))).json.id as string;

beforeAll(async () => {
  api = await startTestApi();
  owner = await api.register({ displayName: 'Pak Biola' });
});
afterAll(() => api?.close());

describe('store logo', () => {
  it('is a photo the owner uploaded; someone else\'s photo or a listing\'s is refused; omitted keeps it, null removes it', async () => {
    const other = await api.register();
    const refused = await api.gql(CREATE, { i: { ...STORE, slug: 'biola-smg', logoPhotoId: await photoOf(other) } }, owner.accessToken);
    expect([codeOf(refused), refused.errors![0].extensions!.field]).toEqual(['BAD_USER_INPUT', 'logoPhotoId']);

    const logo = await photoOf(owner);
    const created = await api.gql(CREATE, { i: { ...STORE, slug: 'biola-smg', logoPhotoId: logo } }, owner.accessToken);
    expect(created.errors).toBeUndefined();
    storeId = created.data!.createStore.id;
    expect(created.data!.createStore.logo.id).toBe(logo);
    expect(created.data!.createStore.logo.url).toMatch(/^(https?:\/\/[^/]+)?\/media\/.+\.webp$/);

    expect((await api.gql(UPDATE, { s: storeId, i: { ...STORE, slug: 'biola-smg', hours: 'Setiap hari 09.00–17.00' } }, owner.accessToken)).data!.updateStore.logo).toEqual({ id: logo });
    const listing = await createListing(api, owner, { kind: 'SALE', barter: null, sale: { price: 900_000, stock: 2, weightGrams: 2000 } });
    const [{ id: listingPhoto }] = await api.sql(`select id from photos where listing_id = $1`, [listing.id]);
    expect(codeOf(await api.gql(UPDATE, { s: storeId, i: { ...STORE, slug: 'biola-smg', logoPhotoId: listingPhoto } }, owner.accessToken))).toBe('BAD_USER_INPUT');
    expect((await api.gql(UPDATE, { s: storeId, i: { ...STORE, slug: 'biola-smg', logoPhotoId: null } }, owner.accessToken)).data!.updateStore.logo).toBeNull();
  });
});

describe('product supplier', () => {
  it('is one of the store\'s suppliers, seen by its staff and admins only, and cleared when omitted', async () => {
    const supplier = await api.gql(`mutation A($s: ID!) { addSupplier(storeId: $s, input: { name: "CV Dawai Jaya" }) { id } }`, { s: storeId }, owner.accessToken);
    const supplierId = supplier.data!.addSupplier.id;
    const product = (await createListing(api, owner, { kind: 'SALE', barter: null, sale: { price: 2_500_000, stock: 3, weightGrams: 3000 } })).id;

    // A supplier of another store is refused.
    const rival = await api.register();
    const rivalStore = (await api.gql(CREATE, { i: { ...STORE, name: 'Toko Saingan', slug: 'saingan-smg' } }, rival.accessToken)).data!.createStore.id;
    const rivalSupplier = (await api.gql(`mutation A($s: ID!) { addSupplier(storeId: $s, input: { name: "PT Lain" }) { id } }`, { s: rivalStore }, rival.accessToken)).data!.addSupplier.id;
    const wrong = await api.gql(SET, { l: product, s: storeId, sup: rivalSupplier }, owner.accessToken);
    expect([codeOf(wrong), wrong.errors![0].extensions!.field]).toEqual(['BAD_USER_INPUT', 'supplierId']);

    expect((await api.gql(SET, { l: product, s: storeId, sup: supplierId }, owner.accessToken)).data!.setStoreProduct).toEqual({ supplier: { name: 'CV Dawai Jaya' }, lowStockThreshold: 1 });
    const staff = await api.register();
    await api.sql(`insert into store_staff (store_id, user_id) values ($1, $2)`, [storeId, staff.id]);
    const admin = await api.register();
    await api.sql(`update users set role = 'ADMIN' where id = $1`, [admin.id]);
    const seen = async (token?: string) => (await api.gql(SUPPLIER_OF, { id: product }, token)).data!.listing.supplier;
    expect(await seen(owner.accessToken)).toEqual({ name: 'CV Dawai Jaya' });
    expect(await seen(staff.accessToken)).toEqual({ name: 'CV Dawai Jaya' });
    expect(await seen(admin.accessToken)).toEqual({ name: 'CV Dawai Jaya' });
    expect(await seen(rival.accessToken)).toBeNull();
    expect(await seen()).toBeNull();

    expect((await api.gql(SET, { l: product, s: storeId }, owner.accessToken)).data!.setStoreProduct.supplier).toBeNull();
  });
});
