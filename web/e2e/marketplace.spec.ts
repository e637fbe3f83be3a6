/**
 * Two members trade through the real app: A registers and publishes a BARTER listing
 * with a photo; B registers in a separate browser context, finds it by a unique word
 * and opens it. Needs the running app (API serving web/dist):
 *
 *   PASAR_E2E_URL=http://localhost:4000 npm run e2e     (CHROMIUM_PATH defaults to /usr/bin/chromium)
 */
import { deflateSync } from 'node:zlib';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const BASE_URL = process.env.PASAR_E2E_URL?.replace(/\/+$/, '');
const STEP_TIMEOUT = 20_000;

// ---- a real PNG, generated here (no fixture files, no network) ----
const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buf: Buffer): number {
  let c = 0xffffffff;
  for (const byte of buf) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}
/** A width×height RGB PNG with a diagonal gradient. */
function makePng(width = 96, height = 72): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bit depth
  header[9] = 2; // colour type RGB
  const raw = Buffer.alloc((width * 3 + 1) * height);
  for (let y = 0; y < height; y++) {
    const row = y * (width * 3 + 1);
    raw[row] = 0; // filter: none
    for (let x = 0; x < width; x++) {
      raw[row + 1 + x * 3] = (x * 255) / width;
      raw[row + 2 + x * 3] = (y * 255) / height;
      raw[row + 3 + x * 3] = 160;
    }
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

const digits = (n: number) => Array.from({ length: n }, () => Math.floor(Math.random() * 10)).join('');
/** "1.234 poin" → 1234 */
const pointsIn = (text: string | null) => Number((text ?? '').replace(/\./g, '').match(/\d+/)?.[0] ?? NaN);

async function register(page: Page, member: { email: string; name: string }): Promise<void> {
  await page.goto(`${BASE_URL}/register`);
  await page.getByTestId('reg-email').fill(member.email);
  await page.getByTestId('reg-password').fill('rahasia-123');
  await page.getByTestId('reg-name').fill(member.name);
  await page.getByTestId('reg-phone').fill('081234567890');
  await page.getByTestId('reg-terms').check();
  await page.getByTestId('reg-submit').click();
  // Logged in: the page leaves /register and the header offers "log out" (inside the menu on narrow screens).
  await page.waitForURL((url) => !url.pathname.startsWith('/register'), { timeout: STEP_TIMEOUT });
  await page.getByTestId('nav-logout').waitFor({ state: 'attached', timeout: STEP_TIMEOUT });
}

let browser: Browser;

const MISSING_URL =
  'PASAR_E2E_URL is not set: start the app (npm start at the repository root) and run ' +
  '`cd web && PASAR_E2E_URL=http://localhost:4000 npm run e2e`.';

beforeAll(async () => {
  if (!BASE_URL) return; // the test itself fails with MISSING_URL (never skipped)
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
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
