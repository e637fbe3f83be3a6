import type { MockedResponse } from '@apollo/client/testing/core';
import type { VueWrapper } from '@vue/test-utils';
import { describe, expect, it } from 'vitest';
import { AdminShippingServicesDocument, CreateShippingServiceDocument, UpdateShippingServiceDocument } from '@/composables/useAdminShipping';
import type { Locale } from '@/i18n';
import { mountWithApp, settle } from '@/test/mountWithApp';
import AdminShippingPage from './AdminShippingPage.vue';

type Service = {
  __typename: 'ShippingService';
  id: string;
  code: string;
  courier: string;
  name: string;
  eta: string | null;
  base: number;
  perKg: number;
  perKm: number;
  volumeFactor: number;
  active: boolean;
};
type GqlError = { message: string; extensions: Record<string, unknown> };

const svc = (id: string, code: string, over: Partial<Service> = {}): Service => ({
  __typename: 'ShippingService', id, code, courier: code.split('-')[0], name: `${code} layanan`, eta: '2–3 hari',
  base: 9000, perKg: 7000, perKm: 15, volumeFactor: 6000, active: true, ...over,
});

/**
 * The page against a tiny fake of the API: `list` is what adminShippingServices answers (a
 * function of the call number, or an error); create/update record their variables and answer
 * with `reply` (a service or errors), changing the list like the server would.
 */
async function mountPage(opts: {
  list: Service[] | GqlError[];
  createReply?: (input: Record<string, unknown>) => Service | GqlError[];
  updateReply?: (id: string, input: Record<string, unknown>) => Service | GqlError[];
  locale?: Locale;
}) {
  let services = 'message' in (opts.list[0] ?? {}) ? null : [...(opts.list as Service[])];
  const calls = { list: 0, create: [] as Record<string, unknown>[], update: [] as { id: string; input: Record<string, unknown> }[] };
  const mocks: MockedResponse[] = [
    {
      request: { query: AdminShippingServicesDocument },
      maxUsageCount: Number.POSITIVE_INFINITY,
      result: () => {
        calls.list++;
        return services ? { data: { adminShippingServices: services } } : { errors: opts.list as GqlError[] };
      },
    },
    {
      request: { query: CreateShippingServiceDocument },
      variableMatcher: () => true,
      maxUsageCount: Number.POSITIVE_INFINITY,
      result: (vars: Record<string, any>) => {
        calls.create.push(vars.input);
        const r = opts.createReply!(vars.input);
        if (Array.isArray(r)) return { errors: r };
        services = [...services!, r];
        return { data: { createShippingService: r } };
      },
    },
    {
      request: { query: UpdateShippingServiceDocument },
      variableMatcher: () => true,
      maxUsageCount: Number.POSITIVE_INFINITY,
      result: (vars: Record<string, any>) => {
        calls.update.push({ id: vars.id, input: vars.input });
        const r = opts.updateReply!(vars.id, vars.input);
        if (Array.isArray(r)) return { errors: r };
        services = services!.map((s) => (s.id === r.id ? r : s));
        return { data: { updateShippingService: r } };
      },
    },
  ];
  const { wrapper } = await mountWithApp(AdminShippingPage, { mocks, locale: opts.locale });
  await settle(6);
  return { wrapper, calls };
}

const rows = (w: VueWrapper) => w.findAll('[data-testid="admin-shipping-service"]');
const row = (w: VueWrapper, code: string) => w.get(`[data-testid="admin-shipping-service"][data-code="${code}"]`);
async function type(w: VueWrapper, testid: string, value: string) {
  await w.get(`[data-testid="${testid}"]`).setValue(value);
}
/** The error message shown under the field with this input id. */
const fieldError = (w: VueWrapper, id: string) => w.find(`#${id}-error`);

