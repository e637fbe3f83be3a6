import { describe, expect, it } from 'vitest';
import { categoryFixture, categoryFixture2 } from '@/test/fixtures';
import { mountWithApp } from '@/test/mountWithApp';
import ListingFilters from './ListingFilters.vue';

const categories = [categoryFixture, categoryFixture2];

describe('ListingFilters', () => {
  it('emits only the chosen filters, with numbers, for a BARTER search', async () => {
    const { wrapper } = await mountWithApp(ListingFilters, { props: { modelValue: { query: 'sepeda' }, categories } });
    await wrapper.get('[data-testid="filter-kind-BARTER"]').setValue(true);
    // the price range does not apply to barter
    expect(wrapper.find('[data-testid="filter-min-price"]').exists()).toBe(false);
    await wrapper.get('[data-testid="filter-category"]').setValue('cat-kamera');
    await wrapper.get('[data-testid="filter-condition"]').setValue('LIKE_NEW');
    await wrapper.get('[data-testid="filter-min-points"]').setValue('10');
    await wrapper.get('[data-testid="filter-max-points"]').setValue('250');
    await wrapper.get('form').trigger('submit');

    expect(wrapper.emitted('update:modelValue')).toEqual([
      [{ query: 'sepeda', kind: 'BARTER', categoryId: 'cat-kamera', condition: 'LIKE_NEW', minPoints: 10, maxPoints: 250 }],
    ]);
    expect(wrapper.emitted('update:cityName')).toEqual([[null]]);
    expect(wrapper.emitted('applied')).toHaveLength(1);
  });

  it('reads rupiah with dots for a SALE price range and hides the points range', async () => {
    const { wrapper } = await mountWithApp(ListingFilters, { props: { modelValue: {}, categories } });
    await wrapper.get('[data-testid="filter-kind-SALE"]').setValue(true);
    expect(wrapper.find('[data-testid="filter-min-points"]').exists()).toBe(false);
    await wrapper.get('[data-testid="filter-min-price"]').setValue('50.000');
    await wrapper.get('[data-testid="filter-max-price"]').setValue('1500000');
    await wrapper.get('form').trigger('submit');
    expect(wrapper.emitted('update:modelValue')?.[0]).toEqual([{ kind: 'SALE', minPrice: 50000, maxPrice: 1500000 }]);
  });

  it('refuses a minimum above the maximum and says so', async () => {
    const { wrapper } = await mountWithApp(ListingFilters, { props: { modelValue: {}, categories } });
    await wrapper.get('[data-testid="filter-min-price"]').setValue('900');
    await wrapper.get('[data-testid="filter-max-price"]').setValue('100');
    await wrapper.get('form').trigger('submit');
    expect(wrapper.emitted('update:modelValue')).toBeUndefined();
    expect(wrapper.text()).toContain('Minimum tidak boleh lebih besar dari maksimum');
    expect(wrapper.get('[data-testid="filter-min-price"]').attributes('aria-invalid')).toBe('true');
  });

  it('starts from the applied filter and resets to an empty one (keeping the text query)', async () => {
    const { wrapper } = await mountWithApp(ListingFilters, {
      props: { modelValue: { query: 'kamera', kind: 'SERVICE', cityCode: '3273', maxPrice: 200000 }, cityName: 'Kota Bandung', categories },
    });
    expect((wrapper.get('[data-testid="filter-kind-SERVICE"]').element as HTMLInputElement).checked).toBe(true);
    expect((wrapper.get('[data-testid="filter-city"]').element as HTMLInputElement).value).toBe('Kota Bandung');
    expect((wrapper.get('[data-testid="filter-max-price"]').element as HTMLInputElement).value).toBe('200000');
    await wrapper.get('[data-testid="filter-reset"]').trigger('click');
    expect(wrapper.emitted('update:modelValue')?.[0]).toEqual([{ query: 'kamera' }]);
  });
});
