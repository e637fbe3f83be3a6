import type { FetchResult } from '@apollo/client/core';
import type { MockedResponse } from '@apollo/client/testing/core';
import { describe, expect, it, vi } from 'vitest';
import { MyStoresDocument, StoreLowStockDocument } from '@/composables/useShop';
import { OwnerProductsDocument, SetStoreProductDocument, STORE_ADMIN_PAGE_SIZE, SuppliersDocument } from '@/composables/useStoreAdmin';
import { useSessionStore } from '@/stores/session';
import { storeFixture, storeProductFixture, userA, userB } from '@/test/fixtures';
import { authPayload, mountWithApp, settle } from '@/test/mountWithApp';
import StoreProductsPage from './StoreProductsPage.vue';

const inStore = { __typename: 'Store' as const, id: 's1', slug: 'harmoni-bandung', name: 'Harmoni Bandung' };
const supplierRef = (id: string, name: string) => ({ __typename: 'Supplier' as const, id, name });
const nadaJaya = supplierRef('sup1', 'CV Nada Jaya');
const sumber = supplierRef('sup2', 'UD Sumber Rejeki');
type LowStockItem = { id: string; title: string; stock: number; lowStockThreshold: number; supplier?: ReturnType<typeof supplierRef> | null };
const lowStock = (items: LowStockItem[]) => ({
  request: { query: StoreLowStockDocument, variables: { storeId: 's1' } },
  result: { data: { storeLowStock: items.map((i) => ({ __typename: 'Listing' as const, supplier: null, ...i })) } },
});
type OwnerProduct = ReturnType<typeof storeProductFixture> & { supplier?: ReturnType<typeof supplierRef> | null };
const edges = (nodes: OwnerProduct[]) => ({
  __typename: 'ListingConnection' as const,
  edges: nodes.map((node) => ({ __typename: 'ListingEdge' as const, node: { supplier: null, ...node } })),
});
const suppliers = (list = [nadaJaya, sumber]) => ({
  request: { query: SuppliersDocument, variables: { storeId: 's1' } },
  result: { data: { suppliers: list.map((s) => ({ ...s, phone: null, email: null })) } },
});
const setProduct = (variables: Record<string, unknown>, result: () => FetchResult) => ({ request: { query: SetStoreProductDocument, variables }, result });

const myStores = { request: { query: MyStoresDocument }, result: { data: { myStores: [storeFixture()] } } };
const ownerProducts = (nodes: OwnerProduct[]) => ({
  request: { query: OwnerProductsDocument, variables: { first: STORE_ADMIN_PAGE_SIZE } },
  result: { data: { myListings: edges(nodes) } },
});

async function mountProducts(mocks: MockedResponse[], user: { id: string; displayName: string } = userA) {
  const mounted = await mountWithApp(StoreProductsPage, {
    route: '/toko-saya/produk',
    before: () => useSessionStore().login(authPayload(user)),
    mocks: [myStores, ...mocks],
  });
  await settle(8);
  return mounted;
}

