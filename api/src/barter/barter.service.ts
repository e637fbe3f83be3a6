import { randomUUID } from 'node:crypto';
import { LockMode, type EntityManager } from '@mikro-orm/postgresql';
import {
  applyDealEvent, applyOfferAction, normaliseTrackingNumber, OFFER_RULES, offerBalance, suggestTopUp, validateOfferTerms,
  type DealState, type OfferItem as DomainItem, type OfferState,
} from '@pasar/domain';
import { AuditLog } from '../admin/audit-log.entity.js';
import { Listing } from '../catalog/listing.entity.js';
import { ListingKind, ListingStatus } from '../catalog/listing.enums.js';
import { isUuid } from '../catalog/listing.service.js';
import type { ChatService } from '../chat/chat.service.js';
import { Conversation, ConversationKind } from '../chat/conversation.entity.js';
import type { Config } from '../core/config.js';
import type { AuthedContext, Context } from '../core/context.js';
import { badInput, conflict, forbidden, notFound } from '../core/graphql/errors.js';
import { commit, type Outcome } from '../core/commit.js';
import type { Jobs } from '../core/jobs.js';
import type { Live, LiveEvent } from '../core/live.js';
import { adminIds, Role, User } from '../identity/user.entity.js';
import type { NotificationService } from '../notify/notification.service.js';
import { Dispute, DisputeStatus } from '../trade/dispute.entity.js';
import { Shipment } from '../trade/shipment.entity.js';
import type { BarterQuote, DisputeOutcome, OfferBalanceView, OfferTermsInput, ShipmentInput } from './barter.types.js';
import { Deal, DealStatus } from './deal.entity.js';
import { Offer, OfferItem, OfferSide, OfferStatus, TradeParty } from './offer.entity.js';

/** Job names (pg-boss queues). */
export const BARTER_JOBS = { expireOffer: 'offer-expire', shipTimeout: 'deal-ship-timeout', receiptTimeout: 'deal-receipt-timeout' } as const;


const TITLE_MAX = 80;

/** The party `userId` plays in a trade, or null. */
function partyOf(trade: { buyer: { id: string }; seller: { id: string } }, userId: string): TradeParty | null {
  if (trade.buyer.id === userId) return TradeParty.BUYER;
  if (trade.seller.id === userId) return TradeParty.SELLER;
  return null;
}

const other = (p: TradeParty) => (p === TradeParty.BUYER ? TradeParty.SELLER : TradeParty.BUYER);

/**
 * Barter (PRODUCT §3, seed 000): offers and counter-offers with points snapshots, deals that
 * reserve their listings atomically, two shipments and two receipts, disputes decided by an
 * admin, and the timeouts run as jobs. Every transition goes through packages/domain's
 * OFFER_TRANSITIONS / DEAL_TRANSITIONS; live updates and jobs are published after commit.
 */
export class BarterService {
  constructor(
    private readonly config: Config,
    private readonly chat: ChatService,
    private readonly notifications: NotificationService,
    private readonly live: Live,
    private readonly jobs: Jobs,
  ) {}

  // ---------------------------------------------------------------- offers

  /** barterQuote: the balance of proposed terms and, when short, the top-up suggestion from the offering party's listings. */
  async quote(ctx: AuthedContext, wantedIds: string[], offeredIds: string[]): Promise<BarterQuote> {
    const [wanted, offered] = await Promise.all([this.listings(ctx.em, wantedIds, 'wantedListingIds'), this.listings(ctx.em, offeredIds, 'offeredListingIds')]);
    const tolerance = (await ctx.services.reference.barterConfig(ctx.em)).balanceTolerance;
    const balance = offerBalance(offered.map((l) => l.points ?? 0), wanted.map((l) => l.points ?? 0), tolerance);
    const exclude = new Set([...wantedIds, ...offeredIds]);
    // Top-ups come from the offering party: the caller making an offer, or the buyer when
    // the seller counters and asks for more.
    const offeringUserId = offered[0]?.seller.id ?? ctx.user.id;
    const candidates = (await ctx.em.find(Listing, { seller: offeringUserId, kind: ListingKind.BARTER, status: ListingStatus.ACTIVE }))
      .filter((l) => !exclude.has(l.id) && l.points);
    const room = OFFER_RULES.maxItemsPerSide - offered.length;
    const pick = room > 0 ? suggestTopUp({ offered: balance.offered, wanted: balance.wanted, candidates: candidates.map((l) => ({ id: l.id, points: l.points! })), tolerance, maxItems: room }) : null;
    const suggestion = pick ? candidates.filter((l) => pick.ids.includes(l.id)) : [];
    return {
      balance,
      suggestion,
      balanceWithSuggestion: pick ? offerBalance([...offered, ...suggestion].map((l) => l.points ?? 0), wanted.map((l) => l.points ?? 0), tolerance) : null,
    };
  }

