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

describe('store staff list, payment providers, an order\'s payment', () => {
  it('lists the owner then the staff to the store\'s staff and admins only', async () => {
    const helper = await api.register({ displayName: 'Ani Kasir' });
    await api.gql(`mutation A($s: ID!, $e: String!) { addStoreStaff(storeId: $s, email: $e) { id } }`, { s: storeId, e: helper.email }, owner.accessToken);
    const staffOf = async (token?: string) => (await api.gql(`{ store(slug: "biola-smg") { staff { displayName } } }`, {}, token)).data!.store.staff;
    // The owner first; the staff member the supplier test added by SQL is there too.
    const list = await staffOf(owner.accessToken);
    expect([list[0], list.length, list.some((u: { displayName: string }) => u.displayName === 'Ani Kasir')]).toEqual([{ displayName: 'Pak Biola' }, 3, true]);
    expect(await staffOf(helper.accessToken)).toEqual(list);
    expect(await staffOf((await api.register()).accessToken)).toBeNull();
    expect(await staffOf()).toBeNull();
  });

  it('names the configured providers, and an order shows its latest payment to resume it', async () => {
    expect((await api.gql(`{ paymentProviders }`)).data!.paymentProviders).toEqual(['MANUAL_TRANSFER']);
    const product = (await createListing(api, owner, { kind: 'SALE', barter: null, sale: { price: 150_000, stock: 4, weightGrams: 400 } })).id;
    await api.gql(SET, { l: product, s: storeId }, owner.accessToken);
    const buyer = await api.register();
    await api.gql(`mutation A($id: ID!) { addToCart(listingId: $id, quantity: 1) { items } }`, { id: product }, buyer.accessToken);
    const serviceId = (await api.sql(`select id from shipping_services where code = 'JNE-REG'`))[0].id;
    const order = (await api.gql(`mutation C($i: CheckoutInput!) { checkout(input: $i) { id payment { id } } }`,
      { i: { storeId, shippingServiceId: serviceId, shipTo: { recipient: 'Tono', phone: '081355556666', address: 'Jl. Pemuda No. 7', cityCode: '33.74' } } }, buyer.accessToken)).data!.checkout;
    expect(order.payment).toBeNull();
    const paid = (await api.gql(`mutation P($id: ID!) { payOrder(orderId: $id) { id provider amount } }`, { id: order.id }, buyer.accessToken)).data!.payOrder;
    const seen = (await api.gql(`query O($id: ID!) { order(id: $id) { total payment { id provider amount status } } }`, { id: order.id }, buyer.accessToken)).data!.order;
    expect(seen.payment).toEqual({ id: paid.id, provider: 'MANUAL_TRANSFER', amount: seen.total, status: 'PENDING' });

    // The buyer attaches the transfer receipt; the store's staff (not the admins' rekber desk) are told and see it.
    const receipt = await photoOf(buyer);
    expect(codeOf(await api.gql(`mutation R($p: ID!, $f: ID!) { submitPaymentProof(paymentId: $p, photoId: $f) { id } }`, { p: paid.id, f: await photoOf(owner) }, buyer.accessToken))).toBe('BAD_USER_INPUT');
    expect((await api.gql(`mutation R($p: ID!, $f: ID!) { submitPaymentProof(paymentId: $p, photoId: $f) { proof { id } } }`, { p: paid.id, f: receipt }, buyer.accessToken)).data!.submitPaymentProof.proof).toEqual({ id: receipt });
    const proofSeenBy = async (token: string) => (await api.gql(`query O($id: ID!) { order(id: $id) { payment { proof { id } } } }`, { id: order.id }, token)).data?.order.payment.proof ?? null;
    expect(await proofSeenBy(owner.accessToken)).toEqual({ id: receipt });
    const told = await api.gql(`{ notifications(first: 5) { kind link } }`, {}, owner.accessToken);
    expect(told.data!.notifications).toContainEqual({ kind: 'PAYMENT_PROOF', link: '/toko-saya' });
    const [{ n }] = await api.sql(`select count(*)::int as n from notifications where kind = 'PAYMENT_PROOF' and link = '/admin/rekber'`);
    expect(n).toBe(0);
    expect((await api.gql(`mutation P($id: ID!) { confirmOrderPayment(orderId: $id) { status } }`, { id: order.id }, owner.accessToken)).data!.confirmOrderPayment.status).toBe('PAID');
  });
});
