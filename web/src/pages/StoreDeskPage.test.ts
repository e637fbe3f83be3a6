import { describe, expect, it, vi } from 'vitest';
import CityAutocomplete from '@/components/form/CityAutocomplete.vue';
import { MyStoresDocument, StoreAnalyticsDocument, StoreLowStockDocument, StoreOrdersDocument, UpdateOrderDocument } from '@/composables/useShop';
import { CreateStoreDocument } from '@/composables/useStoreAdmin';
import { useSessionStore } from '@/stores/session';
import { escrowPaymentFixture, orderFixture, proofFixture, storeFixture } from '@/test/fixtures';
import { createLiveApollo } from '@/test/liveApollo';
import { authPayload, mountWithApp, settle } from '@/test/mountWithApp';
import StoreDeskPage from './StoreDeskPage.vue';

const lowItem = (id: string, title: string) => ({ __typename: 'Listing' as const, id, title, stock: 1, lowStockThreshold: 3, supplier: { __typename: 'Supplier' as const, id: 'sup1', name: 'CV Nada Jaya' } });
const bestSeller = (title: string, quantity: number, revenue: number) => ({ __typename: 'BestSeller' as const, title, quantity, revenue });
const deskMocks = (
  orders: (ReturnType<typeof orderFixture> & { payment?: unknown })[],
  { lowStock = [lowItem('l9', 'Senar gitar')], bestSellers = [] }: { lowStock?: ReturnType<typeof lowItem>[]; bestSellers?: ReturnType<typeof bestSeller>[] } = {},
) => [
  { request: { query: MyStoresDocument }, result: { data: { myStores: [storeFixture()] } } },
  { request: { query: StoreOrdersDocument, variables: { storeId: 's1', status: null, first: 50 } }, result: { data: { storeOrders: orders.map((o) => ({ payment: null, ...o })) } } },
  { request: { query: StoreLowStockDocument, variables: { storeId: 's1' } }, result: { data: { storeLowStock: lowStock } } },
  {
    request: { query: StoreAnalyticsDocument, variables: { storeId: 's1' } },
    result: { data: { storeAnalytics: { __typename: 'StoreAnalyticsView' as const, todaySales: 0, todayOrders: 0, monthSales: 325_000, monthOrders: 1, bestSellers } } },
  },
];

async function mountDesk(mocks: Parameters<typeof createLiveApollo>[0]) {
  const live = createLiveApollo(mocks);
  const mounted = await mountWithApp(StoreDeskPage, { client: live.client, route: '/toko-saya', before: () => useSessionStore().login(authPayload()) });
  await settle(8);
  return mounted;
}

