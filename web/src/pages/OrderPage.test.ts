import { beforeEach, describe, expect, it, vi } from 'vitest';
import { OrderDocument, PayOrderDocument } from '@/composables/useShop';
import { UploadError, type UploadedPhoto } from '@/composables/useUpload';
import { PaymentProvidersDocument, SubmitPaymentProofDocument } from '@/graphql/payment';
import { useSessionStore } from '@/stores/session';
import { escrowPaymentFixture, orderFixture, proofFixture, userB } from '@/test/fixtures';
import { createLiveApollo } from '@/test/liveApollo';
import { authPayload, mountWithApp, settle } from '@/test/mountWithApp';
import OrderPage from './OrderPage.vue';

// The receipt goes through the app's one upload code (useUpload: POST /uploads); here it answers at once.
const upload = vi.fn<(file: File, onProgress?: (p: number) => void) => Promise<UploadedPhoto>>();
vi.mock('@/composables/useUpload', async (importOriginal) => ({
  ...(await importOriginal<typeof import('@/composables/useUpload')>()),
  useUpload: () => ({ upload }),
}));
beforeEach(() => {
  upload.mockReset();
  upload.mockResolvedValue({ id: 'ph7', url: '/media/ph7.webp', thumbnailUrl: '/media/ph7-thumb.webp', width: 1200, height: 900 });
});

type OrderPayment = ReturnType<typeof escrowPaymentFixture> | null;
const pending = (payment: OrderPayment = null) => ({ ...orderFixture({ status: 'PENDING_PAYMENT', paidAt: null }), payment });
const asBuyer = () => useSessionStore().login(authPayload({ id: userB.id, displayName: userB.displayName }));
const asStaff = () => useSessionStore().login(authPayload());
const providers = (list: string[]) => ({ request: { query: PaymentProvidersDocument }, result: { data: { paymentProviders: list } } });

async function mountOrder(
  order: ReturnType<typeof orderFixture> & { payment?: OrderPayment },
  mocks: Parameters<typeof createLiveApollo>[0] = [],
  before = asBuyer,
  serverProviders = ['MANUAL_TRANSFER', 'MIDTRANS'],
) {
  const live = createLiveApollo([
    { request: { query: OrderDocument, variables: { id: 'o1' } }, result: { data: { order: { payment: null, ...order } } } },
    providers(serverProviders),
    ...mocks,
  ]);
  const mounted = await mountWithApp(OrderPage, { client: live.client, route: '/pesanan/o1', before });
  await settle(8);
  return mounted;
}
const offered = (wrapper: Awaited<ReturnType<typeof mountOrder>>['wrapper']) =>
  wrapper.findAll('[data-testid^="order-payment-provider-"]').map((r) => r.attributes('data-testid')!.replace('order-payment-provider-', ''));

