import { DEFAULT_BARTER_CONFIG, computeBarterPoints } from '@pasar/domain';
import { describe, expect, it } from 'vitest';
import { mountWithApp } from '@/test/mountWithApp';
import ListingBarterFields from './ListingBarterFields.vue';

const category = { basePoints: 100, seasonalMultiplier: 1 };
const valuation = { utility: 3, scarcity: 3, durability: 3, portability: 3 };

describe('ListingBarterFields', () => {
  it('previews the points with @pasar/domain and recomputes when a factor changes', async () => {
    const { wrapper } = await mountWithApp(ListingBarterFields, {
      props: { modelValue: valuation, category, condition: 'NEW', config: DEFAULT_BARTER_CONFIG },
    });
    // 100 × (3 × 1.00)/3 × 1.00 = 100
    expect(wrapper.get('[data-testid="lf-points-preview"]').text()).toBe('100 poin');

    await wrapper.get('[data-testid="lf-utility"]').setValue('5');
    const next = (wrapper.emitted('update:modelValue') as unknown[][])[0][0];
    expect(next).toEqual({ ...valuation, utility: 5 });
    await wrapper.setProps({ modelValue: next as typeof valuation });
    const expected = computeBarterPoints({ basePoints: 100, valuation: { ...valuation, utility: 5 }, condition: 'NEW' }).points;
    expect(expected).toBe(123);
    expect(wrapper.get('[data-testid="lf-points-preview"]').text()).toBe('123 poin');
  });

  it('asks for a category and a condition before previewing', async () => {
    const { wrapper } = await mountWithApp(ListingBarterFields, {
      props: { modelValue: valuation, category: null, condition: '', config: DEFAULT_BARTER_CONFIG },
    });
    expect(wrapper.get('[data-testid="lf-points-preview"]').text()).toContain('Pilih kategori dan kondisi');
  });
});
