import { randomBytes } from 'node:crypto';
import { LockMode, type EntityManager } from '@mikro-orm/postgresql';
import {
  applyEscrowEvent, DEFAULT_FEE_SCHEDULE, fundingPostings, normaliseTrackingNumber, quoteEscrowFee, refundPostings,
  releasePostings, splitPostings, validateFeeSchedule, validateSplit, type Courier, type FeeSchedule,
} from '@pasar/domain';
import { AuditLog } from '../admin/audit-log.entity.js';
import { isUuid } from '../catalog/listing.service.js';
import { Photo } from '../catalog/photo.entity.js';
import type { ChatService } from '../chat/chat.service.js';
import { ConversationKind, ConversationParticipant, Conversation } from '../chat/conversation.entity.js';
import type { Config } from '../core/config.js';
import type { AuthedContext, Context } from '../core/context.js';
import { badInput, conflict, forbidden, invalidState, notFound } from '../core/graphql/errors.js';
import { commit, type Outcome } from '../core/commit.js';
import type { Jobs } from '../core/jobs.js';
import type { Live, LiveEvent } from '../core/live.js';
import { adminIds, Role, User } from '../identity/user.entity.js';
import type { LedgerService } from '../ledger/ledger.service.js';
import type { NotificationService } from '../notify/notification.service.js';
import { Payment, type PaymentProviderName } from '../payments/payment.entity.js';
import type { PaymentRefusal } from '../payments/payment.service.js';
import type { PaymentProvider } from '../payments/provider.js';
import { Dispute, DisputeStatus } from '../trade/dispute.entity.js';
import { Shipment } from '../trade/shipment.entity.js';
import { EscrowRoom, type EscrowRole, type EscrowStatus } from './escrow-room.entity.js';
import { FeeScheduleVersion } from './fee-schedule.entity.js';

export const ESCROW_JOBS = { inspection: 'escrow-inspection' } as const;
const SUBJECT = 'ESCROW_ROOM';
const fmt = (n: number) => `Rp ${n.toLocaleString('id-ID')}`;


/**
 * Escrow rooms — rekber (PRODUCT §4, seed 001): the fee quote from the versioned schedule,
 * rooms with their chat, payment through a provider (manual transfer confirmed by an admin,
 * Midtrans or Stripe webhooks), shipping, receipt, release, disputes (release, refund or
 * split), the inspection timeout as a job. Every movement of money is booked in the ledger
 * under an idempotency key; transitions follow packages/domain's ESCROW_TRANSITIONS.
 */
export class EscrowService {
  constructor(
    private readonly config: Config,
    private readonly chat: ChatService,
    private readonly notifications: NotificationService,
    private readonly ledger: LedgerService,
    private readonly providers: Map<PaymentProviderName, PaymentProvider>,
    private readonly live: Live,
    private readonly jobs: Jobs,
  ) {}

  // ---------------------------------------------------------------- fees

  /** The fee schedule in force: the highest stored version, or the default. */
  async schedule(em: EntityManager): Promise<FeeSchedule> {
    const [latest] = await em.find(FeeScheduleVersion, {}, { orderBy: { version: 'desc' }, limit: 1 });
    return latest?.schedule ?? DEFAULT_FEE_SCHEDULE;
  }

  /** escrowFeeQuote: amount, fee, total and schedule version. BAD_USER_INPUT outside the range. */
  async quote(em: EntityManager, amount: number) {
    return quoteEscrowFee(amount, await this.schedule(em));
  }

