import { describe, expect, it } from 'vitest';
import { STORE_PAGE_SIZE, StoreDocument } from '@/composables/useShop';
import { storeFixture } from '@/test/fixtures';
import { mountWithApp, settle } from '@/test/mountWithApp';
import StorePage from './StorePage.vue';

async function mountStore(store: ReturnType<typeof storeFixture>) {
  const { wrapper } = await mountWithApp(StorePage, {
    route: '/toko/harmoni-bandung',
    mocks: [{ request: { query: StoreDocument, variables: { slug: 'harmoni-bandung', first: STORE_PAGE_SIZE } }, result: { data: { store: { ...store, products: [] } } } }],
  });
  await settle(8);
  return wrapper;
}

describe('StorePage logo', () => {
  it('shows the store’s logo in its header', async () => {
    const wrapper = await mountStore(storeFixture({ logo: { __typename: 'Photo', id: 'ph7', url: '/media/ph7.webp', thumbnailUrl: '/media/ph7-thumb.webp' } }));
    expect(wrapper.get('[data-testid="store-name"]').text()).toBe('Harmoni Bandung');
    const logo = wrapper.get('.store-head [data-testid="store-logo"]');
    expect(logo.element.tagName).toBe('IMG');
    expect(logo.attributes('src')).toBe('/media/ph7-thumb.webp');
  });

  it('without a logo shows the initial on the store’s colour, in a legible ink', async () => {
    const dark = (await mountStore(storeFixture())).get('.store-head [data-testid="store-logo"]');
    expect(dark.attributes('data-fallback')).toBe('true');
    expect(dark.text()).toBe('H');
    expect(dark.attributes('style')).toContain('background: #b91c1c');
    expect(dark.attributes('style')).toContain('color: #ffffff');

    const light = (await mountStore(storeFixture({ name: 'kopi Senja', color: '#fde68a' }))).get('.store-head [data-testid="store-logo"]');
    expect(light.text()).toBe('K');
    expect(light.attributes('style')).toContain('color: #111827');
  });
});
