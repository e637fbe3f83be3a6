/**
 * A barter from offer to completion between two fresh members, each in their own browser
 * context, with every update arriving live (no reloads): B offers for A's listing, A
 * counters, B accepts, both chat, both ship, both confirm receipt. Needs the running app:
 *
 *   PASAR_E2E_URL=http://localhost:4000 npm run e2e     (CHROMIUM_PATH defaults to /usr/bin/chromium)
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BASE_URL, digits, launchBrowser, LIVE_TIMEOUT, makePng, MISSING_URL, postBarterListing, register, STEP_TIMEOUT } from './helpers';

let browser: Browser;

beforeAll(async () => {
  if (!BASE_URL) return; // the test itself fails with MISSING_URL (never skipped)
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

/** Waits (live, no reload) until the element's data-status is `status`. */
async function waitForStatus(page: Page, testid: string, status: string): Promise<void> {
  await page.locator(`[data-testid="${testid}"][data-status="${status}"]`).waitFor({ state: 'visible', timeout: LIVE_TIMEOUT });
}

/** Waits until a chat message with `text` is shown. */
async function waitForMessage(page: Page, text: string): Promise<void> {
  await page.getByTestId('chat-message').filter({ hasText: text }).first().waitFor({ state: 'visible', timeout: LIVE_TIMEOUT });
}

