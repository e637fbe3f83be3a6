import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { codeOf, createListing, startTestApi, type GqlResult, type Session, type TestApi } from '../test/harness.js';

let api: TestApi;
let admin: Session;
let member: Session;

const FIELDS = 'id code courier name eta base perKg perKm volumeFactor active';
const LIST = `{ adminShippingServices { ${FIELDS} } }`;
const PUBLIC = `{ shippingServices { id code } }`;
const CREATE = `mutation C($input: CreateShippingServiceInput!) { createShippingService(input: $input) { ${FIELDS} } }`;
const UPDATE = `mutation U($id: ID!, $input: UpdateShippingServiceInput!) { updateShippingService(id: $id, input: $input) { ${FIELDS} } }`;
const NEW = { code: 'idx-exp', courier: 'idx', name: '  ID   Express  Reguler ', eta: '2–3 hari', base: 9500, perKg: 7200, perKm: 12, volumeFactor: 5000 };

const create = (input: Record<string, unknown>, token = admin.accessToken) => api.gql(CREATE, { input }, token);
const update = (id: string, input: Record<string, unknown>, token = admin.accessToken) => api.gql(UPDATE, { id, input }, token);
const fieldOf = (res: GqlResult) => res.errors?.[0]?.extensions?.field as string | undefined;
const audits = async (id: string) => api.sql(`select action, actor_id, details from audit_log where subject_type = 'shipping_service' and subject_id = $1 order by created_at`, [id]);

beforeAll(async () => {
  api = await startTestApi();
  admin = await api.register({ displayName: 'Admin Uji' });
  await api.sql(`update users set role = 'ADMIN' where id = $1`, [admin.id]);
  member = await api.register();
});
afterAll(() => api?.close());

describe('adminShippingServices', () => {
  it('lists every seeded service to admins, inactive ones included, and refuses members and guests', async () => {
    await api.sql(`insert into shipping_services (id, code, courier, name, base, per_kg, per_km, volume_factor, active) values ($1, 'OLD-SVC', 'OLD', 'Layanan Lama', 1, 1, 1, 6000, false)`, [randomUUID()]);
    const res = await api.gql(LIST, {}, admin.accessToken);
    expect(res.errors).toBeUndefined();
    const list = res.data!.adminShippingServices as { code: string; active: boolean }[];
    expect(list.map((s) => s.code)).toEqual(expect.arrayContaining(['JNE-REG', 'SICEPAT-REG', 'OLD-SVC']));
    expect(list.at(-1)).toMatchObject({ code: 'OLD-SVC', active: false });
    expect((await api.gql(PUBLIC)).data!.shippingServices.map((s: { code: string }) => s.code)).not.toContain('OLD-SVC');
    expect(codeOf(await api.gql(LIST, {}, member.accessToken))).toBe('FORBIDDEN');
    expect(codeOf(await api.gql(LIST))).toBe('UNAUTHENTICATED');
  });
});

describe('createShippingService', () => {
  it('creates a normalised, active service that buyers see at once, and audits it', async () => {
    const res = await create(NEW);
    expect(res.errors).toBeUndefined();
    const s = res.data!.createShippingService;
    expect(s).toMatchObject({ code: 'IDX-EXP', courier: 'IDX', name: 'ID Express Reguler', eta: '2–3 hari', base: 9500, perKg: 7200, perKm: 12, volumeFactor: 5000, active: true });
    expect((await api.gql(PUBLIC)).data!.shippingServices.map((x: { id: string }) => x.id)).toContain(s.id);
    const [log] = await audits(s.id);
    expect(log).toMatchObject({ action: 'SHIPPING_SERVICE_CREATED', actor_id: admin.id, details: { code: 'IDX-EXP', base: 9500 } });
  });

  it('can create an inactive service, hidden from buyers', async () => {
    const s = (await create({ ...NEW, code: 'IDX-DRAFT', active: false })).data!.createShippingService;
    expect(s.active).toBe(false);
    expect((await api.gql(PUBLIC)).data!.shippingServices.map((x: { id: string }) => x.id)).not.toContain(s.id);
  });

  it('refuses a taken code (any case) with CONFLICT on "code", and non-admins with FORBIDDEN, creating nothing', async () => {
    const before = (await api.sql(`select count(*)::int as n from shipping_services`))[0].n;
    const taken = await create({ ...NEW, code: 'jne-reg' });
    expect([codeOf(taken), fieldOf(taken)]).toEqual(['CONFLICT', 'code']);
    expect(codeOf(await create({ ...NEW, code: 'MEMBER-SVC' }, member.accessToken))).toBe('FORBIDDEN');
    expect(codeOf(await api.gql(CREATE, { input: { ...NEW, code: 'GUEST-SVC' } }))).toBe('UNAUTHENTICATED');
    expect((await api.sql(`select count(*)::int as n from shipping_services`))[0].n).toBe(before);
  });

  it.each([
    ['code', { code: 'x' }],
    ['code', { code: 'JNE REG' }],
    ['code', { code: 'JNE--REG' }],
    ['code', { code: 'A'.repeat(41) }],
    ['courier', { courier: 'J' }],
    ['courier', { courier: 'J&T' }],
    ['courier', { courier: 'C'.repeat(21) }],
    ['name', { name: '  ab ' }],
    ['name', { name: 'n'.repeat(81) }],
    ['eta', { eta: 'e'.repeat(41) }],
    ['base', { base: -1 }],
    ['base', { base: 10_000_001 }],
    ['perKg', { perKg: -500 }],
    ['perKg', { perKg: 10_000_001 }],
    ['perKm', { perKm: -1 }],
    ['perKm', { perKm: 99_000_000 }],
    ['volumeFactor', { volumeFactor: 0 }],
    ['volumeFactor', { volumeFactor: -6000 }],
    ['volumeFactor', { volumeFactor: 1_000_001 }],
  ])('refuses a bad %s (%j) with BAD_USER_INPUT on that field, creating nothing', async (field, bad) => {
    const code = `BAD-${randomUUID().slice(0, 8)}`.toUpperCase();
    const res = await create({ ...NEW, code, ...bad });
    expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    expect(await api.sql(`select 1 from shipping_services where code = $1`, [(bad as { code?: string }).code?.toUpperCase() ?? code])).toHaveLength(0);
  });
});