  /** Admins: stores a new schedule version (version = current + 1); rooms keep the version they were quoted with. */
  async replaceSchedule(ctx: AuthedContext, schedule: Omit<FeeSchedule, 'version'>): Promise<FeeSchedule> {
    return ctx.em.transactional(async (em) => {
      await em.execute('select pg_advisory_xact_lock(?)', [4_200_421]);
      const next = { ...schedule, version: (await this.schedule(em)).version + 1 } as FeeSchedule;
      validateFeeSchedule(next);
      em.persist(new FeeScheduleVersion(next, em.getReference(User, ctx.user.id, { wrapped: true })));
      em.persist(new AuditLog(em.getReference(User, ctx.user.id, { wrapped: true }), 'FEE_SCHEDULE_REPLACED', 'fee_schedule', '00000000-0000-0000-0000-000000000000', { version: next.version }));
      return next;
    });
  }

  // ---------------------------------------------------------------- rooms

  /**
   * createEscrowRoom: the caller opens a room as BUYER or SELLER, with the counterparty by
   * email (an existing member) or left open for the invite link.
   */
  async create(ctx: AuthedContext, input: { role: EscrowRole; counterpartyEmail?: string | null; title: string; description: string; amount: number }): Promise<EscrowRoom> {
    const title = input.title.trim();
    const description = input.description.trim();
    if (title.length < 3 || title.length > 120) throw badInput('The title must be 3–120 characters.', 'title');
    if (description.length > 2000) throw badInput('The description is at most 2000 characters.', 'description');
    const id = await commit(ctx.em, this.live, this.jobs, async (em): Promise<Outcome<string>> => {
      const q = quoteEscrowFee(input.amount, await this.schedule(em));
      let counterparty: User | null = null;
      if (input.counterpartyEmail?.trim()) {
        counterparty = await em.findOne(User, { email: input.counterpartyEmail.trim().toLowerCase() });
        if (!counterparty) throw badInput('No member has this email. Share the invite link instead.', 'counterpartyEmail');
        if (counterparty.id === ctx.user.id) throw badInput('The counterparty must be someone else.', 'counterpartyEmail');
      }
      const participants = [{ userId: ctx.user.id, role: input.role }];
      if (counterparty) participants.push({ userId: counterparty.id, role: input.role === 'BUYER' ? 'SELLER' : 'BUYER' });
      const room = new EscrowRoom({
        inviteCode: randomBytes(9).toString('base64url'), title, description, amount: q.amount, fee: q.fee,
        feeScheduleVersion: q.scheduleVersion, createdBy: em.getReference(User, ctx.user.id, { wrapped: true }),
        conversation: undefined as never,
      });
      const conversation = this.chat.open(em, ConversationKind.ESCROW, title, room.id, participants);
      room.conversation = em.getReference(Conversation, conversation.id, { wrapped: true });
      const me = em.getReference(User, ctx.user.id, { wrapped: true });
      const them = counterparty ? em.getReference(User, counterparty.id, { wrapped: true }) : undefined;
      if (input.role === 'BUYER') Object.assign(room, { buyer: me, seller: them });
      else Object.assign(room, { seller: me, buyer: them });
      em.persist(room);
      const audience = participants.map((p) => p.userId);
      const events: LiveEvent[] = [this.chat.system(em, conversation.id, 'ESCROW_CREATED', audience), { topic: 'ESCROW', roomId: room.id, audience }];
      if (counterparty) events.push(this.notifications.notify(em, counterparty.id, 'ESCROW_INVITED', `${ctx.user.displayName} mengajak Anda ke rekber "${title}" (${fmt(q.total)}).`, `/rekber/${room.id}`));
      return { value: room.id, events };
    });
    return this.reload(ctx, id);
  }

