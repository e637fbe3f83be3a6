import { inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { renderInvoicePdf } from './invoice.pdf.js';
import { code128Png, LABEL_SIZE_PT, opaqueGrayPng, qrPng, renderShippingLabelPdf } from './label.pdf.js';
import type { OrderDocument } from './order-document.js';

// ---- small PDF inspection helpers (pdfkit output: FlateDecode streams, hex TJ strings) ----

function latin1(pdf: Buffer): string {
  return pdf.toString('latin1');
}

/** Pages: "/Type /Page" objects, not "/Type /Pages". */
function pageCount(pdf: Buffer): number {
  return (latin1(pdf).match(/\/Type\s*\/Page(?![s\w])/g) ?? []).length;
}

function mediaBoxes(pdf: Buffer): number[][] {
  return [...latin1(pdf).matchAll(/\/MediaBox\s*\[([^\]]*)\]/g)].map((m) => m[1].trim().split(/\s+/).map(Number));
}

/** Decompressed content streams, concatenated. */
function contentStreams(pdf: Buffer): string {
  const out: string[] = [];
  const s = latin1(pdf);
  const re = /<<([^]*?)>>\s*stream\r?\n/g;
  for (let m = re.exec(s); m; m = re.exec(s)) {
    const start = m.index + m[0].length;
    const end = s.indexOf('endstream', start);
    const dict = m[1];
    const raw = pdf.subarray(start, end);
    if (/\/Subtype\s*\/Image/.test(dict)) continue;
    try {
      out.push(/\/FlateDecode/.test(dict) ? inflateSync(raw).toString('latin1') : raw.toString('latin1'));
    } catch {
      // not a content stream we can read
    }
    re.lastIndex = end;
  }
  return out.join('\n');
}

/** The text shown by TJ/Tj operators (WinAnsi ≈ latin1 for what we print), one run per line. */
function extractText(pdf: Buffer): string {
  const runs: string[] = [];
  const hex = (h: string) => Buffer.from(h, 'hex').toString('latin1');
  for (const m of contentStreams(pdf).matchAll(/\[((?:<[0-9a-fA-F]*>|[^\]])*)\]\s*TJ|<([0-9a-fA-F]*)>\s*Tj/g)) {
    if (m[1] !== undefined) runs.push([...m[1].matchAll(/<([0-9a-fA-F]*)>/g)].map((x) => hex(x[1])).join(''));
    else runs.push(hex(m[2]));
  }
  return runs.join('\n');
}

function pngSize(png: Buffer): { width: number; height: number } {
  expect(png.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))).toBe(true);
  expect(png.toString('latin1', 12, 16)).toBe('IHDR');
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

function expectValidPdf(pdf: Buffer) {
  expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  expect(pdf.subarray(-8).toString('latin1').trimEnd().endsWith('%%EOF')).toBe(true);
}

async function timed<T>(label: string, fn: () => Promise<T>): Promise<T> {
  const t0 = performance.now();
  const out = await fn();
  console.log(`[documents] ${label}: ${(performance.now() - t0).toFixed(1)} ms`);
  return out;
}

// ---- fixtures (seed store Hurtrock) ----

