import { describe, expect, it } from 'vitest';
import { mountWithApp } from '@/test/mountWithApp';
import ShopTotals from './ShopTotals.vue';

describe('ShopTotals', () => {
  it('shows subtotal + shipping = total', async () => {
    const { wrapper } = await mountWithApp(ShopTotals, { props: { subtotal: 325_000, shipping: 18_500 } });
    expect(wrapper.get('[data-testid="checkout-subtotal"]').text()).toContain('325.000');
    expect(wrapper.get('[data-testid="checkout-total"]').attributes('data-total')).toBe('343500');
    expect(wrapper.get('[data-testid="checkout-total"]').text()).toContain('343.500');
    expect(wrapper.get('[data-testid="checkout-shipping"]').text()).toContain('18.500');
  });

  it('shows no total until the shipping is quoted', async () => {
    const { wrapper } = await mountWithApp(ShopTotals, { props: { subtotal: 325_000, shipping: null, loading: true } });
    expect(wrapper.get('[data-testid="checkout-total"]').text()).toBe('—');
    expect(wrapper.get('[data-testid="checkout-shipping"]').text()).toBe('Menghitung…');
  });
});