  /** joinEscrowRoom: the counterparty joins through the invite code. CONFLICT when the room is full. */
  async join(ctx: AuthedContext, inviteCode: string): Promise<EscrowRoom> {
    const id = await commit(ctx.em, this.live, this.jobs, async (em): Promise<Outcome<string>> => {
      const room = await em.findOne(EscrowRoom, { inviteCode }, { lockMode: LockMode.PESSIMISTIC_WRITE });
      if (!room) throw notFound('Escrow room');
      if (room.buyer?.id === ctx.user.id || room.seller?.id === ctx.user.id) return { value: room.id, events: [] };
      if (room.status !== 'AWAITING_PAYMENT') throw invalidState('This room can no longer be joined.');
      const role: EscrowRole = room.buyer ? 'SELLER' : 'BUYER';
      if (room.buyer && room.seller) throw conflict('This room already has both parties.');
      room[role === 'BUYER' ? 'buyer' : 'seller'] = em.getReference(User, ctx.user.id, { wrapped: true });
      em.persist(new ConversationParticipant(room.conversation, em.getReference(User, ctx.user.id, { wrapped: true }), role));
      const audience = this.parties(room);
      return {
        value: room.id,
        events: [
          this.chat.system(em, room.conversation.id, 'ESCROW_JOINED', audience),
          this.notifications.notify(em, room.createdBy.id, 'ESCROW_JOINED', `${ctx.user.displayName} bergabung ke rekber "${room.title}".`, `/rekber/${room.id}`),
          { topic: 'ESCROW', roomId: room.id, audience },
        ],
      };
    });
    return this.reload(ctx, id);
  }

  /** payEscrowRoom: the buyer starts a payment of the total with a provider (default MANUAL_TRANSFER). */
  async pay(ctx: AuthedContext, roomId: string, providerName: PaymentProviderName): Promise<Payment> {
    const provider = this.providers.get(providerName);
    if (!provider) throw badInput(`${providerName} is not configured.`, 'provider');
    const em = ctx.em.fork();
    const room = await this.roomFor(em, roomId, ctx.user);
    if (room.buyer?.id !== ctx.user.id) throw forbidden('Only the buyer pays.');
    if (!room.seller) throw invalidState('Wait until the seller has joined.');
    if (room.status !== 'AWAITING_PAYMENT') throw invalidState(`The room is ${room.status}.`);
    const payment = new Payment(SUBJECT, room.id, em.getReference(User, ctx.user.id, { wrapped: true }), providerName, room.total);
    const created = await provider.createPayment({ orderId: payment.id, amount: room.total, description: room.title, customer: { name: ctx.user.displayName, email: ctx.user.email } });
    Object.assign(payment, { externalId: created.externalId ?? undefined, redirectUrl: created.redirectUrl, clientSecret: created.clientSecret });
    await em.persistAndFlush(payment);
    this.live.publish([{ topic: 'ESCROW', roomId: room.id, audience: this.parties(room) }]);
    return payment;
  }

  /** confirmEscrowPayment (admins): a manual transfer arrived; the room is FUNDED (once). */
  async confirmManualPayment(ctx: AuthedContext, roomId: string): Promise<EscrowRoom> {
    await commit(ctx.em, this.live, this.jobs, async (em): Promise<Outcome<null>> => {
      const room = await this.lock(em, roomId);
      const payment = await em.findOne(Payment, { subjectType: SUBJECT, subjectId: room.id, provider: 'MANUAL_TRANSFER', status: 'PENDING' }, { orderBy: { createdAt: 'desc' } });
      if (!payment) throw invalidState('There is no pending manual transfer for this room.');
      const events = await this.fund(em, room, payment);
      em.persist(new AuditLog(em.getReference(User, ctx.user.id, { wrapped: true }), 'ESCROW_PAYMENT_CONFIRMED', 'escrow_room', room.id, { paymentId: payment.id, amount: payment.amount }));
      return { value: null, events };
    });
    return this.reload(ctx, roomId);
  }