function order(lineCount = 3, overrides: Partial<OrderDocument> = {}): OrderDocument {
  const lines = Array.from({ length: lineCount }, (_, i) => ({
    title: i === 0 ? 'Gitar Akustik Yamaha F310 Natural' : `Senar gitar elektrik set ${i + 1} — gauge 10-46 nickel wound`,
    sku: i % 2 === 0 ? `HR-${String(i + 1).padStart(4, '0')}` : null,
    quantity: i === 0 ? 1 : 2,
    unitPrice: i === 0 ? 1_250_000 : 85_000,
    lineTotal: i === 0 ? 1_250_000 : 170_000,
  }));
  const subtotal = lines.reduce((s, l) => s + l.lineTotal, 0);
  return {
    orderId: '7f3c1e52-0d7a-4a8e-9a51-2c1b0e8f4d10',
    orderNumber: 'PSR-20261121-0001',
    createdAt: new Date('2026-11-21T07:05:00Z'), // 14:05 WIB
    paidAt: new Date('2026-11-21T07:20:00Z'),
    status: 'PAID',
    store: { name: 'Hurtrock Music Store', address: 'Jl. Gatot Subroto No. 21', city: 'Jakarta Selatan', phone: '021-5550123' },
    buyer: { name: 'Budi Santoso', email: 'budi@example.id', phone: '081234567890' },
    shipTo: {
      recipient: 'Siti Rahmawati',
      phone: '085711112222',
      address: 'Jl. Dago No. 45, RT 02/RW 05, Kel. Lebakgede, Kec. Coblong',
      city: 'Kota Bandung',
      province: 'Jawa Barat',
      postalCode: '40132',
    },
    lines,
    subtotal,
    shippingCost: 38_000,
    total: subtotal + 38_000,
    shipping: { courier: 'JNE', service: 'REG', chargeableKg: 3.5, distanceKm: 151.2, trackingNumber: 'JNE0012345678901' },
    payment: { provider: 'Stripe', reference: 'pi_3QexampleABC' },
    ...overrides,
  };
}

const ORDER_URL = 'https://pasar.example.id/pesanan/PSR-20261121-0001';

describe('invoice PDF', () => {
  it('renders a valid one-page A4 invoice with Indonesian labels, rupiah and WIB', async () => {
    const pdf = await timed('invoice (3 lines)', () => renderInvoicePdf(order()));
    expectValidPdf(pdf);
    expect(pageCount(pdf)).toBe(1);
    expect(mediaBoxes(pdf)[0]).toEqual([0, 0, 595.28, 841.89]);
    const text = extractText(pdf);
    for (const s of ['FAKTUR', 'Nomor', 'Tanggal', 'Kepada', 'Barang', 'Jumlah', 'Harga', 'Subtotal', 'Ongkos kirim', 'Total', 'Status pembayaran']) {
      expect(text).toContain(s);
    }
    expect(text).toContain('PSR-20261121-0001');
    expect(text).toContain('Rp 1.250.000');
    expect(text).toContain('Rp 38.000');
    expect(text).toContain('Rp 1.628.000'); // total: 1.250.000 + 2 × 170.000 + 38.000
    expect(text).toContain('21 Nov 2026 14:05 WIB');
    expect(text).toContain('Lunas');
    expect(text).toContain('Siti Rahmawati');
    expect(text).toContain('Budi Santoso');
    expect(text).toContain('Hurtrock Music Store');
    expect(text).toContain('Halaman 1 dari 1');
  });

  it('paginates 60 lines and repeats the table header on every page', async () => {
    const pdf = await timed('invoice (60 lines)', () => renderInvoicePdf(order(60)));
    expectValidPdf(pdf);
    const pages = pageCount(pdf);
    expect(pages).toBeGreaterThan(1);
    const text = extractText(pdf);
    // the header row ("Barang" + "Harga") appears once per page
    expect(text.split('\n').filter((r) => r === 'Harga').length).toBe(pages);
    expect(text).toContain(`Halaman ${pages} dari ${pages}`);
    expect(text).toContain('60'); // last row number
  });

  it('shows an unpaid order as "Belum dibayar"', async () => {
    const text = extractText(await renderInvoicePdf(order(1, { paidAt: null, status: 'PENDING_PAYMENT', payment: null })));
    expect(text).toContain('Belum dibayar');
    expect(text).toContain('Menunggu pembayaran');
  });

  it('is byte-for-byte deterministic for the same input', async () => {
    await timed('invoice (60 lines, warm)', () => renderInvoicePdf(order(60)));
    const [a, b] = await Promise.all([renderInvoicePdf(order(5)), renderInvoicePdf(order(5))]);
    expect(a.equals(b)).toBe(true);
    expect(latin1(a)).toContain('(D:20261121070500Z)') // CreationDate = createdAt;
  });
});

