import { describe, expect, it, vi } from 'vitest';
import { EscrowRoomDocument, PayEscrowRoomDocument, SubmitPaymentProofDocument } from '@/composables/useEscrow';
import { useSessionStore } from '@/stores/session';
import { escrowPaymentFixture, escrowRoomFixture as roomFixture, proofFixture } from '@/test/fixtures';
import { createLiveApollo } from '@/test/liveApollo';
import { authPayload, mountWithApp, settle } from '@/test/mountWithApp';
import EscrowRoomPage from './EscrowRoomPage.vue';

// the upload itself (POST /uploads) is not under test here
vi.mock('@/composables/useUpload', async (importOriginal) => ({
  ...(await importOriginal<typeof import('@/composables/useUpload')>()),
  useUpload: () => ({ upload: async () => ({ id: 'ph1', url: '/media/ph1.webp', thumbnailUrl: '/media/ph1-thumb.webp', width: 1200, height: 900 }) }),
}));

// userA (u1) is the logged-in member
async function mountRoom(room: ReturnType<typeof roomFixture>, mocks: Parameters<typeof createLiveApollo>[0] = []) {
  const fetches = { room: 0 };
  const live = createLiveApollo([
    {
      request: { query: EscrowRoomDocument, variables: { id: 'r1' } },
      maxUsageCount: Number.POSITIVE_INFINITY,
      result: () => {
        fetches.room++;
        return { data: { escrowRoom: room } };
      },
    },
    ...mocks,
  ]);
  const { wrapper } = await mountWithApp(EscrowRoomPage, { client: live.client, route: '/rekber/r1', before: () => useSessionStore().login(authPayload()) });
  await settle(5);
  return { wrapper, live, fetches };
}
const has = (w: Awaited<ReturnType<typeof mountRoom>>['wrapper'], id: string) => w.find(`[data-testid="${id}"]`).exists();

