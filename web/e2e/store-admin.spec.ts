/**
 * Running a store from the web, everything through the pages (no API shortcuts): a fresh
 * member opens a store on /toko-saya ("Buka toko"), posts a SALE listing through the listing
 * form, puts it in the store with a low-stock threshold (it shows as low stock), adds a
 * supplier on /toko-saya/restok and assigns it to the product, orders a restock from that
 * supplier and receives a SHORT delivery: the stock rises by exactly what arrived (products
 * page and public store page) and the product leaves the low-stock list. Then the owner adds a
 * second member as staff by email on /toko-saya/staf, and that member, who had no store
 * before, now sees the store's desk (without the owner-only tabs).
 *
 *   PASAR_E2E_URL=http://localhost:4000 npm run e2e -- e2e/store-admin.spec.ts
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BASE_URL, digits, launchBrowser, makePng, MISSING_URL, register, STEP_TIMEOUT } from './helpers';

let browser: Browser;
beforeAll(async () => {
  if (!BASE_URL) return;
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** expect.poll's own default (1 s) is too short for a request on a busy machine. */
const POLL = { timeout: STEP_TIMEOUT };
const STOCK = 3;
const THRESHOLD = 5;
const ORDERED = 10;
const RECEIVED = 7;

/** "stok 10" / "10 tersedia" → 10 */
const numberIn = (text: string | null) => Number((text ?? '').replace(/\./g, '').match(/\d+/)?.[0] ?? NaN);

async function newPage(): Promise<Page> {
  const ctx = await browser.newContext({ locale: 'id-ID', timezoneId: 'Asia/Jakarta', viewport: { width: 360, height: 780 } });
  const page = await ctx.newPage();
  page.setDefaultTimeout(STEP_TIMEOUT);
  return page;
}

