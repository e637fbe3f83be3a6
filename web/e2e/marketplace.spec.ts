/**
 * Two members trade through the real app: A registers and publishes a BARTER listing
 * with a photo; B registers in a separate browser context, finds it by a unique word
 * and opens it. Needs the running app (API serving web/dist):
 *
 *   PASAR_E2E_URL=http://localhost:4000 npm run e2e     (CHROMIUM_PATH defaults to /usr/bin/chromium)
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BASE_URL, digits, launchBrowser, makePng, MISSING_URL, pointsIn, register, STEP_TIMEOUT } from './helpers';

let browser: Browser;

beforeAll(async () => {
  if (!BASE_URL) return; // the test itself fails with MISSING_URL (never skipped)
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

describe('marketplace: barter listing from one member to another', () => {
  it('A publishes a BARTER listing with a photo; B finds it by search and sees title, seller and points', async () => {
    if (!BASE_URL) throw new Error(MISSING_URL);
    const word = `Zebrafoo${digits(8)}`;
    const title = `Sepeda lipat ${word}`;
    const run = `${Date.now()}${digits(4)}`;
    const memberA = { email: `a${run}@e2e.pasar.test`, name: `Ayu Penjual ${digits(3)}` };
    const memberB = { email: `b${run}@e2e.pasar.test`, name: `Budi Pembeli ${digits(3)}` };

    // ---- member A: register and publish ----
    const contextA = await browser.newContext({ locale: 'id-ID', timezoneId: 'Asia/Jakarta' });
    const a = await contextA.newPage();
    a.setDefaultTimeout(STEP_TIMEOUT);
    await register(a, memberA);

    await a.getByTestId('nav-new-listing').click();
    await a.waitForURL(/\/listings\/new$/);
    await a.getByTestId('lf-kind-BARTER').check();
    await a.getByTestId('lf-title').fill(title);
    await a.getByTestId('lf-description').fill(`Sepeda lipat 20 inci, jarang dipakai, ban baru. Kode ${word}.`);
    await a.waitForFunction(() => document.querySelectorAll('[data-testid="lf-category"] option').length > 1);
    await a.getByTestId('lf-category').selectOption({ index: 1 });
    await a.getByTestId('lf-condition').selectOption('GOOD');
    await a.getByTestId('lf-city').fill('Bandung');
    await a.getByTestId('lf-city-option').first().click();

    await a.getByTestId('lf-photo-input').setInputFiles({ name: 'sepeda.png', mimeType: 'image/png', buffer: makePng() });
    await a.getByTestId('lf-photo-thumb').first().waitFor({ state: 'visible' });

    await a.getByTestId('lf-utility').selectOption('4');
    await a.getByTestId('lf-scarcity').selectOption('3');
    await a.getByTestId('lf-durability').selectOption('4');
    await a.getByTestId('lf-portability').selectOption('2');
    const preview = a.getByTestId('lf-points-preview');
    await a.waitForFunction(() => /\d/.test(document.querySelector('[data-testid="lf-points-preview"]')?.textContent ?? ''));
    const previewPoints = pointsIn(await preview.textContent());
    expect(previewPoints).toBeGreaterThan(0);
    // The preview follows the factors.
    await a.getByTestId('lf-utility').selectOption('5');
    await a.waitForFunction(
      (before) => {
        const text = document.querySelector('[data-testid="lf-points-preview"]')?.textContent ?? '';
        return Number(text.replace(/\./g, '').match(/\d+/)?.[0]) !== before;
      },
      previewPoints,
    );
    const finalPreview = pointsIn(await preview.textContent());
    expect(finalPreview).toBeGreaterThan(previewPoints);

    await a.getByTestId('lf-submit').click();
    await a.waitForURL(/\/listings\/[^/]+$/);
    await a.getByTestId('listing-title').waitFor();
    expect(await a.getByTestId('listing-title').textContent()).toContain(word);
    // The server computes the same points as the preview (both use @pasar/domain).
    expect(pointsIn(await a.getByTestId('listing-points').textContent())).toBe(finalPreview);
    await a.getByTestId('gallery-main-image').waitFor();
    expect(await a.getByTestId('gallery-main-image').getAttribute('src')).toMatch(/\/media\//);

    // ---- member B: a separate browser context ----
    const contextB = await browser.newContext({ locale: 'id-ID', timezoneId: 'Asia/Jakarta' });
    const b = await contextB.newPage();
    b.setDefaultTimeout(STEP_TIMEOUT);
    await register(b, memberB);

    await b.goto(`${BASE_URL}/`);
    await b.getByTestId('search-input').fill(word);
    await b.getByTestId('search-submit').click();
    const card = b.getByTestId('listing-card').filter({ hasText: word });
    await card.first().waitFor({ state: 'visible' });
    expect(await b.getByTestId('listing-card').count()).toBe(1);
    await card.first().getByRole('link').click();

    await b.waitForURL(/\/listings\/[^/]+$/);
    await b.getByTestId('listing-title').waitFor();
    expect(await b.getByTestId('listing-title').textContent()).toContain(title);
    expect(await b.getByTestId('listing-seller').textContent()).toContain(memberA.name);
    expect(pointsIn(await b.getByTestId('listing-points').textContent())).toBe(finalPreview);
    await b.getByTestId('gallery-main-image').waitFor();
    // B is not the owner: no edit button.
    expect(await b.getByTestId('listing-edit').count()).toBe(0);

    await contextA.close();
    await contextB.close();
  });
});
