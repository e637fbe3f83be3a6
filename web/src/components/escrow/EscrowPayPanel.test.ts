import { describe, expect, it } from 'vitest';
import type { PaymentFieldsFragment } from '@/gql/graphql';
import { PaymentProvidersDocument } from '@/graphql/payment';
import { escrowPaymentFixture, proofFixture } from '@/test/fixtures';
import { mountWithApp, settle } from '@/test/mountWithApp';
import EscrowPayPanel from './EscrowPayPanel.vue';

const mountPanel = (payment: ReturnType<typeof escrowPaymentFixture> | null) => mountWithApp(EscrowPayPanel, { props: { total: 260_000, payment: payment as PaymentFieldsFragment | null } });

describe('EscrowPayPanel', () => {
  it('offers the providers while nothing is pending', async () => {
    const { wrapper } = await mountPanel(null);
    expect(wrapper.get('[data-testid="escrow-pay-panel"]').attributes('data-payment')).toBe('NONE');
    await wrapper.get('[data-testid="escrow-pay"]').trigger('click');
    expect(wrapper.emitted('pay')).toEqual([['MANUAL_TRANSFER']]);
  });

  it('a pending manual transfer without proof asks for the receipt', async () => {
    const { wrapper } = await mountPanel(escrowPaymentFixture());
    expect(wrapper.find('[data-testid="escrow-proof-sent"]').exists()).toBe(false);
    expect(wrapper.get('[data-testid="escrow-proof-upload"]').classes()).toContain('btn-primary');
  });

  it('a sent proof (payment.proof) shows its thumbnail linking to the full image in a new tab', async () => {
    const { wrapper } = await mountPanel(escrowPaymentFixture({ proof: proofFixture() }));
    expect(wrapper.get('[data-testid="escrow-proof-sent"]').text()).toContain('Bukti transfer terkirim');
    const img = wrapper.get('[data-testid="escrow-proof-thumb"]');
    expect(img.attributes('src')).toBe('/media/ph1-thumb.webp');
    expect(img.attributes('alt')).toBe('Bukti transfer Anda');
    const link = wrapper.get('[data-testid="escrow-proof-link"]');
    expect(link.attributes('href')).toBe('/media/ph1.webp');
    expect(link.attributes('target')).toBe('_blank');
    expect(link.attributes('rel')).toContain('noopener');
    expect(wrapper.get('[data-testid="escrow-proof-upload"]').text()).toBe('Unggah ulang bukti');
    expect(wrapper.get('[data-testid="escrow-proof-upload"]').classes()).not.toContain('btn-primary');
  });

  it('no proof UI for a pending Midtrans payment', async () => {
    const { wrapper } = await mountPanel(escrowPaymentFixture({ provider: 'MIDTRANS', redirectUrl: 'https://app.midtrans.com/snap/x' }));
    expect(wrapper.find('[data-testid="escrow-proof-input"]').exists()).toBe(false);
    expect(wrapper.get('[data-testid="escrow-pay-redirect"]').attributes('href')).toBe('https://app.midtrans.com/snap/x');
  });

  it('offers the server’s providers without STRIPE, even beside a pending STRIPE payment it cannot resume', async () => {
    const { wrapper } = await mountWithApp(EscrowPayPanel, {
      props: { total: 260_000, payment: escrowPaymentFixture({ provider: 'STRIPE' }) as PaymentFieldsFragment },
      mocks: [{ request: { query: PaymentProvidersDocument }, result: { data: { paymentProviders: ['MANUAL_TRANSFER', 'MIDTRANS', 'STRIPE'] } } }],
    });
    await settle(5);
    expect(wrapper.get('[data-testid="escrow-pay-panel"]').attributes('data-payment')).toBe('NONE');
    expect(wrapper.findAll('[data-testid^="escrow-pay-provider-"]').map((r) => r.attributes('data-testid'))).toEqual(['escrow-pay-provider-MANUAL_TRANSFER', 'escrow-pay-provider-MIDTRANS']);
    await wrapper.get('[data-testid="escrow-pay-provider-MIDTRANS"]').setValue(true);
    await wrapper.get('[data-testid="escrow-pay"]').trigger('click');
    expect(wrapper.emitted('pay')).toEqual([['MIDTRANS']]);
  });
});
