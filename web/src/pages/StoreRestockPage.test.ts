import { describe, expect, it, vi } from 'vitest';
import { MyStoresDocument, StoreLowStockDocument } from '@/composables/useShop';
import {
  AddSupplierDocument,
  CancelRestockOrderDocument,
  CreateRestockOrderDocument,
  ReceiveRestockOrderDocument,
  RestockOrdersDocument,
  STORE_ADMIN_PAGE_SIZE,
  StoreProductOptionsDocument,
  SuppliersDocument,
} from '@/composables/useStoreAdmin';
import { useSessionStore } from '@/stores/session';
import { storeFixture, userB } from '@/test/fixtures';
import { authPayload, mountWithApp, settle } from '@/test/mountWithApp';
import StoreRestockPage from './StoreRestockPage.vue';

const supplier = (id: string, name: string) => ({ __typename: 'Supplier' as const, id, name, phone: '0812000111', email: null });
const listing = (id: string, title: string, stock: number) => ({ __typename: 'Listing' as const, id, title, stock });
const item = (id: string, l: ReturnType<typeof listing>, ordered: number, received: number | null = null) => ({
  __typename: 'RestockItem' as const,
  id,
  quantityOrdered: ordered,
  quantityReceived: received,
  listing: l,
});
const guitar = listing('l1', 'Gitar akustik', 5);
const strings = listing('l2', 'Senar gitar', 1);
const restockOrder = (overrides: Record<string, unknown> = {}) => ({
  __typename: 'RestockOrder' as const,
  id: 'r1',
  status: 'ORDERED',
  createdAt: '2026-11-20T03:00:00.000Z',
  receivedAt: null,
  supplier: { __typename: 'Supplier' as const, id: 'sup1', name: 'CV Nada Jaya' },
  items: [item('i1', guitar, 4), item('i2', strings, 10)],
  ...overrides,
});

const supplierOf = (id: string, name: string) => ({ __typename: 'Supplier' as const, id, name });

function baseMocks(orders: ReturnType<typeof restockOrder>[], suppliers = [supplier('sup1', 'CV Nada Jaya')], stringsSupplier: ReturnType<typeof supplierOf> | null = null) {
  return [
    { request: { query: MyStoresDocument }, result: { data: { myStores: [storeFixture()] } } },
    { request: { query: SuppliersDocument, variables: { storeId: 's1' } }, result: { data: { suppliers } } },
    { request: { query: RestockOrdersDocument, variables: { storeId: 's1' } }, result: { data: { restockOrders: orders } } },
    {
      request: { query: StoreProductOptionsDocument, variables: { slug: 'harmoni-bandung', first: STORE_ADMIN_PAGE_SIZE } },
      result: { data: { store: { __typename: 'Store' as const, id: 's1', products: [{ ...guitar, supplier: null }] } } },
    },
    {
      request: { query: StoreLowStockDocument, variables: { storeId: 's1' } },
      result: { data: { storeLowStock: [{ ...strings, lowStockThreshold: 3, supplier: stringsSupplier }] } },
    },
  ];
}

// userB is staff (not the owner): restock is for every staff member
const asStaff = () => useSessionStore().login(authPayload({ id: userB.id, displayName: userB.displayName }));