  /**
   * Payment handlers of escrow rooms, registered with the PaymentService (webhooks). A room that
   * is no longer AWAITING_PAYMENT (an admin confirmed a manual transfer, another payment came
   * first, it was cancelled) refuses the payment; the PaymentService then books it as owed back
   * to the buyer (UNMATCHED_PAYMENT).
   */
  readonly paymentHandler = {
    refusal: async (em: EntityManager, payment: Payment): Promise<PaymentRefusal | null> => {
      const room = await this.lock(em, payment.subjectId);
      const link = `/rekber/${room.id}`;
      if (room.status !== 'AWAITING_PAYMENT') return { reason: `rekber "${room.title}" sudah ${room.status}`, link };
      if (payment.amount !== room.total) return { reason: `total rekber "${room.title}" adalah ${fmt(room.total)}`, link };
      return null;
    },
    paid: async (em: EntityManager, payment: Payment): Promise<LiveEvent[]> => this.fund(em, await this.lock(em, payment.subjectId), payment),
    failed: async (em: EntityManager, payment: Payment): Promise<LiveEvent[]> => {
      const room = await em.findOneOrFail(EscrowRoom, payment.subjectId);
      return [{ topic: 'ESCROW', roomId: room.id, audience: this.parties(room) }];
    },
    /** Only admins confirm a room's manual transfer, and they see every receipt anyway. */
    mayReview: async () => false,
    /** Admins confirm a room's manual transfer (confirmEscrowPayment). */
    reviewers: async (em: EntityManager, payment: Payment) => {
      const room = await em.findOneOrFail(EscrowRoom, payment.subjectId);
      const admins = await adminIds(em);
      return { userIds: admins, link: '/admin/rekber', events: [{ topic: 'ESCROW' as const, roomId: room.id, audience: [...this.parties(room), ...admins] }] };
    },
  };

  /** The seller ships with a courier and resi; the inspection period starts (default 3 days). */
  async ship(ctx: AuthedContext, roomId: string, input: { courier: Courier; trackingNumber: string }): Promise<EscrowRoom> {
    const trackingNumber = normaliseTrackingNumber(input.courier, input.trackingNumber);
    await commit(ctx.em, this.live, this.jobs, async (em): Promise<Outcome<null>> => {
      const room = await this.lock(em, roomId, ctx.user);
      if (room.seller?.id !== ctx.user.id) throw forbidden('Only the seller ships.');
      room.status = applyEscrowEvent(room.status, { type: 'SHIP' });
      room.shippedAt = new Date();
      room.inspectionEndsAt = new Date(Date.now() + this.config.escrow.inspectionSeconds * 1000);
      em.persist(new Shipment({ tradeType: 'ESCROW_ROOM', tradeId: room.id, sender: room.seller!, recipient: room.buyer!, courier: input.courier, trackingNumber }));
      const audience = this.parties(room);
      return {
        value: null,
        events: [
          this.chat.system(em, room.conversation.id, 'ESCROW_SHIPPED', audience),
          this.notifications.notify(em, room.buyer!.id, 'ESCROW_SHIPPED', `Penjual sudah mengirim (resi ${trackingNumber}). Periksa barang lalu konfirmasi.`, `/rekber/${room.id}`),
          { topic: 'ESCROW', roomId: room.id, audience },
        ],
        jobs: [[ESCROW_JOBS.inspection, room.id, room.inspectionEndsAt]],
      };
    });
    return this.reload(ctx, roomId);
  }

  /**
   * confirmEscrowReceived (buyer): COMPLETED and at once RELEASED — the amount to the seller,
   * the fee to income. Concurrent confirmations release exactly once (row lock + ledger key).
   */
  async confirmReceived(ctx: AuthedContext, roomId: string): Promise<EscrowRoom> {
    await commit(ctx.em, this.live, this.jobs, async (em): Promise<Outcome<null>> => {
      const room = await this.lock(em, roomId, ctx.user);
      if (room.buyer?.id !== ctx.user.id) throw forbidden('Only the buyer confirms receipt.');
      room.status = applyEscrowEvent(room.status, { type: 'CONFIRM_RECEIVED' });
      await em.nativeUpdate(Shipment, { tradeType: 'ESCROW_ROOM', tradeId: room.id, receivedAt: null }, { receivedAt: new Date() });
      return { value: null, events: await this.release(em, room, 'ESCROW_RECEIVED') };
    });
    return this.reload(ctx, roomId);
  }