  /** makeOffer: the caller (buyer) offers their listings for another member's listings. Opens the trade's conversation. */
  async makeOffer(ctx: AuthedContext, input: OfferTermsInput): Promise<Offer> {
    const out = await commit(ctx.em, this.live, this.jobs, async (em): Promise<Outcome<string>> => {
      const wanted = await this.listings(em, input.wantedListingIds, 'wantedListingIds');
      const offered = await this.listings(em, input.offeredListingIds, 'offeredListingIds');
      const sellerId = wanted[0]?.seller.id;
      this.validateTerms(ctx.user.id, sellerId ?? '', wanted, offered);
      const offerId = randomUUID();
      const title = wanted.map((l) => l.title).join(', ').slice(0, TITLE_MAX);
      const conversation = this.chat.open(em, ConversationKind.BARTER, title, offerId, [
        { userId: ctx.user.id, role: TradeParty.BUYER }, { userId: sellerId!, role: TradeParty.SELLER },
      ]);
      const offer = new Offer(em.getReference(User, ctx.user.id, { wrapped: true }), em.getReference(User, sellerId!, { wrapped: true }),
        em.getReference(Conversation, conversation.id, { wrapped: true }), this.expiry());
      offer.id = offerId;
      em.persist(offer);
      this.addRound(em, offer, 1, wanted, offered);
      const audience = [ctx.user.id, sellerId!];
      const events: LiveEvent[] = [this.chat.system(em, conversation.id, 'OFFER_MADE', audience)];
      if (input.message?.trim()) events.push(this.chat.text(em, conversation.id, ctx.user.id, input.message, audience));
      events.push(this.notifications.notify(em, sellerId!, 'OFFER_RECEIVED', `${ctx.user.displayName} menawarkan barter untuk ${title}.`, `/offers/${offerId}`));
      events.push({ topic: 'OFFER', offerId, audience });
      return { value: offerId, events, jobs: [[BARTER_JOBS.expireOffer, offerId, offer.expiresAt]] };
    });
    return ctx.em.findOneOrFail(Offer, out);
  }

  /** counterOffer: the awaited party proposes other terms; the turn passes to the other party (at most 5 rounds). */
  async counterOffer(ctx: AuthedContext, offerId: string, input: OfferTermsInput): Promise<Offer> {
    await commit(ctx.em, this.live, this.jobs, async (em): Promise<Outcome<null>> => {
      const offer = await this.offerFor(em, offerId, ctx.user);
      const party = this.partyOrForbid(offer, ctx.user.id);
      const next = applyOfferAction(this.offerState(offer), 'COUNTER', party);
      const wanted = await this.listings(em, input.wantedListingIds, 'wantedListingIds');
      const offered = await this.listings(em, input.offeredListingIds, 'offeredListingIds');
      this.validateTerms(offer.buyer.id, offer.seller.id, wanted, offered);
      Object.assign(offer, { round: next.round, awaiting: next.awaiting, expiresAt: this.expiry() });
      this.addRound(em, offer, next.round, wanted, offered);
      const audience = [offer.buyer.id, offer.seller.id];
      const events: LiveEvent[] = [this.chat.system(em, offer.conversation.id, 'OFFER_COUNTERED', audience)];
      if (input.message?.trim()) events.push(this.chat.text(em, offer.conversation.id, ctx.user.id, input.message, audience));
      events.push(this.notifications.notify(em, this.userOf(offer, other(party)), 'OFFER_COUNTERED', `${ctx.user.displayName} mengajukan penawaran balik.`, `/offers/${offer.id}`));
      events.push({ topic: 'OFFER', offerId: offer.id, audience });
      return { value: null, events, jobs: [[BARTER_JOBS.expireOffer, offer.id, offer.expiresAt]] };
    });
    return this.reload(ctx, Offer, offerId);
  }

