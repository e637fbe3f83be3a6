/** Shape and invariants of the demo data set, and the local photo renderer. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { buildDemoData, DEMO_ADMIN_EMAIL, DEMO_CITY_CODES, type DemoListing } from './demo-data.js';
import { renderDemoPhoto } from './demo-photos.js';

const data = buildDemoData();
const { categories, users, listings } = data;

const csvCodes = new Set(
  readFileSync(fileURLToPath(new URL('../../data/id-cities.csv', import.meta.url)), 'utf8')
    .split('\n')
    .slice(1)
    .map((line) => line.split(',')[0].trim())
    .filter(Boolean),
);

const countKind = (kind: DemoListing['kind']) => listings.filter((l) => l.kind === kind).length;
const mentioning = (word: string) => listings.filter((l) => new RegExp(`\\b${word}\\b`, 'i').test(`${l.title} ${l.description}`)).length;

describe('buildDemoData', () => {
  it('has the expected categories', () => {
    expect(categories.length).toBeGreaterThanOrEqual(14);
    expect(new Set(categories.map((c) => c.slug)).size).toBe(categories.length);
    for (const c of categories) {
      expect(c.name).toBeTruthy();
      expect(c.nameEn).toBeTruthy();
      expect(Number.isInteger(c.basePoints)).toBe(true);
      expect(c.basePoints).toBeGreaterThanOrEqual(50);
      expect(c.basePoints).toBeLessThanOrEqual(2000);
    }
  });

  it('has one admin, one staff, 22+ members with unique @pasar.test emails', () => {
    expect(users.filter((u) => u.role === 'ADMIN')).toEqual([expect.objectContaining({ email: DEMO_ADMIN_EMAIL, displayName: 'Admin Pasar' })]);
    expect(users.filter((u) => u.role === 'STAFF')).toHaveLength(1);
    expect(users.filter((u) => u.role === 'MEMBER').length).toBeGreaterThanOrEqual(22);
    expect(new Set(users.map((u) => u.email)).size).toBe(users.length);
    for (const u of users) {
      expect(u.email).toMatch(/^[a-z0-9.]+@pasar\.test$/);
      expect(u.phone).toMatch(/^\+62812\d{8}$/);
    }
    expect(new Set(users.map((u) => u.phone)).size).toBe(users.length);
  });

  it('uses only city codes that exist in id-cities.csv, spread over 12+ cities', () => {
    for (const code of DEMO_CITY_CODES) expect(csvCodes.has(code), code).toBe(true);
    for (const x of [...users, ...listings]) expect(DEMO_CITY_CODES).toContain(x.cityCode);
    expect(new Set(users.map((u) => u.cityCode)).size).toBeGreaterThanOrEqual(12);
    expect(new Set(listings.map((l) => l.cityCode)).size).toBeGreaterThanOrEqual(12);
  });

  it('has 240 listings with roughly 45% SALE / 40% BARTER / 15% SERVICE', () => {
    expect(listings).toHaveLength(240);
    expect(countKind('SALE')).toBeGreaterThanOrEqual(100);
    expect(countKind('SALE')).toBeLessThanOrEqual(116);
    expect(countKind('BARTER')).toBeGreaterThanOrEqual(88);
    expect(countKind('BARTER')).toBeLessThanOrEqual(104);
    expect(countKind('SERVICE')).toBeGreaterThanOrEqual(30);
    expect(countKind('SERVICE')).toBeLessThanOrEqual(42);
  });

  it('references existing sellers and categories', () => {
    const slugs = new Set(categories.map((c) => c.slug));
    const emails = new Set(users.map((u) => u.email));
    for (const l of listings) {
      expect(slugs.has(l.categorySlug), l.categorySlug).toBe(true);
      expect(emails.has(l.sellerEmail), l.sellerEmail).toBe(true);
    }
  });

  it('has exactly the per-kind block for each listing, with valid values', () => {
    for (const l of listings) {
      expect(l.sale !== undefined, l.title).toBe(l.kind === 'SALE');
      expect(l.barter !== undefined, l.title).toBe(l.kind === 'BARTER');
      expect(l.service !== undefined, l.title).toBe(l.kind === 'SERVICE');
      if (l.sale) {
        expect(Number.isSafeInteger(l.sale.price) && l.sale.price > 0, l.title).toBe(true);
        expect(l.sale.price % 1000).toBe(0);
        for (const n of [l.sale.stock, l.sale.weightGrams, l.sale.lengthCm, l.sale.widthCm, l.sale.heightCm]) {
          expect(Number.isSafeInteger(n) && n > 0, l.title).toBe(true);
        }
      }
      if (l.barter) {
        for (const f of Object.values(l.barter)) {
          expect(Number.isInteger(f) && f >= 1 && f <= 5, l.title).toBe(true);
        }
      }
      if (l.service) {
        expect(Number.isSafeInteger(l.service.hourlyRate)).toBe(true);
        expect(l.service.hourlyRate).toBeGreaterThanOrEqual(50_000);
        expect(l.service.hourlyRate).toBeLessThanOrEqual(350_000);
      }
    }
  });

  it('has plausible text, photos and ages', () => {
    expect(new Set(listings.map((l) => l.title)).size).toBeGreaterThanOrEqual(200);
    for (const l of listings) {
      const sentences = l.description.split(/(?<=[.!?])\s+/).length;
      expect(sentences, l.description).toBeGreaterThanOrEqual(2);
      expect(sentences, l.description).toBeLessThanOrEqual(4);
      expect(l.photos.length).toBeGreaterThanOrEqual(1);
      expect(l.photos.length).toBeLessThanOrEqual(3);
      for (const p of l.photos) {
        expect(p.label.split(/\s+/).length).toBeLessThanOrEqual(3);
        expect(Number.isInteger(p.hue) && p.hue >= 0 && p.hue <= 359).toBe(true);
      }
      expect(Number.isInteger(l.ageDays) && l.ageDays >= 0 && l.ageDays <= 60).toBe(true);
    }
  });

  it('contains searchable words and a music store with ~25 branded listings', () => {
    expect(mentioning('sepeda')).toBeGreaterThanOrEqual(3);
    expect(mentioning('gitar')).toBeGreaterThanOrEqual(3);
    expect(mentioning('kamera')).toBeGreaterThanOrEqual(2);
    const store = users.find((u) => u.displayName === 'Toko Musik Harmoni Bandung');
    expect(store?.role).toBe('MEMBER');
    const storeListings = listings.filter((l) => l.sellerEmail === store?.email);
    expect(storeListings.length).toBeGreaterThanOrEqual(20);
    for (const l of storeListings) {
      expect(l.kind).toBe('SALE');
      expect(l.sale?.brand).toBeTruthy();
      expect(l.sale?.model).toBeTruthy();
    }
  });

  it('is deterministic', () => {
    expect(buildDemoData()).toEqual(data);
    expect(buildDemoData(7)).toEqual(buildDemoData(7));
    expect(buildDemoData(7)).not.toEqual(data);
  });
});

describe('renderDemoPhoto', () => {
  it('renders a decodable JPEG of the requested size', async () => {
    const spec = listings[0].photos[0];
    for (const size of [800, 320]) {
      const buf = await renderDemoPhoto(spec, size);
      const meta = await sharp(buf).metadata();
      expect(meta.format).toBe('jpeg');
      expect(meta.width).toBe(size);
      expect(meta.height).toBe(size);
    }
  });

  it('renders every motif', async () => {
    for (const motif of ['box', 'circle', 'stripes', 'dots', 'wave'] as const) {
      const meta = await sharp(await renderDemoPhoto({ label: 'Gitar & <Bass>', hue: 200, motif }, 200)).metadata();
      expect(meta.width).toBe(200);
    }
  });
});