  /** The inspection job: a SHIPPED room whose period ended, with no open dispute, completes and releases. */
  async inspectionTimeout(root: EntityManager, roomId: string): Promise<void> {
    await commit(root, this.live, this.jobs, async (em) => {
      const room = await em.findOne(EscrowRoom, roomId, { lockMode: LockMode.PESSIMISTIC_WRITE });
      if (!room || room.status !== 'SHIPPED' || !room.inspectionEndsAt || room.inspectionEndsAt > new Date()) return { value: null, events: [] };
      room.status = applyEscrowEvent(room.status, { type: 'INSPECTION_TIMEOUT' });
      return { value: null, events: await this.release(em, room, 'ESCROW_AUTO_COMPLETED') };
    });
  }

  /** cancelEscrowRoom: either party (or an admin) before funding. */
  async cancel(ctx: AuthedContext, roomId: string): Promise<EscrowRoom> {
    await commit(ctx.em, this.live, this.jobs, async (em): Promise<Outcome<null>> => {
      const room = await this.lock(em, roomId, ctx.user);
      const by = room.buyer?.id === ctx.user.id ? 'BUYER' : room.seller?.id === ctx.user.id ? 'SELLER' : 'ADMIN';
      room.status = applyEscrowEvent(room.status, { type: 'CANCEL', by });
      room.closedAt = new Date();
      const audience = this.parties(room);
      return { value: null, events: [this.chat.system(em, room.conversation.id, 'ESCROW_CANCELLED', audience), { topic: 'ESCROW', roomId: room.id, audience }] };
    });
    return this.reload(ctx, roomId);
  }

  /** Either party, after funding and before release: DISPUTED; admins are told and may read the chat. */
  async openDispute(ctx: AuthedContext, roomId: string, reason: string): Promise<EscrowRoom> {
    const why = reason.trim();
    if (why.length < 10 || why.length > 2000) throw badInput('Describe the problem in 10–2000 characters.', 'reason');
    await commit(ctx.em, this.live, this.jobs, async (em): Promise<Outcome<null>> => {
      const room = await this.lock(em, roomId, ctx.user);
      if (room.buyer?.id !== ctx.user.id && room.seller?.id !== ctx.user.id) throw forbidden('Only the parties open a dispute.');
      room.status = applyEscrowEvent(room.status, { type: 'OPEN_DISPUTE' });
      em.persist(new Dispute('ESCROW_ROOM', room.id, em.getReference(User, ctx.user.id, { wrapped: true }), why, room.conversation));
      const audience = this.parties(room);
      const admins = await adminIds(em);
      return {
        value: null,
        events: [
          this.chat.system(em, room.conversation.id, 'DISPUTE_OPENED', audience),
          ...admins.map((a) => this.notifications.notify(em, a, 'DISPUTE_OPENED', `Sengketa rekber "${room.title}": ${why.slice(0, 80)}`, `/admin/rekber`)),
          { topic: 'ESCROW', roomId: room.id, audience: [...audience, ...admins] },
        ],
      };
    });
    return this.reload(ctx, roomId);
  }

