import { computeBarterPoints } from '@pasar/domain';
import { describe, expect, it } from 'vitest';
import { mountWithApp } from '@/test/mountWithApp';
import ListingPointsBreakdown from './ListingPointsBreakdown.vue';

const valuation = { utility: 4, scarcity: 3, durability: 3, portability: 2 };
const breakdown = computeBarterPoints({ basePoints: 100, valuation, condition: 'GOOD', seasonalMultiplier: 1.1 });

describe('ListingPointsBreakdown', () => {
  it('lists each factor with its value, weight and weighted value, then the multipliers and the points', async () => {
    const { wrapper } = await mountWithApp(ListingPointsBreakdown, { props: { breakdown, valuation, condition: 'GOOD' } });
    const utility = wrapper.get('[data-factor="utility"]').findAll('td').map((td) => td.text());
    expect(utility).toEqual(['4', '0,35', '1,4']);
    const portability = wrapper.get('[data-factor="portability"]').findAll('td').map((td) => td.text());
    expect(portability).toEqual(['2', '0,15', '0,3']);
    expect(wrapper.get('[data-row="score"] td').text()).toBe('1,067');
    expect(wrapper.get('[data-row="base"] td').text()).toBe('× 100');
    expect(wrapper.get('[data-row="condition"]').text()).toContain('Baik');
    expect(wrapper.get('[data-row="condition"] td').text()).toBe('× 0,75');
    expect(wrapper.get('[data-row="seasonal"] td').text()).toBe('× 1,1');
    // 100 × 3.2/3 × 0.75 × 1.1 = 88 exactly
    expect(breakdown.points).toBe(88);
    expect(wrapper.get('[data-testid="breakdown-points"]').text()).toBe('88');
  });

  it('shows dashes when the valuation is unknown and uses English labels', async () => {
    const { wrapper } = await mountWithApp(ListingPointsBreakdown, { locale: 'en', props: { breakdown, valuation: null } });
    expect(wrapper.get('[data-factor="scarcity"]').findAll('td')[0].text()).toBe('—');
    expect(wrapper.text()).toContain('Scarcity');
    expect(wrapper.get('[data-row="score"] td').text()).toBe('1.067');
    expect(wrapper.get('caption').text()).toBe('How the barter points are computed');
  });
});