describe('OrderPage payment', () => {
  it('pays by manual transfer: the exact amount and the reference to quote', async () => {
    const pay = vi.fn(() => ({ data: { payOrder: escrowPaymentFixture({ id: '9f3a7c21-0000', amount: 325_000 }) } }));
    const { wrapper } = await mountOrder(pending(), [{ request: { query: PayOrderDocument, variables: { orderId: 'o1', provider: 'MANUAL_TRANSFER' } }, result: pay }]);
    expect(wrapper.get('[data-testid="order-pay-amount"]').text()).toBe('Jumlah yang harus dibayar: Rp\u00a0325.000');
    expect(wrapper.get('[data-testid="order-payment-panel"]').attributes('data-payment')).toBe('NONE');
    expect(wrapper.get('[data-testid="order-payment"]').text()).toBe('Bayar Rp\u00a0325.000');
    await wrapper.get('[data-testid="order-payment"]').trigger('click');
    await settle(5);
    expect(pay).toHaveBeenCalledTimes(1);
    expect(wrapper.get('[data-testid="order-payment-panel"]').attributes('data-payment')).toBe('MANUAL_TRANSFER');
    expect(wrapper.get('[data-testid="order-payment-amount"]').text()).toBe('Rp\u00a0325.000');
    expect(wrapper.get('[data-testid="order-payment-panel"]').text()).toContain('kode 9F3A7C21');
  });

  it('offers exactly the providers the server has configured, in its order, and never STRIPE', async () => {
    const { wrapper } = await mountOrder(pending(), [], asBuyer, ['MIDTRANS', 'STRIPE', 'MANUAL_TRANSFER']);
    expect(offered(wrapper)).toEqual(['MIDTRANS', 'MANUAL_TRANSFER']);
    expect(wrapper.get('[data-testid="order-payment-panel"]').text()).not.toContain('Stripe');
    // the first one offered is chosen to start with
    expect((wrapper.get('[data-testid="order-payment-provider-MIDTRANS"]').element as HTMLInputElement).checked).toBe(true);
  });

  it('offers only manual transfer when that is all the server has', async () => {
    const pay = vi.fn(() => ({ data: { payOrder: escrowPaymentFixture({ amount: 325_000 }) } }));
    const { wrapper } = await mountOrder(pending(), [{ request: { query: PayOrderDocument, variables: { orderId: 'o1', provider: 'MANUAL_TRANSFER' } }, result: pay }], asBuyer, ['MANUAL_TRANSFER']);
    expect(offered(wrapper)).toEqual(['MANUAL_TRANSFER']);
    expect(wrapper.get('[data-testid="order-payment-panel"]').text()).not.toContain('Midtrans');
    await wrapper.get('[data-testid="order-payment"]').trigger('click');
    await settle(5);
    expect(pay).toHaveBeenCalledTimes(1);
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

  it('resumes a started manual transfer after a reload instead of offering a new payment', async () => {
    const pay = vi.fn();
    const { wrapper } = await mountOrder(pending(escrowPaymentFixture({ id: '7c21aa90-0000', amount: 325_000 })), [
      { request: { query: PayOrderDocument }, variableMatcher: () => true, result: pay },
    ]);
    const panel = wrapper.get('[data-testid="order-payment-panel"]');
    expect(panel.attributes('data-payment')).toBe('MANUAL_TRANSFER');
    expect(wrapper.get('[data-testid="order-payment-amount"]').text()).toBe('Rp\u00a0325.000');
    expect(panel.text()).toContain('kode 7C21AA90');
    expect(wrapper.find('[data-testid="order-payment"]').exists()).toBe(false);
    expect(wrapper.find('[data-testid^="order-payment-provider-"]').exists()).toBe(false);
    expect(pay).not.toHaveBeenCalled();
  });

  it('resumes a started Midtrans payment with its link', async () => {
    const { wrapper } = await mountOrder(pending(escrowPaymentFixture({ provider: 'MIDTRANS', amount: 325_000, redirectUrl: 'https://app.sandbox.midtrans.com/snap/v2/vtweb/xyz' })));
    expect(wrapper.get('[data-testid="order-payment-panel"]').attributes('data-payment')).toBe('MIDTRANS');
    expect(wrapper.get('[data-testid="order-payment-redirect"]').attributes('href')).toBe('https://app.sandbox.midtrans.com/snap/v2/vtweb/xyz');
    expect(wrapper.find('[data-testid="order-payment"]').exists()).toBe(false);
  });

  it('offers a new payment when the last attempt expired', async () => {
    const { wrapper } = await mountOrder(pending(escrowPaymentFixture({ provider: 'MIDTRANS', status: 'EXPIRED', redirectUrl: 'https://app.sandbox.midtrans.com/snap/v2/vtweb/old' })));
    expect(wrapper.get('[data-testid="order-payment-panel"]').attributes('data-payment')).toBe('NONE');
    expect(wrapper.find('[data-testid="order-payment-redirect"]').exists()).toBe(false);
    expect(wrapper.get('[data-testid="order-payment"]').text()).toBe('Bayar Rp\u00a0325.000');
  });

  it('store staff see the amount but no way to pay', async () => {
    const { wrapper } = await mountOrder(pending(), [], asStaff);
    expect(wrapper.get('[data-testid="order-pay-amount"]').text()).toContain('Rp\u00a0325.000');
    expect(wrapper.find('[data-testid="order-payment-panel"]').exists()).toBe(false);
    expect(wrapper.get('[data-testid="order-pay"]').text()).toContain('Menunggu pembeli membayar.');
  });
});

describe('OrderPage transfer receipt', () => {
  const transfer = () => escrowPaymentFixture({ id: '7c21aa90-0000', amount: 325_000 });
  const pick = async (wrapper: Awaited<ReturnType<typeof mountOrder>>['wrapper'], file: File) => {
    const input = wrapper.get('[data-testid="order-proof-input"]');
    Object.defineProperty(input.element, 'files', { value: [file], configurable: true });
    await input.trigger('change');
    await settle(8);
  };

  it('uploads the receipt, sends submitPaymentProof with this payment and the uploaded photo, and shows it at once', async () => {
    const submit = vi.fn((variables: Record<string, unknown>) => ({
      data: { submitPaymentProof: { ...transfer(), proof: proofFixture({ id: String(variables.photoId), url: '/media/ph7.webp', thumbnailUrl: '/media/ph7-thumb.webp' }) } },
    }));
    const { wrapper } = await mountOrder(pending(transfer()), [{ request: { query: SubmitPaymentProofDocument }, variableMatcher: () => true, result: submit }]);
    // the bank instructions stay, with the receipt upload below them
    expect(wrapper.get('[data-testid="order-payment-amount"]').text()).toBe('Rp\u00a0325.000');
    expect(wrapper.get('[data-testid="order-payment-panel"]').text()).toContain('kode 7C21AA90');
    expect(wrapper.find('[data-testid="order-proof-sent"]').exists()).toBe(false);
    const button = wrapper.get('[data-testid="order-proof-upload"]');
    expect(button.text()).toBe('Unggah bukti transfer');
    expect(button.classes()).toContain('btn-primary');

    const file = new File(['x'], 'bukti.png', { type: 'image/png' });
    await pick(wrapper, file);
    expect(upload).toHaveBeenCalledTimes(1);
    expect(upload.mock.calls[0][0]).toBe(file);
    expect(submit).toHaveBeenCalledTimes(1);
    expect(submit).toHaveBeenCalledWith({ paymentId: '7c21aa90-0000', photoId: 'ph7' });

    expect(wrapper.get('[data-testid="order-proof-sent"]').text()).toBe('Bukti terkirim, menunggu konfirmasi toko.');
    expect(wrapper.get('[data-testid="order-proof-thumb"]').attributes('src')).toBe('/media/ph7-thumb.webp');
    const link = wrapper.get('[data-testid="order-proof-link"]');
    expect(link.attributes('href')).toBe('/media/ph7.webp');
    expect(link.attributes('target')).toBe('_blank');
    expect(wrapper.get('[data-testid="order-proof-upload"]').text()).toBe('Unggah ulang bukti');
    expect(wrapper.find('[data-testid="order-proof-error"]').exists()).toBe(false);
  });

  it('a receipt sent earlier shows after a reload, worded for the store', async () => {
    const { wrapper } = await mountOrder(pending({ ...transfer(), proof: proofFixture() }));
    expect(wrapper.get('[data-testid="order-proof-thumb"]').attributes('src')).toBe('/media/ph1-thumb.webp');
    expect(wrapper.get('[data-testid="order-proof-sent"]').text()).toContain('menunggu konfirmasi toko');
    expect(wrapper.get('[data-testid="order-proof-sent"]').text()).not.toContain('Admin');
  });

  it('says why a receipt was not taken: a refused file is not sent, a refused proof shows the server’s reason', async () => {
    const submit = vi.fn(() => ({ errors: [{ message: 'Pembayaran ini tidak lagi menunggu.', extensions: { code: 'INVALID_STATE' } }] }));
    const { wrapper } = await mountOrder(pending(transfer()), [{ request: { query: SubmitPaymentProofDocument }, variableMatcher: () => true, result: submit }]);

    upload.mockRejectedValueOnce(new UploadError('badType', 'badType', 0));
    await pick(wrapper, new File(['x'], 'bukti.gif', { type: 'image/gif' }));
    expect(wrapper.get('[data-testid="order-proof-error"]').text()).toBe('bukti.gif: hanya JPEG, PNG, atau WebP yang diterima');
    expect(submit).not.toHaveBeenCalled();

    await pick(wrapper, new File(['x'], 'bukti.png', { type: 'image/png' }));
    expect(submit).toHaveBeenCalledTimes(1);
    expect(wrapper.get('[data-testid="order-proof-error"]').text()).toBe('Pembayaran ini tidak lagi menunggu.');
    expect(wrapper.find('[data-testid="order-proof-sent"]').exists()).toBe(false);
  });

  it('no receipt upload for a pending Midtrans payment, nor for the store’s staff', async () => {
    const midtrans = await mountOrder(pending(escrowPaymentFixture({ provider: 'MIDTRANS', amount: 325_000, redirectUrl: 'https://app.sandbox.midtrans.com/snap/v2/vtweb/xyz' })));
    expect(midtrans.wrapper.find('[data-testid="order-proof-upload"]').exists()).toBe(false);
    const staff = await mountOrder(pending(transfer()), [], asStaff);
    expect(staff.wrapper.find('[data-testid="order-proof-upload"]').exists()).toBe(false);
  });
});

describe('OrderPage delivered', () => {
  const delivered = () => orderFixture({ status: 'DELIVERED', shippedAt: '2026-11-21T05:00:00.000Z', deliveredAt: '2026-11-21T03:10:00.000Z', confirmBy: '2026-11-24T03:10:00.000Z' });

  it('tells the buyer when the order completes by itself (WIB) unless they confirm or ask for a refund', async () => {
    const { wrapper } = await mountOrder(delivered());
    const note = wrapper.get('[data-testid="order-auto-complete"]');
    expect(note.text()).toContain('Pesanan ini selesai otomatis pada 24 Nov 2026, 10.10 WIB');
    expect(note.text()).toContain('"Pesanan diterima"');
    expect(note.text()).toContain('meminta pengembalian dana ke toko');
    expect(wrapper.get('[data-testid="order-contact-store"]').attributes('href')).toBe('/toko/harmoni-bandung');
    expect(wrapper.find('[data-testid="order-complete"]').exists()).toBe(true);
  });

  it('words it for the store, and says nothing before delivery', async () => {
    const { wrapper } = await mountOrder(delivered(), [], asStaff);
    expect(wrapper.get('[data-testid="order-auto-complete"]').text()).toBe('Pesanan ini selesai otomatis pada 24 Nov 2026, 10.10 WIB, kecuali pembeli mengonfirmasi lebih dulu atau toko mengembalikan dananya.');
    expect(wrapper.find('[data-testid="order-contact-store"]').exists()).toBe(false);

    const shipped = await mountOrder(orderFixture({ status: 'SHIPPED', shippedAt: '2026-11-21T05:00:00.000Z' }));
    expect(shipped.wrapper.find('[data-testid="order-auto-complete"]').exists()).toBe(false);
  });

  it('tells a shipped order\'s buyer when it counts as delivered (WIB) and to ask for a refund before then if nothing arrived', async () => {
    const shipped = () => orderFixture({ status: 'SHIPPED', shippedAt: '2026-11-21T05:00:00.000Z', deliveredBy: '2026-12-05T05:00:00.000Z' });
    const { wrapper } = await mountOrder(shipped());
    expect(wrapper.get('[data-testid="order-auto-deliver"]').text()).toBe('Bila toko belum menandai pesanan ini sampai, pesanan dianggap sampai pada 5 Des 2026, 12.00 WIB. Belum menerima paket? Minta pengembalian dana ke toko sebelum itu.');
    const staff = await mountOrder(shipped(), [], asStaff);
    expect(staff.wrapper.get('[data-testid="order-auto-deliver"]').text()).toContain('lalu masa konfirmasi pembeli dimulai');
    const delivered = await mountOrder(orderFixture({ status: 'DELIVERED', deliveredBy: null, confirmBy: '2026-11-24T03:10:00.000Z' }));
    expect(delivered.wrapper.find('[data-testid="order-auto-deliver"]').exists()).toBe(false);
  });
});
