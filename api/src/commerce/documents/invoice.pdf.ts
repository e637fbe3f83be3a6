import { formatRupiah } from '@pasar/domain';
import PDFDocument from 'pdfkit';
import { collectPdf, formatDecimal, formatWib, orderStatusLabel } from './format.js';
import type { OrderDocument } from './order-document.js';

// A4 in points, with the built-in Helvetica (no font files, no network).
const A4: [number, number] = [595.28, 841.89];
const MARGIN = 48;
const FOOTER_HEIGHT = 44; // reserved at the bottom of every page for the store footer
const FONT = 'Helvetica';
const FONT_BOLD = 'Helvetica-Bold';
const INK = '#1f2328';
const MUTED = '#59636e';
const RULE = '#d0d7de';
const HEADER_FILL = '#f1f3f5';

const CONTENT_W = A4[0] - 2 * MARGIN;
const CELL_PAD = 5;

/** Table columns (x offsets from the left margin), widths add up to the content width. */
const COLS = [
  { key: 'no', label: 'No', width: 26, align: 'right' as const },
  { key: 'item', label: 'Barang', width: CONTENT_W - 26 - 50 - 95 - 105, align: 'left' as const },
  { key: 'qty', label: 'Jumlah', width: 50, align: 'right' as const },
  { key: 'price', label: 'Harga', width: 95, align: 'right' as const },
  { key: 'total', label: 'Subtotal', width: 105, align: 'right' as const },
];

/**
 * Renders the order's invoice ("FAKTUR") as an A4 PDF (PRODUCT.md §6): header with number,
 * date and payment status, buyer and delivery blocks, a line table that paginates (the
 * header row is repeated on every page), totals, and the store in the footer of each page.
 * The output is byte-for-byte stable for the same input (CreationDate = order creation).
 */
export function renderInvoicePdf(doc: OrderDocument): Promise<Buffer> {
  const pdf = new PDFDocument({
    size: A4,
    margins: { top: MARGIN, bottom: MARGIN + FOOTER_HEIGHT, left: MARGIN, right: MARGIN },
    bufferPages: true, // footers ("Halaman i dari n") are drawn once the page count is known
    info: {
      Title: `Faktur ${doc.orderNumber}`,
      Author: doc.store.name,
      Subject: `Faktur pesanan ${doc.orderNumber}`,
      Creator: 'Pasar',
      CreationDate: doc.createdAt,
    },
    lang: 'id-ID',
  });
  return collectPdf(pdf, () => drawInvoice(pdf, doc));
}

function drawInvoice(pdf: PDFKit.PDFDocument, doc: OrderDocument) {
  const left = MARGIN;
  const right = A4[0] - MARGIN;
  let y = MARGIN;

  // Title row: store name on the left, FAKTUR on the right.
  pdf.font(FONT_BOLD).fontSize(20).fillColor(INK).text('FAKTUR', left, y, { width: CONTENT_W, align: 'right' });
  pdf.font(FONT_BOLD).fontSize(14).text(doc.store.name, left, y + 4, { width: CONTENT_W * 0.6 });
  pdf.font(FONT).fontSize(9).fillColor(MUTED).text(`${doc.store.address}, ${doc.store.city}`, { width: CONTENT_W * 0.6 });
  y = Math.max(pdf.y, y + 28) + 12;
  hr(pdf, y);
  y += 10;

  // Invoice facts (label: value pairs).
  const paid = doc.paidAt ? `Lunas (${formatWib(doc.paidAt)})` : 'Belum dibayar';
  const facts: [string, string][] = [
    ['Nomor', doc.orderNumber],
    ['Tanggal', formatWib(doc.createdAt)],
    ['Status pesanan', orderStatusLabel(doc.status)],
    ['Status pembayaran', paid],
  ];
  if (doc.payment) {
    facts.push(['Metode pembayaran', doc.payment.reference ? `${doc.payment.provider} (${doc.payment.reference})` : doc.payment.provider]);
  }
  for (const [label, value] of facts) {
    pdf.font(FONT).fontSize(9).fillColor(MUTED).text(label, left, y, { width: 110, lineBreak: false });
    pdf.font(FONT_BOLD).fontSize(9).fillColor(INK).text(value, left + 110, y, { width: CONTENT_W - 110 });
    y = pdf.y + 3;
  }
  y += 8;

  // Buyer and delivery blocks side by side.
  const half = (CONTENT_W - 20) / 2;
  const postal = doc.shipTo.postalCode ? ` ${doc.shipTo.postalCode}` : '';
  const buyerLines = [doc.buyer.name, doc.buyer.email, doc.buyer.phone ?? ''].filter(Boolean);
  const shipLines = [
    `${doc.shipTo.recipient} (${doc.shipTo.phone})`,
    doc.shipTo.address,
    `${doc.shipTo.city}, ${doc.shipTo.province}${postal}`,
    `${doc.shipping.courier} ${doc.shipping.service} · ${formatDecimal(doc.shipping.chargeableKg)} kg · ${formatDecimal(doc.shipping.distanceKm, 1)} km`,
  ];
  if (doc.shipping.trackingNumber) shipLines.push(`Resi: ${doc.shipping.trackingNumber}`);
  const yBlocks = y;
  const yBuyer = block(pdf, 'Kepada', buyerLines, left, yBlocks, half);
  const yShip = block(pdf, 'Dikirim ke', shipLines, left + half + 20, yBlocks, half);
  y = Math.max(yBuyer, yShip) + 14;

  // Line table, paginated.
  const bottom = A4[1] - MARGIN - FOOTER_HEIGHT;
  y = tableHeader(pdf, y);
  doc.lines.forEach((line, i) => {
    const title = line.title;
    const sku = line.sku ? `SKU ${line.sku}` : '';
    const itemW = COLS[1].width - 2 * CELL_PAD;
    pdf.font(FONT).fontSize(9);
    let h = pdf.heightOfString(title, { width: itemW });
    if (sku) h += pdf.fontSize(7.5).heightOfString(sku, { width: itemW }) + 1;
    const rowH = h + 2 * CELL_PAD;
    if (y + rowH > bottom) {
      pdf.addPage();
      y = tableHeader(pdf, MARGIN);
    }
    const cells = [String(i + 1), '', String(line.quantity), formatRupiah(line.unitPrice), formatRupiah(line.lineTotal)];
    let x = left;
    COLS.forEach((col, c) => {
      if (c === 1) {
        pdf.font(FONT).fontSize(9).fillColor(INK).text(title, x + CELL_PAD, y + CELL_PAD, { width: itemW });
        if (sku) pdf.fontSize(7.5).fillColor(MUTED).text(sku, x + CELL_PAD, pdf.y + 1, { width: itemW });
      } else {
        pdf.font(FONT).fontSize(9).fillColor(INK)
          .text(cells[c], x + CELL_PAD, y + CELL_PAD, { width: col.width - 2 * CELL_PAD, align: col.align, lineBreak: false });
      }
      x += col.width;
    });
    y += rowH;
    pdf.moveTo(left, y).lineTo(right, y).lineWidth(0.5).strokeColor(RULE).stroke();
  });

  // Totals (kept together on one page).
  const totals: [string, string, boolean][] = [
    ['Subtotal', formatRupiah(doc.subtotal), false],
    ['Ongkos kirim', formatRupiah(doc.shippingCost), false],
    ['Total', formatRupiah(doc.total), true],
  ];
  const totalsH = totals.length * 18 + 16;
  if (y + totalsH > bottom) {
    pdf.addPage();
    y = MARGIN;
  }
  y += 10;
  const labelX = right - 250;
  for (const [label, value, strong] of totals) {
    if (strong) {
      pdf.moveTo(labelX, y - 3).lineTo(right, y - 3).lineWidth(0.8).strokeColor(INK).stroke();
      y += 2;
    }
    pdf.font(strong ? FONT_BOLD : FONT).fontSize(strong ? 11 : 9.5).fillColor(strong ? INK : MUTED)
      .text(label, labelX, y, { width: 120, lineBreak: false });
    pdf.font(strong ? FONT_BOLD : FONT).fillColor(INK)
      .text(value, labelX + 120, y, { width: 250 - 120 - CELL_PAD, align: 'right', lineBreak: false });
    y += strong ? 20 : 16;
  }

  drawFooters(pdf, doc);
}

