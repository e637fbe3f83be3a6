import { LockMode, type EntityManager } from '@mikro-orm/postgresql';
import { formatRupiah } from '@pasar/domain';
import { isUuid } from '../catalog/listing.service.js';
import type { LiveEvent } from '../core/live.js';
import type { Live } from '../core/live.js';
import { adminIds } from '../identity/user.entity.js';
import type { NotificationService } from '../notify/notification.service.js';
import { Payment } from './payment.entity.js';
import type { WebhookEvent } from './provider.js';

/** What a trade module does when one of its payments is paid, or fails/expires (inside the webhook's transaction). */
export interface PaymentSubjectHandler {
  paid(em: EntityManager, payment: Payment): Promise<LiveEvent[]>;
  failed(em: EntityManager, payment: Payment): Promise<LiveEvent[]>;
}

/**
 * Provider notifications for every trade kind (PRODUCT §11): each exact notification is
 * recorded once (a replay is a DUPLICATE and changes nothing); an amount different from the
 * payment's changes nothing and alerts the admins; otherwise the payment's subject module
 * (escrow room, store order) applies it in the same transaction.
 */
export class PaymentService {
  private readonly handlers = new Map<string, PaymentSubjectHandler>();

  constructor(private readonly notifications: NotificationService, private readonly live: Live) {}

  /** Registers the module that owns payments of `subjectType` (e.g. ESCROW_ROOM, ORDER). */
  register(subjectType: string, handler: PaymentSubjectHandler): void {
    this.handlers.set(subjectType, handler);
  }

  /** Applies a verified notification; returns APPLIED, DUPLICATE, IGNORED, AMOUNT_MISMATCH or UNKNOWN_ORDER. */
  async onWebhook(root: EntityManager, event: WebhookEvent, payload: unknown): Promise<string> {
    const result = await root.fork().transactional(async (em): Promise<{ outcome: string; events: LiveEvent[] }> => {
      const seen = await em.execute<{ id: string }[]>(
        `insert into payment_events (id, provider, event_id, outcome, payload, created_at) values (gen_random_uuid(), ?, ?, 'RECEIVED', ?, now())
         on conflict (provider, event_id) do nothing returning id`,
        // The exact notification: a replay has the same id and amount; a different amount is a different event.
        [event.provider, `${event.eventId}:${event.amount}`, JSON.stringify(payload)],
      );
      if (!seen.length) return { outcome: 'DUPLICATE', events: [] };
      const record = (outcome: string, paymentId?: string) =>
        em.execute(`update payment_events set outcome = ?, payment_id = ? where id = ?`, [outcome, paymentId ?? null, seen[0].id]);
      const payment = isUuid(event.orderId) ? await em.findOne(Payment, event.orderId, { lockMode: LockMode.PESSIMISTIC_WRITE }) : null;
      const handler = payment && this.handlers.get(payment.subjectType);
      if (!payment || !handler || payment.provider !== event.provider) {
        await record('UNKNOWN_ORDER');
        return { outcome: 'UNKNOWN_ORDER', events: [] };
      }
      if (event.status === 'PAID' && event.amount !== payment.amount) {
        await record('AMOUNT_MISMATCH', payment.id);
        const events = (await adminIds(em)).map((a) => this.notifications.notify(em, a, 'PAYMENT_AMOUNT_MISMATCH',
          `Pembayaran ${event.provider} ${payment.id}: diterima ${formatRupiah(event.amount)}, seharusnya ${formatRupiah(payment.amount)}. Tidak diproses.`, `/admin/rekber`));
        return { outcome: 'AMOUNT_MISMATCH', events };
      }
      if (event.status === 'PAID' && payment.status === 'PENDING') {
        const events = await handler.paid(em, payment);
        await record('APPLIED', payment.id);
        return { outcome: 'APPLIED', events };
      }
      if ((event.status === 'FAILED' || event.status === 'EXPIRED') && payment.status === 'PENDING') {
        payment.status = event.status;
        const events = await handler.failed(em, payment);
        await record('APPLIED', payment.id);
        return { outcome: 'APPLIED', events };
      }
      await record('IGNORED', payment.id);
      return { outcome: 'IGNORED', events: [] };
    });
    this.live.publish(result.events);
    return result.outcome;
  }
}
