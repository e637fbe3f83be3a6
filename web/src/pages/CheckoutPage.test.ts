import { describe, expect, it } from 'vitest';
import CityAutocomplete from '@/components/form/CityAutocomplete.vue';
import { CartDocument, ShippingQuoteDocument, ShippingServicesDocument } from '@/composables/useShop';
import { useSessionStore } from '@/stores/session';
import { storeProductFixture } from '@/test/fixtures';
import { authPayload, mountWithApp, settle } from '@/test/mountWithApp';
import CheckoutPage from './CheckoutPage.vue';

const listing = storeProductFixture({ lowStockThreshold: 1, store: { __typename: 'Store' as const, id: 's1', slug: 'toko-s1', name: 'Toko Harmoni' } });
const service = (id: string, code: string) => ({ __typename: 'ShippingService' as const, id, code, name: code, courier: 'JNE', eta: '2–3 hari' });
const quote = (id: string, code: string, total: number) => ({
  request: { query: ShippingQuoteDocument, variables: { storeId: 's1', cityCode: '32.73', shippingServiceId: id } },
  result: {
    data: {
      shippingQuote: {
        __typename: 'ShippingQuoteView' as const,
        chargeableKg: 2,
        distanceKm: 120,
        base: 9000,
        weightCost: 4000,
        distanceCost: total - 13000,
        total,
        service: { __typename: 'ShippingService' as const, id, code },
      },
    },
  },
});

describe('CheckoutPage', () => {
  it('totals the store subtotal plus the chosen service’s live quote', async () => {
    const { wrapper } = await mountWithApp(CheckoutPage, {
      route: '/checkout/s1',
      mocks: [
        {
          request: { query: CartDocument },
          result: { data: { cart: { __typename: 'Cart', items: 2, subtotal: 300_000, lines: [{ __typename: 'CartLineView', quantity: 2, lineTotal: 300_000, listing }] } } },
        },
        { request: { query: ShippingServicesDocument }, result: { data: { shippingServices: [service('sv1', 'JNE-REG'), service('sv2', 'SICEPAT-BEST')] } } },
        quote('sv1', 'JNE-REG', 18_000),
        quote('sv2', 'SICEPAT-BEST', 25_000),
      ],
      before: () => useSessionStore().login(authPayload()),
    });
    await settle(8);
    // Indonesian title; the address and service groups are named by the headings inside their cards
    expect(wrapper.get('h1').text()).toBe('Pembayaran — Toko Harmoni');
    expect(document.title).toContain('Pembayaran — Toko Harmoni');
    const groups = wrapper.findAll('fieldset').map((f) => wrapper.get(`#${f.attributes('aria-labelledby')}`));
    expect(groups.map((h) => [h.element.tagName, h.text()])).toEqual([
      ['H2', 'Alamat pengiriman'],
      ['H2', 'Layanan pengiriman'],
    ]);
    expect(wrapper.find('legend').exists()).toBe(false);
    expect(wrapper.get('[data-testid="checkout-subtotal"]').text()).toContain('300.000');
    expect(wrapper.get('[data-testid="checkout-total"]').text()).toBe('—');
    wrapper.findComponent(CityAutocomplete).vm.$emit('update:modelValue', { code: '32.73', name: 'Kota Bandung' });
    await settle(8);
    expect(wrapper.get('[data-testid="checkout-service-JNE-REG"]').text()).toContain('18.000');
    await wrapper.get('[data-testid="checkout-service-SICEPAT-BEST"] input').setValue(true);
    await settle(3);
    expect(wrapper.get('[data-testid="checkout-total"]').attributes('data-total')).toBe('325000');
    await wrapper.get('[data-testid="checkout-service-JNE-REG"] input').setValue(true);
    await settle(3);
    expect(wrapper.get('[data-testid="checkout-total"]').attributes('data-total')).toBe('318000');
  });
});
