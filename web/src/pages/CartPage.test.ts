import { describe, expect, it } from 'vitest';
import { CartDocument, UpdateCartItemDocument } from '@/composables/useShop';
import { mountWithApp, settle } from '@/test/mountWithApp';
import CartPage from './CartPage.vue';

function product(id: string, storeId: string, price: number, stock = 5) {
  return {
    __typename: 'Listing' as const,
    id,
    title: `Produk ${id}`,
    kind: 'SALE' as const,
    status: 'ACTIVE' as const,
    price,
    stock,
    lowStockThreshold: 1,
    featured: false,
    weightGrams: 500,
    thumbnail: null,
    store: { __typename: 'Store' as const, id: storeId, slug: `toko-${storeId}`, name: `Toko ${storeId}` },
  };
}
function cart(lines: [ReturnType<typeof product>, number][]) {
  const cartLines = lines.map(([listing, quantity]) => ({ __typename: 'CartLineView' as const, quantity, lineTotal: listing.price * quantity, listing }));
  return {
    __typename: 'Cart' as const,
    items: cartLines.reduce((n, l) => n + l.quantity, 0),
    subtotal: cartLines.reduce((n, l) => n + l.lineTotal, 0),
    lines: cartLines,
  };
}

describe('CartPage', () => {
  it('groups lines per store with their subtotals and a checkout per store', async () => {
    const a = product('l1', 's1', 150_000);
    const b = product('l2', 's1', 25_000);
    const c = product('l3', 's2', 50_000);
    const { wrapper } = await mountWithApp(CartPage, {
      mocks: [{ request: { query: CartDocument }, result: { data: { cart: cart([[a, 2], [b, 1], [c, 1]]) } } }],
    });
    await settle(5);
    expect(wrapper.findAll('[data-testid="cart-line"]')).toHaveLength(3);
    const subtotals = wrapper.findAll('[data-testid="cart-subtotal"]').map((w) => w.text());
    expect(subtotals[0]).toContain('325.000');
    expect(subtotals[1]).toContain('50.000');
    const links = wrapper.findAll('[data-testid="cart-checkout"]').map((w) => w.attributes('href'));
    expect(links).toEqual(['/checkout/s1', '/checkout/s2']);
    expect(wrapper.get('[data-testid="cart-checkout"]').text()).toBe('Lanjut ke pembayaran');
  });

  it('steps a quantity and shows the new totals from the server', async () => {
    const a = product('l1', 's1', 150_000);
    const { wrapper } = await mountWithApp(CartPage, {
      mocks: [
        { request: { query: CartDocument }, result: { data: { cart: cart([[a, 1]]) } } },
        { request: { query: UpdateCartItemDocument, variables: { listingId: 'l1', quantity: 2 } }, result: { data: { updateCartItem: cart([[a, 2]]) } } },
      ],
    });
    await settle(5);
    expect(wrapper.get('[data-testid="cart-subtotal"]').text()).toContain('150.000');
    await wrapper.get('[data-testid="cart-inc"]').trigger('click');
    await settle(5);
    expect(wrapper.get('[data-testid="cart-qty"]').text()).toBe('2');
    expect(wrapper.get('[data-testid="cart-subtotal"]').text()).toContain('300.000');
  });
});