  /** rejectOffer (the awaited party) or withdrawOffer (the proposer of the current terms). */
  async closeOffer(ctx: AuthedContext, offerId: string, action: 'REJECT' | 'WITHDRAW'): Promise<Offer> {
    await commit(ctx.em, this.live, this.jobs, async (em): Promise<Outcome<null>> => {
      const offer = await this.offerFor(em, offerId, ctx.user);
      const party = this.partyOrForbid(offer, ctx.user.id);
      offer.status = applyOfferAction(this.offerState(offer), action, party).status;
      const event = action === 'REJECT' ? 'OFFER_REJECTED' : 'OFFER_WITHDRAWN';
      const audience = [offer.buyer.id, offer.seller.id];
      return {
        value: null,
        events: [
          this.chat.system(em, offer.conversation.id, event, audience),
          this.notifications.notify(em, this.userOf(offer, other(party)), event, action === 'REJECT' ? 'Penawaran barter Anda ditolak.' : 'Penawaran barter dibatalkan oleh pengirimnya.', `/offers/${offer.id}`),
          { topic: 'OFFER', offerId: offer.id, audience },
        ],
      };
    });
    return this.reload(ctx, Offer, offerId);
  }

  /**
   * acceptOffer: the awaited party accepts. In one transaction every listing of the final
   * terms goes ACTIVE → RESERVED (conditional update: all or CONFLICT), every other pending
   * offer on them is cancelled, and the deal is created. Of two acceptances racing over a
   * shared listing, exactly one wins.
   */
  async acceptOffer(ctx: AuthedContext, offerId: string): Promise<Deal> {
    const dealId = await commit(ctx.em, this.live, this.jobs, async (em): Promise<Outcome<string>> => {
      const offer = await this.offerFor(em, offerId, ctx.user);
      const party = this.partyOrForbid(offer, ctx.user.id);
      offer.status = applyOfferAction(this.offerState(offer), 'ACCEPT', party).status;
      const items = await em.find(OfferItem, { offer: offer.id, round: offer.round });
      const listingIds = items.map((i) => i.listing.id).sort();
      // Lock the listings in one order (by id) before touching any offer row: no deadlocks.
      await em.execute(`select id from listings where id in (?) order by id for update`, [listingIds]);
      const reserved = await em.execute(
        `update listings set status = 'RESERVED', version = version + 1, updated_at = now() where id in (?) and status = 'ACTIVE'`,
        [listingIds], 'run',
      );
      if ((reserved as unknown as { affectedRows: number }).affectedRows !== listingIds.length) {
        throw conflict('An item in this offer is no longer available (reserved, closed or changed).');
      }
      const events: LiveEvent[] = [];
      const others = await em.execute<{ id: string; buyer_id: string; seller_id: string; conversation_id: string }[]>(
        `select distinct o.id, o.buyer_id, o.seller_id, o.conversation_id from offers o
           join offer_items i on i.offer_id = o.id and i.round = o.round
          where o.status = 'PENDING' and o.id <> ? and i.listing_id in (?)`,
        [offer.id, listingIds],
      );
      for (const o of others) {
        const changed = await em.execute(`update offers set status = 'CANCELLED', version = version + 1, updated_at = now() where id = ? and status = 'PENDING'`, [o.id], 'run');
        if ((changed as unknown as { affectedRows: number }).affectedRows !== 1) continue;
        const audience = [o.buyer_id, o.seller_id];
        events.push(this.chat.system(em, o.conversation_id, 'OFFER_CANCELLED', audience));
        events.push(this.notifications.notify(em, o.buyer_id, 'OFFER_CANCELLED', 'Penawaran barter Anda batal: barangnya sudah masuk transaksi lain.', `/offers/${o.id}`));
        events.push({ topic: 'OFFER', offerId: o.id, audience });
      }
      const deal = new Deal(em.getReference(Offer, offer.id, { wrapped: true }), offer.buyer, offer.seller, offer.conversation,
        new Date(Date.now() + this.config.barter.shipWithin * 1000));
      em.persist(deal);
      const audience = [offer.buyer.id, offer.seller.id];
      events.push(this.chat.system(em, offer.conversation.id, 'OFFER_ACCEPTED', audience));
      events.push(this.notifications.notify(em, this.userOf(offer, other(party)), 'OFFER_ACCEPTED', 'Penawaran barter diterima! Kirim barang Anda dan masukkan nomor resi.', `/deals/${deal.id}`));
      events.push({ topic: 'OFFER', offerId: offer.id, audience }, { topic: 'DEAL', dealId: deal.id, audience });
      return { value: deal.id, events, jobs: [[BARTER_JOBS.shipTimeout, deal.id, deal.shipBy]] };
    });
    return this.reload(ctx, Deal, dealId);
  }

