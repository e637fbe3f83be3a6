import { offerBalance } from '@pasar/domain';
import { describe, expect, it } from 'vitest';
import { mountWithApp } from '@/test/mountWithApp';
import OfferBalanceMeter from './OfferBalanceMeter.vue';

async function meter(offered: number[], wanted: number[], tolerance = 0.1, locale: 'id' | 'en' = 'id') {
  const { wrapper } = await mountWithApp(OfferBalanceMeter, { props: { balance: offerBalance(offered, wanted, tolerance) }, locale });
  const root = wrapper.get('[data-testid="offer-balance"]');
  return { state: root.attributes('data-state'), label: wrapper.get('[data-testid="offer-balance-label"]').text(), wrapper };
}

describe('OfferBalanceMeter', () => {
  it('shows "Seimbang" for a balanced offer, with both sums and the ±tolerance band', async () => {
    const { state, label, wrapper } = await meter([60, 45], [100]);
    expect(state).toBe('balanced');
    expect(label).toBe('Seimbang');
    expect(wrapper.get('[data-testid="offer-balance-offered"]').text()).toBe('105 poin');
    expect(wrapper.get('[data-testid="offer-balance-wanted"]').text()).toBe('100 poin');
    expect(wrapper.text()).toContain('±10 poin');
    expect(wrapper.get('[role="meter"]').attributes('aria-valuenow')).toBe('105');
  });

  it('shows "Kurang X poin" when the offer is short', async () => {
    const { state, label } = await meter([700], [1365]);
    expect(state).toBe('short');
    expect(label).toBe('Kurang 665 poin');
  });

  it('shows "Lebih X poin" when the offer is over, grouping thousands', async () => {
    const { state, label } = await meter([5000], [2000]);
    expect(state).toBe('over');
    expect(label).toBe('Lebih 3.000 poin');
  });

  it('is balanced exactly at the tolerance edge and not one point beyond, on both sides', async () => {
    expect((await meter([90], [100])).state).toBe('balanced'); // |−10| = 10 % of 100
    expect((await meter([110], [100])).state).toBe('balanced');
    const short = await meter([89], [100]);
    expect([short.state, short.label]).toEqual(['short', 'Kurang 11 poin']);
    const over = await meter([111], [100]);
    expect([over.state, over.label]).toEqual(['over', 'Lebih 11 poin']);
    // a fractional band: 10 % of 15 = 1.5 points, so 2 points short is outside it
    expect((await meter([14], [15])).state).toBe('balanced');
    expect((await meter([13], [15])).state).toBe('short');
    expect((await meter([13], [15])).wrapper.text()).toContain('±1,5 poin');
  });

  it('speaks English too, and asks for items while a side is empty', async () => {
    expect((await meter([89], [100], 0.1, 'en')).label).toBe('11 points short');
    expect((await meter([111], [100], 0.1, 'en')).label).toBe('11 points over');
    expect((await meter([100], [100], 0.1, 'en')).label).toBe('Balanced');
    const { wrapper } = await mountWithApp(OfferBalanceMeter, { props: { balance: null } });
    expect(wrapper.get('[data-testid="offer-balance"]').attributes('data-state')).toBe('empty');
    expect(wrapper.text()).toContain('Pilih barang di kedua sisi');
  });
});
