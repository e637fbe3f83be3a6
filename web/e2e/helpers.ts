/** Shared pieces of the browser flows: the app URL, Chromium, a generated PNG, registering, posting a listing. */
import { deflateSync } from 'node:zlib';
import { chromium, type Browser, type Page } from 'playwright-core';

export const BASE_URL = process.env.PASAR_E2E_URL?.replace(/\/+$/, '');
export const STEP_TIMEOUT = 20_000;
/** Live updates (subscriptions) get more time than a click. */
export const LIVE_TIMEOUT = 30_000;

export const MISSING_URL =
  'PASAR_E2E_URL is not set: start the app (npm start at the repository root) and run ' +
  '`cd web && PASAR_E2E_URL=http://localhost:4000 npm run e2e`.';

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
}

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
/** A width×height RGB PNG with a diagonal gradient (`blue` tints it, so two photos differ). */
export function makePng(width = 96, height = 72, blue = 160): Buffer {
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
      raw[row + 3 + x * 3] = blue;
    }
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

export const digits = (n: number) => Array.from({ length: n }, () => Math.floor(Math.random() * 10)).join('');
/** "1.234 poin" → 1234 */
export const pointsIn = (text: string | null) => Number((text ?? '').replace(/\./g, '').match(/\d+/)?.[0] ?? NaN);

export async function register(page: Page, member: { email: string; name: string }): Promise<void> {
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

/**
 * Posts a BARTER listing with one photo through the form (first category, GOOD, factors
 * 4/3/4/2 unless given) and waits for its page; returns its id.
 */
export async function postBarterListing(
  page: Page,
  listing: { title: string; description: string; photo?: Buffer; factors?: [number, number, number, number] },
): Promise<string> {
  const [utility, scarcity, durability, portability] = listing.factors ?? [4, 3, 4, 2];
  await page.getByTestId('nav-new-listing').click();
  await page.waitForURL(/\/listings\/new$/);
  await page.getByTestId('lf-kind-BARTER').check();
  await page.getByTestId('lf-title').fill(listing.title);
  await page.getByTestId('lf-description').fill(listing.description);
  await page.waitForFunction(() => document.querySelectorAll('[data-testid="lf-category"] option').length > 1);
  await page.getByTestId('lf-category').selectOption({ index: 1 });
  await page.getByTestId('lf-condition').selectOption('GOOD');
  await page.getByTestId('lf-city').fill('Bandung');
  await page.getByTestId('lf-city-option').first().click();
  await page.getByTestId('lf-photo-input').setInputFiles({ name: 'barang.png', mimeType: 'image/png', buffer: listing.photo ?? makePng() });
  await page.getByTestId('lf-photo-thumb').first().waitFor({ state: 'visible' });
  await page.getByTestId('lf-utility').selectOption(String(utility));
  await page.getByTestId('lf-scarcity').selectOption(String(scarcity));
  await page.getByTestId('lf-durability').selectOption(String(durability));
  await page.getByTestId('lf-portability').selectOption(String(portability));
  await page.getByTestId('lf-submit').click();
  await page.waitForURL(/\/listings\/[0-9a-f-]{36}$/);
  await page.getByTestId('listing-title').waitFor();
  return new URL(page.url()).pathname.split('/').pop()!;
}

/** Text as a reader sees it: non-breaking spaces (the app keeps "Rp" and its amount together) as plain spaces. */
export function spaced(text: string | null): string | null {
  return text?.replace(/\u00a0/g, ' ') ?? null;
}
