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

describe('StorePage colour', () => {
  const vars = (style: string | undefined) => Object.fromEntries((style ?? '').split(';').map((d) => d.split(/:(.*)/s).map((x) => x.trim())).filter(([k]) => k.startsWith('--')));

  it('draws the store name in a dark store colour, and in the text colour when the colour is too light to read on white', async () => {
    const dark = vars((await mountStore(storeFixture())).attributes('style'));
    expect(dark).toEqual({ '--store-accent': '#b91c1c', '--store-accent-text': '#b91c1c', '--store-on-accent': '#ffffff' });

    const light = vars((await mountStore(storeFixture({ color: '#FDE68A' }))).attributes('style'));
    expect(light).toEqual({ '--store-accent': '#fde68a', '--store-accent-text': 'var(--color-text)', '--store-on-accent': '#111827' });
  });

  it('falls back to the theme’s primary colour without a (valid) store colour', async () => {
    const none = vars((await mountStore(storeFixture({ color: null }))).attributes('style'));
    expect(none).toEqual({ '--store-accent': 'var(--color-primary)', '--store-accent-text': 'var(--color-primary)', '--store-on-accent': 'var(--color-on-primary)' });
  });
});