describe('updateShippingService', () => {
  let id: string;
  beforeAll(async () => {
    id = (await create({ ...NEW, code: 'IDX-UPD' })).data!.createShippingService.id;
  });

  it('changes the given fields only, keeps the code, and audits the changes', async () => {
    const res = await update(id, { name: 'ID Express Hemat', base: 7000, perKg: 6500, perKm: 10, volumeFactor: 6000, eta: '' });
    expect(res.errors).toBeUndefined();
    expect(res.data!.updateShippingService).toMatchObject({ id, code: 'IDX-UPD', courier: 'IDX', name: 'ID Express Hemat', eta: null, base: 7000, perKg: 6500, perKm: 10, volumeFactor: 6000, active: true });
    const [row] = await api.sql(`select name, base, per_kg, per_km, volume_factor, eta from shipping_services where id = $1`, [id]);
    expect(row).toEqual({ name: 'ID Express Hemat', base: '7000', per_kg: '6500', per_km: '10', volume_factor: 6000, eta: null });
    const logs = await audits(id);
    expect(logs.at(-1)).toMatchObject({ action: 'SHIPPING_SERVICE_UPDATED', actor_id: admin.id, details: { code: 'IDX-UPD', changes: { base: { from: 9500, to: 7000 }, eta: { from: '2–3 hari', to: null } } } });
    expect(logs.at(-1).details.changes).not.toHaveProperty('courier');
  });

  it('changes nothing and audits nothing when every value is the same', async () => {
    const before = (await audits(id)).length;
    const res = await update(id, { base: 7000, name: 'ID Express Hemat' });
    expect(res.data!.updateShippingService.base).toBe(7000);
    expect(await audits(id)).toHaveLength(before);
  });

  it.each([
    ['courier', { courier: 'x' }],
    ['courier', { courier: null }],
    ['name', { name: '' }],
    ['name', { name: null }],
    ['eta', { eta: 'e'.repeat(41) }],
    ['base', { base: -1 }],
    ['base', { base: null }],
    ['perKg', { perKg: 10_000_001 }],
    ['perKm', { perKm: -3 }],
    ['volumeFactor', { volumeFactor: 0 }],
    ['volumeFactor', { volumeFactor: null }],
    ['active', { active: null }],
  ])('refuses a bad %s (%j) with BAD_USER_INPUT on that field, changing nothing', async (field, bad) => {
    const before = await api.sql(`select * from shipping_services where id = $1`, [id]);
    const res = await update(id, { name: 'Nama Baru Yang Sah', ...bad });
    expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    expect(await api.sql(`select * from shipping_services where id = $1`, [id])).toEqual(before);
  });

  it('NOT_FOUND for an unknown or malformed id; FORBIDDEN for members, changing nothing', async () => {
    expect(codeOf(await update(randomUUID(), { base: 1 }))).toBe('NOT_FOUND');
    expect(codeOf(await update('bukan-id', { base: 1 }))).toBe('NOT_FOUND');
    expect(codeOf(await update(id, { base: 1 }, member.accessToken))).toBe('FORBIDDEN');
    expect(codeOf(await update(id, { active: false }, member.accessToken))).toBe('FORBIDDEN');
    expect((await api.sql(`select base, active from shipping_services where id = $1`, [id]))[0]).toEqual({ base: '7000', active: true });
  });

  it('new rates price later quotes; a deactivated service leaves shippingServices and quotes and checkout refuse it; reactivating brings it back', async () => {
    // A store in Bandung with one 500 g product in a buyer's cart, quoted to Yogyakarta.
    const owner = await api.register({ displayName: 'Toko Uji' });
    const storeId = randomUUID();
    await api.sql(`insert into stores (id, owner_id, slug, name, address, city_code, created_at) values ($1, $2, $3, 'Toko Uji', 'Jl. Braga 1', '32.73', now())`, [storeId, owner.id, `toko-${storeId.slice(0, 8)}`]);
    const l = await createListing(api, owner, { kind: 'SALE', barter: null, sale: { price: 100_000, stock: 5, weightGrams: 500 } });
    await api.sql(`update listings set store_id = $1 where id = $2`, [storeId, l.id]);
    const buyer = await api.register();
    await api.gql(`mutation A($id: ID!) { addToCart(listingId: $id, quantity: 1) { items } }`, { id: l.id }, buyer.accessToken);
    const quote = () => api.gql(`query Q($s: ID!, $v: ID!) { shippingQuote(storeId: $s, cityCode: "34.71", shippingServiceId: $v) { chargeableKg distanceKm total } }`, { s: storeId, v: id }, buyer.accessToken);

    const q1 = (await quote()).data!.shippingQuote;
    expect(q1.total).toBe(7000 + 6500 * 1 + 10 * q1.distanceKm);
    await update(id, { base: 8000, perKm: 20 });
    const q2 = (await quote()).data!.shippingQuote;
    expect(q2.total).toBe(8000 + 6500 * 1 + 20 * q2.distanceKm);

    const off = await update(id, { active: false });
    expect(off.data!.updateShippingService.active).toBe(false);
    expect((await api.gql(PUBLIC)).data!.shippingServices.map((x: { id: string }) => x.id)).not.toContain(id);
    expect((await api.gql(LIST, {}, admin.accessToken)).data!.adminShippingServices.find((x: { id: string }) => x.id === id)).toMatchObject({ active: false });
    const refused = await quote();
    expect([codeOf(refused), fieldOf(refused)]).toEqual(['BAD_USER_INPUT', 'shippingServiceId']);
    const checkout = await api.gql(`mutation C($input: CheckoutInput!) { checkout(input: $input) { id } }`, {
      input: { storeId, shippingServiceId: id, shipTo: { recipient: 'Rina Kartika', phone: '081234567890', address: 'Jl. Kaliurang KM 5 No. 12', cityCode: '34.71' } },
    }, buyer.accessToken);
    expect([codeOf(checkout), fieldOf(checkout)]).toEqual(['BAD_USER_INPUT', 'shippingServiceId']);
    expect((await audits(id)).at(-1).details.changes).toEqual({ active: { from: true, to: false } });

    expect((await update(id, { active: true })).data!.updateShippingService.active).toBe(true);
    expect((await quote()).data!.shippingQuote.total).toBe(q2.total);
  });
});

describe('the last active service', () => {
  it('cannot be deactivated (INVALID_STATE), so buyers can always check out', async () => {
    const active = (await api.gql(LIST, {}, admin.accessToken)).data!.adminShippingServices.filter((s: { active: boolean }) => s.active) as { id: string }[];
    const [last, ...others] = active;
    // Concurrently: the advisory lock serialises them, so they cannot leave none active together.
    const results = await Promise.all(others.map((s) => update(s.id, { active: false })));
    expect(results.every((r) => r.data?.updateShippingService.active === false)).toBe(true);
    const refused = await update(last.id, { active: false });
    expect(codeOf(refused)).toBe('INVALID_STATE');
    expect((await api.gql(PUBLIC)).data!.shippingServices).toEqual([{ id: last.id, code: expect.any(String) }]);
    // Two admins each deactivating one of the last two at the same instant: exactly one wins.
    await update(others[0].id, { active: true });
    const race = await Promise.all([update(last.id, { active: false }), update(others[0].id, { active: false })]);
    expect(race.map((r) => codeOf(r) ?? 'OK').sort()).toEqual(['INVALID_STATE', 'OK']);
    expect((await api.gql(PUBLIC)).data!.shippingServices).toHaveLength(1);
  });
});
