import { describe, expect, it } from 'vitest';
import { cardFixture } from '@/test/fixtures';
import { mountWithApp } from '@/test/mountWithApp';
import ListingCard from './ListingCard.vue';

describe('ListingCard', () => {
  it('shows the title, the rupiah price, city, condition and links to the listing', async () => {
    const { wrapper } = await mountWithApp(ListingCard, { props: { listing: cardFixture() } });
    expect(wrapper.get('[data-testid="listing-card"]').text()).toContain('Sepeda lipat 20 inci');
    expect(wrapper.text()).toContain('Rp\u00a01.250.000');
    expect(wrapper.text()).toContain('Kota Bandung');
    expect(wrapper.text()).toContain('Baik');
    expect(wrapper.text()).toContain('Dijual');
    expect(wrapper.get('a').attributes('href')).toBe('/listings/l1');
    const img = wrapper.get('img');
    expect(img.attributes('alt')).toBe('Sepeda lipat 20 inci');
    expect(img.attributes('src')).toBe('/media/p1-thumb.webp');
  });

  it('shows the date in Asia/Jakarta (20:30 UTC on the 20th is already the 21st in WIB)', async () => {
    const { wrapper } = await mountWithApp(ListingCard, { props: { listing: cardFixture() } });
    expect(wrapper.get('time').text()).toMatch(/21/);
  });

  it('shows points for BARTER and an hourly rate for SERVICE', async () => {
    const barter = await mountWithApp(ListingCard, { props: { listing: cardFixture({ kind: 'BARTER', price: null, points: 1234 }) } });
    expect(barter.wrapper.text()).toContain('1.234 poin');
    expect(barter.wrapper.text()).not.toContain('Rp');

    const service = await mountWithApp(ListingCard, { props: { listing: cardFixture({ kind: 'SERVICE', price: null, hourlyRate: 75000 }) } });
    expect(service.wrapper.text()).toContain('Rp\u00a075.000/jam');
  });

  it('renders a placeholder without a photo and translates to English', async () => {
    const { wrapper } = await mountWithApp(ListingCard, {
      locale: 'en',
      props: { listing: cardFixture({ thumbnail: null }), showStatus: true },
    });
    expect(wrapper.find('img').exists()).toBe(false);
    expect(wrapper.text()).toContain('No photo yet');
    expect(wrapper.text()).toContain('For sale');
    expect(wrapper.text()).toContain('Bicycles');
    expect(wrapper.get('[data-testid="listing-status"]').text()).toBe('Active');
  });
});
