/**
 * A store order end to end: a seller (set up over the API: register, two SALE listings with
 * photos, createStore, setStoreProduct) and a buyer in the browser who adds both products from
 * the store page, checks out by manual transfer; the seller (the store owner is its staff)
 * confirms the payment, processes and ships with a tracking number on /toko-saya; the buyer's
 * order page shows SHIPPED live; the label PDF downloads.
 *
 *   PASAR_E2E_URL=http://localhost:4000 npm run e2e -- e2e/store.spec.ts
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BASE_URL, digits, launchBrowser, LIVE_TIMEOUT, makePng, MISSING_URL, register, STEP_TIMEOUT } from './helpers';

let browser: Browser;
beforeAll(async () => {
  if (!BASE_URL) return;
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

async function gql<T>(query: string, variables: Record<string, unknown>, token?: string): Promise<T> {
  const res = await fetch(`${BASE_URL}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'apollo-require-preflight': 'true', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await res.json()) as { data?: T; errors?: { message: string }[] };
  if (body.errors?.length) throw new Error(body.errors.map((e) => e.message).join('; '));
  return body.data as T;
}

async function uploadPhoto(token: string, blue: number): Promise<string> {
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(makePng(120, 90, blue))], { type: 'image/png' }), 'produk.png');
  const res = await fetch(`${BASE_URL}/uploads`, { method: 'POST', headers: { authorization: `Bearer ${token}` }, body: form });
  const body = (await res.json()) as { id?: string };
  if (!body.id) throw new Error(`upload failed: ${res.status} ${JSON.stringify(body)}`);
  return body.id;
}

describe('store order: cart, checkout, desk, live status, label', () => {
  it('a buyer orders two products and follows the order to SHIPPED while the seller works the desk', async () => {
    if (!BASE_URL) throw new Error(MISSING_URL);
    const run = `${Date.now()}${digits(4)}`;
    const seller = { email: `ss${run}@e2e.pasar.test`, name: `Toko Penjual ${digits(3)}`, password: 'rahasia-123' };
    const buyer = { email: `sb${run}@e2e.pasar.test`, name: `Budi Pembeli ${digits(3)}` };
    const slug = `toko-${run}`.slice(0, 40);

    // ---- the seller over the API: account, store, two SALE listings with photos in the store
    const reg = await gql<{ register: { accessToken: string } }>(
      `mutation($input: RegisterInput!) { register(input: $input) { accessToken } }`,
      { input: { email: seller.email, password: seller.password, displayName: seller.name, phone: '081234567891', acceptTerms: true } },
    );
    const token = reg.register.accessToken;
    const { categories } = await gql<{ categories: { id: string }[] }>(`{ categories { id } }`, {});
    const store = await gql<{ createStore: { id: string } }>(`mutation($input: StoreInput!) { createStore(input: $input) { id } }`, {
      input: { name: `Toko Harmoni ${digits(3)}`, slug, address: 'Jl. Braga 10', cityCode: '32.73', color: '#b91c1c', hours: 'Senin–Sabtu 10.00–20.00', phone: '0221234567' },
    }, token);
    const listingIds: string[] = [];
    for (const [i, price] of [150_000, 75_000].entries()) {
      const photoId = await uploadPhoto(token, 100 + i * 60);
      const created = await gql<{ createListing: { id: string } }>(
        `mutation($input: CreateListingInput!) { createListing(input: $input) { id } }`,
        {
          input: {
            kind: 'SALE',
            title: `Produk toko ${i + 1} ${digits(4)}`,
            description: 'Barang baru, garansi resmi, dikirim dari Bandung.',
            categoryId: categories[0].id,
            cityCode: '32.73',
            condition: 'NEW',
            photoIds: [photoId],
            sale: { price, stock: 5, weightGrams: 800, lengthCm: 20, widthCm: 15, heightCm: 10 },
          },
        },
        token,
      );
      const id = created.createListing.id;
      await gql(`mutation($l: ID!, $s: ID) { setStoreProduct(listingId: $l, storeId: $s, lowStockThreshold: 2, featured: ${i === 0}) { id } }`, { l: id, s: store.createStore.id }, token);
      listingIds.push(id);
    }

    // ---- the buyer: store page, both products into the cart, checkout
    const ctxBuyer = await browser.newContext({ locale: 'id-ID', timezoneId: 'Asia/Jakarta', viewport: { width: 360, height: 780 } });
    const b = await ctxBuyer.newPage();
    b.setDefaultTimeout(STEP_TIMEOUT);
    await register(b, buyer);
    await b.goto(`${BASE_URL}/toko/${slug}`);
    for (const id of listingIds) {
      await b.getByTestId(`store-add-${id}`).click();
      await b.getByRole('status').filter({ hasText: 'Ditambahkan' }).first().waitFor();
    }
    await b.goto(`${BASE_URL}/keranjang`);
    await expect.poll(() => b.getByTestId('cart-line').count()).toBe(2);
    expect(Number((await b.getByTestId('cart-subtotal').textContent())?.replace(/\D/g, ''))).toBe(225_000);
    await b.getByTestId('cart-checkout').click();
    await b.waitForURL(/\/checkout\//);
    await b.getByTestId('checkout-recipient').fill(buyer.name);
    await b.getByTestId('checkout-phone').fill('081298765432');
    await b.getByTestId('checkout-address').fill('Jl. Merdeka 1, Gambir');
    await b.getByTestId('checkout-city').fill('Jakarta Pusat');
    await b.getByTestId('checkout-city-option').first().click();
    await b.getByTestId('checkout-postal').fill('10110');
    const firstService = b.locator('[data-testid^="checkout-service-"]:not([data-testid="checkout-service-price"])').first();
    await firstService.locator('input').check();
    await expect.poll(async () => Number((await b.getByTestId('checkout-total').getAttribute('data-total')) || 0), { timeout: STEP_TIMEOUT }).toBeGreaterThan(225_000);
    const total = Number(await b.getByTestId('checkout-total').getAttribute('data-total'));
    await b.getByTestId('checkout-submit').click();
    await b.getByTestId('checkout-confirm-yes').click();
    await b.waitForURL(/\/pesanan\/[^/]+$/);
    const orderId = b.url().split('/').pop() as string;
    await b.locator('[data-testid="order-status"][data-status="PENDING_PAYMENT"]').waitFor();
    expect(Number((await b.getByTestId('order-pay-amount').textContent())?.replace(/\D/g, ''))).toBe(total);

    // ---- the seller's desk: confirm the transfer, process, ship with a tracking number
    const ctxSeller = await browser.newContext({ locale: 'id-ID', timezoneId: 'Asia/Jakarta', viewport: { width: 360, height: 780 } });
    const s = await ctxSeller.newPage();
    s.setDefaultTimeout(STEP_TIMEOUT);
    await s.goto(`${BASE_URL}/login?redirect=/toko-saya`);
    await s.getByTestId('login-email').fill(seller.email);
    await s.getByTestId('login-password').fill(seller.password);
    await s.getByTestId('login-submit').click();
    await s.waitForURL(/\/toko-saya$/);
    await s.getByTestId(`desk-confirm-${orderId}`).click();
    await b.locator('[data-testid="order-status"][data-status="PAID"]').waitFor({ timeout: LIVE_TIMEOUT });
    await s.getByTestId(`desk-process-${orderId}`).click();
    await s.getByTestId(`desk-ship-${orderId}`).click();
    const resi = `JNE${digits(10)}`;
    await s.getByTestId('desk-tracking').fill(resi);
    await s.getByTestId('desk-ship-submit').click();

    // ---- the buyer sees SHIPPED live (no reload) with the tracking number
    await b.locator('[data-testid="order-status"][data-status="SHIPPED"]').waitFor({ timeout: LIVE_TIMEOUT });
    expect(await b.getByTestId('order-tracking').textContent()).toContain(resi);

    // ---- the label PDF
    const [response] = await Promise.all([
      s.waitForResponse((r) => r.url().endsWith(`/orders/${orderId}/label.pdf`)),
      s.getByTestId(`desk-label-${orderId}`).click(),
    ]);
    expect(response.status()).toBe(200);
    expect(response.headers()['content-type']).toContain('application/pdf');

    await ctxBuyer.close();
    await ctxSeller.close();
  });
});
