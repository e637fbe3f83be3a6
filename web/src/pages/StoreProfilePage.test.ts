import { describe, expect, it, vi } from 'vitest';
import { MyStoresDocument } from '@/composables/useShop';
import { UpdateStoreDocument } from '@/composables/useStoreAdmin';
import { useSessionStore } from '@/stores/session';
import { storeFixture } from '@/test/fixtures';
import { authPayload, mountWithApp, settle } from '@/test/mountWithApp';
import StoreProfilePage from './StoreProfilePage.vue';

const input = { name: 'Harmoni Bandung', slug: 'harmoni-bdg', address: 'Jl. Braga No. 12, Sumur Bandung', cityCode: '32.73', phone: '0227201234', hours: 'Setiap hari 09.00–21.00', color: '#b91c1c' };

describe('StoreProfilePage', () => {
  it('edits the profile: prefilled, saved with every field, and follows a new URL key', async () => {
    const update = vi.fn(() => ({ data: { updateStore: storeFixture({ slug: 'harmoni-bdg', hours: input.hours }) } }));
    const { wrapper, router } = await mountWithApp(StoreProfilePage, {
      route: '/toko-saya/profil',
      before: () => useSessionStore().login(authPayload()),
      mocks: [
        { request: { query: MyStoresDocument }, result: { data: { myStores: [storeFixture()] } } },
        { request: { query: UpdateStoreDocument, variables: { storeId: 's1', input } }, result: update },
      ],
    });
    await settle(8);
    const value = (id: string) => (wrapper.get(`[data-testid="${id}"]`).element as HTMLInputElement).value;
    expect(value('sp-name')).toBe('Harmoni Bandung');
    expect(value('sp-slug')).toBe('harmoni-bandung');
    expect(value('sp-city')).toBe('Kota Bandung');
    // the name no longer drives the slug of an existing store
    await wrapper.get('[data-testid="sp-name"]').setValue('Harmoni Bandung');
    expect(value('sp-slug')).toBe('harmoni-bandung');

    await wrapper.get('[data-testid="sp-slug"]').setValue('Harmoni BDG');
    await wrapper.get('[data-testid="store-profile-form"]').trigger('submit');
    expect(wrapper.text()).toContain('3–40 huruf kecil');
    expect(update).not.toHaveBeenCalled();

    await wrapper.get('[data-testid="sp-slug"]').setValue('harmoni-bdg');
    await wrapper.get('[data-testid="sp-hours"]').setValue(input.hours);
    await wrapper.get('[data-testid="store-profile-form"]').trigger('submit');
    await settle(8);
    expect(update).toHaveBeenCalledTimes(1);
    expect(wrapper.get('[data-testid="profile-saved"]').text()).toBe('Profil toko tersimpan.');
    expect(router.currentRoute.value.query.toko).toBe('harmoni-bdg');
  });

  it('shows a taken URL key at its field', async () => {
    const { wrapper } = await mountWithApp(StoreProfilePage, {
      route: '/toko-saya/profil',
      before: () => useSessionStore().login(authPayload()),
      mocks: [
        { request: { query: MyStoresDocument }, result: { data: { myStores: [storeFixture()] } } },
        {
          request: { query: UpdateStoreDocument },
          variableMatcher: () => true,
          result: { errors: [{ message: 'This address is taken.', extensions: { code: 'CONFLICT', field: 'slug' } }] },
        },
      ],
    });
    await settle(8);
    await wrapper.get('[data-testid="sp-slug"]').setValue('toko-lain');
    await wrapper.get('[data-testid="store-profile-form"]').trigger('submit');
    await settle(5);
    expect(wrapper.get('#sp-slug-error').text()).toBe('Alamat ini sudah dipakai toko lain.');
    expect(wrapper.find('[data-testid="profile-saved"]').exists()).toBe(false);
  });
});
