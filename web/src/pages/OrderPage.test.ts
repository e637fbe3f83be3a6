import { describe, expect, it, vi } from 'vitest';
import { OrderDocument, PayOrderDocument } from '@/composables/useShop';
import { useSessionStore } from '@/stores/session';
import { escrowPaymentFixture, orderFixture, userB } from '@/test/fixtures';
import { createLiveApollo } from '@/test/liveApollo';
import { authPayload, mountWithApp, settle } from '@/test/mountWithApp';
import OrderPage from './OrderPage.vue';

const pending = () => orderFixture({ status: 'PENDING_PAYMENT', paidAt: null });
const asBuyer = () => useSessionStore().login(authPayload({ id: userB.id, displayName: userB.displayName }));

async function mountOrder(order: ReturnType<typeof orderFixture>, mocks: Parameters<typeof createLiveApollo>[0] = [], before = asBuyer) {
  const live = createLiveApollo([{ request: { query: OrderDocument, variables: { id: 'o1' } }, result: { data: { order } } }, ...mocks]);
  const mounted = await mountWithApp(OrderPage, { client: live.client, route: '/pesanan/o1', before });
  await settle(8);
  return mounted;
}

describe('OrderPage payment', () => {
  it('pays by manual transfer: the exact amount and the reference to quote', async () => {
    const pay = vi.fn(() => ({ data: { payOrder: escrowPaymentFixture({ id: '9f3a7c21-0000', amount: 325_000 }) } }));
    const { wrapper } = await mountOrder(pending(), [{ request: { query: PayOrderDocument, variables: { orderId: 'o1', provider: 'MANUAL_TRANSFER' } }, result: pay }]);
    expect(wrapper.get('[data-testid="order-pay-amount"]').text()).toBe('Jumlah yang harus dibayar: Rp 325.000');
    expect(wrapper.get('[data-testid="order-payment-panel"]').attributes('data-payment')).toBe('NONE');
    expect(wrapper.get('[data-testid="order-payment"]').text()).toBe('Bayar Rp 325.000');
    await wrapper.get('[data-testid="order-payment"]').trigger('click');
    await settle(5);
    expect(pay).toHaveBeenCalledTimes(1);
    expect(wrapper.get('[data-testid="order-payment-panel"]').attributes('data-payment')).toBe('MANUAL_TRANSFER');
    expect(wrapper.get('[data-testid="order-payment-amount"]').text()).toBe('Rp 325.000');
    expect(wrapper.get('[data-testid="order-payment-panel"]').text()).toContain('kode 9F3A7C21');
  });

  it('a provider the server has not configured is marked unavailable and the choice falls back to transfer', async () => {
    const { wrapper } = await mountOrder(pending(), [
      {
        request: { query: PayOrderDocument, variables: { orderId: 'o1', provider: 'MIDTRANS' } },
        result: { errors: [{ message: 'MIDTRANS is not configured.', extensions: { code: 'BAD_USER_INPUT', field: 'provider' } }] },
      },
    ]);
    await wrapper.get('[data-testid="order-payment-provider-MIDTRANS"]').setValue(true);
    await wrapper.get('[data-testid="order-payment"]').trigger('click');
    await settle(5);
    expect(wrapper.get('[data-testid="order-payment-panel"]').text()).toContain('Cara bayar ini belum tersedia');
    expect(wrapper.get('[data-testid="order-payment-provider-MIDTRANS"]').attributes('disabled')).toBeDefined();
    expect((wrapper.get('[data-testid="order-payment-provider-MANUAL_TRANSFER"]').element as HTMLInputElement).checked).toBe(true);
  });

  it('goes to the Midtrans page once the payment is created', async () => {
    const assign = vi.fn();
    vi.stubGlobal('location', { ...window.location, assign, origin: window.location.origin });
    try {
      const { wrapper } = await mountOrder(pending(), [
        {
          request: { query: PayOrderDocument, variables: { orderId: 'o1', provider: 'MIDTRANS' } },
          result: { data: { payOrder: escrowPaymentFixture({ provider: 'MIDTRANS', amount: 325_000, redirectUrl: 'https://app.sandbox.midtrans.com/snap/v2/vtweb/abc' }) } },
        },
      ]);
      await wrapper.get('[data-testid="order-payment-provider-MIDTRANS"]').setValue(true);
      await wrapper.get('[data-testid="order-payment"]').trigger('click');
      await settle(5);
      expect(assign).toHaveBeenCalledWith('https://app.sandbox.midtrans.com/snap/v2/vtweb/abc');
      expect(wrapper.get('[data-testid="order-payment-redirect"]').attributes('href')).toBe('https://app.sandbox.midtrans.com/snap/v2/vtweb/abc');
    } finally {
      vi.unstubAllGlobals();
    }
  });

  it('store staff see the amount but no way to pay', async () => {
    const { wrapper } = await mountOrder(pending(), [], () => useSessionStore().login(authPayload()));
    expect(wrapper.get('[data-testid="order-pay-amount"]').text()).toContain('Rp 325.000');
    expect(wrapper.find('[data-testid="order-payment-panel"]').exists()).toBe(false);
    expect(wrapper.get('[data-testid="order-pay"]').text()).toContain('Menunggu pembeli membayar.');
  });
});
