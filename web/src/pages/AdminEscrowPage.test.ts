import { describe, expect, it } from 'vitest';
import { EscrowRoomsNeedingAttentionDocument } from '@/composables/useEscrow';
import { escrowPaymentFixture, escrowRoomFixture, proofFixture } from '@/test/fixtures';
import { createLiveApollo } from '@/test/liveApollo';
import { mountWithApp, settle } from '@/test/mountWithApp';
import AdminEscrowPage from './AdminEscrowPage.vue';

/** A queue row (EscrowRoomsNeedingAttention's selection) from the detail fixture. */
function queueRow(overrides: Record<string, unknown> = {}) {
  const { id, title, status, amount, fee, total, createdAt, updatedAt, buyer, seller, payment, dispute, __typename } = escrowRoomFixture({ myRole: null, ...overrides });
  return { __typename, id, title, status, amount, fee, total, myRole: null, createdAt, updatedAt, buyer, seller, payment, dispute };
}

async function mountQueue(...queues: ReturnType<typeof queueRow>[][]) {
  let i = 0;
  const live = createLiveApollo([
    {
      request: { query: EscrowRoomsNeedingAttentionDocument },
      maxUsageCount: Number.POSITIVE_INFINITY,
      result: () => ({ data: { escrowRoomsNeedingAttention: queues[Math.min(i++, queues.length - 1)] } }),
    },
  ]);
  const { wrapper } = await mountWithApp(AdminEscrowPage, { client: live.client, route: '/terms' });
  await settle(5);
  return { wrapper, live, fetches: () => i };
}

describe('AdminEscrowPage', () => {
  it('shows the transfer receipt: a thumbnail linking to the full image in a new tab', async () => {
    const { wrapper } = await mountQueue([queueRow({ payment: escrowPaymentFixture({ proof: proofFixture() }) })]);
    const img = wrapper.get('[data-testid="admin-proof-r1-thumb"]');
    expect(img.attributes('src')).toBe('/media/ph1-thumb.webp');
    expect(img.attributes('alt')).toBe('Bukti transfer untuk "Kamera mirrorless"');
    const link = wrapper.get('[data-testid="admin-proof-r1-link"]');
    expect(link.attributes('href')).toBe('/media/ph1.webp');
    expect(link.attributes('target')).toBe('_blank');
    expect(link.attributes('rel')).toContain('noopener');
    expect(wrapper.find('[data-testid="admin-proof-missing-r1"]').exists()).toBe(false);
    expect(wrapper.find('[data-testid="admin-confirm-payment-r1"]').exists()).toBe(true);
  });

  it('says so when the receipt image is gone', async () => {
    const { wrapper } = await mountQueue([queueRow({ payment: escrowPaymentFixture() })]);
    expect(wrapper.find('[data-testid="admin-proof-r1-thumb"]').exists()).toBe(false);
    expect(wrapper.get('[data-testid="admin-proof-missing-r1"]').text()).toContain('mutasi rekening');
  });

  it('refetches the queue when an escrowRoomUpdated arrives (a new proof shows without a reload)', async () => {
    const withProof = queueRow({ payment: escrowPaymentFixture({ proof: proofFixture() }) });
    const { wrapper, live, fetches } = await mountQueue([], [withProof]);
    expect(wrapper.findAll('[data-testid="admin-escrow-room"]')).toHaveLength(0);
    expect(fetches()).toBe(1);
    expect(live.open('EscrowRoomUpdated')).toBe(1);

    live.emit('EscrowRoomUpdated', { escrowRoomUpdated: escrowRoomFixture({ myRole: null, inviteCode: null, payment: escrowPaymentFixture({ proof: proofFixture() }) }) });
    await settle(5);
    expect(fetches()).toBe(2);
    expect(wrapper.findAll('[data-testid="admin-escrow-room"]')).toHaveLength(1);
    expect(wrapper.get('[data-testid="admin-proof-r1-thumb"]').attributes('src')).toBe('/media/ph1-thumb.webp');
  });
});