  /** An offer the caller is party to (or any, for admins). */
  async offer(ctx: AuthedContext, id: string): Promise<Offer> {
    return this.offerFor(ctx.em, id, ctx.user, false);
  }

  /** The caller's offers, newest activity first; optionally only one status. */
  myOffers(ctx: AuthedContext, status: OfferStatus | null | undefined, first: number): Promise<Offer[]> {
    if (!Number.isInteger(first) || first < 1 || first > 100) throw badInput('first must be 1–100.', 'first');
    return ctx.em.find(Offer, { $or: [{ buyer: ctx.user.id }, { seller: ctx.user.id }], ...(status ? { status } : {}) }, { orderBy: { updatedAt: 'desc', id: 'desc' }, limit: first });
  }

  // ---------------------------------------------------------------- deals

  /** submitShipment: the caller ships their side with a courier and tracking number. SHIPPED once both have. */
  async submitShipment(ctx: AuthedContext, dealId: string, input: ShipmentInput): Promise<Deal> {
    const trackingNumber = normaliseTrackingNumber(input.courier, input.trackingNumber);
    await commit(ctx.em, this.live, this.jobs, async (em): Promise<Outcome<null>> => {
      const deal = await this.dealFor(em, dealId, ctx.user, true);
      const party = this.partyOrForbid(deal, ctx.user.id);
      const shipments = await em.find(Shipment, { tradeType: 'BARTER_DEAL', tradeId: deal.id });
      const next = applyDealEvent(this.dealState(deal, shipments), { type: 'SUBMIT_SHIPMENT', party });
      em.persist(new Shipment({
        tradeType: 'BARTER_DEAL', tradeId: deal.id, sender: em.getReference(User, ctx.user.id, { wrapped: true }),
        recipient: em.getReference(User, this.userOf(deal, other(party)), { wrapped: true }), courier: input.courier, trackingNumber,
      }));
      const audience = [deal.buyer.id, deal.seller.id];
      const events: LiveEvent[] = [this.chat.system(em, deal.conversation.id, 'SHIPMENT_SUBMITTED', audience)];
      const jobs: [string, string, Date][] = [];
      if (next.status === 'SHIPPED') {
        deal.status = DealStatus.SHIPPED;
        deal.confirmBy = new Date(Date.now() + this.config.barter.confirmWithin * 1000);
        events.push(this.chat.system(em, deal.conversation.id, 'DEAL_SHIPPED', audience));
        jobs.push([BARTER_JOBS.receiptTimeout, deal.id, deal.confirmBy]);
      }
      events.push(this.notifications.notify(em, this.userOf(deal, other(party)), 'SHIPMENT_SUBMITTED', `${ctx.user.displayName} sudah mengirim barangnya (resi ${trackingNumber}).`, `/deals/${deal.id}`));
      events.push({ topic: 'DEAL', dealId: deal.id, audience });
      deal.updatedAt = new Date();
      return { value: null, events, jobs };
    });
    return this.reload(ctx, Deal, dealId);
  }