describe('AdminShippingPage', () => {
  it('lists every service with its rates and status, inactive ones marked', async () => {
    const { wrapper } = await mountPage({ list: [svc('s1', 'JNE-REG', { name: 'JNE Reguler' }), svc('s2', 'OLD-SVC', { active: false, eta: null, base: 12_500, perKm: 0 })] });
    expect(rows(wrapper)).toHaveLength(2);
    const jne = row(wrapper, 'JNE-REG');
    expect(jne.text()).toContain('JNE Reguler');
    expect(jne.text()).toContain('JNE-REG · JNE · 2–3 hari');
    expect(jne.text()).toContain('Rp\u00a09.000');
    expect(jne.text()).toContain('Rp\u00a07.000');
    expect(jne.text()).toContain('6.000');
    expect(wrapper.get('[data-testid="admin-shipping-status-JNE-REG"]').text()).toBe('Aktif');
    expect(wrapper.get('[data-testid="admin-shipping-status-OLD-SVC"]').text()).toBe('Nonaktif');
    expect(row(wrapper, 'OLD-SVC').text()).toContain('Rp\u00a012.500');
    expect(wrapper.find('[data-testid="admin-shipping-activate-OLD-SVC"]').exists()).toBe(true);
    expect(wrapper.find('[data-testid="admin-shipping-deactivate-OLD-SVC"]').exists()).toBe(false);
    // JNE-REG is the only active service: it cannot be deactivated.
    expect(wrapper.get('[data-testid="admin-shipping-deactivate-JNE-REG"]').attributes('disabled')).toBeDefined();
  });

  it('shows the empty state, and the error state with a retry that refetches', async () => {
    const empty = await mountPage({ list: [] });
    expect(empty.wrapper.get('[data-testid="empty-state"]').text()).toContain('Belum ada layanan pengiriman');

    const failed = await mountPage({ list: [{ message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } }] });
    const state = failed.wrapper.get('[data-testid="error-state"]');
    expect(state.text()).toContain('Gagal memuat data');
    const before = failed.calls.list;
    await state.get('button').trigger('click');
    await settle(4);
    expect(failed.calls.list).toBe(before + 1);
  });

  it('checks the create form with the domain rules before sending, then creates and shows the new service', async () => {
    const { wrapper, calls } = await mountPage({
      list: [svc('s1', 'JNE-REG')],
      createReply: (input) => svc('s9', String(input.code).toUpperCase(), { ...(input as Partial<Service>), code: String(input.code).toUpperCase(), courier: String(input.courier).toUpperCase() }),
    });
    await wrapper.get('[data-testid="admin-shipping-new"]').trigger('click');
    expect(wrapper.get('[data-testid="ship-new-preview"]').text()).toContain('Isi semua tarif');
    await wrapper.get('[data-testid="ship-new-form"]').trigger('submit');
    await settle(2);
    expect(calls.create).toHaveLength(0);
    for (const f of ['code', 'courier', 'name', 'base', 'perKg', 'perKm']) expect(fieldError(wrapper, `ship-new-${f}`).exists(), f).toBe(true);
    expect(fieldError(wrapper, 'ship-new-eta').exists()).toBe(false);
    expect(fieldError(wrapper, 'ship-new-volumeFactor').exists()).toBe(false);
    expect(fieldError(wrapper, 'ship-new-code').text()).toContain('JNE-REG');

    await type(wrapper, 'ship-new-code', 'jne--x');
    await type(wrapper, 'ship-new-courier', 'idx');
    await type(wrapper, 'ship-new-name', 'ID Express Reguler');
    await type(wrapper, 'ship-new-base', '9500');
    await type(wrapper, 'ship-new-perKg', '7200');
    await type(wrapper, 'ship-new-perKm', '20000000');
    await type(wrapper, 'ship-new-volumeFactor', '0');
    await wrapper.get('[data-testid="ship-new-form"]').trigger('submit');
    await settle(2);
    expect(calls.create).toHaveLength(0);
    expect(fieldError(wrapper, 'ship-new-code').exists()).toBe(true);
    expect(fieldError(wrapper, 'ship-new-perKm').text()).toContain('Rp\u00a010.000.000');
    expect(fieldError(wrapper, 'ship-new-volumeFactor').text()).toContain('1.000.000');
    expect(fieldError(wrapper, 'ship-new-name').exists()).toBe(false);

    await type(wrapper, 'ship-new-code', 'idx-reg');
    await type(wrapper, 'ship-new-perKm', '12');
    await type(wrapper, 'ship-new-volumeFactor', '5000');
    await type(wrapper, 'ship-new-eta', ' 2–4 hari ');
    // 1 kg over 100 km: 9.500 + 7.200 + 12 × 100; 5 kg over 500 km: 9.500 + 36.000 + 6.000.
    expect(wrapper.get('[data-testid="ship-new-preview"]').text()).toBe('Contoh ongkir: 1 kg sejauh 100 km = Rp\u00a017.900; 5 kg sejauh 500 km = Rp\u00a051.500.');
    await wrapper.get('[data-testid="ship-new-form"]').trigger('submit');
    await settle(6);
    expect(calls.create).toEqual([{ code: 'idx-reg', courier: 'idx', name: 'ID Express Reguler', eta: '2–4 hari', base: 9500, perKg: 7200, perKm: 12, volumeFactor: 5000, active: true }]);
    expect(wrapper.find('[data-testid="ship-new-form"]').exists()).toBe(false);
    expect(wrapper.get('[data-testid="admin-shipping-notice"]').text()).toContain('ditambahkan');
    expect(rows(wrapper)).toHaveLength(2);
    expect(row(wrapper, 'IDX-REG').text()).toContain('Rp\u00a09.500');
  });

  it('shows the server’s refusals at their fields: a taken code (CONFLICT) and a BAD_USER_INPUT field', async () => {
    let reply: GqlError[] = [{ message: 'A shipping service with code JNE-REG already exists.', extensions: { code: 'CONFLICT', field: 'code' } }];
    const { wrapper, calls } = await mountPage({ list: [svc('s1', 'JNE-REG')], createReply: () => reply });
    await wrapper.get('[data-testid="admin-shipping-new"]').trigger('click');
    await type(wrapper, 'ship-new-code', 'jne-reg');
    await type(wrapper, 'ship-new-courier', 'jne');
    await type(wrapper, 'ship-new-name', 'JNE Reguler Dua');
    for (const f of ['base', 'perKg', 'perKm']) await type(wrapper, `ship-new-${f}`, '1000');
    await wrapper.get('[data-testid="ship-new-form"]').trigger('submit');
    await settle(6);
    expect(calls.create).toHaveLength(1);
    expect(fieldError(wrapper, 'ship-new-code').text()).toBe('Kode ini sudah dipakai layanan lain.');
    expect(wrapper.find('[data-testid="ship-new-form"]').exists()).toBe(true);

    reply = [{ message: 'base is at most Rp 10.000.000', extensions: { code: 'BAD_USER_INPUT', field: 'base' } }];
    await wrapper.get('[data-testid="ship-new-form"]').trigger('submit');
    await settle(6);
    expect(fieldError(wrapper, 'ship-new-code').exists()).toBe(false);
    expect(fieldError(wrapper, 'ship-new-base').text()).toContain('Isi rupiah bulat');

    reply = [{ message: 'Only admins manage shipping services.', extensions: { code: 'FORBIDDEN' } }];
    await wrapper.get('[data-testid="ship-new-form"]').trigger('submit');
    await settle(6);
    expect(wrapper.get('[data-testid="ship-new-error"]').text()).toBe('Only admins manage shipping services.');
  });

  it('edits a service’s name and rates (not its code) and shows the saved values', async () => {
    const { wrapper, calls } = await mountPage({
      list: [svc('s1', 'JNE-REG', { name: 'JNE Reguler' }), svc('s2', 'JNT-EZ')],
      updateReply: (id, input) => svc(id, 'JNE-REG', { ...(input as Partial<Service>) }),
    });
    await wrapper.get('[data-testid="admin-shipping-edit-JNE-REG"]').trigger('click');
    expect(wrapper.find('[data-testid="ship-JNE-REG-code"]').exists()).toBe(false);
    expect((wrapper.get('[data-testid="ship-JNE-REG-name"]').element as HTMLInputElement).value).toBe('JNE Reguler');
    expect((wrapper.get('[data-testid="ship-JNE-REG-base"]').element as HTMLInputElement).value).toBe('9.000');
    await type(wrapper, 'ship-JNE-REG-name', 'JNE Reguler Baru');
    await type(wrapper, 'ship-JNE-REG-base', '10000');
    await type(wrapper, 'ship-JNE-REG-eta', '');
    await wrapper.get('[data-testid="ship-JNE-REG-form"]').trigger('submit');
    await settle(6);
    expect(calls.update).toEqual([{ id: 's1', input: { courier: 'JNE', name: 'JNE Reguler Baru', eta: null, base: 10_000, perKg: 7000, perKm: 15, volumeFactor: 6000 } }]);
    expect(wrapper.find('[data-testid="ship-JNE-REG-form"]').exists()).toBe(false);
    expect(row(wrapper, 'JNE-REG').text()).toContain('JNE Reguler Baru');
    expect(row(wrapper, 'JNE-REG').text()).toContain('Rp\u00a010.000');
    expect(wrapper.get('[data-testid="admin-shipping-notice"]').text()).toContain('JNE Reguler Baru disimpan');
  });

  it('deactivates after confirmation, reactivates directly, and explains a refusal for the last active service', async () => {
    let refuse = false;
    const { wrapper, calls } = await mountPage({
      list: [svc('s1', 'JNE-REG'), svc('s2', 'JNT-EZ')],
      updateReply: (id, input) =>
        refuse
          ? [{ message: 'This is the last active shipping service.', extensions: { code: 'INVALID_STATE' } }]
          : svc(id, id === 's1' ? 'JNE-REG' : 'JNT-EZ', { active: input.active as boolean }),
    });
    await wrapper.get('[data-testid="admin-shipping-deactivate-JNE-REG"]').trigger('click');
    await settle(1);
    expect(calls.update).toHaveLength(0);
    expect(wrapper.get('[data-testid="admin-shipping-deactivate-dialog"]').text()).toContain('JNE-REG layanan tidak lagi ditawarkan');
    await wrapper.get('[data-testid="admin-shipping-deactivate-yes"]').trigger('click');
    await settle(6);
    expect(calls.update).toEqual([{ id: 's1', input: { active: false } }]);
    expect(wrapper.get('[data-testid="admin-shipping-status-JNE-REG"]').text()).toBe('Nonaktif');
    expect(wrapper.get('[data-testid="admin-shipping-notice"]').text()).toContain('dinonaktifkan');
    expect(wrapper.get('[data-testid="admin-shipping-deactivate-JNT-EZ"]').attributes('disabled')).toBeDefined();

    await wrapper.get('[data-testid="admin-shipping-activate-JNE-REG"]').trigger('click');
    await settle(6);
    expect(calls.update.at(-1)).toEqual({ id: 's1', input: { active: true } });
    expect(wrapper.get('[data-testid="admin-shipping-status-JNE-REG"]').text()).toBe('Aktif');

    // Another admin deactivated JNE-REG meanwhile: the server refuses with INVALID_STATE.
    refuse = true;
    await wrapper.get('[data-testid="admin-shipping-deactivate-JNT-EZ"]').trigger('click');
    await settle(1);
    await wrapper.get('[data-testid="admin-shipping-deactivate-yes"]').trigger('click');
    await settle(6);
    expect(wrapper.get('[data-testid="admin-shipping-error"]').text()).toContain('satu-satunya layanan aktif');
    expect(wrapper.get('[data-testid="admin-shipping-status-JNT-EZ"]').text()).toBe('Aktif');
  });

  it('speaks English too', async () => {
    const { wrapper } = await mountPage({ list: [svc('s1', 'JNE-REG', { active: false }), svc('s2', 'JNT-EZ')], locale: 'en' });
    expect(wrapper.get('h1').text()).toBe('Shipping services');
    expect(wrapper.get('[data-testid="admin-shipping-status-JNE-REG"]').text()).toBe('Inactive');
    expect(wrapper.get('[data-testid="admin-shipping-new"]').text()).toBe('Add a service');
  });
});