describe('barter: offer, counter, accept, chat, ship, confirm', () => {
  it('two members trade end to end with live updates on both sides', async () => {
    if (!BASE_URL) throw new Error(MISSING_URL);
    const run = `${Date.now()}${digits(4)}`;
    const memberA = { email: `ba${run}@e2e.pasar.test`, name: `Ayu Barter ${digits(3)}` };
    const memberB = { email: `bb${run}@e2e.pasar.test`, name: `Budi Barter ${digits(3)}` };
    const titleA = `Gitar akustik ${digits(6)}`;
    const titleB = `Kamera saku ${digits(6)}`;

    // ---- A (desktop) and B (a 360 px phone) register and each post a BARTER listing with a photo.
    const contextA = await browser.newContext({ locale: 'id-ID', timezoneId: 'Asia/Jakarta' });
    const a = await contextA.newPage();
    a.setDefaultTimeout(STEP_TIMEOUT);
    const contextB = await browser.newContext({ locale: 'id-ID', timezoneId: 'Asia/Jakarta', viewport: { width: 360, height: 780 } });
    const b = await contextB.newPage();
    b.setDefaultTimeout(STEP_TIMEOUT);

    await register(a, memberA);
    const listingA = await postBarterListing(a, { title: titleA, description: `Gitar akustik, senar baru, suara jernih. ${run}`, photo: makePng(96, 72, 40) });
    await register(b, memberB);
    const listingB = await postBarterListing(b, { title: titleB, description: `Kamera saku, lengkap dengan tas dan baterai. ${run}`, photo: makePng(96, 72, 220) });

    // ---- B opens A's listing and makes an offer with B's listing.
    await b.goto(`${BASE_URL}/listings/${listingA}`);
    await b.getByTestId('offer-open').click();
    await b.waitForURL(new RegExp(`/listings/${listingA}/offer$`));
    const wanted = b.getByTestId(`offer-pick-wanted-${listingA}`);
    await wanted.waitFor();
    expect(await wanted.isChecked()).toBe(true);
    await b.getByTestId(`offer-pick-offered-${listingB}`).check();
    // Same category, condition and factors: the same points, so the offer is balanced (checked by the server too).
    await b.locator('[data-testid="offer-balance"][data-state="balanced"]').waitFor();
    await b.getByTestId('offer-balance-confirmed').waitFor();
    await b.getByTestId('offer-message').fill('Halo, mau tukar gitarnya dengan kamera saya?');
    await b.getByTestId('offer-submit').click();
    await b.getByTestId('offer-confirm').click();
    await b.waitForURL(/\/offers\/[0-9a-f-]{36}$/);
    const offerId = new URL(b.url()).pathname.split('/').pop()!;
    await waitForStatus(b, 'offer-status', 'PENDING');
    expect(await b.getByTestId('offer-accept').count()).toBe(0); // A's turn
    await waitForMessage(b, 'Halo, mau tukar gitarnya');

    // ---- A, still on the listing page, sees the offer arrive live: bell and inbox badges.
    await a.getByTestId('nav-notifications-badge').waitFor({ state: 'visible', timeout: LIVE_TIMEOUT });
    await expect.poll(async () => a.getByTestId('nav-notifications-badge').textContent(), { timeout: LIVE_TIMEOUT }).toBe('1');
    await a.getByTestId('nav-inbox-badge').waitFor({ state: 'visible', timeout: LIVE_TIMEOUT });
    await a.getByTestId('nav-notifications').click();
    await a.getByTestId('notification-item').filter({ hasText: 'Tawaran barter baru' }).first().click();
    await a.waitForURL(new RegExp(`/offers/${offerId}$`));
    await waitForStatus(a, 'offer-status', 'PENDING');
    await waitForMessage(a, 'Halo, mau tukar gitarnya');

    // ---- A counters (same items, with a message): round 2, B's turn.
    await a.getByTestId('offer-counter').click();
    await a.getByTestId(`offer-pick-wanted-${listingA}`).waitFor();
    expect(await a.getByTestId(`offer-pick-wanted-${listingA}`).isChecked()).toBe(true);
    expect(await a.getByTestId(`offer-pick-offered-${listingB}`).isChecked()).toBe(true);
    await a.getByTestId('offer-message').fill('Boleh, asal kameranya lengkap dengan tasnya ya.');
    await a.getByTestId('offer-counter-submit').click();
    await a.locator('[data-testid="offer-round"]', { hasText: '2' }).waitFor();
    await expect.poll(async () => a.getByTestId('offer-accept').count()).toBe(0);

    // ---- B sees the counter live and accepts; both get the deal link live.
    await b.locator('[data-testid="offer-round"]', { hasText: '2' }).waitFor({ timeout: LIVE_TIMEOUT });
    await waitForMessage(b, 'asal kameranya lengkap');
    await b.getByTestId('offer-accept').click();
    await waitForStatus(b, 'offer-status', 'ACCEPTED');
    await b.getByTestId('offer-deal-link').waitFor();
    await waitForStatus(a, 'offer-status', 'ACCEPTED');
    await a.getByTestId('offer-deal-link').waitFor({ timeout: LIVE_TIMEOUT });

    // ---- Both open the deal and chat both ways; each sees the other's message, typing and read marks live.
    await b.getByTestId('offer-deal-link').click();
    await b.waitForURL(/\/deals\/[0-9a-f-]{36}$/);
    const dealId = new URL(b.url()).pathname.split('/').pop()!;
    await a.getByTestId('offer-deal-link').click();
    await a.waitForURL(new RegExp(`/deals/${dealId}$`));
    await waitForStatus(a, 'deal-status', 'AWAITING_SHIPMENT');
    await waitForStatus(b, 'deal-status', 'AWAITING_SHIPMENT');

    await b.getByTestId('chat-input').pressSequentially('Saya kirim ');
    await a.getByTestId('chat-typing').waitFor({ state: 'visible', timeout: LIVE_TIMEOUT });
    await b.getByTestId('chat-input').fill('Saya kirim kameranya besok pagi lewat SiCepat.');
    await b.getByTestId('chat-send').click();
    await waitForMessage(a, 'Saya kirim kameranya besok pagi');
    await waitForMessage(b, 'Saya kirim kameranya besok pagi');
    expect(await b.getByTestId('chat-message').filter({ hasText: 'Saya kirim kameranya besok pagi' }).count()).toBe(1);
    await b.getByTestId('chat-read').waitFor({ state: 'visible', timeout: LIVE_TIMEOUT }); // A read it

    await a.getByTestId('chat-input').fill('Siap, gitarnya saya kirim hari ini lewat JNE.');
    await a.getByTestId('chat-input').press('Enter');
    await waitForMessage(b, 'gitarnya saya kirim hari ini');
    await a.getByTestId('chat-read').waitFor({ state: 'visible', timeout: LIVE_TIMEOUT }); // B read it

    // ---- A ships with JNE (the resi is normalised), then B ships: SHIPPED on both sides.
    await a.getByTestId('ship-courier').selectOption('JNE');
    await a.getByTestId('ship-tracking').fill('jne-1234 5678 90');
    await a.getByTestId('ship-submit').click();
    await a.locator('[data-testid="deal-step"][data-step="WAIT_SHIPMENT"]').waitFor();
    await b.getByTestId('deal-shipment-theirs').filter({ hasText: 'JNE1234567890' }).waitFor({ timeout: LIVE_TIMEOUT });

    await b.getByTestId('ship-courier').selectOption('SICEPAT');
    await b.getByTestId('ship-tracking').fill('004512345678');
    await b.getByTestId('ship-submit').click();
    await waitForStatus(b, 'deal-status', 'SHIPPED');
    await waitForStatus(a, 'deal-status', 'SHIPPED');

    // ---- Both confirm receipt (with a confirmation dialog): COMPLETED on both sides.
    await a.getByTestId('receipt-confirm').click();
    await a.getByTestId('receipt-confirm-yes').click();
    await a.locator('[data-testid="deal-step"][data-step="WAIT_RECEIPT"]').waitFor();
    await b.getByTestId('receipt-confirm').click();
    await b.getByTestId('receipt-confirm-yes').click();
    await waitForStatus(b, 'deal-status', 'COMPLETED');
    await waitForStatus(a, 'deal-status', 'COMPLETED');
    await a.getByTestId('deal-timeline').filter({ hasText: 'Barter selesai' }).waitFor({ timeout: LIVE_TIMEOUT });

    await contextA.close();
    await contextB.close();
  });
});