  /** confirmReceipt: the caller confirms receiving the other party's parcel. COMPLETED (listings CLOSED) once both have. */
  async confirmReceipt(ctx: AuthedContext, dealId: string): Promise<Deal> {
    await commit(ctx.em, this.live, this.jobs, async (em): Promise<Outcome<null>> => {
      const deal = await this.dealFor(em, dealId, ctx.user, true);
      const party = this.partyOrForbid(deal, ctx.user.id);
      const shipments = await em.find(Shipment, { tradeType: 'BARTER_DEAL', tradeId: deal.id });
      const next = applyDealEvent(this.dealState(deal, shipments), { type: 'CONFIRM_RECEIPT', party });
      const mine = shipments.find((s) => s.recipient.id === ctx.user.id)!;
      mine.receivedAt = new Date();
      const audience = [deal.buyer.id, deal.seller.id];
      const events: LiveEvent[] = [this.chat.system(em, deal.conversation.id, 'RECEIPT_CONFIRMED', audience)];
      if (next.status === 'COMPLETED') events.push(...(await this.complete(em, deal, 'DEAL_COMPLETED')));
      else events.push(this.notifications.notify(em, this.userOf(deal, other(party)), 'RECEIPT_CONFIRMED', `${ctx.user.displayName} sudah menerima barang Anda.`, `/deals/${deal.id}`));
      events.push({ topic: 'DEAL', dealId: deal.id, audience });
      deal.updatedAt = new Date();
      return { value: null, events };
    });
    return this.reload(ctx, Deal, dealId);
  }

  /** openDispute: either party, before completion. Admins are notified and may read the conversation. */
  async openDispute(ctx: AuthedContext, dealId: string, reason: string): Promise<Deal> {
    const why = reason.trim();
    if (why.length < 10 || why.length > 2000) throw badInput('Describe the problem in 10–2000 characters.', 'reason');
    await commit(ctx.em, this.live, this.jobs, async (em): Promise<Outcome<null>> => {
      const deal = await this.dealFor(em, dealId, ctx.user, true);
      const party = this.partyOrForbid(deal, ctx.user.id);
      const shipments = await em.find(Shipment, { tradeType: 'BARTER_DEAL', tradeId: deal.id });
      applyDealEvent(this.dealState(deal, shipments), { type: 'OPEN_DISPUTE', party });
      deal.statusBeforeDispute = deal.status;
      deal.status = DealStatus.DISPUTED;
      em.persist(new Dispute('BARTER_DEAL', deal.id, em.getReference(User, ctx.user.id, { wrapped: true }), why, deal.conversation));
      const audience = [deal.buyer.id, deal.seller.id];
      const admins = await adminIds(em);
      const events: LiveEvent[] = [
        this.chat.system(em, deal.conversation.id, 'DISPUTE_OPENED', audience),
        this.notifications.notify(em, this.userOf(deal, other(party)), 'DISPUTE_OPENED', `${ctx.user.displayName} membuka sengketa. Admin akan menengahi.`, `/deals/${deal.id}`),
        // Admins follow a disputed deal live too.
        { topic: 'DEAL', dealId: deal.id, audience: [...audience, ...admins] },
      ];
      for (const adminId of admins) {
        events.push(this.notifications.notify(em, adminId, 'DISPUTE_OPENED', `Sengketa baru pada barter: ${why.slice(0, 80)}`, `/admin/deals/${deal.id}`));
      }
      return { value: null, events };
    });
    return this.reload(ctx, Deal, dealId);
  }

  /** resolveDispute (admins): COMPLETE (listings CLOSED) or CANCEL (listings ACTIVE again), with a note both parties see. Audited. */
  async resolveDispute(ctx: AuthedContext, dealId: string, outcome: DisputeOutcome, note: string): Promise<Deal> {
    const text = note.trim();
    if (text.length < 5 || text.length > 2000) throw badInput('Write a note of 5–2000 characters for both parties.', 'note');
    await commit(ctx.em, this.live, this.jobs, async (em): Promise<Outcome<null>> => {
      const deal = await this.dealFor(em, dealId, ctx.user, true);
      const shipments = await em.find(Shipment, { tradeType: 'BARTER_DEAL', tradeId: deal.id });
      applyDealEvent(this.dealState(deal, shipments), { type: 'RESOLVE_DISPUTE', outcome });
      const dispute = await em.findOneOrFail(Dispute, { tradeType: 'BARTER_DEAL', tradeId: deal.id, status: DisputeStatus.OPEN });
      Object.assign(dispute, { status: DisputeStatus.RESOLVED, outcome, resolutionNote: text, resolvedAt: new Date(), resolvedBy: em.getReference(User, ctx.user.id, { wrapped: true }) });
      em.persist(new AuditLog(em.getReference(User, ctx.user.id, { wrapped: true }), 'DISPUTE_RESOLVED', 'deal', deal.id, { outcome, note: text }));
      const audience = [deal.buyer.id, deal.seller.id];
      const events: LiveEvent[] = [this.chat.system(em, deal.conversation.id, `DISPUTE_RESOLVED_${outcome}`, audience)];
      events.push(...(outcome === 'COMPLETE' ? await this.complete(em, deal, null) : await this.cancel(em, deal, null)));
      for (const userId of audience) {
        events.push(this.notifications.notify(em, userId, 'DISPUTE_RESOLVED', `Admin memutuskan sengketa: ${outcome === 'COMPLETE' ? 'barter selesai' : 'barter dibatalkan'}. Catatan: ${text}`, `/deals/${deal.id}`));
      }
      events.push({ topic: 'DEAL', dealId: deal.id, audience: [...audience, ...(await adminIds(em))] });
      return { value: null, events };
    });
    return this.reload(ctx, Deal, dealId);
  }

