import { describe, expect, it } from 'vitest';
import { EscrowFeeQuoteDocument, EscrowFeeScheduleDocument, FEE_QUOTE_DEBOUNCE_MS } from '@/composables/useEscrow';
import { mountWithApp, settle } from '@/test/mountWithApp';
import EscrowFeePreview from './EscrowFeePreview.vue';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const quote = (amount: number, fee: number, version = 1) => ({
  request: { query: EscrowFeeQuoteDocument, variables: { amount } },
  result: { data: { escrowFeeQuote: { __typename: 'EscrowFeeQuote', amount, fee, total: amount + fee, scheduleVersion: version } } },
});
const schedule = {
  request: { query: EscrowFeeScheduleDocument },
  result: { data: { escrowFeeSchedule: { __typename: 'FeeScheduleView', version: 1, min: 10_000, tiers: [
    { __typename: 'FeeTier', upTo: 100_000, fixed: 5_000, basisPoints: null },
    { __typename: 'FeeTier', upTo: 300_000, fixed: 10_000, basisPoints: null },
    { __typename: 'FeeTier', upTo: 650_000, fixed: 15_000, basisPoints: null },
    { __typename: 'FeeTier', upTo: 950_000, fixed: 20_000, basisPoints: null },
    { __typename: 'FeeTier', upTo: 2_000_000, fixed: 25_000, basisPoints: null },
    { __typename: 'FeeTier', upTo: 3_500_000, fixed: 35_000, basisPoints: null },
    { __typename: 'FeeTier', upTo: 6_500_000, fixed: null, basisPoints: 250 },
    { __typename: 'FeeTier', upTo: 10_000_000, fixed: null, basisPoints: 340 },
    { __typename: 'FeeTier', upTo: 20_000_000, fixed: null, basisPoints: 420 },
  ] } } },
};

async function mountPreview(amount: number | null, mocks = [schedule]) {
  const { wrapper } = await mountWithApp(EscrowFeePreview, { props: { amount }, mocks });
  await settle();
  return wrapper;
}
const text = (w: Awaited<ReturnType<typeof mountPreview>>, id: string) => w.get(`[data-testid="${id}"]`).text();

describe('EscrowFeePreview', () => {
  it('shows amount, fee and total at the inclusive bounds', async () => {
    const low = await mountPreview(10_000);
    expect(text(low, 'escrow-fee-amount')).toBe('Rp\u00a010.000');
    expect(text(low, 'escrow-fee-fee')).toBe('Rp\u00a05.000');
    expect(text(low, 'escrow-fee-total')).toBe('Rp\u00a015.000');
    const high = await mountPreview(20_000_000);
    expect(text(high, 'escrow-fee-fee')).toBe('Rp\u00a0840.000');
    expect(text(high, 'escrow-fee-total')).toBe('Rp\u00a020.840.000');
  });

  it.each([9_999, 20_000_001, 0])('refuses %i with the Indonesian range error', async (amount) => {
    const w = await mountPreview(amount);
    expect(w.get('[data-testid="escrow-fee-preview"]').attributes('data-state')).toBe('outOfRange');
    expect(text(w, 'escrow-fee-error')).toBe('Jumlah harus antara Rp\u00a010.000 dan Rp\u00a020.000.000.');
    expect(w.find('[data-testid="escrow-fee-total"]').exists()).toBe(false);
  });

  it('asks for an amount while empty', async () => {
    const w = await mountPreview(null);
    expect(w.get('[data-testid="escrow-fee-preview"]').attributes('data-state')).toBe('empty');
  });

  it('follows the typed amount and prefers the server quote once it arrives', async () => {
    // the server's schedule differs from the local one: its quote wins
    const { wrapper } = await mountWithApp(EscrowFeePreview, { props: { amount: 250_000 }, mocks: [schedule, quote(250_000, 12_000, 3)] });
    await settle();
    expect(text(wrapper, 'escrow-fee-fee')).toBe('Rp\u00a010.000'); // local estimate at once
    expect(wrapper.get('[data-testid="escrow-fee-preview"]').attributes('data-confirmed')).toBe('false');
    await sleep(FEE_QUOTE_DEBOUNCE_MS + 50);
    await settle();
    expect(text(wrapper, 'escrow-fee-fee')).toBe('Rp\u00a012.000');
    expect(text(wrapper, 'escrow-fee-total')).toBe('Rp\u00a0262.000');
    expect(wrapper.get('[data-testid="escrow-fee-preview"]').attributes('data-confirmed')).toBe('true');
    expect(wrapper.text()).toContain('Tarif versi 3');

    await wrapper.setProps({ amount: 5_000 });
    await settle();
    expect(text(wrapper, 'escrow-fee-error')).toContain('Rp\u00a010.000');
  });
});