describe('StoreProductsPage', () => {
  it('lists the owner’s sale listings and puts one in the store with a low-stock threshold', async () => {
    const guitar = storeProductFixture({ store: inStore, featured: true, lowStockThreshold: 2 });
    const strings = storeProductFixture({ id: 'l2', title: 'Senar gitar', price: 25_000, stock: 1 });
    const barter = storeProductFixture({ id: 'l3', title: 'Sepeda lipat', kind: 'BARTER' });
    const save = vi.fn(() => ({ data: { setStoreProduct: { ...strings, store: inStore, lowStockThreshold: 3, supplier: null } } }));
    const { wrapper } = await mountProducts([
      lowStock([]),
      ownerProducts([guitar, strings, barter]),
      suppliers(),
      setProduct({ listingId: 'l2', storeId: 's1', featured: false, lowStockThreshold: 3, supplierId: null }, save),
      lowStock([{ id: 'l2', title: 'Senar gitar', stock: 1, lowStockThreshold: 3 }]),
    ]);
    expect(wrapper.findAll('[data-testid^="product-row-"]')).toHaveLength(2);
    expect(wrapper.get('[data-testid="products-count"]').text()).toBe('1 dari 2 iklan jual ada di toko');
    expect((wrapper.get('[data-testid="product-instore-l1"]').element as HTMLInputElement).checked).toBe(true);
    expect((wrapper.get('[data-testid="product-featured-l1"]').element as HTMLInputElement).checked).toBe(true);
    expect(wrapper.get('[data-testid="product-edit-l2"]').attributes('href')).toBe('/listings/l2/edit');
    expect(wrapper.get('[data-testid="low-stock"]').text()).toContain('Semua stok aman.');

    const saveButton = wrapper.get('[data-testid="product-save-l2"]');
    expect(saveButton.attributes('disabled')).toBeDefined();
    expect(wrapper.get('[data-testid="product-featured-l2"]').attributes('disabled')).toBeDefined();
    await wrapper.get('[data-testid="product-instore-l2"]').setValue(true);
    await wrapper.get('[data-testid="product-threshold-l2"]').setValue('3');
    expect(saveButton.attributes('disabled')).toBeUndefined();
    await saveButton.trigger('submit');
    await settle(8);
    expect(save).toHaveBeenCalledTimes(1);
    expect(wrapper.get('[data-testid="products-count"]').text()).toBe('2 dari 2 iklan jual ada di toko');
    // the low-stock list follows the change
    expect(wrapper.get('[data-testid="low-stock"]').text()).toContain('Senar gitar');
    expect(wrapper.get('[data-testid="low-stock"]').text()).toContain('sisa 1 (batas 3)');
    expect(wrapper.get('[data-testid="low-stock-supplier-l2"]').text()).toBe('Tanpa pemasok');
  });

  it('sets a product’s supplier from the store’s suppliers, and the low-stock list shows it', async () => {
    const guitar = storeProductFixture({ store: inStore, stock: 1, lowStockThreshold: 2 });
    const save = vi.fn(() => ({ data: { setStoreProduct: { ...guitar, supplier: sumber } } }));
    const { wrapper } = await mountProducts([
      lowStock([{ id: 'l1', title: 'Gitar akustik', stock: 1, lowStockThreshold: 2 }]),
      ownerProducts([guitar]),
      suppliers(),
      setProduct({ listingId: 'l1', storeId: 's1', featured: false, lowStockThreshold: 2, supplierId: 'sup2' }, save),
      lowStock([{ id: 'l1', title: 'Gitar akustik', stock: 1, lowStockThreshold: 2, supplier: sumber }]),
    ]);
    const select = wrapper.get('[data-testid="product-supplier-l1"]');
    expect(select.findAll('option').map((o) => o.text())).toEqual(['Tanpa pemasok', 'CV Nada Jaya', 'UD Sumber Rejeki']);
    expect((select.element as HTMLSelectElement).value).toBe('');
    expect(wrapper.get('[data-testid="low-stock-supplier-l1"]').text()).toBe('Tanpa pemasok');
    await select.setValue('sup2');
    await wrapper.get('[data-testid="product-row-l1"] form').trigger('submit');
    await settle(8);
    expect(save).toHaveBeenCalledTimes(1);
    expect((wrapper.get('[data-testid="product-supplier-l1"]').element as HTMLSelectElement).value).toBe('sup2');
    expect(wrapper.get('[data-testid="low-stock-supplier-l1"]').text()).toBe('pemasok: UD Sumber Rejeki');
  });

  it('keeps the supplier when another setting changes (setStoreProduct would clear it)', async () => {
    const guitar = storeProductFixture({ store: inStore, featured: true, lowStockThreshold: 2, supplier: nadaJaya });
    const save = vi.fn(() => ({ data: { setStoreProduct: { ...guitar, lowStockThreshold: 4 } } }));
    const { wrapper } = await mountProducts([
      lowStock([]),
      ownerProducts([guitar]),
      suppliers(),
      setProduct({ listingId: 'l1', storeId: 's1', featured: true, lowStockThreshold: 4, supplierId: 'sup1' }, save),
      lowStock([]),
    ]);
    expect((wrapper.get('[data-testid="product-supplier-l1"]').element as HTMLSelectElement).value).toBe('sup1');
    await wrapper.get('[data-testid="product-threshold-l1"]').setValue('4');
    await wrapper.get('[data-testid="product-row-l1"] form').trigger('submit');
    await settle(8);
    expect(save).toHaveBeenCalledTimes(1);
  });

  it('takes a product out of the store without a supplier (only a store product has one)', async () => {
    const guitar = storeProductFixture({ store: inStore, supplier: nadaJaya });
    const save = vi.fn(() => ({ data: { setStoreProduct: { ...guitar, store: null, supplier: null } } }));
    const { wrapper } = await mountProducts([
      lowStock([]),
      ownerProducts([guitar]),
      suppliers(),
      setProduct({ listingId: 'l1', storeId: null, featured: false, lowStockThreshold: null, supplierId: null }, save),
      lowStock([]),
    ]);
    await wrapper.get('[data-testid="product-instore-l1"]').setValue(false);
    const select = wrapper.get('[data-testid="product-supplier-l1"]');
    expect(select.attributes('disabled')).toBeDefined();
    expect((select.element as HTMLSelectElement).value).toBe('');
    await wrapper.get('[data-testid="product-row-l1"] form').trigger('submit');
    await settle(8);
    expect(save).toHaveBeenCalledTimes(1);
    expect(wrapper.get('[data-testid="products-count"]').text()).toBe('0 dari 1 iklan jual ada di toko');
  });

  it('refuses a fractional threshold without sending it', async () => {
    const save = vi.fn();
    const { wrapper } = await mountProducts([
      lowStock([]),
      ownerProducts([storeProductFixture({ store: inStore })]),
      suppliers(),
      { request: { query: SetStoreProductDocument }, variableMatcher: () => true, result: save },
    ]);
    await wrapper.get('[data-testid="product-threshold-l1"]').setValue('1.5');
    expect(wrapper.text()).toContain('Isi bilangan bulat 0 atau lebih, atau kosongkan.');
    await wrapper.get('[data-testid="product-row-l1"] form').trigger('submit');
    await settle(3);
    expect(save).not.toHaveBeenCalled();
  });

  it('shows staff the low-stock list with reorder links, but not the owner’s products', async () => {
    const { wrapper } = await mountProducts([lowStock([{ id: 'l2', title: 'Senar gitar', stock: 0, lowStockThreshold: 3, supplier: nadaJaya }])], userB);
    expect(wrapper.get('[data-testid="low-stock-supplier-l2"]').text()).toBe('pemasok: CV Nada Jaya');
    expect(wrapper.get('[data-testid="products-owner-only"]').text()).toContain('Hanya pemilik toko');
    expect(wrapper.find('[data-testid^="product-row-"]').exists()).toBe(false);
    expect(wrapper.get('[data-testid="low-stock-restock-l2"]').attributes('href')).toBe('/toko-saya/restok?toko=harmoni-bandung&produk=l2');
    // staff do not see the owner's tabs
    expect(wrapper.find('[data-testid="store-tab-store-staff"]').exists()).toBe(false);
    expect(wrapper.find('[data-testid="store-tab-store-restock"]').exists()).toBe(true);
  });

  it('lists every low-stock product (the desk shows only the first three)', async () => {
    const items = ['Senar gitar', 'Pick gitar', 'Capo', 'Tali strap', 'Kabel jack'].map((title, i) => ({ id: `l${i + 1}`, title, stock: 0, lowStockThreshold: 3 }));
    const { wrapper } = await mountProducts([lowStock(items)], userB);
    expect(wrapper.findAll('[data-testid="low-stock-item"]')).toHaveLength(5);
    expect(wrapper.find('[data-testid="low-stock-all"]').exists()).toBe(false);
  });
});
