import { describe, expect, it } from 'vitest';
import { receivedValid, restockLines, slugify, storeFormProblems, storeInitial, storeMonogram, type StoreFormValues } from './storeAdmin';

const valid: StoreFormValues = { name: 'Toko Harmoni', slug: 'toko-harmoni', address: 'Jl. Braga No. 12', cityCode: '32.73', phone: '', hours: '', color: '' };

describe('store admin rules', () => {
  it('makes a URL key from a store name', () => {
    expect(slugify('Toko Harmoni Bandung!')).toBe('toko-harmoni-bandung');
    expect(slugify('  Kopi & Teh — Café Ü  ')).toBe('kopi-teh-cafe-u');
    expect(slugify('-- a --')).toBe('a');
    expect(slugify('x'.repeat(39) + ' y')).toBe('x'.repeat(39));
  });

  it('checks a profile as the API does (name 3–80, slug, address ≥ 8, city, hex colour)', () => {
    expect(storeFormProblems(valid)).toEqual({});
    expect(storeFormProblems({ ...valid, color: '#0F766E' })).toEqual({});
    expect(Object.keys(storeFormProblems({ ...valid, name: 'ab', slug: '-bad', address: 'Jl. 1', cityCode: null, color: 'red' })).sort()).toEqual(['address', 'city', 'color', 'name', 'slug']);
    expect(storeFormProblems({ ...valid, slug: 'ab' }).slug).toBe('storeAdmin.form.slugRule');
    expect(storeFormProblems({ ...valid, slug: 'a'.repeat(40) }).slug).toBeUndefined();
    expect(storeFormProblems({ ...valid, slug: 'a'.repeat(41) }).slug).toBeDefined();
    expect(storeFormProblems({ ...valid, slug: 'Toko' }).slug).toBeDefined();
  });

  it('accepts received quantities from 0 to what was ordered (short deliveries)', () => {
    expect(receivedValid(0, 10)).toBe(true);
    expect(receivedValid(10, 10)).toBe(true);
    expect(receivedValid(11, 10)).toBe(false);
    expect(receivedValid(-1, 10)).toBe(false);
    expect(receivedValid(2.5, 10)).toBe(false);
    expect(receivedValid('', 10)).toBe(false);
  });

  it('sends restock lines only when each has a product, once, and 1–100000 units', () => {
    expect(restockLines([{ listingId: 'l1', quantity: 12 }, { listingId: 'l2', quantity: 1 }])).toEqual([
      { listingId: 'l1', quantity: 12 },
      { listingId: 'l2', quantity: 1 },
    ]);
    expect(restockLines([])).toBeNull();
    expect(restockLines([{ listingId: '', quantity: 1 }])).toBeNull();
    expect(restockLines([{ listingId: 'l1', quantity: 0 }])).toBeNull();
    expect(restockLines([{ listingId: 'l1', quantity: 100_001 }])).toBeNull();
    expect(restockLines([{ listingId: 'l1', quantity: '' }])).toBeNull();
    expect(restockLines([{ listingId: 'l1', quantity: 1 }, { listingId: 'l1', quantity: 2 }])).toBeNull();
  });

  it('makes a logo fallback: the initial, on the store colour, in white or near-black ink', () => {
    expect(storeInitial('toko harmoni')).toBe('T');
    expect(storeInitial('  “99” Kopi')).toBe('9');
    expect(storeInitial('élan')).toBe('É');
    expect(storeInitial('—')).toBe('?');
    expect(storeMonogram('Harmoni', '#B91C1C')).toEqual({ initial: 'H', background: '#b91c1c', ink: '#ffffff' });
    expect(storeMonogram('Harmoni', '#0f766e').ink).toBe('#ffffff');
    expect(storeMonogram('Harmoni', '#fde68a').ink).toBe('#111827');
    expect(storeMonogram('Harmoni', '#ffffff').ink).toBe('#111827');
    // no colour, or not a hex one: the theme's primary colour and its ink
    expect(storeMonogram('Harmoni', null)).toEqual({ initial: 'H', background: null, ink: null });
    expect(storeMonogram('Harmoni', 'red')).toEqual({ initial: 'H', background: null, ink: null });
  });
});
