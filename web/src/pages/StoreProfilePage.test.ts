import type { MockedResponse } from '@apollo/client/testing/core';
import { describe, expect, it, vi } from 'vitest';
import { MyStoresDocument } from '@/composables/useShop';
import type { UploadedPhoto } from '@/composables/useUpload';
import { UpdateStoreDocument } from '@/composables/useStoreAdmin';
import { useSessionStore } from '@/stores/session';
import { storeFixture } from '@/test/fixtures';
import { authPayload, mountWithApp, settle } from '@/test/mountWithApp';
import StoreProfilePage from './StoreProfilePage.vue';

// The logo goes through the app's one upload code (useUpload: POST /uploads); here it answers at once.
const upload = vi.hoisted(() => vi.fn(async (_file: File, onProgress?: (p: number) => void): Promise<UploadedPhoto> => {
  onProgress?.(100);
  return { id: 'ph9', url: '/media/ph9.webp', thumbnailUrl: '/media/ph9-thumb.webp', width: 480, height: 480 };
}));
vi.mock('@/composables/useUpload', async (importOriginal) => ({
  ...(await importOriginal<typeof import('@/composables/useUpload')>()),
  useUpload: () => ({ upload }),
}));

const logo = (id: string) => ({ __typename: 'Photo' as const, id, url: `/media/${id}.webp`, thumbnailUrl: `/media/${id}-thumb.webp` });
async function chooseLogo(wrapper: Awaited<ReturnType<typeof mountWithApp>>['wrapper'], file: File) {
  const input = wrapper.get('[data-testid="sp-logo-input"]');
  Object.defineProperty(input.element, 'files', { value: [file], configurable: true });
  await input.trigger('change');
  await settle(3);
}
async function mountProfile(store: ReturnType<typeof storeFixture>, update: MockedResponse) {
  const mounted = await mountWithApp(StoreProfilePage, {
    route: '/toko-saya/profil',
    before: () => useSessionStore().login(authPayload()),
    mocks: [{ request: { query: MyStoresDocument }, result: { data: { myStores: [store] } } }, update],
  });
  await settle(8);
  return mounted;
}

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

  it('uploads a logo, sends its photo id, and the header shows it instead of the initial', async () => {
    upload.mockClear();
    const save = vi.fn(() => ({ data: { updateStore: storeFixture({ logo: logo('ph9') }) } }));
    const { wrapper } = await mountProfile(storeFixture(), { request: { query: UpdateStoreDocument, variables: { storeId: 's1', input: { ...input, slug: 'harmoni-bandung', hours: 'Senin–Sabtu 10.00–20.00', logoPhotoId: 'ph9' } } }, result: save });
    const header = wrapper.get('[data-testid="store-admin-logo"]');
    expect(header.attributes('data-fallback')).toBe('true');
    expect(header.text()).toBe('H');
    expect(header.attributes('style')).toContain('background: #b91c1c');
    expect(wrapper.find('[data-testid="sp-logo-remove"]').exists()).toBe(false);

    await chooseLogo(wrapper, new File(['x'], 'logo.png', { type: 'image/png' }));
    expect(upload).toHaveBeenCalledTimes(1);
    expect(wrapper.get('[data-testid="sp-logo-preview"]').attributes('src')).toBe('/media/ph9-thumb.webp');
    expect(wrapper.get('[data-testid="sp-logo-upload"]').text()).toBe('Ganti logo');
    await wrapper.get('[data-testid="store-profile-form"]').trigger('submit');
    await settle(8);
    expect(save).toHaveBeenCalledTimes(1);
    const saved = wrapper.get('[data-testid="store-admin-logo"]');
    expect(saved.element.tagName).toBe('IMG');
    expect(saved.attributes('src')).toBe('/media/ph9-thumb.webp');
  });

  it('removes the logo with null, and keeps it (logoPhotoId omitted) when other fields change', async () => {
    const withLogo = storeFixture({ logo: logo('ph1') });
    const keep = vi.fn(() => ({ data: { updateStore: { ...withLogo, hours: 'Setiap hari 09.00–21.00' } } }));
    const kept = await mountProfile(withLogo, { request: { query: UpdateStoreDocument, variables: { storeId: 's1', input: { ...input, slug: 'harmoni-bandung' } } }, result: keep });
    expect(kept.wrapper.get('[data-testid="sp-logo-preview"]').attributes('src')).toBe('/media/ph1-thumb.webp');
    await kept.wrapper.get('[data-testid="sp-hours"]').setValue(input.hours);
    await kept.wrapper.get('[data-testid="store-profile-form"]').trigger('submit');
    await settle(8);
    expect(keep).toHaveBeenCalledTimes(1);

    const remove = vi.fn(() => ({ data: { updateStore: storeFixture({ logo: null }) } }));
    const { wrapper } = await mountProfile(withLogo, { request: { query: UpdateStoreDocument, variables: { storeId: 's1', input: { ...input, slug: 'harmoni-bandung', hours: 'Senin–Sabtu 10.00–20.00', logoPhotoId: null } } }, result: remove });
    expect(wrapper.get('[data-testid="store-admin-logo"]').attributes('src')).toBe('/media/ph1-thumb.webp');
    await wrapper.get('[data-testid="sp-logo-remove"]').trigger('click');
    expect(wrapper.get('[data-testid="sp-logo-preview"]').text()).toBe('H');
    await wrapper.get('[data-testid="store-profile-form"]').trigger('submit');
    await settle(8);
    expect(remove).toHaveBeenCalledTimes(1);
    expect(wrapper.get('[data-testid="store-admin-logo"]').attributes('data-fallback')).toBe('true');
    expect(wrapper.find('[data-testid="sp-logo-remove"]').exists()).toBe(false);
  });

  it('refuses a logo that is not an image before uploading it', async () => {
    upload.mockClear();
    const save = vi.fn();
    const { wrapper } = await mountProfile(storeFixture(), { request: { query: UpdateStoreDocument }, variableMatcher: () => true, result: save });
    await chooseLogo(wrapper, new File(['x'], 'logo.gif', { type: 'image/gif' }));
    expect(upload).not.toHaveBeenCalled();
    expect(wrapper.get('[data-testid="sp-logo-error"]').text()).toBe('logo.gif: hanya JPEG, PNG, atau WebP yang diterima');
    expect(wrapper.get('[data-testid="sp-logo-preview"]').attributes('data-fallback')).toBe('true');
  });
});