  /** Admins decide a disputed room: RELEASE, REFUND, or SPLIT whose parts add up to the held amount. Audited. */
  async resolveDispute(ctx: AuthedContext, roomId: string, input: { outcome: 'RELEASE' | 'REFUND' | 'SPLIT'; toSeller?: number | null; toBuyer?: number | null; note: string }): Promise<EscrowRoom> {
    const note = input.note.trim();
    if (note.length < 5 || note.length > 2000) throw badInput('Write a note of 5–2000 characters for both parties.', 'note');
    await commit(ctx.em, this.live, this.jobs, async (em): Promise<Outcome<null>> => {
      const room = await this.lock(em, roomId);
      if (input.outcome === 'SPLIT') validateSplit(room.amount, input.toSeller ?? -1, input.toBuyer ?? -1);
      room.status = applyEscrowEvent(room.status, { type: 'RESOLVE', outcome: input.outcome });
      const dispute = await em.findOneOrFail(Dispute, { tradeType: 'ESCROW_ROOM', tradeId: room.id, status: DisputeStatus.OPEN });
      Object.assign(dispute, { status: DisputeStatus.RESOLVED, outcome: input.outcome, resolutionNote: note, resolvedAt: new Date(), resolvedBy: em.getReference(User, ctx.user.id, { wrapped: true }) });
      em.persist(new AuditLog(em.getReference(User, ctx.user.id, { wrapped: true }), 'DISPUTE_RESOLVED', 'escrow_room', room.id, { ...input }));
      const subject = { type: SUBJECT, id: room.id };
      const m = { amount: room.amount, fee: room.fee };
      if (input.outcome === 'RELEASE') await this.ledger.post(em, `release:${room.id}`, 'RELEASE', subject, releasePostings({ sellerId: room.seller!.id, ...m }));
      else if (input.outcome === 'REFUND') await this.ledger.post(em, `refund:${room.id}`, 'REFUND', subject, refundPostings({ buyerId: room.buyer!.id, ...m }));
      else await this.ledger.post(em, `split:${room.id}`, 'SPLIT', subject, splitPostings({ sellerId: room.seller!.id, buyerId: room.buyer!.id, ...m, toSeller: input.toSeller!, toBuyer: input.toBuyer! }));
      room.closedAt = new Date();
      if (input.outcome === 'RELEASE') room.releasedAt = room.closedAt;
      const audience = this.parties(room);
      return {
        value: null,
        events: [
          this.chat.system(em, room.conversation.id, `ESCROW_RESOLVED_${input.outcome}`, audience),
          ...audience.map((u) => this.notifications.notify(em, u, 'DISPUTE_RESOLVED', `Admin memutuskan sengketa rekber: ${input.outcome}. Catatan: ${note}`, `/rekber/${room.id}`)),
          { topic: 'ESCROW', roomId: room.id, audience: [...audience, ...(await adminIds(em))] },
        ],
      };
    });
    return this.reload(ctx, roomId);
  }

  /** A room the caller is party to (admins: any). */
  async get(ctx: AuthedContext, id: string): Promise<EscrowRoom> {
    return this.roomFor(ctx.em, id, ctx.user);
  }

  /** A room by invite code (to show before joining): title, amount, fee, who invited. */
  async byInvite(ctx: AuthedContext, code: string): Promise<EscrowRoom> {
    const room = await ctx.em.findOne(EscrowRoom, { inviteCode: code });
    if (!room) throw notFound('Escrow room');
    return room;
  }

  /** The caller's rooms, latest activity first. */
  mine(ctx: AuthedContext, status: EscrowStatus | null | undefined, first: number): Promise<EscrowRoom[]> {
    if (!Number.isInteger(first) || first < 1 || first > 100) throw badInput('first must be 1–100.', 'first');
    return ctx.em.find(EscrowRoom, { $or: [{ buyer: ctx.user.id }, { seller: ctx.user.id }], ...(status ? { status } : {}) }, { orderBy: { updatedAt: 'desc', id: 'desc' }, limit: first });
  }

  /** Admins: rooms waiting for a manual confirmation or in dispute. */
  async needingAttention(ctx: AuthedContext): Promise<EscrowRoom[]> {
    return ctx.em.find(EscrowRoom, { $or: [{ status: 'DISPUTED' }, { status: 'AWAITING_PAYMENT', id: { $in: await this.roomsWithProof(ctx.em) } }] }, { orderBy: { updatedAt: 'asc' } });
  }