describe('EscrowRoomPage', () => {
  it('shows the total in the header and only the invite while the seller is missing', async () => {
    const { wrapper } = await mountRoom(roomFixture({ seller: null }));
    expect(wrapper.get('[data-testid="escrow-total"]').text()).toBe('Rp\u00a0260.000');
    expect(wrapper.get('[data-testid="escrow-status"]').attributes('data-status')).toBe('AWAITING_PAYMENT');
    expect(wrapper.get('[data-testid="escrow-invite-link"]').attributes('href')).toMatch(/\/rekber\/join\/INV123$/);
    expect(has(wrapper, 'escrow-pay')).toBe(false);
    expect(has(wrapper, 'escrow-cancel')).toBe(true);
    expect(wrapper.get('[data-testid="escrow-timeline"]').text()).toContain('Room rekber dibuat');
  });

  it('lets the buyer pay once the seller joined; the seller only waits', async () => {
    const buyer = await mountRoom(roomFixture());
    expect(has(buyer.wrapper, 'escrow-pay')).toBe(true);
    expect(has(buyer.wrapper, 'escrow-invite-link')).toBe(false);
    expect(has(buyer.wrapper, 'escrow-ship-submit')).toBe(false);
    const seller = await mountRoom(roomFixture({ myRole: 'SELLER' }));
    expect(has(seller.wrapper, 'escrow-pay')).toBe(false);
    expect(seller.wrapper.text()).toContain('Menunggu pembeli membayar Rp\u00a0260.000');
  });

  it('shows the manual transfer instructions and the proof input for a pending payment', async () => {
    const payment = escrowPaymentFixture();
    const { wrapper } = await mountRoom(roomFixture({ payment }));
    expect(wrapper.get('[data-testid="escrow-pay-amount"]').text()).toBe('Rp\u00a0260.000');
    expect(wrapper.text()).toContain('Transfer tepat Rp\u00a0260.000');
    expect(wrapper.get('[data-testid="escrow-proof-input"]').attributes('type')).toBe('file');
    expect(has(wrapper, 'escrow-proof-sent')).toBe(false);
  });

  it('pay: the new payment shows at once from the mutation, without refetching the room', async () => {
    const payment = escrowPaymentFixture();
    const { wrapper, fetches } = await mountRoom(roomFixture(), [
      { request: { query: PayEscrowRoomDocument, variables: { roomId: 'r1', provider: 'MANUAL_TRANSFER' } }, result: { data: { payEscrowRoom: payment } } },
    ]);
    expect(fetches.room).toBe(1);
    await wrapper.get('[data-testid="escrow-pay"]').trigger('click');
    await settle(5);
    expect(wrapper.get('[data-testid="escrow-pay-panel"]').attributes('data-payment')).toBe('MANUAL_TRANSFER');
    expect(wrapper.get('[data-testid="escrow-pay-amount"]').text()).toBe('Rp\u00a0260.000');
    expect(fetches.room).toBe(1);
  });

  it('proof: shown from room.payment.proof (not from local memory), with its thumbnail linking to the image', async () => {
    const payment = escrowPaymentFixture();
    localStorage.setItem('pasar.escrow.proofSent', JSON.stringify([payment.id])); // the old local memory is ignored
    const { wrapper, fetches } = await mountRoom(roomFixture({ payment }), [
      { request: { query: SubmitPaymentProofDocument, variables: { paymentId: payment.id, photoId: 'ph1' } }, result: { data: { submitPaymentProof: { ...payment, proof: proofFixture() } } } },
    ]);
    expect(has(wrapper, 'escrow-proof-sent')).toBe(false);
    expect(wrapper.get('[data-testid="escrow-proof-upload"]').text()).toBe('Unggah bukti transfer');

    const input = wrapper.get('[data-testid="escrow-proof-input"]');
    Object.defineProperty(input.element, 'files', { value: [new File(['x'], 'bukti.png', { type: 'image/png' })], configurable: true });
    await input.trigger('change');
    await settle(5);
    expect(has(wrapper, 'escrow-proof-sent')).toBe(true);
    expect(wrapper.get('[data-testid="escrow-proof-thumb"]').attributes('src')).toBe('/media/ph1-thumb.webp');
    const link = wrapper.get('[data-testid="escrow-proof-link"]');
    expect(link.attributes('href')).toBe('/media/ph1.webp');
    expect(link.attributes('target')).toBe('_blank');
    expect(wrapper.get('[data-testid="escrow-proof-upload"]').text()).toBe('Unggah ulang bukti');
    expect(fetches.room).toBe(1);
  });

  it('proof: follows escrowRoomUpdated (another tab sent it)', async () => {
    const room = roomFixture({ payment: escrowPaymentFixture() });
    const { wrapper, live } = await mountRoom(room);
    expect(has(wrapper, 'escrow-proof-sent')).toBe(false);
    live.emit('EscrowRoomUpdated', { escrowRoomUpdated: { ...room, payment: escrowPaymentFixture({ proof: proofFixture() }) } });
    await settle();
    expect(wrapper.get('[data-testid="escrow-proof-thumb"]').attributes('src')).toBe('/media/ph1-thumb.webp');
  });

  it('seller & FUNDED → ship form; buyer & SHIPPED → confirm receipt with the deadline; live to RELEASED', async () => {
    const seller = await mountRoom(roomFixture({ myRole: 'SELLER', status: 'FUNDED' }));
    expect(has(seller.wrapper, 'escrow-ship-courier')).toBe(true);
    expect(has(seller.wrapper, 'escrow-dispute-open')).toBe(true);
    expect(has(seller.wrapper, 'escrow-cancel')).toBe(false);

    const shipped = roomFixture({ status: 'SHIPPED', inspectionEndsAt: '2026-11-24T03:00:00.000Z' });
    const { wrapper, live } = await mountRoom(shipped);
    expect(has(wrapper, 'escrow-receive')).toBe(true);
    expect(has(wrapper, 'escrow-inspection')).toBe(true);
    expect(has(wrapper, 'escrow-ship-courier')).toBe(false);

    live.emit('EscrowRoomUpdated', { escrowRoomUpdated: { ...shipped, status: 'RELEASED', releasedAt: '2026-11-22T03:00:00.000Z' } });
    await settle();
    expect(wrapper.get('[data-testid="escrow-status"]').attributes('data-status')).toBe('RELEASED');
    expect(has(wrapper, 'escrow-receive')).toBe(false);
    expect(has(wrapper, 'escrow-released')).toBe(true);
  });
});
