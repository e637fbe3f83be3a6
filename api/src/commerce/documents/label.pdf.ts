import bwipjs from 'bwip-js';
import PDFDocument from 'pdfkit';
import sharp from 'sharp';
import { collectPdf, formatDecimal, formatWib } from './format.js';
import type { OrderDocument } from './order-document.js';

const MM = 72 / 25.4;
/** 100 × 150 mm thermal label, in points (283.46 × 425.20). */
export const LABEL_SIZE_PT: [number, number] = [round2(100 * MM), round2(150 * MM)];

const [W, H] = LABEL_SIZE_PT;
const PAD = 10;
const INNER = W - 2 * PAD;
const FONT = 'Helvetica';
const FONT_BOLD = 'Helvetica-Bold';
const BLACK = '#000000';

function round2(n: number): number {
  return Math.round(n * 100) / 100;
}

/**
 * Code 128 barcode of a tracking number as a PNG (human-readable text under the bars).
 * Rendered at 3 px per module so it stays sharp when a 203/300 dpi thermal printer prints it.
 */
export function code128Png(text: string): Promise<Buffer> {
  return bwipjs.toBuffer({ bcid: 'code128', text, scale: 3, height: 14, includetext: true, textxalign: 'center', textsize: 11 });
}

/** QR code (BWIPP default error correction, M) of `text`, typically the order's URL, as a PNG. */
export function qrPng(text: string): Promise<Buffer> {
  return bwipjs.toBuffer({ bcid: 'qrcode', text, scale: 4 }); // BWIPP's default error correction for QR is M
}

/**
 * The same image as an opaque 8-bit grayscale PNG (white background). bwip-js draws RGBA,
 * and pdfkit splits an alpha channel asynchronously: with two such images the PDF objects
 * are written in whichever order the inflates finish, so the bytes would vary run to run.
 * Opaque grayscale is embedded synchronously, and is all a thermal printer can print anyway.
 */
export function opaqueGrayPng(png: Buffer): Promise<Buffer> {
  return sharp(png).flatten({ background: '#ffffff' }).toColourspace('b-w').png({ compressionLevel: 9 }).toBuffer();
}

/**
 * Renders the shipping label of an order (PRODUCT.md §6): one page of exactly 100 × 150 mm,
 * courier and service, chargeable weight, a Code 128 barcode of the tracking number,
 * recipient and sender blocks, and a QR code of `orderUrl`. Black only, for thermal printers.
 * Long addresses are cut with an ellipsis, never spilled onto a second page.
 * Throws when the order has no tracking number yet (a label without a resi is useless).
 */
export async function renderShippingLabelPdf(doc: OrderDocument, orderUrl: string): Promise<Buffer> {
  const tracking = doc.shipping.trackingNumber?.trim();
  if (!tracking) {
    throw new Error(`Cannot print a shipping label for order ${doc.orderNumber}: it has no tracking number (resi) yet`);
  }
  if (!orderUrl) throw new Error(`Cannot print a shipping label for order ${doc.orderNumber}: orderUrl is empty`);
  const [barcode, qr] = await Promise.all([code128Png(tracking).then(opaqueGrayPng), qrPng(orderUrl).then(opaqueGrayPng)]);

  const pdf = new PDFDocument({
    size: LABEL_SIZE_PT,
    margin: 0, // positions are absolute; nothing may flow onto a second page
    autoFirstPage: true,
    info: {
      Title: `Label pengiriman ${doc.orderNumber}`,
      Author: doc.store.name,
      Creator: 'Pasar',
      CreationDate: doc.createdAt,
    },
    lang: 'id-ID',
  });
  return collectPdf(pdf, () => drawLabel(pdf, doc, tracking, barcode, qr));
}