  /** Runs overdue inspection timeouts (the minute sweep). */
  async sweep(em: EntityManager): Promise<void> {
    for (const r of await em.fork().find(EscrowRoom, { status: 'SHIPPED', inspectionEndsAt: { $lte: new Date() } }, { fields: ['id'], limit: 500 })) {
      await this.inspectionTimeout(em, r.id);
    }
  }

  parties(room: EscrowRoom): string[] {
    return [room.buyer?.id, room.seller?.id].filter((x): x is string => !!x);
  }

  // ---------------------------------------------------------------- helpers

  private async fund(em: EntityManager, room: EscrowRoom, payment: Payment): Promise<LiveEvent[]> {
    if (payment.amount !== room.total) throw conflict('The payment does not match the room total.');
    room.status = applyEscrowEvent(room.status, { type: 'CONFIRM_PAYMENT' });
    room.fundedAt = new Date();
    payment.status = 'PAID';
    payment.paidAt = new Date();
    await this.ledger.post(em, `fund:${room.id}`, 'FUND', { type: SUBJECT, id: room.id }, fundingPostings({ provider: payment.provider, amount: room.amount, fee: room.fee }));
    const audience = this.parties(room);
    return [
      this.chat.system(em, room.conversation.id, 'ESCROW_FUNDED', audience),
      this.notifications.notify(em, room.seller!.id, 'ESCROW_FUNDED', `Dana rekber "${room.title}" sudah diterima platform. Silakan kirim barang.`, `/rekber/${room.id}`),
      { topic: 'ESCROW', roomId: room.id, audience },
    ];
  }

  private async release(em: EntityManager, room: EscrowRoom, systemEvent: string): Promise<LiveEvent[]> {
    room.status = applyEscrowEvent(room.status, { type: 'RELEASE' });
    room.releasedAt = new Date();
    room.closedAt = room.releasedAt;
    await this.ledger.post(em, `release:${room.id}`, 'RELEASE', { type: SUBJECT, id: room.id }, releasePostings({ sellerId: room.seller!.id, amount: room.amount, fee: room.fee }));
    const audience = this.parties(room);
    return [
      this.chat.system(em, room.conversation.id, systemEvent, audience),
      this.chat.system(em, room.conversation.id, 'ESCROW_RELEASED', audience),
      this.notifications.notify(em, room.seller!.id, 'ESCROW_RELEASED', `Dana ${fmt(room.amount)} dari rekber "${room.title}" sudah dilepas ke Anda.`, `/rekber/${room.id}`),
      { topic: 'ESCROW', roomId: room.id, audience },
    ];
  }

  private async roomsWithProof(em: EntityManager): Promise<string[]> {
    const rows = await em.execute<{ subject_id: string }[]>(`select distinct subject_id from payments where subject_type = ? and provider = 'MANUAL_TRANSFER' and status = 'PENDING' and proof_id is not null`, [SUBJECT]);
    return rows.map((r) => r.subject_id);
  }


  private async roomFor(em: EntityManager, id: string, user: User): Promise<EscrowRoom> {
    const room = isUuid(id) ? await em.findOne(EscrowRoom, id) : null;
    if (!room) throw notFound('Escrow room');
    if (room.buyer?.id !== user.id && room.seller?.id !== user.id && user.role !== Role.ADMIN) throw forbidden('This room is between other members.');
    return room;
  }

  private async lock(em: EntityManager, id: string, user?: User): Promise<EscrowRoom> {
    const room = isUuid(id) ? await em.findOne(EscrowRoom, id, { lockMode: LockMode.PESSIMISTIC_WRITE }) : null;
    if (!room) throw notFound('Escrow room');
    if (user && room.buyer?.id !== user.id && room.seller?.id !== user.id && user.role !== Role.ADMIN) throw forbidden('This room is between other members.');
    return room;
  }


  private reload(ctx: Context, id: string): Promise<EscrowRoom> {
    return ctx.em.fork().findOneOrFail(EscrowRoom, id);
  }
}