  /** A deal the caller is party to (or any, for admins). */
  async deal(ctx: AuthedContext, id: string): Promise<Deal> {
    return this.dealFor(ctx.em, id, ctx.user, false);
  }

  /** The caller's deals (admins: `disputedOnly` lists every DISPUTED deal). */
  myDeals(ctx: AuthedContext, status: DealStatus | null | undefined, first: number): Promise<Deal[]> {
    if (!Number.isInteger(first) || first < 1 || first > 100) throw badInput('first must be 1–100.', 'first');
    return ctx.em.find(Deal, { $or: [{ buyer: ctx.user.id }, { seller: ctx.user.id }], ...(status ? { status } : {}) }, { orderBy: { updatedAt: 'desc', id: 'desc' }, limit: first });
  }

  /** Admins: deals with an open dispute, oldest first. */
  disputedDeals(ctx: AuthedContext): Promise<Deal[]> {
    return ctx.em.find(Deal, { status: DealStatus.DISPUTED }, { orderBy: { updatedAt: 'asc' } });
  }

  // ---------------------------------------------------------------- jobs (idempotent)

  /** Expires a PENDING offer whose answer is overdue; anything else: nothing. */
  async expireOffer(em: EntityManager, offerId: string): Promise<void> {
    await this.run(em, async (tx) => {
      const offer = await tx.findOne(Offer, offerId, { lockMode: LockMode.PESSIMISTIC_WRITE });
      if (!offer || offer.status !== OfferStatus.PENDING || offer.expiresAt > new Date()) return [];
      offer.status = applyOfferAction(this.offerState(offer), 'EXPIRE', 'SYSTEM').status;
      const audience = [offer.buyer.id, offer.seller.id];
      return [
        this.chat.system(tx, offer.conversation.id, 'OFFER_EXPIRED', audience),
        ...audience.map((u) => this.notifications.notify(tx, u, 'OFFER_EXPIRED', 'Penawaran barter kedaluwarsa karena tidak dijawab dalam 48 jam.', `/offers/${offer.id}`)),
        { topic: 'OFFER', offerId: offer.id, audience } as LiveEvent,
      ];
    });
  }

  /** Cancels a deal still awaiting a shipment after its deadline; the listings become ACTIVE again. */
  async shipTimeout(em: EntityManager, dealId: string): Promise<void> {
    await this.run(em, async (tx) => {
      const deal = await tx.findOne(Deal, dealId, { lockMode: LockMode.PESSIMISTIC_WRITE });
      if (!deal || deal.status !== DealStatus.AWAITING_SHIPMENT || deal.shipBy > new Date()) return [];
      const shipments = await tx.find(Shipment, { tradeType: 'BARTER_DEAL', tradeId: deal.id });
      applyDealEvent(this.dealState(deal, shipments), { type: 'SHIPPING_TIMEOUT' });
      const audience = [deal.buyer.id, deal.seller.id];
      return [
        this.chat.system(tx, deal.conversation.id, 'DEAL_CANCELLED_NOT_SHIPPED', audience),
        ...(await this.cancel(tx, deal, 'Barter dibatalkan: barang tidak dikirim dalam batas waktu.')),
        { topic: 'DEAL', dealId: deal.id, audience } as LiveEvent,
      ];
    });
  }

