import { LockMode, type EntityManager } from '@mikro-orm/postgresql';
import { formatRupiah, unmatchedPaymentPostings } from '@pasar/domain';
import { isUuid } from '../catalog/listing.service.js';
import { Photo } from '../catalog/photo.entity.js';
import type { AuthedContext, Context } from '../core/context.js';
import { badInput, invalidState, notFound } from '../core/graphql/errors.js';
import type { LiveEvent } from '../core/live.js';
import type { Live } from '../core/live.js';
import { adminIds, Role } from '../identity/user.entity.js';
import { PAYMENT_SUBJECT, type LedgerService } from '../ledger/ledger.service.js';
import type { NotificationService } from '../notify/notification.service.js';
import { Payment } from './payment.entity.js';
import type { WebhookEvent } from './provider.js';

/** Why a subject cannot take a payment that was made for it, for the alerts: e.g. "pesanan PSR-1 sudah PAID", and its page. */
export interface PaymentRefusal {
  reason: string;
  link: string;
}

/** What a trade module does when one of its payments is paid, or fails/expires (inside the webhook's transaction). */
export interface PaymentSubjectHandler {
  /**
   * Locks the payment's subject (escrow room, store order) for the rest of the transaction
   * and says whether it can still take `payment`: null when it can (it waits for payment of
   * exactly this amount), else why not (paid by another route meanwhile, cancelled, expired).
   */
  refusal(em: EntityManager, payment: Payment): Promise<PaymentRefusal | null>;
  /** The subject takes `payment` (only after `refusal` returned null): it is paid, its money booked. */
  paid(em: EntityManager, payment: Payment): Promise<LiveEvent[]>;
  failed(em: EntityManager, payment: Payment): Promise<LiveEvent[]>;
  /**
   * Who confirms a manual transfer of `payment` (escrow rooms: the admins; store orders: the
   * store's staff), the page where they do, and the live events that tell the subject's
   * audience a transfer receipt arrived.
   */
  reviewers(em: EntityManager, payment: Payment): Promise<{ userIds: string[]; link: string; events: LiveEvent[] }>;
  /**
   * Whether the caller (not an admin, not the payer: those always may) confirms manual
   * transfers of `payment` and so may see its receipt. Called per payment of a list: batched.
   */
  mayReview(ctx: Context, payment: Payment): Promise<boolean>;
}

/**
 * Provider notifications for every trade kind (PRODUCT §11): each exact notification is
 * recorded once (a replay is a DUPLICATE and changes nothing); an amount different from the
 * payment's changes nothing and alerts the admins; otherwise the payment's subject module
 * (escrow room, store order) applies it in the same transaction. Money that arrived for a
 * subject that can no longer take it (paid by another route, cancelled, expired) is never
 * lost nor refused: the payment is PAID, the amount booked as owed back to the payer
 * (UNMATCHED_PAYMENT, "unmatched:<payment>": PROVIDER:<provider> +amount, PAYABLE:<payer>
 * −amount), the admins and the payer are told, and the provider gets 200 (UNMATCHED).
 */
export class PaymentService {
  private readonly handlers = new Map<string, PaymentSubjectHandler>();

  constructor(private readonly notifications: NotificationService, private readonly live: Live, private readonly ledger: LedgerService) {}

  /** Registers the module that owns payments of `subjectType` (e.g. ESCROW_ROOM, ORDER). */
  register(subjectType: string, handler: PaymentSubjectHandler): void {
    this.handlers.set(subjectType, handler);
  }

  /**
   * submitPaymentProof (MANUAL_TRANSFER, any trade kind): the payer attaches the transfer
   * receipt, an image they uploaded; whoever confirms such payments (the handler's reviewers)
   * is notified. NOT_FOUND for a payment that is not the caller's; INVALID_STATE unless it is a
   * PENDING manual transfer; BAD_USER_INPUT "photoId" for an image that is not the caller's.
   */
  async submitProof(ctx: AuthedContext, paymentId: string, photoId: string): Promise<Payment> {
    const em = ctx.em.fork();
    const payment = isUuid(paymentId) ? await em.findOne(Payment, paymentId) : null;
    const handler = payment && this.handlers.get(payment.subjectType);
    if (!payment || !handler || payment.payer.id !== ctx.user.id) throw notFound('Payment');
    if (payment.provider !== 'MANUAL_TRANSFER' || payment.status !== 'PENDING') throw invalidState('This payment takes no proof now.');
    const photo = isUuid(photoId) ? await em.findOne(Photo, photoId) : null;
    if (!photo || photo.owner.id !== ctx.user.id) throw badInput('Attach an image you uploaded.', 'photoId');
    payment.proof = em.getReference(Photo, photo.id, { wrapped: true });
    const { userIds, link, events } = await handler.reviewers(em, payment);
    for (const id of new Set(userIds)) events.push(this.notifications.notify(em, id, 'PAYMENT_PROOF', `Bukti transfer ${formatRupiah(payment.amount)} menunggu konfirmasi.`, link));
    await em.flush();
    this.live.publish(events);
    return payment;
  }

  /** Whether the caller may see `payment`'s transfer receipt: an admin, the payer, or whoever confirms it (handler.mayReview). */
  async maySeeProof(ctx: Context, payment: Payment): Promise<boolean> {
    if (!ctx.user) return false;
    if (ctx.user.role === Role.ADMIN || ctx.user.id === payment.payer.id) return true;
    const handler = this.handlers.get(payment.subjectType);
    return !!handler && handler.mayReview(ctx, payment);
  }

  /** Applies a verified notification; returns APPLIED, UNMATCHED, DUPLICATE, IGNORED, AMOUNT_MISMATCH or UNKNOWN_ORDER. */
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
      // Money arrived (also after a failure: a Stripe intent can succeed on a retry after payment_failed).
      if (event.status === 'PAID' && payment.status !== 'PAID') {
        const refusal = await handler.refusal(em, payment);
        if (refusal) {
          const events = await this.unmatched(em, payment, refusal);
          await record('UNMATCHED', payment.id);
          return { outcome: 'UNMATCHED', events };
        }
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

  /**
   * `payment` arrived but its subject cannot take it: the payment is PAID (it was), its amount
   * is booked at the provider and owed back to the payer (once: key "unmatched:<payment>"),
   * and the admins (to pay it back) and the payer are told. The subject is left as it is.
   */
  private async unmatched(em: EntityManager, payment: Payment, refusal: PaymentRefusal): Promise<LiveEvent[]> {
    payment.status = 'PAID';
    payment.paidAt = new Date();
    const payerId = payment.payer.id;
    await this.ledger.post(em, `unmatched:${payment.id}`, 'UNMATCHED_PAYMENT', { type: PAYMENT_SUBJECT, id: payment.id },
      unmatchedPaymentPostings({ provider: payment.provider, payerId, amount: payment.amount }));
    const amount = formatRupiah(payment.amount);
    return [
      ...(await adminIds(em)).map((a) => this.notifications.notify(em, a, 'PAYMENT_UNMATCHED',
        `Pembayaran ${payment.provider} ${payment.id} sebesar ${amount} diterima, tetapi ${refusal.reason}. Dana dicatat sebagai utang kepada pembayar; kembalikan dananya.`, refusal.link)),
      this.notifications.notify(em, payerId, 'PAYMENT_UNMATCHED',
        `Pembayaran ${amount} Anda diterima, tetapi ${refusal.reason}. Dana Anda tidak hilang: dicatat untuk dikembalikan, dan admin sudah diberi tahu.`, refusal.link),
    ];
  }
}