describe('StoreDeskPage', () => {
  it('asks before a refund, stating the amount in rupiah, and only then refunds', async () => {
    const refund = vi.fn(() => ({ data: { updateOrder: orderFixture({ status: 'REFUNDED' }) } }));
    const { wrapper } = await mountDesk([
      ...deskMocks([orderFixture()]),
      { request: { query: UpdateOrderDocument, variables: { orderId: 'o1', action: 'REFUND', trackingNumber: null } }, result: refund },
    ]);
    expect(wrapper.get('[data-testid="desk-status-o1"]').text()).toBe('Dibayar');
    await wrapper.get('[data-testid="desk-refund-o1"]').trigger('click');
    await settle();
    expect(refund).not.toHaveBeenCalled();
    const text = wrapper.get('[data-testid="desk-money-text"]').text();
    expect(text).toContain('Rp\u00a0325.000');
    expect(text).toContain('Budi Santoso');
    expect(wrapper.get('[data-testid="desk-money-yes"]').text()).toBe('Ya, kembalikan Rp\u00a0325.000');

    await wrapper.get('[data-testid="desk-money-yes"]').trigger('click');
    await settle(5);
    expect(refund).toHaveBeenCalledTimes(1);
    expect(wrapper.find('[data-testid="desk-money"]').exists()).toBe(false);
    expect(wrapper.get('[data-testid="desk-status-o1"]').text()).toBe('Dana dikembalikan');
  });

  it('asks before cancelling a paid order, but cancels an unpaid one at once', async () => {
    const cancelUnpaid = vi.fn(() => ({ data: { updateOrder: orderFixture({ id: 'o2', status: 'CANCELLED', paidAt: null }) } }));
    const { wrapper } = await mountDesk([
      ...deskMocks([orderFixture(), orderFixture({ id: 'o2', number: 'PSR-20261121-AAAAAA', status: 'PENDING_PAYMENT', paidAt: null })]),
      { request: { query: UpdateOrderDocument, variables: { orderId: 'o2', action: 'CANCEL', trackingNumber: null } }, result: cancelUnpaid },
    ]);
    await wrapper.get('[data-testid="desk-cancel-o1"]').trigger('click');
    await settle();
    expect(wrapper.get('[data-testid="desk-money-text"]').text()).toContain('sudah dibayar Rp\u00a0325.000');
    await wrapper.get('[data-testid="desk-money-back"]').trigger('click');
    expect(wrapper.find('[data-testid="desk-money"]').exists()).toBe(false);

    await wrapper.get('[data-testid="desk-cancel-o2"]').trigger('click');
    await settle(5);
    expect(wrapper.find('[data-testid="desk-money"]').exists()).toBe(false);
    expect(cancelUnpaid).toHaveBeenCalledTimes(1);
  });

  it('shows a pending order’s transfer receipt beside "Konfirmasi pembayaran", and says when none was sent', async () => {
    const unpaid = { status: 'PENDING_PAYMENT', paidAt: null };
    const { wrapper } = await mountDesk(
      deskMocks([
        { ...orderFixture({ ...unpaid }), payment: escrowPaymentFixture({ amount: 325_000, proof: proofFixture() }) },
        { ...orderFixture({ ...unpaid, id: 'o2', number: 'PSR-20261121-BBBBBB' }), payment: escrowPaymentFixture({ id: 'pay2', amount: 325_000 }) },
        { ...orderFixture({ ...unpaid, id: 'o3', number: 'PSR-20261121-CCCCCC' }), payment: null },
        { ...orderFixture({ id: 'o4', number: 'PSR-20261121-DDDDDD' }), payment: escrowPaymentFixture({ id: 'pay4', status: 'PAID', proof: proofFixture({ id: 'ph4' }) }) },
      ]),
    );
    const row = (id: string) => wrapper.get(`[data-testid="desk-order"][data-order-id="${id}"]`);

    const thumb = row('o1').get('[data-testid="desk-proof-o1-thumb"]');
    expect(thumb.attributes('src')).toBe('/media/ph1-thumb.webp');
    expect(thumb.attributes('alt')).toBe('Bukti transfer pesanan PSR-20261121-7F3K2Q');
    const link = row('o1').get('[data-testid="desk-proof-o1-link"]');
    expect(link.attributes('href')).toBe('/media/ph1.webp');
    expect(link.attributes('target')).toBe('_blank');
    expect(row('o1').get('[data-testid="desk-confirm-o1"]').text()).toBe('Konfirmasi pembayaran');
    expect(row('o1').find('[data-testid="desk-no-proof-o1"]').exists()).toBe(false);

    // a pending transfer without a receipt, and an order not paid at all: the hint instead
    for (const id of ['o2', 'o3']) {
      expect(row(id).find(`[data-testid="desk-proof-${id}-thumb"]`).exists()).toBe(false);
      expect(row(id).get(`[data-testid="desk-no-proof-${id}"]`).text()).toBe('Pembeli belum mengirim bukti transfer. Cocokkan dengan mutasi rekening sebelum mengonfirmasi.');
      expect(row(id).find(`[data-testid="desk-confirm-${id}"]`).exists()).toBe(true);
    }
    // once paid there is nothing to confirm, so no receipt either
    expect(row('o4').find('[data-testid="desk-proof-o4-thumb"]').exists()).toBe(false);
    expect(row('o4').find('[data-testid="desk-no-proof-o4"]').exists()).toBe(false);
  });

  it('a receipt sent while the desk is open appears live (orderUpdated refetches the list)', async () => {
    const order = orderFixture({ status: 'PENDING_PAYMENT', paidAt: null });
    const [stores, , low, analytics] = deskMocks([]);
    const live = createLiveApollo([
      stores,
      { ...low, maxUsageCount: Number.POSITIVE_INFINITY },
      { ...analytics, maxUsageCount: Number.POSITIVE_INFINITY },
      { request: { query: StoreOrdersDocument, variables: { storeId: 's1', status: null, first: 50 } }, result: { data: { storeOrders: [{ ...order, payment: escrowPaymentFixture() }] } } },
      { request: { query: StoreOrdersDocument, variables: { storeId: 's1', status: null, first: 50 } }, result: { data: { storeOrders: [{ ...order, payment: escrowPaymentFixture({ proof: proofFixture() }) }] } } },
    ]);
    const { wrapper } = await mountWithApp(StoreDeskPage, { client: live.client, route: '/toko-saya', before: () => useSessionStore().login(authPayload()) });
    await settle(8);
    expect(wrapper.find('[data-testid="desk-no-proof-o1"]').exists()).toBe(true);
    live.emit('OrderUpdated', { orderUpdated: order });
    await settle(8);
    expect(wrapper.get('[data-testid="desk-proof-o1-thumb"]').attributes('src')).toBe('/media/ph1-thumb.webp');
    expect(wrapper.find('[data-testid="desk-no-proof-o1"]').exists()).toBe(false);
  });

  it('links a low-stock product to a restock order for it', async () => {
    const { wrapper } = await mountDesk(deskMocks([]));
    expect(wrapper.get('[data-testid="desk-empty"]').text()).toBe('Tidak ada pesanan di sini.');
    const link = wrapper.get('[data-testid="low-stock-restock-l9"]');
    expect(link.attributes('href')).toBe('/toko-saya/restok?toko=harmoni-bandung&produk=l9');
    expect(wrapper.get('[data-testid="low-stock-supplier-l9"]').text()).toBe('pemasok: CV Nada Jaya');
    expect(wrapper.find('[data-testid="low-stock-all"]').exists()).toBe(false);
  });

  it('lists at most three low-stock products before the orders, with "Lihat semua (N)" to the products page', async () => {
    const lowStock = ['Senar gitar', 'Pick gitar', 'Capo', 'Tali strap', 'Kabel jack'].map((title, i) => lowItem(`l${i + 1}`, title));
    const { wrapper } = await mountDesk(deskMocks([orderFixture()], { lowStock }));
    const desk = wrapper.get('[data-testid="desk-low-stock"]');
    expect(desk.findAll('[data-testid="low-stock-item"]').map((li) => li.get('.title').text())).toEqual(['Senar gitar', 'Pick gitar', 'Capo']);
    const all = desk.get('[data-testid="low-stock-all"]');
    expect(all.text()).toBe('Lihat semua (5)');
    expect(all.attributes('href')).toBe('/toko-saya/produk?toko=harmoni-bandung');
  });

  it('says when nothing sold this month instead of an empty best-sellers card', async () => {
    const empty = await mountDesk(deskMocks([]));
    expect(empty.wrapper.get('[data-testid="desk-no-best-sellers"]').text()).toBe('Belum ada penjualan bulan ini.');

    const sold = await mountDesk(deskMocks([], { bestSellers: [bestSeller('Senar gitar', 4, 100_000)] }));
    expect(sold.wrapper.find('[data-testid="desk-no-best-sellers"]').exists()).toBe(false);
    expect(sold.wrapper.get('.best').text()).toContain('Senar gitar');
    expect(sold.wrapper.get('.best').text()).toContain('4 terjual · Rp\u00a0100.000');
  });

  it('without a store shows the "Buka toko" form and opens one with the slug taken from the name', async () => {
    const created = storeFixture({ id: 's9', slug: 'toko-maju-jaya', name: 'Toko Maju Jaya', phone: null, hours: null, color: null });
    const { wrapper, router } = await mountDesk([
      { request: { query: MyStoresDocument }, result: { data: { myStores: [] } } },
      {
        request: {
          query: CreateStoreDocument,
          variables: { input: { name: 'Toko Maju Jaya', slug: 'toko-maju-jaya', address: 'Jl. Dago No. 5, Coblong', cityCode: '32.73', phone: null, hours: null, color: null } },
        },
        result: { data: { createStore: created } },
      },
      { request: { query: MyStoresDocument }, result: { data: { myStores: [created] } } },
    ]);
    expect(wrapper.get('[data-testid="store-open"]').text()).toContain('Buka toko');
    await wrapper.get('[data-testid="sp-submit"]').trigger('submit');
    expect(wrapper.text()).toContain('Nama toko 3–80 karakter.');
    expect(wrapper.text()).toContain('Pilih kota dari daftar.');

    await wrapper.get('[data-testid="sp-name"]').setValue('Toko Maju Jaya');
    expect((wrapper.get('[data-testid="sp-slug"]').element as HTMLInputElement).value).toBe('toko-maju-jaya');
    await wrapper.get('[data-testid="sp-address"]').setValue('Jl. Dago No. 5, Coblong');
    wrapper.findComponent(CityAutocomplete).vm.$emit('update:modelValue', { code: '32.73', name: 'Kota Bandung' });
    await settle();
    await wrapper.get('[data-testid="store-profile-form"]').trigger('submit');
    await vi.waitFor(() => expect(router.currentRoute.value.fullPath).toBe('/toko-saya/produk?toko=toko-maju-jaya'), { timeout: 3000 });
  });
});