  /** Completes a SHIPPED deal whose receipts are overdue (auto-confirm). */
  async receiptTimeout(em: EntityManager, dealId: string): Promise<void> {
    await this.run(em, async (tx) => {
      const deal = await tx.findOne(Deal, dealId, { lockMode: LockMode.PESSIMISTIC_WRITE });
      if (!deal || deal.status !== DealStatus.SHIPPED || !deal.confirmBy || deal.confirmBy > new Date()) return [];
      const shipments = await tx.find(Shipment, { tradeType: 'BARTER_DEAL', tradeId: deal.id });
      applyDealEvent(this.dealState(deal, shipments), { type: 'RECEIPT_TIMEOUT' });
      for (const s of shipments) s.receivedAt ??= new Date();
      const audience = [deal.buyer.id, deal.seller.id];
      return [...(await this.complete(tx, deal, 'DEAL_AUTO_COMPLETED')), { topic: 'DEAL', dealId: deal.id, audience } as LiveEvent];
    });
  }

  /** Runs every overdue timeout (the minute sweep; also catches jobs lost before scheduling). */
  async sweep(em: EntityManager): Promise<void> {
    const now = new Date();
    for (const o of await em.fork().find(Offer, { status: OfferStatus.PENDING, expiresAt: { $lte: now } }, { fields: ['id'], limit: 500 })) await this.expireOffer(em, o.id);
    for (const d of await em.fork().find(Deal, { status: DealStatus.AWAITING_SHIPMENT, shipBy: { $lte: now } }, { fields: ['id'], limit: 500 })) await this.shipTimeout(em, d.id);
    for (const d of await em.fork().find(Deal, { status: DealStatus.SHIPPED, confirmBy: { $lte: now } }, { fields: ['id'], limit: 500 })) await this.receiptTimeout(em, d.id);
  }

  // ---------------------------------------------------------------- helpers

  /** The domain state of a deal from its row and shipments. */
  dealState(deal: Deal, shipments: Shipment[]): DealState {
    const sentBy = (p: TradeParty) => shipments.find((s) => s.sender.id === this.userOf(deal, p));
    const receivedBy = (p: TradeParty) => shipments.find((s) => s.recipient.id === this.userOf(deal, p))?.receivedAt != null;
    return {
      status: deal.status,
      shipped: { BUYER: !!sentBy(TradeParty.BUYER), SELLER: !!sentBy(TradeParty.SELLER) },
      received: { BUYER: receivedBy(TradeParty.BUYER), SELLER: receivedBy(TradeParty.SELLER) },
    };
  }

  /** The balance of one round's items. */
  balanceOf(items: OfferItem[], tolerance: number): OfferBalanceView {
    return offerBalance(items.filter((i) => i.side === OfferSide.OFFERED).map((i) => i.points), items.filter((i) => i.side === OfferSide.WANTED).map((i) => i.points), tolerance);
  }

  /** The party a user plays, or null. */
  partyOf(trade: Offer | Deal, userId: string): TradeParty | null {
    return partyOf(trade, userId);
  }

  private async complete(em: EntityManager, deal: Deal, systemEvent: string | null): Promise<LiveEvent[]> {
    deal.status = DealStatus.COMPLETED;
    deal.completedAt = new Date();
    await em.execute(`update listings set status = 'CLOSED', version = version + 1, updated_at = now() where id in (?) and status = 'RESERVED'`, [await this.dealListingIds(em, deal)]);
    const audience = [deal.buyer.id, deal.seller.id];
    const events: LiveEvent[] = systemEvent ? [this.chat.system(em, deal.conversation.id, systemEvent, audience)] : [];
    if (systemEvent) for (const u of audience) events.push(this.notifications.notify(em, u, 'DEAL_COMPLETED', 'Barter selesai. Terima kasih!', `/deals/${deal.id}`));
    return events;
  }

