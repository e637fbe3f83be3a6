/**
 * An escrow room (rekber) from creation to release between two fresh members and an admin,
 * each in their own browser context, with updates arriving live: the buyer opens a room
 * (Rp 250.000, fee Rp 10.000), the seller joins by the invite link, the buyer pays by manual
 * transfer and uploads the receipt, the admin confirms it, the seller ships, the buyer
 * confirms receipt, the seller sees RELEASED live and the admin dashboard shows the fee.
 *
 *   PASAR_E2E_URL=http://localhost:4000 PASAR_E2E_ADMIN_EMAIL=… PASAR_E2E_ADMIN_PASSWORD=… npm run e2e
 *
 * The admin account must exist (the root runner starts the app with BOOTSTRAP_ADMIN_EMAIL/PASSWORD).
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BASE_URL, digits, launchBrowser, LIVE_TIMEOUT, makePng, MISSING_URL, register, STEP_TIMEOUT, spaced } from './helpers';

const ADMIN_EMAIL = process.env.PASAR_E2E_ADMIN_EMAIL;
const ADMIN_PASSWORD = process.env.PASAR_E2E_ADMIN_PASSWORD;
const MISSING_ADMIN =
  'PASAR_E2E_ADMIN_EMAIL and PASAR_E2E_ADMIN_PASSWORD are not set: the escrow flow needs an admin account ' +
  '(start the app with BOOTSTRAP_ADMIN_EMAIL/BOOTSTRAP_ADMIN_PASSWORD and pass the same values to the e2e run).';

let browser: Browser;

beforeAll(async () => {
  if (!BASE_URL) return; // the test itself fails with MISSING_URL (never skipped)
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

async function waitForStatus(page: Page, status: string, timeout = LIVE_TIMEOUT): Promise<void> {
  await page.locator(`[data-testid="escrow-status"][data-status="${status}"]`).waitFor({ state: 'visible', timeout });
}

async function login(page: Page, email: string, password: string): Promise<void> {
  await page.goto(`${BASE_URL}/login`);
  await page.getByTestId('login-email').fill(email);
  await page.getByTestId('login-password').fill(password);
  await page.getByTestId('login-submit').click();
  await page.waitForURL((url) => !url.pathname.startsWith('/login'), { timeout: STEP_TIMEOUT });
  await page.getByTestId('nav-logout').waitFor({ state: 'attached', timeout: STEP_TIMEOUT });
}

const rupiah = (text: string | null) => Number((text ?? '').replace(/\D/g, ''));

describe('escrow room: create, join, pay, confirm, ship, receive, release', () => {
  it('a buyer, a seller and an admin complete a room end to end with live updates', async () => {
    if (!BASE_URL) throw new Error(MISSING_URL);
    if (!ADMIN_EMAIL || !ADMIN_PASSWORD) throw new Error(MISSING_ADMIN);
    const run = `${Date.now()}${digits(4)}`;
    const buyer = { email: `eb${run}@e2e.pasar.test`, name: `Bima Pembeli ${digits(3)}` };
    const seller = { email: `es${run}@e2e.pasar.test`, name: `Sari Penjual ${digits(3)}` };
    const title = `Kamera mirrorless ${digits(6)}`;

    const ctxBuyer = await browser.newContext({ locale: 'id-ID', timezoneId: 'Asia/Jakarta' });
    const b = await ctxBuyer.newPage();
    b.setDefaultTimeout(STEP_TIMEOUT);
    const ctxSeller = await browser.newContext({ locale: 'id-ID', timezoneId: 'Asia/Jakarta', viewport: { width: 360, height: 780 } });
    const s = await ctxSeller.newPage();
    s.setDefaultTimeout(STEP_TIMEOUT);
    const ctxAdmin = await browser.newContext({ locale: 'id-ID', timezoneId: 'Asia/Jakarta', viewport: { width: 360, height: 780 } });
    const a = await ctxAdmin.newPage();
    a.setDefaultTimeout(STEP_TIMEOUT);

    // ---- the admin's fee income before this room (other specs may have earned some)
    await login(a, ADMIN_EMAIL, ADMIN_PASSWORD);
    await a.goto(`${BASE_URL}/admin/dashboard`);
    const feeBefore = rupiah(await a.getByTestId('admin-dashboard-fee-total').getAttribute('data-value'));
    expect(feeBefore).toBeGreaterThanOrEqual(0);

    // ---- the buyer registers and opens a room as BUYER, leaving the counterparty to the invite link
    await register(b, buyer);
    await b.goto(`${BASE_URL}/rekber`);
    await b.getByTestId('escrow-new').click();
    await b.waitForURL(/\/rekber\/new$/);
    await b.getByTestId('escrow-role-BUYER').check();
    await b.getByTestId('escrow-title').fill(title);
    await b.getByTestId('escrow-description').fill('Kamera mirrorless bekas, lensa kit 15-45 mm, baterai 2.');
    // out of range: the Indonesian range error, no room
    await b.getByTestId('escrow-amount').fill('5000');
    await b.getByTestId('escrow-fee-preview').filter({ hasText: 'Jumlah harus antara Rp 10.000 dan Rp 20.000.000' }).waitFor();
    await b.getByTestId('escrow-amount').fill('250000');
    expect(await b.getByTestId('escrow-amount').inputValue()).toBe('250.000');
    await b.locator('[data-testid="escrow-fee-preview"][data-confirmed="true"]').waitFor();
    expect(spaced(await b.getByTestId('escrow-fee-fee').textContent())).toBe('Rp 10.000');
    expect(spaced(await b.getByTestId('escrow-fee-total').textContent())).toBe('Rp 260.000');
    await b.getByTestId('escrow-create').click();
    const sum = await b.getByTestId('escrow-confirm-sum').textContent();
    expect(sum?.replace(/\s+/g, '')).toBe('Rp250.000+Rp10.000=Rp260.000');
    await b.getByTestId('escrow-confirm-yes').click();
    await b.waitForURL(/\/rekber\/[0-9a-f-]{36}$/);
    const roomId = new URL(b.url()).pathname.split('/').pop()!;
    expect(spaced(await b.getByTestId('escrow-total').textContent())).toBe('Rp 260.000');
    await waitForStatus(b, 'AWAITING_PAYMENT');
    expect(await b.getByTestId('escrow-pay').count()).toBe(0); // no seller yet
    const invite = await b.getByTestId('escrow-invite-link').getAttribute('href');
    expect(invite).toMatch(/\/rekber\/join\/[^/]+$/);

    // ---- the seller (a 360 px phone) registers and joins through the invite link
    await register(s, seller);
    await s.goto(new URL(new URL(invite!).pathname, BASE_URL).toString());
    await s.getByTestId('escrow-join-title').filter({ hasText: title }).waitFor();
    expect(spaced(await s.getByTestId('escrow-join-total').textContent())).toBe('Rp 260.000');
    await s.getByTestId('escrow-join').click();
    await s.waitForURL(new RegExp(`/rekber/${roomId}$`));
    await waitForStatus(s, 'AWAITING_PAYMENT');
    expect(spaced(await s.getByTestId('escrow-total').textContent())).toBe('Rp 260.000');
    expect(await s.getByTestId('escrow-pay').count()).toBe(0);

    // ---- the buyer sees the seller join live, pays by manual transfer and uploads the receipt
    await b.getByTestId('escrow-pay').waitFor({ state: 'visible', timeout: LIVE_TIMEOUT });
    expect(await b.getByTestId('escrow-invite-link').count()).toBe(0);
    await b.getByTestId('escrow-pay').click();
    await b.locator('[data-testid="escrow-pay-panel"][data-payment="MANUAL_TRANSFER"]').waitFor();
    expect(spaced(await b.getByTestId('escrow-pay-amount').textContent())).toBe('Rp 260.000');
    // the admin's queue is already open: the proof arrives live (escrowRoomUpdated), no reload
    await a.goto(`${BASE_URL}/admin/rekber`);
    await a.getByRole('heading', { level: 1 }).waitFor();
    expect(await a.getByTestId(`admin-confirm-payment-${roomId}`).count()).toBe(0);
    await b.getByTestId('escrow-proof-input').setInputFiles({ name: 'bukti-transfer.png', mimeType: 'image/png', buffer: makePng(120, 90, 30) });
    await b.getByTestId('escrow-proof-sent').waitFor();
    const buyerThumb = b.getByTestId('escrow-proof-thumb');
    await expect.poll(() => buyerThumb.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
    expect(await b.getByTestId('escrow-proof-link').getAttribute('href')).toMatch(/^\/media\//);

    // ---- the admin sees the receipt and confirms the transfer (with a confirmation dialog)
    await a.getByTestId(`admin-confirm-payment-${roomId}`).waitFor({ state: 'visible', timeout: LIVE_TIMEOUT });
    const adminThumb = a.getByTestId(`admin-proof-${roomId}-thumb`);
    await expect.poll(() => adminThumb.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
    expect(await a.getByTestId(`admin-proof-${roomId}-link`).getAttribute('target')).toBe('_blank');
    await a.getByTestId(`admin-confirm-payment-${roomId}`).click();
    await a.getByTestId('admin-confirm-yes').click();
    await a.getByTestId('admin-escrow-notice').waitFor();
    await expect.poll(async () => a.getByTestId(`admin-confirm-payment-${roomId}`).count(), { timeout: LIVE_TIMEOUT }).toBe(0);

    // ---- both see FUNDED live; the seller ships
    await waitForStatus(b, 'FUNDED');
    await waitForStatus(s, 'FUNDED');
    await s.getByTestId('escrow-ship-courier').selectOption('JNE');
    await s.getByTestId('escrow-ship-tracking').fill('jne-8800 1234 56');
    await s.getByTestId('escrow-ship-submit').click();
    await waitForStatus(s, 'SHIPPED');
    await waitForStatus(b, 'SHIPPED');
    await b.getByTestId('escrow-inspection').waitFor();
    await b.getByTestId('escrow-shipment').filter({ hasText: 'JNE880012345' }).waitFor();

    // ---- the buyer confirms receipt; the seller sees RELEASED live
    await b.getByTestId('escrow-receive').click();
    await b.getByTestId('escrow-receive-yes').click();
    await waitForStatus(b, 'RELEASED');
    await waitForStatus(s, 'RELEASED');
    await s.getByTestId('escrow-released').waitFor();
    await s.getByTestId('escrow-timeline').filter({ hasText: 'Dana diteruskan ke penjual' }).waitFor();

    // ---- the admin dashboard shows the fee (at least Rp 10.000 more than before) and draws its charts
    await a.goto(`${BASE_URL}/admin/dashboard`);
    await expect
      .poll(async () => rupiah(await a.getByTestId('admin-dashboard-fee-total').getAttribute('data-value')), { timeout: LIVE_TIMEOUT })
      .toBeGreaterThanOrEqual(feeBefore + 10_000);
    expect(rupiah(await a.getByTestId('admin-dashboard-fee-total').textContent())).toBeGreaterThanOrEqual(10_000);
    await a.locator('[data-testid="admin-chart-feeByDay"] canvas').waitFor();
    await a.locator('[data-testid="admin-chart-successByDay"] canvas').waitFor();
    // usable at 360 px: nothing wider than the viewport
    expect(await a.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    expect(await s.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);

    await ctxBuyer.close();
    await ctxSeller.close();
    await ctxAdmin.close();
  });
});
