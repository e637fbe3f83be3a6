import { describe, expect, it } from 'vitest';
import { defineComponent, h } from 'vue';
import AddToCartButton from '@/components/shop/AddToCartButton.vue';
import { AddToCartDocument, CartDocument, UpdateCartItemDocument, useCart } from '@/composables/useShop';
import { useSessionStore } from '@/stores/session';
import { storeProductFixture } from '@/test/fixtures';
import { authPayload, mountWithApp, settle } from '@/test/mountWithApp';
import AppCartLink from './AppCartLink.vue';

const product = storeProductFixture({ store: { __typename: 'Store' as const, id: 's2', slug: 'toko-lain', name: 'Toko Lain' } });
const cart = (quantity: number) => ({
  __typename: 'Cart' as const,
  items: quantity,
  subtotal: quantity * 150_000,
  lines: quantity ? [{ __typename: 'CartLineView' as const, quantity, lineTotal: quantity * 150_000, listing: product }] : [],
});

/** The header link next to the store page's button and a cart line's remove, sharing one client. */
const Harness = defineComponent({
  setup() {
    const { setQuantity } = useCart(false);
    return () => h('div', [h(AppCartLink), h(AddToCartButton, { listingId: 'l1' }), h('button', { 'data-testid': 'remove', onClick: () => setQuantity('l1', 0) })]);
  },
});

describe('AppCartLink', () => {
  it('shows the cart’s item count and follows adding and removing', async () => {
    const { wrapper } = await mountWithApp(Harness, {
      before: () => useSessionStore().login(authPayload()),
      mocks: [
        { request: { query: CartDocument }, result: { data: { cart: cart(2) } } },
        { request: { query: AddToCartDocument, variables: { listingId: 'l1', quantity: 1 } }, result: { data: { addToCart: cart(3) } } },
        { request: { query: UpdateCartItemDocument, variables: { listingId: 'l1', quantity: 0 } }, result: { data: { updateCartItem: cart(0) } } },
      ],
    });
    await settle(5);
    const link = wrapper.get('[data-testid="nav-cart-icon"]');
    expect(link.attributes('href')).toBe('/keranjang');
    expect(wrapper.get('[data-testid="nav-cart-icon-badge"]').text()).toBe('2');
    expect(link.attributes('aria-label')).toBe('Keranjang, 2 barang');

    await wrapper.get('[data-testid="store-add-l1"]').trigger('click');
    await settle(5);
    expect(wrapper.get('[data-testid="nav-cart-icon-badge"]').text()).toBe('3');

    await wrapper.get('[data-testid="remove"]').trigger('click');
    await settle(5);
    expect(wrapper.find('[data-testid="nav-cart-icon-badge"]').exists()).toBe(false);
    expect(link.attributes('aria-label')).toBe('Keranjang');
  });
});