  private async cancel(em: EntityManager, deal: Deal, notice: string | null): Promise<LiveEvent[]> {
    deal.status = DealStatus.CANCELLED;
    deal.cancelledAt = new Date();
    await em.execute(`update listings set status = 'ACTIVE', version = version + 1, updated_at = now() where id in (?) and status = 'RESERVED'`, [await this.dealListingIds(em, deal)]);
    return notice ? [deal.buyer.id, deal.seller.id].map((u) => this.notifications.notify(em, u, 'DEAL_CANCELLED', notice, `/deals/${deal.id}`)) : [];
  }

  private async dealListingIds(em: EntityManager, deal: Deal): Promise<string[]> {
    const offer = await em.findOneOrFail(Offer, deal.offer.id);
    return (await em.find(OfferItem, { offer: offer.id, round: offer.round })).map((i) => i.listing.id);
  }


  private addRound(em: EntityManager, offer: Offer, round: number, wanted: Listing[], offered: Listing[]): void {
    const ref = em.getReference(Offer, offer.id, { wrapped: true });
    for (const l of wanted) em.persist(new OfferItem(ref, round, OfferSide.WANTED, em.getReference(Listing, l.id, { wrapped: true }), l.points!));
    for (const l of offered) em.persist(new OfferItem(ref, round, OfferSide.OFFERED, em.getReference(Listing, l.id, { wrapped: true }), l.points!));
  }

  private validateTerms(buyerId: string, sellerId: string, wanted: Listing[], offered: Listing[]): void {
    const asItem = (l: Listing): DomainItem => ({
      id: l.id, ownerId: l.seller.id, kind: l.kind, status: l.status, points: l.points ?? null, inOpenDeal: l.status === ListingStatus.RESERVED,
    });
    validateOfferTerms({ buyerId, sellerId, wanted: wanted.map(asItem), offered: offered.map(asItem) });
  }

  /** Listings by id, in the given order; BAD_USER_INPUT naming `field` when one does not exist. */
  private async listings(em: EntityManager, ids: string[], field: string): Promise<Listing[]> {
    if (!ids.every(isUuid)) throw badInput('A listing id is not valid.', field);
    const found = await em.find(Listing, { id: { $in: ids } });
    const byId = new Map(found.map((l) => [l.id, l]));
    const missing = ids.find((id) => !byId.has(id));
    if (missing) throw badInput('A listing in the offer does not exist.', field);
    return ids.map((id) => byId.get(id)!);
  }

  private offerState(offer: Offer): OfferState {
    return { status: offer.status, round: offer.round, awaiting: offer.awaiting };
  }

  private partyOrForbid(trade: Offer | Deal, userId: string): TradeParty {
    const party = partyOf(trade, userId);
    if (!party) throw forbidden('Only the two parties of this trade can do that.');
    return party;
  }

  private userOf(trade: Offer | Deal, party: TradeParty): string {
    return party === TradeParty.BUYER ? trade.buyer.id : trade.seller.id;
  }

  private expiry(): Date {
    return new Date(Date.now() + this.config.barter.offerTtl * 1000);
  }

  private async offerFor(em: EntityManager, id: string, user: User, write = true): Promise<Offer> {
    const offer = isUuid(id) ? await em.findOne(Offer, id) : null;
    if (!offer) throw notFound('Offer');
    if (!partyOf(offer, user.id) && !(user.role === Role.ADMIN && !write)) throw forbidden('This offer is between other members.');
    return offer;
  }

  private async dealFor(em: EntityManager, id: string, user: User, lock: boolean): Promise<Deal> {
    const deal = isUuid(id) ? await em.findOne(Deal, id, lock ? { lockMode: LockMode.PESSIMISTIC_WRITE } : {}) : null;
    if (!deal) throw notFound('Deal');
    if (!partyOf(deal, user.id) && user.role !== Role.ADMIN) throw forbidden('This deal is between other members.');
    return deal;
  }


  /** A job's work: one transaction, its live events after commit (the shared commit()). */
  private async run(em: EntityManager, work: (tx: EntityManager) => Promise<LiveEvent[]>): Promise<void> {
    await commit(em, this.live, this.jobs, async (tx) => ({ value: null, events: await work(tx) }));
  }

  private async reload<T extends Offer | Deal>(ctx: Context, entity: new (...a: never[]) => T, id: string): Promise<T> {
    return ctx.em.fork().findOneOrFail(entity as never, { id } as never) as Promise<T>;
  }
}