/** A titled block of lines; returns the y below it. */
function block(pdf: PDFKit.PDFDocument, title: string, lines: string[], x: number, y: number, width: number): number {
  pdf.font(FONT_BOLD).fontSize(8).fillColor(MUTED).text(title, x, y, { width });
  let first = true;
  for (const line of lines) {
    pdf.font(first ? FONT_BOLD : FONT).fontSize(9.5).fillColor(INK).text(line, x, pdf.y + 2, { width });
    first = false;
  }
  return pdf.y;
}

/** The table's header row at `y`; returns the y of the first body row. */
function tableHeader(pdf: PDFKit.PDFDocument, y: number): number {
  const h = 20;
  pdf.rect(MARGIN, y, CONTENT_W, h).fill(HEADER_FILL);
  let x = MARGIN;
  for (const col of COLS) {
    pdf.font(FONT_BOLD).fontSize(9).fillColor(INK)
      .text(col.label, x + CELL_PAD, y + 6, { width: col.width - 2 * CELL_PAD, align: col.align, lineBreak: false });
    x += col.width;
  }
  pdf.moveTo(MARGIN, y + h).lineTo(MARGIN + CONTENT_W, y + h).lineWidth(0.8).strokeColor(INK).stroke();
  return y + h;
}

function hr(pdf: PDFKit.PDFDocument, y: number) {
  pdf.moveTo(MARGIN, y).lineTo(A4[0] - MARGIN, y).lineWidth(0.8).strokeColor(RULE).stroke();
}

/** Store footer and page numbers on every buffered page. */
function drawFooters(pdf: PDFKit.PDFDocument, doc: OrderDocument) {
  const range = pdf.bufferedPageRange();
  const phone = doc.store.phone ? ` · Telp ${doc.store.phone}` : '';
  const storeLine = `${doc.store.name} · ${doc.store.address}, ${doc.store.city}${phone}`;
  for (let i = range.start; i < range.start + range.count; i++) {
    pdf.switchToPage(i);
    const saved = pdf.page.margins.bottom;
    pdf.page.margins.bottom = 0; // writing inside the bottom margin must not add a page
    const y = A4[1] - MARGIN - FOOTER_HEIGHT + 16;
    pdf.moveTo(MARGIN, y).lineTo(A4[0] - MARGIN, y).lineWidth(0.5).strokeColor(RULE).stroke();
    pdf.font(FONT).fontSize(8).fillColor(MUTED)
      .text(storeLine, MARGIN, y + 8, { width: CONTENT_W - 90, lineBreak: false, ellipsis: true, height: 10 })
      .text(`Halaman ${i - range.start + 1} dari ${range.count}`, A4[0] - MARGIN - 90, y + 8, { width: 90, align: 'right', lineBreak: false });
    pdf.font(FONT).fontSize(7).fillColor(MUTED)
      .text(`Faktur ${doc.orderNumber} · dibuat oleh Pasar`, MARGIN, y + 20, { width: CONTENT_W, lineBreak: false });
    pdf.page.margins.bottom = saved;
  }
  pdf.flushPages();
}