describe('StoreRestockPage', () => {
  it('receives a short delivery: the received quantities are sent, and the order shows what arrived', async () => {
    const received = vi.fn(() => ({
      data: { receiveRestockOrder: restockOrder({ status: 'RECEIVED', receivedAt: '2026-11-22T03:00:00.000Z', items: [item('i1', { ...guitar, stock: 9 }, 4, 4), item('i2', { ...strings, stock: 7 }, 10, 6)] }) },
    }));
    const { wrapper } = await mountWithApp(StoreRestockPage, {
      route: '/toko-saya/restok',
      before: asStaff,
      mocks: [
        ...baseMocks([restockOrder()]),
        { request: { query: ReceiveRestockOrderDocument, variables: { restockId: 'r1', received: [{ itemId: 'i1', quantity: 4 }, { itemId: 'i2', quantity: 6 }] } }, result: received },
        { request: { query: StoreLowStockDocument, variables: { storeId: 's1' } }, result: { data: { storeLowStock: [] } } },
      ],
    });
    await settle(8);
    expect(wrapper.get('[data-testid="restock-status-r1"]').text()).toBe('Dipesan');
    await wrapper.get('[data-testid="restock-receive-r1"]').trigger('click');
    const dialog = wrapper.get('[data-testid="restock-receive-dialog"]');
    expect((dialog.get('[data-testid="rr-quantity-i1"]').element as HTMLInputElement).value).toBe('4');
    await dialog.get('[data-testid="rr-quantity-i2"]').setValue('11');
    expect(dialog.text()).toContain('Isi bilangan bulat 0–10.');
    expect(dialog.get('[data-testid="rr-submit"]').attributes('disabled')).toBeDefined();
    await dialog.get('[data-testid="rr-quantity-i2"]').setValue('6');
    expect(dialog.get('[data-testid="rr-short"]').text()).toContain('Kiriman kurang');
    await dialog.get('[data-testid="rr-submit"]').trigger('click');
    await settle(8);
    expect(received).toHaveBeenCalledTimes(1);
    expect(wrapper.find('[data-testid="restock-receive-dialog"]').exists()).toBe(false);
    expect(wrapper.get('[data-testid="restock-status-r1"]').text()).toBe('Diterima');
    expect(wrapper.get('[data-testid="restock-order"]').text()).toContain('datang 6');
    expect(wrapper.get('[data-testid="restock-notice"]').text()).toBe('Barang diterima, stok bertambah.');
  });

  it('orders a low-stock product again: the form starts with it, and the new order heads the list', async () => {
    const created = restockOrder({ id: 'r2', items: [item('i3', strings, 12)] });
    const { wrapper, router } = await mountWithApp(StoreRestockPage, {
      route: '/toko-saya/restok?produk=l2',
      before: asStaff,
      mocks: [
        ...baseMocks([restockOrder({ status: 'CANCELLED' })]),
        { request: { query: CreateRestockOrderDocument, variables: { storeId: 's1', supplierId: 'sup1', lines: [{ listingId: 'l2', quantity: 12 }] } }, result: { data: { createRestockOrder: created } } },
      ],
    });
    await settle(8);
    const form = wrapper.get('[data-testid="restock-form"]');
    expect((form.get('[data-testid="rs-supplier"]').element as HTMLSelectElement).value).toBe('sup1');
    expect((form.get('[data-testid="rs-product-0"]').element as HTMLSelectElement).value).toBe('l2');
    // the options: the store's products and the low-stock ones
    expect(form.findAll('[data-testid="rs-product-0"] option').map((o) => o.text())).toEqual(['Pilih produk', 'Gitar akustik (stok 5)', 'Senar gitar (stok 1)']);
    await form.get('[data-testid="rs-quantity-0"]').setValue('12');
    await form.trigger('submit');
    await settle(8);
    expect(wrapper.find('[data-testid="restock-form"]').exists()).toBe(false);
    const orders = wrapper.findAll('[data-testid="restock-order"]');
    expect(orders.map((o) => o.attributes('data-status'))).toEqual(['ORDERED', 'CANCELLED']);
    expect(orders[0].text()).toContain('12 × Senar gitar');
    expect(router.currentRoute.value.query.produk).toBeUndefined();
  });

  it('"Pesan ulang" starts with the product’s own supplier, and orders from it', async () => {
    const create = vi.fn(() => ({ data: { createRestockOrder: restockOrder({ id: 'r3', supplier: supplierOf('sup2', 'UD Sumber Rejeki'), items: [item('i4', strings, 20)] }) } }));
    const { wrapper } = await mountWithApp(StoreRestockPage, {
      route: '/toko-saya/restok?produk=l2',
      before: asStaff,
      mocks: [
        ...baseMocks([], [supplier('sup1', 'CV Nada Jaya'), supplier('sup2', 'UD Sumber Rejeki')], supplierOf('sup2', 'UD Sumber Rejeki')),
        { request: { query: CreateRestockOrderDocument, variables: { storeId: 's1', supplierId: 'sup2', lines: [{ listingId: 'l2', quantity: 20 }] } }, result: create },
      ],
    });
    await settle(8);
    const form = wrapper.get('[data-testid="restock-form"]');
    expect((form.get('[data-testid="rs-supplier"]').element as HTMLSelectElement).value).toBe('sup2');
    expect((form.get('[data-testid="rs-product-0"]').element as HTMLSelectElement).value).toBe('l2');
    await form.get('[data-testid="rs-quantity-0"]').setValue('20');
    await form.trigger('submit');
    await settle(8);
    expect(create).toHaveBeenCalledTimes(1);
    expect(wrapper.get('[data-testid="restock-order"]').text()).toContain('UD Sumber Rejeki');
  });

  it('a new order without "Pesan ulang" waits for a supplier to be chosen when there are several', async () => {
    const { wrapper } = await mountWithApp(StoreRestockPage, {
      route: '/toko-saya/restok',
      before: asStaff,
      mocks: baseMocks([], [supplier('sup1', 'CV Nada Jaya'), supplier('sup2', 'UD Sumber Rejeki')], supplierOf('sup2', 'UD Sumber Rejeki')),
    });
    await settle(8);
    await wrapper.get('[data-testid="restock-new"]').trigger('click');
    expect((wrapper.get('[data-testid="rs-supplier"]').element as HTMLSelectElement).value).toBe('');
  });

  it('cancels an ordered restock only after confirming', async () => {
    const cancel = vi.fn(() => ({ data: { cancelRestockOrder: restockOrder({ status: 'CANCELLED' }) } }));
    const { wrapper } = await mountWithApp(StoreRestockPage, {
      route: '/toko-saya/restok',
      before: asStaff,
      mocks: [...baseMocks([restockOrder()]), { request: { query: CancelRestockOrderDocument, variables: { restockId: 'r1' } }, result: cancel }],
    });
    await settle(8);
    await wrapper.get('[data-testid="restock-cancel-r1"]').trigger('click');
    expect(cancel).not.toHaveBeenCalled();
    expect(wrapper.get('[data-testid="restock-cancel-confirm"]').text()).toContain('CV Nada Jaya');
    await wrapper.get('[data-testid="restock-cancel-confirm-yes"]').trigger('click');
    await settle(5);
    expect(cancel).toHaveBeenCalledTimes(1);
    expect(wrapper.get('[data-testid="restock-status-r1"]').text()).toBe('Dibatalkan');
    expect(wrapper.find('[data-testid="restock-receive-r1"]').exists()).toBe(false);
  });

  it('asks for a supplier first, then adds one and can order', async () => {
    const { wrapper } = await mountWithApp(StoreRestockPage, {
      route: '/toko-saya/restok',
      before: asStaff,
      mocks: [
        ...baseMocks([], []),
        {
          request: { query: AddSupplierDocument, variables: { storeId: 's1', input: { name: 'UD Sumber Rejeki', phone: '0812000111', email: null } } },
          result: { data: { addSupplier: supplier('sup2', 'UD Sumber Rejeki') } },
        },
      ],
    });
    await settle(8);
    expect(wrapper.get('[data-testid="restock-empty"]').text()).toBe('Belum ada pesanan restok.');
    expect(wrapper.get('[data-testid="suppliers-empty"]').text()).toBe('Belum ada pemasok.');
    expect(wrapper.get('[data-testid="restock-new"]').attributes('disabled')).toBeDefined();
    await wrapper.get('[data-testid="sup-name"]').setValue('U');
    await wrapper.get('[data-testid="supplier-form"]').trigger('submit');
    expect(wrapper.text()).toContain('Nama pemasok 2–120 karakter.');
    await wrapper.get('[data-testid="sup-name"]').setValue('UD Sumber Rejeki');
    await wrapper.get('[data-testid="sup-phone"]').setValue('0812000111');
    await wrapper.get('[data-testid="supplier-form"]').trigger('submit');
    await settle(5);
    expect(wrapper.findAll('[data-testid="supplier"]').map((s) => s.text())).toEqual(['UD Sumber Rejeki0812000111']);
    expect((wrapper.get('[data-testid="sup-name"]').element as HTMLInputElement).value).toBe('');
    expect(wrapper.get('[data-testid="restock-new"]').attributes('disabled')).toBeUndefined();
  });
});