function drawLabel(pdf: PDFKit.PDFDocument, doc: OrderDocument, tracking: string, barcode: Buffer, qr: Buffer) {
  pdf.fillColor(BLACK).strokeColor(BLACK);
  pdf.rect(PAD / 2, PAD / 2, W - PAD, H - PAD).lineWidth(1).stroke();
  let y = PAD;

  // Courier / service on the left, chargeable weight on the right.
  pdf.font(FONT_BOLD).fontSize(18)
    .text(doc.shipping.courier.toUpperCase(), PAD, y, { width: INNER * 0.62, lineBreak: false, ellipsis: true, height: 22 });
  pdf.font(FONT_BOLD).fontSize(18)
    .text(`${formatDecimal(doc.shipping.chargeableKg)} kg`, PAD + INNER * 0.62, y, { width: INNER * 0.38, align: 'right', lineBreak: false });
  y += 20;
  pdf.font(FONT).fontSize(9)
    .text(`Layanan ${doc.shipping.service} · ${formatDecimal(doc.shipping.distanceKm, 1)} km`, PAD, y, { width: INNER * 0.62, lineBreak: false, ellipsis: true, height: 11 });
  pdf.font(FONT).fontSize(9).text('Berat', PAD + INNER * 0.62, y, { width: INNER * 0.38, align: 'right', lineBreak: false });
  y += 14;
  rule(pdf, y);
  y += 6;

  // Tracking number barcode, full width.
  pdf.font(FONT).fontSize(7).text('NO. RESI', PAD, y, { width: INNER, lineBreak: false });
  y += 9;
  pdf.image(barcode, PAD, y, { fit: [INNER, 62], align: 'center', valign: 'center' });
  y += 66;
  rule(pdf, y);
  y += 6;

  // Recipient (large) — what the courier reads.
  const postal = doc.shipTo.postalCode ? ` ${doc.shipTo.postalCode}` : '';
  pdf.font(FONT_BOLD).fontSize(7).text('PENERIMA', PAD, y, { width: INNER, lineBreak: false });
  y += 9;
  y = clipped(pdf, doc.shipTo.recipient, y, FONT_BOLD, 13, 16);
  y = clipped(pdf, doc.shipTo.phone, y, FONT, 10, 12);
  y = clipped(pdf, doc.shipTo.address, y, FONT, 10, 36);
  y = clipped(pdf, `${doc.shipTo.city}, ${doc.shipTo.province}${postal}`, y, FONT_BOLD, 10, 24);
  y += 2;
  rule(pdf, y);
  y += 6;

  // Sender.
  pdf.font(FONT_BOLD).fontSize(7).text('PENGIRIM', PAD, y, { width: INNER, lineBreak: false });
  y += 9;
  const storePhone = doc.store.phone ? ` (${doc.store.phone})` : '';
  y = clipped(pdf, `${doc.store.name}${storePhone}`, y, FONT_BOLD, 9, 11);
  y = clipped(pdf, `${doc.store.address}, ${doc.store.city}`, y, FONT, 8.5, 20);
  y += 2;
  rule(pdf, y);
  y += 6;

  // Bottom: QR of the order on the right, order facts on the left.
  const qrSize = Math.min(H - PAD - y - 2, 92);
  const qrX = W - PAD - qrSize;
  pdf.image(qr, qrX, y, { fit: [qrSize, qrSize], align: 'center', valign: 'center' });
  const factsW = INNER - qrSize - 8;
  const items = doc.lines.reduce((n, l) => n + l.quantity, 0);
  const facts: [string, string][] = [
    ['Pesanan', doc.orderNumber],
    ['Tanggal', formatWib(doc.createdAt)],
    ['Isi', `${items} barang (${doc.lines.length} jenis)`],
  ];
  let fy = y;
  for (const [label, value] of facts) {
    pdf.font(FONT).fontSize(7).text(label.toUpperCase(), PAD, fy, { width: factsW, lineBreak: false });
    pdf.font(FONT_BOLD).fontSize(9).text(value, PAD, fy + 8, { width: factsW, lineBreak: false, ellipsis: true, height: 11 });
    fy += 22;
  }
}

/** Text at the left edge cut to `maxH` points (ellipsis); returns the y below it. */
function clipped(pdf: PDFKit.PDFDocument, text: string, y: number, font: string, size: number, maxH: number): number {
  pdf.font(font).fontSize(size);
  const h = Math.min(pdf.heightOfString(text, { width: INNER }), maxH);
  pdf.text(text, PAD, y, { width: INNER, height: maxH, ellipsis: true });
  return y + h + 1;
}

function rule(pdf: PDFKit.PDFDocument, y: number) {
  pdf.moveTo(PAD / 2, y).lineTo(W - PAD / 2, y).lineWidth(1).stroke();
}
