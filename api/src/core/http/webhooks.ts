import express, { type Router } from 'express';
import type { EntityManager } from '@mikro-orm/postgresql';
import { WebhookSignatureError, type ProviderName } from '../../payments/provider.js';
import type { Logger } from '../logger.js';
import type { Services } from '../services.js';

const PATHS: Record<string, ProviderName> = { midtrans: 'MIDTRANS', stripe: 'STRIPE' };

/**
 * POST /webhooks/midtrans and /webhooks/stripe (PRODUCT §11): the raw body is verified by
 * the provider (signature_key for Midtrans, Stripe-Signature for Stripe): a bad signature
 * answers 401 and changes nothing. A verified event is applied idempotently; the answer is
 * 200 with what was done (APPLIED, UNMATCHED: paid for a room or order that could no longer
 * take it, booked as owed back to the payer; DUPLICATE, IGNORED, AMOUNT_MISMATCH,
 * UNKNOWN_ORDER), so providers stop retrying. 404 when the provider is not configured.
 */
export function webhooksRouter(services: Services, em: () => EntityManager, log: Logger): Router {
  const router = express.Router();
  router.post('/webhooks/:provider', express.raw({ type: () => true, limit: '256kb' }), async (req, res) => {
    const name = PATHS[String(req.params.provider)];
    const provider = name ? services.providers.get(name) : undefined;
    if (!provider) return void res.status(404).json({ error: { code: 'NOT_FOUND', message: 'Unknown or unconfigured payment provider.' } });
    const raw = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
    let event;
    try {
      event = provider.parseWebhook(req.headers, raw);
    } catch (e) {
      if (e instanceof WebhookSignatureError) return void res.status(401).json({ error: { code: 'UNAUTHENTICATED', message: 'Bad signature.' } });
      return void res.status(400).json({ error: { code: 'BAD_USER_INPUT', message: 'Malformed notification.' } });
    }
    try {
      const outcome = await services.payments.onWebhook(em(), event, JSON.parse(raw.toString('utf8')));
      if (outcome !== 'APPLIED' && outcome !== 'DUPLICATE') log.warn({ provider: name, eventId: event.eventId, outcome }, 'payment notification not applied');
      res.json({ ok: true, outcome });
    } catch (err) {
      log.error({ err, provider: name, eventId: event.eventId }, 'payment notification failed');
      res.status(500).json({ error: { code: 'INTERNAL_SERVER_ERROR', message: 'Try again later.' } });
    }
  });
  return router;
}
