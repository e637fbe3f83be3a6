import { WIB_OFFSET_MINUTES } from '@pasar/domain';

const MONTHS_ID = ['Jan', 'Feb', 'Mar', 'Apr', 'Mei', 'Jun', 'Jul', 'Agu', 'Sep', 'Okt', 'Nov', 'Des'];

const pad2 = (n: number) => String(n).padStart(2, '0');

/** An instant in Jakarta time: "21 Nov 2026 14:05 WIB" (by hand, no Intl locale data). */
export function formatWib(at: Date): string {
  const t = new Date(at.getTime() + WIB_OFFSET_MINUTES * 60_000);
  return `${t.getUTCDate()} ${MONTHS_ID[t.getUTCMonth()]} ${t.getUTCFullYear()} ${pad2(t.getUTCHours())}:${pad2(t.getUTCMinutes())} WIB`;
}

/** The Jakarta date only: "21 Nov 2026". */
export function formatWibDate(at: Date): string {
  const t = new Date(at.getTime() + WIB_OFFSET_MINUTES * 60_000);
  return `${t.getUTCDate()} ${MONTHS_ID[t.getUTCMonth()]} ${t.getUTCFullYear()}`;
}

/** A decimal with an Indonesian comma, at most `digits` decimals, trailing zeros dropped: 1.5 → "1,5". */
export function formatDecimal(n: number, digits = 2): string {
  const fixed = n.toFixed(digits).replace(/\.?0+$/, '');
  return fixed.replace('.', ',');
}

const ORDER_STATUS_ID: Record<string, string> = {
  PENDING_PAYMENT: 'Menunggu pembayaran',
  PAID: 'Dibayar',
  PROCESSING: 'Diproses',
  SHIPPED: 'Dikirim',
  DELIVERED: 'Diterima',
  COMPLETED: 'Selesai',
  CANCELLED: 'Dibatalkan',
  REFUNDED: 'Dana dikembalikan',
};

/** Indonesian label of an order status; unknown statuses are shown as given. */
export function orderStatusLabel(status: string): string {
  return ORDER_STATUS_ID[status] ?? status;
}

/** Collects a pdfkit document's output into one Buffer. */
export function collectPdf(pdf: PDFKit.PDFDocument, draw: () => void): Promise<Buffer> {
  return new Promise<Buffer>((resolve, reject) => {
    const chunks: Buffer[] = [];
    pdf.on('data', (c: Buffer) => chunks.push(c));
    pdf.on('end', () => resolve(Buffer.concat(chunks)));
    pdf.on('error', reject);
    try {
      draw();
      pdf.end();
    } catch (err) {
      reject(err);
    }
  });
}