describe('shipping label PDF', () => {
  it('renders exactly one 100×150 mm page with the barcode, QR and addresses', async () => {
    const pdf = await timed('label', () => renderShippingLabelPdf(order(), ORDER_URL));
    expectValidPdf(pdf);
    expect(pageCount(pdf)).toBe(1);
    const boxes = mediaBoxes(pdf);
    expect(boxes).toHaveLength(1);
    const [x0, y0, w, h] = boxes[0];
    expect([x0, y0]).toEqual([0, 0]);
    expect(w).toBeCloseTo(283.46, 1);
    expect(h).toBeCloseTo(425.2, 1);
    expect(LABEL_SIZE_PT).toEqual([283.46, 425.2]);
    // two embedded PNG images: barcode and QR
    expect((latin1(pdf).match(/\/Subtype\s*\/Image/g) ?? []).length).toBeGreaterThanOrEqual(2);
    const text = extractText(pdf);
    for (const s of ['JNE', 'Layanan REG', '3,5 kg', 'PENERIMA', 'Siti Rahmawati', '085711112222', 'Kota Bandung, Jawa Barat 40132',
      'PENGIRIM', 'Hurtrock Music Store (021-5550123)', 'PSR-20261121-0001', '21 Nov 2026 14:05 WIB', '5 barang (3 jenis)']) {
      expect(text).toContain(s);
    }
  });

  it('stays on one page with very long names and addresses', async () => {
    const long = 'Jl. Sangat Panjang Sekali Nomor 123456789 '.repeat(12);
    const doc = order(2, {
      shipTo: { recipient: 'Nama Penerima Yang Sangat Panjang '.repeat(4), phone: '0811', address: long, city: 'Kabupaten Kepulauan Seribu', province: 'DKI Jakarta', postalCode: null },
      store: { name: 'Toko '.repeat(20), address: long, city: 'Jakarta', phone: null },
    });
    const pdf = await renderShippingLabelPdf(doc, ORDER_URL);
    expectValidPdf(pdf);
    expect(pageCount(pdf)).toBe(1);
  });

  it('refuses an order without a tracking number', async () => {
    for (const trackingNumber of [null, undefined, '', '   ']) {
      const doc = order(1, { shipping: { courier: 'JNE', service: 'REG', chargeableKg: 1, distanceKm: 10, trackingNumber } });
      await expect(renderShippingLabelPdf(doc, ORDER_URL)).rejects.toThrow(/no tracking number/);
    }
  });

  it('is deterministic for the same input, also when rendered concurrently', async () => {
    await timed('label (warm)', () => renderShippingLabelPdf(order(), ORDER_URL));
    const runs = await Promise.all(Array.from({ length: 4 }, () => renderShippingLabelPdf(order(), ORDER_URL)));
    for (const r of runs.slice(1)) expect(r.equals(runs[0])).toBe(true);
  });
});

describe('barcode images', () => {
  it('Code 128 of the tracking number is a PNG wider than tall', async () => {
    const { width, height } = pngSize(await timed('code128 png', () => code128Png('JNE0012345678901')));
    expect(width).toBeGreaterThan(0);
    expect(height).toBeGreaterThan(0);
    expect(width).toBeGreaterThan(height);
    // what the label embeds: same size, opaque 8-bit grayscale (PNG colour type 0)
    const gray = await opaqueGrayPng(await code128Png('JNE0012345678901'));
    expect(pngSize(gray)).toEqual({ width, height });
    expect(gray[25]).toBe(0);
  });

  it('QR of the order URL is a square PNG', async () => {
    const { width, height } = pngSize(await timed('qr png', () => qrPng(ORDER_URL)));
    expect(width).toBeGreaterThan(0);
    expect(width).toBe(height);
  });
});
