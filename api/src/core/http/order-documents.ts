import express, { type Request, type Router } from 'express';
import { AppError } from '../graphql/errors.js';
import { orderDocument } from '../../commerce/order-documents.js';
import { renderInvoicePdf } from '../../commerce/documents/invoice.pdf.js';
import { renderShippingLabelPdf } from '../../commerce/documents/label.pdf.js';
import type { Context } from '../context.js';
import type { Logger } from '../logger.js';

const STATUS: Record<string, number> = { UNAUTHENTICATED: 401, FORBIDDEN: 403, NOT_FOUND: 404, INVALID_STATE: 409 };

/**
 * GET /orders/:id/invoice.pdf and /orders/:id/label.pdf (PRODUCT §6), with
 * "Authorization: Bearer <token>": the order's buyer, its store's staff and admins only.
 * The label needs a tracking number (409 INVALID_STATE before shipping).
 */
export function orderDocumentsRouter(contextFor: (req: Request) => Promise<Context>, publicUrl: string, log: Logger): Router {
  const router = express.Router();
  router.get('/orders/:id/:doc', async (req, res) => {
    const kind = req.params.doc;
    if (kind !== 'invoice.pdf' && kind !== 'label.pdf') return void res.status(404).end();
    try {
      const ctx = await contextFor(req);
      if (!ctx.user) throw new AppError('UNAUTHENTICATED', 'Log in to download order documents.');
      const order = await ctx.services.commerce.get(ctx as Context & { user: NonNullable<Context['user']> }, req.params.id);
      const doc = await orderDocument(ctx.em, order, ctx.services.reference);
      if (kind === 'label.pdf' && !doc.shipping.trackingNumber) throw new AppError('INVALID_STATE', 'The order has no tracking number yet.');
      const pdf = kind === 'invoice.pdf'
        ? await renderInvoicePdf(doc)
        : await renderShippingLabelPdf(doc, `${publicUrl || `${req.protocol}://${req.get('host')}`}/orders/${order.id}`);
      res.type('application/pdf').set({ 'Content-Disposition': `attachment; filename="${order.number}-${kind}"`, 'Cache-Control': 'private, no-store' }).send(pdf);
    } catch (e) {
      if (e instanceof AppError) {
        const code = String(e.extensions.code);
        return void res.status(STATUS[code] ?? 400).json({ error: { code, message: e.message } });
      }
      log.error({ err: e }, 'order document failed');
      res.status(500).json({ error: { code: 'INTERNAL_SERVER_ERROR', message: 'Try again later.' } });
    }
  });
  return router;
}
