import type { MockedResponse } from '@apollo/client/testing/core';
import { describe, expect, it } from 'vitest';
import { BarterConfigDocument } from '@/composables/useBarterConfig';
import { CategoriesDocument } from '@/composables/useCategories';
import { ListingDocument } from '@/composables/useListing';
import { CreateListingDocument } from '@/composables/useListingForm';
import { useSessionStore } from '@/stores/session';
import { barterConfigFixture, categoryFixture, categoryFixture2, detailFixture } from '@/test/fixtures';
import { authPayload, mountWithApp, settle } from '@/test/mountWithApp';
import ListingFormPage from './ListingFormPage.vue';

const baseMocks = [
  { request: { query: CategoriesDocument }, result: { data: { categories: [categoryFixture, categoryFixture2] } } },
  { request: { query: BarterConfigDocument }, result: { data: { barterConfig: barterConfigFixture } } },
];

async function mountForm(extraMocks: MockedResponse[] = []) {
  const mounted = await mountWithApp(ListingFormPage, { route: '/', mocks: [...baseMocks, ...extraMocks] });
  await settle(5);
  return mounted;
}

describe('ListingFormPage', () => {
  it('shows a live points preview for BARTER that follows category, condition and every factor', async () => {
    const { wrapper } = await mountForm();
    await wrapper.get('[data-testid="lf-kind-BARTER"]').setValue(true);
    const preview = () => wrapper.get('[data-testid="lf-points-preview"]').text();
    expect(preview()).toContain('Pilih kategori dan kondisi');

    await wrapper.get('[data-testid="lf-category"]').setValue('cat-kamera'); // base 400, seasonal 1.1
    await wrapper.get('[data-testid="lf-condition"]').setValue('GOOD'); // 0.75
    // 400 × 1.00 × 0.75 × 1.1 = 330
    expect(preview()).toBe('330 poin');

    await wrapper.get('[data-testid="lf-utility"]').setValue('5'); // score 3.7/3
    // 400 × 3.7/3 × 0.75 × 1.1 = 407
    expect(preview()).toBe('407 poin');
    await wrapper.get('[data-testid="lf-portability"]').setValue('1'); // score 3.4/3
    // 400 × 3.4/3 × 0.75 × 1.1 = 374
    expect(preview()).toBe('374 poin');
  });

  it('validates with LISTING_RULES before sending and marks the fields', async () => {
    const { wrapper } = await mountForm();
    await wrapper.get('[data-testid="lf-title"]').setValue('abc');
    await wrapper.get('form').trigger('submit');
    await settle();
    expect(wrapper.get('#lf-title').attributes('aria-invalid')).toBe('true');
    expect(wrapper.text()).toContain('Harus 5–120 karakter (sekarang 3)');
    expect(wrapper.text()).toContain('Unggah 1–5 foto');
    expect(wrapper.text()).toContain('Pilih kategori');
    expect(wrapper.text()).toContain('Pilih kota dari daftar saran');
    expect(wrapper.get('#lf-price').attributes('aria-invalid')).toBe('true');
  });

  it('shows a server BAD_USER_INPUT next to the field it names', async () => {
    const input = {
      kind: 'SERVICE' as const,
      title: 'Pemandu wisata Bandung',
      description: 'Pemandu wisata berpengalaman keliling Bandung.',
      categoryId: 'cat-sepeda',
      condition: 'NEW' as const,
      cityCode: '3273',
      photoIds: ['p1'],
      publish: true,
      sale: null,
      barter: null,
      service: { hourlyRate: 50000 },
    };
    const { wrapper } = await mountForm([
      {
        request: { query: CreateListingDocument, variables: { input } },
        result: { errors: [{ message: 'Tarif terlalu tinggi untuk kategori ini', extensions: { code: 'BAD_USER_INPUT', field: 'service.hourlyRate' } }] },
      },
    ]);
    // Fill the form through its state: the city and photo widgets have their own tests.
    const vm = wrapper.vm as unknown as { $: { setupState: { state: Record<string, unknown> } } };
    Object.assign(vm.$.setupState.state, {
      kind: 'SERVICE',
      title: input.title,
      description: input.description,
      categoryId: 'cat-sepeda',
      condition: 'NEW',
      city: { code: '3273', name: 'Kota Bandung' },
      photos: [{ id: 'p1', url: '/m/1', thumbnailUrl: '/m/1t', width: 1, height: 1 }],
      hourlyRate: 50000,
    });
    await settle();
    await wrapper.get('form').trigger('submit');
    await settle(8);
    expect(wrapper.get('#lf-hourly-rate').attributes('aria-invalid')).toBe('true');
    expect(wrapper.get('#lf-hourly-rate-error').text()).toBe('Tarif terlalu tinggi untuk kategori ini');
  });

  it("fills the form from the member's listing in edit mode and locks the kind", async () => {
    const listing = detailFixture({ status: 'DRAFT' });
    const { wrapper } = await mountWithApp(ListingFormPage, {
      route: '/listings/l1/edit',
      before: () => useSessionStore().login(authPayload({ id: 'u1', displayName: 'Siti Aminah' })),
      mocks: [...baseMocks, { request: { query: ListingDocument, variables: { id: 'l1' } }, result: { data: { listing } } }],
    });
    await settle(8);
    expect(wrapper.get('h1').text()).toBe('Ubah iklan');
    expect((wrapper.get('[data-testid="lf-title"]').element as HTMLInputElement).value).toBe(listing.title);
    expect((wrapper.get('[data-testid="lf-kind-BARTER"]').element as HTMLInputElement).checked).toBe(true);
    expect(wrapper.get('[data-testid="lf-kind-SALE"]').element.closest('fieldset')?.disabled).toBe(true);
    expect(wrapper.findAll('[data-testid="lf-photo-thumb"]')).toHaveLength(2);
    expect(wrapper.get('[data-testid="lf-points-preview"]').text()).toBe('80 poin');
    expect(wrapper.get('[data-testid="lf-submit"]').text()).toBe('Terbitkan');
  });

  it('sends a guest who opens the edit page to the login page', async () => {
    const { router } = await mountWithApp(ListingFormPage, { route: '/terms', mocks: baseMocks });
    await router.push('/listings/l1/edit');
    expect(router.currentRoute.value.name).toBe('login');
    expect(router.currentRoute.value.query.redirect).toBe('/listings/l1/edit');
  });
});