describe('store admin: open a store, products, suppliers, restock, staff', () => {
  it('a member opens a store, stocks a product, receives a short restock and adds staff who then see the desk', async () => {
    if (!BASE_URL) throw new Error(MISSING_URL);
    const run = `${Date.now()}${digits(4)}`;
    const owner = { email: `so${run}@e2e.pasar.test`, name: `Pemilik Toko ${digits(3)}` };
    const helper = { email: `st${run}@e2e.pasar.test`, name: `Staf Gudang ${digits(3)}` };
    const storeName = `Toko Kelontong ${digits(5)}`;
    const slug = `kelontong-${run}`.slice(0, 40);
    const title = `Beras pandan wangi 5 kg ${digits(5)}`;
    const supplierName = `CV Sumber Pangan ${digits(4)}`;

    // ---- the future staff member: registered, no store yet (the desk offers "Buka toko")
    const s = await newPage();
    await register(s, helper);
    await s.goto(`${BASE_URL}/toko-saya`);
    await s.getByTestId('store-open').waitFor();

    // ---- the owner: register, open the store from /toko-saya
    const o = await newPage();
    await register(o, owner);
    await o.goto(`${BASE_URL}/toko-saya`);
    await o.getByTestId('store-open').waitFor();
    await o.getByTestId('sp-name').fill(storeName);
    await o.getByTestId('sp-slug').fill(slug);
    await o.getByTestId('sp-address').fill('Jl. Pasar Baru No. 12, Sumur Bandung');
    await o.getByTestId('sp-city').fill('Bandung');
    await o.getByTestId('sp-city-option').first().click();
    await o.getByTestId('sp-phone').fill('0224201234');
    await o.getByTestId('sp-hours').fill('Senin–Sabtu 08.00–17.00');
    await o.getByTestId('sp-submit').click();
    // Opening a store goes on to its products, which has none yet.
    await o.waitForURL((url) => url.pathname === '/toko-saya/produk' && url.searchParams.get('toko') === slug);
    expect(await o.getByTestId('store-public-link').textContent()).toContain(storeName);
    await o.getByTestId('products-new').waitFor();
    expect(await o.locator('[data-testid^="product-row-"]').count()).toBe(0);

    // ---- a SALE listing through the listing form ("Tambah produk")
    await o.getByTestId('products-new').click();
    await o.waitForURL(/\/listings\/new$/);
    await o.getByTestId('lf-kind-SALE').check();
    await o.getByTestId('lf-title').fill(title);
    await o.getByTestId('lf-description').fill('Beras pulen kemasan 5 kg, panen baru, dikirim dari Bandung.');
    await o.waitForFunction(() => document.querySelectorAll('[data-testid="lf-category"] option').length > 1);
    await o.getByTestId('lf-category').selectOption({ index: 1 });
    await o.getByTestId('lf-condition').selectOption('NEW');
    await o.getByTestId('lf-city').fill('Bandung');
    await o.getByTestId('lf-city-option').first().click();
    await o.getByTestId('lf-photo-input').setInputFiles({ name: 'beras.png', mimeType: 'image/png', buffer: makePng(120, 90, 60) });
    await o.getByTestId('lf-photo-thumb').first().waitFor({ state: 'visible' });
    await o.getByTestId('lf-price').fill('72000');
    await o.getByTestId('lf-stock').fill(String(STOCK));
    await o.getByTestId('lf-weight').fill('5000');
    await o.getByTestId('lf-submit').click();
    await o.waitForURL(/\/listings\/[0-9a-f-]{36}$/);
    await o.getByTestId('listing-title').waitFor();
    const listingId = new URL(o.url()).pathname.split('/').pop()!;

    // ---- products page: into the store with a low-stock threshold above its stock
    await o.goto(`${BASE_URL}/toko-saya/produk?toko=${slug}`);
    const row = o.getByTestId(`product-row-${listingId}`);
    await row.waitFor();
    expect(numberIn(await o.getByTestId(`product-stock-${listingId}`).textContent())).toBe(STOCK);
    expect(await o.getByTestId(`product-instore-${listingId}`).isChecked()).toBe(false);
    // Not in the store: it has no supplier to choose.
    expect(await o.getByTestId(`product-supplier-${listingId}`).isDisabled()).toBe(true);
    await o.getByTestId(`product-instore-${listingId}`).check();
    await o.getByTestId(`product-threshold-${listingId}`).fill(String(THRESHOLD));
    await o.getByTestId(`product-save-${listingId}`).click();
    // Saved: nothing left to save, the count says it is in the store, and it is low on stock without a supplier.
    await expect.poll(() => o.getByTestId(`product-save-${listingId}`).isDisabled(), POLL).toBe(true);
    await expect.poll(async () => (await o.getByTestId('products-count').textContent())?.trim(), POLL).toBe('1 dari 1 iklan jual ada di toko');
    await o.getByTestId(`low-stock-supplier-${listingId}`).waitFor();
    expect(await o.getByTestId('low-stock-item').count()).toBe(1);
    expect(await o.getByTestId(`low-stock-supplier-${listingId}`).textContent()).toContain('Tanpa pemasok');
    await o.getByTestId('products-no-suppliers').waitFor();

    // ---- restock page: no supplier yet, so no restock order; add one
    await o.getByTestId('store-tab-store-restock').click();
    await o.waitForURL(/\/toko-saya\/restok/);
    await o.getByTestId('restock-need-supplier').waitFor();
    await o.getByTestId('restock-empty').waitFor();
    expect(await o.getByTestId('restock-new').isDisabled()).toBe(true);
    await o.getByTestId('sup-name').fill(supplierName);
    await o.getByTestId('sup-phone').fill('081377788899');
    await o.getByTestId('sup-email').fill(`pemasok${run}@e2e.pasar.test`);
    await o.getByTestId('sup-submit').click();
    await o.getByTestId('supplier').filter({ hasText: supplierName }).waitFor();
    expect(await o.getByTestId('supplier').count()).toBe(1);
    await expect.poll(() => o.getByTestId('restock-new').isEnabled(), POLL).toBe(true);

    // ---- products page: the product is restocked from that supplier
    await o.getByTestId('store-tab-store-products').click();
    await o.waitForURL(/\/toko-saya\/produk/);
    const supplierSelect = o.getByTestId(`product-supplier-${listingId}`);
    await expect.poll(() => supplierSelect.locator('option').count(), POLL).toBe(2);
    await supplierSelect.selectOption({ label: supplierName });
    await o.getByTestId(`product-save-${listingId}`).click();
    await expect.poll(() => o.getByTestId(`low-stock-supplier-${listingId}`).textContent(), POLL).toContain(`pemasok: ${supplierName}`);
    await expect.poll(() => o.getByTestId(`product-save-${listingId}`).isDisabled(), POLL).toBe(true);
    // Still in the store, threshold kept (every save sends all settings).
    await o.reload();
    await o.getByTestId(`product-row-${listingId}`).waitFor();
    expect(await o.getByTestId(`product-instore-${listingId}`).isChecked()).toBe(true);
    expect(await o.getByTestId(`product-threshold-${listingId}`).inputValue()).toBe(String(THRESHOLD));
    expect(await o.getByTestId(`product-supplier-${listingId}`).locator('option:checked').textContent()).toBe(supplierName);

    // ---- restock order for the product from the restock page
    await o.getByTestId('store-tab-store-restock').click();
    await o.waitForURL(/\/toko-saya\/restok/);
    await o.getByTestId('restock-new').click();
    await o.getByTestId('restock-form').waitFor();
    // The only supplier is chosen to start with.
    expect(await o.getByTestId('rs-supplier').locator('option:checked').textContent()).toBe(supplierName);
    await expect.poll(() => o.getByTestId('rs-product-0').locator(`option[value="${listingId}"]`).count(), POLL).toBe(1);
    await o.getByTestId('rs-product-0').selectOption(listingId);
    await o.getByTestId('rs-quantity-0').fill(String(ORDERED));
    await o.getByTestId('rs-submit').click();
    await o.getByTestId('restock-notice').filter({ hasText: 'Pesanan restok dibuat.' }).waitFor();
    const order = o.locator('[data-testid="restock-order"][data-status="ORDERED"]');
    await order.waitFor();
    expect(await o.getByTestId('restock-order').count()).toBe(1);
    expect(await order.textContent()).toContain(`${ORDERED} × ${title}`);
    expect(await o.getByTestId('restock-form').count()).toBe(0);

    // ---- a short delivery: fewer arrive than were ordered
    await order.locator('[data-testid^="restock-receive-"]').click();
    const dialog = o.getByTestId('restock-receive-dialog');
    await dialog.waitFor();
    const qty = dialog.locator('[data-testid^="rr-quantity-"]');
    expect(await qty.count()).toBe(1);
    expect(await qty.inputValue()).toBe(String(ORDERED)); // everything ordered, to start with
    await expect.poll(() => dialog.getByTestId('rr-short').count(), POLL).toBe(0);
    await qty.fill(String(ORDERED + 1)); // more than ordered is refused before sending
    expect(await dialog.getByTestId('rr-submit').isDisabled()).toBe(true);
    await qty.fill(String(RECEIVED));
    await dialog.getByTestId('rr-short').waitFor();
    await dialog.getByTestId('rr-submit').click();
    await o.getByTestId('restock-notice').filter({ hasText: 'Barang diterima, stok bertambah.' }).waitFor();
    expect(await o.getByTestId('restock-receive-dialog').isVisible()).toBe(false);
    const received = o.locator('[data-testid="restock-order"][data-status="RECEIVED"]');
    await received.waitFor();
    expect(await o.locator('[data-testid="restock-order"][data-status="ORDERED"]').count()).toBe(0);
    expect(await received.textContent()).toContain(`datang ${RECEIVED}`);
    expect(await received.locator('[data-testid^="restock-receive-"]').count()).toBe(0);

    // ---- the stock rose by exactly what arrived, and the product is no longer low
    await o.getByTestId('store-tab-store-products').click();
    await o.waitForURL(/\/toko-saya\/produk/);
    await expect.poll(async () => numberIn(await o.getByTestId(`product-stock-${listingId}`).textContent()), POLL).toBe(STOCK + RECEIVED);
    await expect.poll(async () => (await o.getByTestId('low-stock').textContent())?.trim(), POLL).toBe('Semua stok aman.');
    expect(await o.getByTestId('low-stock-item').count()).toBe(0);
    // The public store page shows the same stock to buyers.
    const buyerView = await newPage();
    await buyerView.goto(`${BASE_URL}/toko/${slug}`);
    expect(await buyerView.getByTestId('store-name').textContent()).toContain(storeName);
    const product = buyerView.getByTestId('store-product').filter({ hasText: title });
    await product.waitFor();
    expect(numberIn(await product.getByTestId('store-stock').textContent())).toBe(STOCK + RECEIVED);
    await buyerView.context().close();

    // ---- staff: the owner adds the second member by email
    await o.getByTestId('store-tab-store-staff').click();
    await o.waitForURL(/\/toko-saya\/staf/);
    await o.getByTestId('staff-none').waitFor();
    expect(await o.getByTestId('staff-person').count()).toBe(1);
    // An address with no account is refused at the field.
    await o.getByTestId('staff-email').fill(`nobody${run}@e2e.pasar.test`);
    await o.getByTestId('staff-submit').click();
    await o.getByRole('alert').filter({ hasText: 'Tidak ada akun Pasar dengan email ini.' }).waitFor();
    expect(await o.getByTestId('staff-person').count()).toBe(1);
    await o.getByTestId('staff-email').fill(helper.email.toUpperCase());
    await o.getByTestId('staff-submit').click();
    await o.getByTestId('staff-done').filter({ hasText: helper.email }).waitFor();
    await expect.poll(() => o.getByTestId('staff-person').count(), POLL).toBe(2);
    expect(await o.locator('[data-testid="staff-person"][data-role="OWNER"]').textContent()).toContain(owner.name);
    expect(await o.locator('[data-testid="staff-person"][data-role="STAFF"]').textContent()).toContain(helper.name);
    expect(await o.getByTestId('staff-none').count()).toBe(0);

    // ---- the staff member now sees the store's desk (and not the owner's sections)
    await s.goto(`${BASE_URL}/toko-saya`);
    await s.getByTestId('store-public-link').waitFor();
    expect(await s.getByTestId('store-public-link').textContent()).toContain(storeName);
    expect(await s.getByTestId('store-open').count()).toBe(0);
    await s.getByTestId('desk-tab-ALL').waitFor();
    await s.getByTestId('desk-empty').waitFor();
    await s.getByTestId('desk-low-stock').waitFor();
    expect(await s.getByTestId('store-tab-store-desk').getAttribute('aria-current')).toBe('page');
    expect(await s.getByTestId('store-tab-store-restock').count()).toBe(1);
    expect(await s.getByTestId('store-tab-store-staff').count()).toBe(0);
    expect(await s.getByTestId('store-tab-store-profile').count()).toBe(0);
    // Restock is every staff member's: they see the received order.
    await s.getByTestId('store-tab-store-restock').click();
    await s.waitForURL(/\/toko-saya\/restok/);
    await s.locator('[data-testid="restock-order"][data-status="RECEIVED"]').filter({ hasText: supplierName }).waitFor();
    // The staff page is the owner's: staff get a note instead.
    await s.goto(`${BASE_URL}/toko-saya/staf`);
    await s.getByTestId('store-owner-only').waitFor();
    expect(await s.getByTestId('staff-form').count()).toBe(0);

    await o.context().close();
    await s.context().close();
  });
});
