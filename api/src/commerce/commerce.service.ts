import { LockMode, type EntityManager } from '@mikro-orm/postgresql';
import { applyOrderEvent, formatRupiah, orderPaymentPostings, orderRefundPostings, orderReleasePostings, orderSettlementOf, releasesStock, ORDER_RULES, type OrderActor, type OrderEvent } from '@pasar/domain';
import { isUuid } from '../catalog/listing.service.js';
import { Listing } from '../catalog/listing.entity.js';
import type { ReferenceService } from '../catalog/reference.service.js';
import type { Config } from '../core/config.js';
import { commit } from '../core/commit.js';
import { batched, type AuthedContext, type Context } from '../core/context.js';
import { badInput, conflict, forbidden, invalidState, notFound } from '../core/graphql/errors.js';
import type { Jobs } from '../core/jobs.js';
import type { Live, LiveEvent } from '../core/live.js';
import { Role, User } from '../identity/user.entity.js';
import { ORDER_SUBJECT, type LedgerService } from '../ledger/ledger.service.js';
import type { NotificationService } from '../notify/notification.service.js';
import { Payment, type PaymentProviderName } from '../payments/payment.entity.js';
import type { PaymentRefusal } from '../payments/payment.service.js';
import type { PaymentProvider } from '../payments/provider.js';
import { CartItem } from './cart.entity.js';
import { checkout, EXPIRE_ORDER_JOB, quoteLines } from './checkout.js';
import { Order, type OrderStatus, type ShipTo } from './order.entity.js';
import { ShippingService } from './shipping-service.entity.js';
import { Store, storeStaffIds } from './store.entity.js';

export const COMMERCE_JOBS = { expireOrder: EXPIRE_ORDER_JOB, autoDeliver: 'order-auto-deliver', autoComplete: 'order-auto-complete' } as const;

/** A cart line as shown: the listing, quantity and line total (rupiah). */
export interface CartLine {
  listing: Listing;
  quantity: number;
  lineTotal: number;
}

/** Order events a staff member (or the buyer) can apply through the API. */
export type OrderAction = 'START_PROCESSING' | 'SHIP' | 'DELIVER' | 'COMPLETE' | 'CANCEL' | 'REFUND';

/**
 * Store orders (PRODUCT §6, seed 003): the cart, the shipping quote, checkout that reserves
 * stock atomically (never negative, never oversold), the 30-minute payment window, and the
 * order lifecycle of packages/domain's ORDER_TRANSITIONS moved along by store staff. Order
 * money is booked in the ledger in the same transaction as each move: ORDER_PAY when paid,
 * ORDER_RELEASE on COMPLETE, ORDER_REFUND on REFUND or a cancellation after payment (keys
 * `order-pay:<id>`, `order-release:<id>`, `order-refund:<id>`: never twice).
 */
export class CommerceService {
  constructor(
    private readonly config: Config,
    private readonly reference: ReferenceService,
    private readonly notifications: NotificationService,
    private readonly live: Live,
    private readonly jobs: Jobs,
    private readonly providers: Map<PaymentProviderName, PaymentProvider>,
    private readonly ledger: LedgerService,
  ) {}

  // ---------------------------------------------------------------- payment

  /** payOrder: the buyer pays the total of a PENDING_PAYMENT order with a provider (default MANUAL_TRANSFER). */
  async pay(ctx: AuthedContext, orderId: string, providerName: PaymentProviderName): Promise<Payment> {
    const provider = this.providers.get(providerName);
    if (!provider) throw badInput(`${providerName} is not configured.`, 'provider');
    const em = ctx.em.fork();
    const order = isUuid(orderId) ? await em.findOne(Order, orderId) : null;
    if (!order || order.buyer.id !== ctx.user.id) throw notFound('Order');
    if (order.status !== 'PENDING_PAYMENT') throw invalidState(`The order is ${order.status}.`);
    const payment = new Payment('ORDER', order.id, em.getReference(User, ctx.user.id, { wrapped: true }), providerName, order.total);
    const created = await provider.createPayment({ orderId: payment.id, amount: order.total, description: `Pesanan ${order.number}`, customer: { name: ctx.user.displayName, email: ctx.user.email } });
    Object.assign(payment, { externalId: created.externalId ?? undefined, redirectUrl: created.redirectUrl, clientSecret: created.clientSecret });
    await em.persistAndFlush(payment);
    return payment;
  }

  /**
   * Payment handlers of store orders, registered with the PaymentService (webhooks): paid → PAID,
   * ORDER_PAY booked. An order that is no longer PENDING_PAYMENT (staff confirmed a manual
   * transfer, another payment came first, it was cancelled or expired) refuses the payment; the
   * PaymentService then books it as owed back to the buyer (UNMATCHED_PAYMENT).
   */
  readonly paymentHandler = {
    refusal: async (em: EntityManager, payment: Payment): Promise<PaymentRefusal | null> => {
      const order = await em.findOneOrFail(Order, payment.subjectId, { lockMode: LockMode.PESSIMISTIC_WRITE });
      const link = `/pesanan/${order.id}`;
      if (order.status !== 'PENDING_PAYMENT') return { reason: `pesanan ${order.number} sudah ${order.status}`, link };
      if (payment.amount !== order.total) return { reason: `total pesanan ${order.number} adalah ${formatRupiah(order.total)}`, link };
      return null;
    },
    paid: async (em: EntityManager, payment: Payment): Promise<LiveEvent[]> => {
      const order = await em.findOneOrFail(Order, payment.subjectId, { lockMode: LockMode.PESSIMISTIC_WRITE });
      if (payment.amount !== order.total) throw conflict('The payment does not match the order total.');
      await this.markPaid(em, order, 'SYSTEM', payment.provider);
      payment.status = 'PAID';
      payment.paidAt = order.paidAt;
      const store = await em.findOneOrFail(Store, order.store.id);
      return [{ topic: 'ORDER', orderId: order.id, audience: [order.buyer.id, ...(await storeStaffIds(em, store))] }];
    },
    failed: async (em: EntityManager, payment: Payment): Promise<LiveEvent[]> => {
      const order = await em.findOneOrFail(Order, payment.subjectId);
      return [{ topic: 'ORDER', orderId: order.id, audience: [order.buyer.id] }];
    },
    /** The order's store staff review its transfers: one query for a whole desk list, the caller's stores once per request. */
    mayReview: async (ctx: Context, payment: Payment): Promise<boolean> => {
      const storeId = await batched<string | null>(ctx, 'orderStoreId', payment.subjectId, async (ids) =>
        new Map((await ctx.em.find(Order, { id: { $in: [...ids] } }, { fields: ['id', 'store'] })).map((o) => [o.id, o.store.id])), null);
      return !!storeId && (await ctx.services.stores.staffedStoreIds(ctx)).has(storeId);
    },
    /** The store's staff confirm an order's manual transfer (confirmOrderPayment, at the desk). */
    reviewers: async (em: EntityManager, payment: Payment) => {
      const order = await em.findOneOrFail(Order, payment.subjectId);
      const staff = await storeStaffIds(em, await em.findOneOrFail(Store, order.store.id));
      return { userIds: staff, link: '/toko-saya', events: [{ topic: 'ORDER' as const, orderId: order.id, audience: [order.buyer.id, ...staff] }] };
    },
  };

  // ---------------------------------------------------------------- cart

  /** The caller's cart, oldest line first. */
  async cart(ctx: AuthedContext): Promise<CartLine[]> {
    const items = await ctx.em.find(CartItem, { user: ctx.user.id }, { populate: ['listing'], orderBy: { addedAt: 'asc' } });
    return items.map((i) => ({ listing: i.listing.getEntity(), quantity: i.quantity, lineTotal: (i.listing.getEntity().price ?? 0) * i.quantity }));
  }

  /** addToCart: adds `quantity` (1–99 in all) of a store product that is ACTIVE and in stock. */
  async add(ctx: AuthedContext, listingId: string, quantity: number): Promise<CartLine[]> {
    if (!Number.isInteger(quantity) || quantity < 1) throw badInput('The quantity must be a whole number of at least 1.', 'quantity');
    const listing = isUuid(listingId) ? await ctx.em.findOne(Listing, listingId) : null;
    if (!listing || listing.kind !== 'SALE' || !listing.store) throw badInput('Only store products can be put in the cart.', 'listingId');
    if (listing.status !== 'ACTIVE') throw invalidState('This product is not available.');
    if (listing.seller.id === ctx.user.id) throw badInput('You cannot buy your own product.', 'listingId');
    const existing = await ctx.em.findOne(CartItem, { user: ctx.user.id, listing: listing.id });
    const next = (existing?.quantity ?? 0) + quantity;
    if (next > ORDER_RULES.maxQuantityPerLine) throw badInput(`At most ${ORDER_RULES.maxQuantityPerLine} of one product.`, 'quantity');
    if (next > (listing.stock ?? 0)) throw badInput(`Only ${listing.stock ?? 0} in stock.`, 'quantity');
    if (existing) existing.quantity = next;
    else ctx.em.persist(new CartItem(ctx.em.getReference(User, ctx.user.id, { wrapped: true }), ctx.em.getReference(Listing, listing.id, { wrapped: true }), next));
    await ctx.em.flush();
    return this.cart(ctx);
  }

  /** Sets a line's quantity (0 removes it). */
  async setQuantity(ctx: AuthedContext, listingId: string, quantity: number): Promise<CartLine[]> {
    if (!Number.isInteger(quantity) || quantity < 0 || quantity > ORDER_RULES.maxQuantityPerLine) throw badInput(`The quantity must be 0–${ORDER_RULES.maxQuantityPerLine}.`, 'quantity');
    const item = isUuid(listingId) ? await ctx.em.findOne(CartItem, { user: ctx.user.id, listing: listingId }, { populate: ['listing'] }) : null;
    if (!item) throw notFound('Cart line');
    if (quantity === 0) ctx.em.remove(item);
    else {
      if (quantity > (item.listing.getEntity().stock ?? 0)) throw badInput(`Only ${item.listing.getEntity().stock ?? 0} in stock.`, 'quantity');
      item.quantity = quantity;
    }
    await ctx.em.flush();
    return this.cart(ctx);
  }

  // ---------------------------------------------------------------- shipping

  /** Active shipping services. */
  services(em: EntityManager): Promise<ShippingService[]> {
    return em.find(ShippingService, { active: true }, { orderBy: { base: 'asc' } });
  }

  /** shippingQuote: the cost of sending the caller's cart lines of one store to a city with one service. */
  async quote(ctx: AuthedContext, storeId: string, cityCode: string, serviceId: string) {
    const lines = (await this.cart(ctx)).filter((l) => l.listing.store?.id === storeId);
    if (!lines.length) throw badInput('Your cart has nothing from this store.', 'storeId');
    return this.price(ctx.em, storeId, cityCode, serviceId, lines.map((l) => ({ listing: l.listing, quantity: l.quantity })));
  }

  private async price(em: EntityManager, storeId: string, cityCode: string, serviceId: string, lines: { listing: Listing; quantity: number }[]) {
    const store = isUuid(storeId) ? await em.findOne(Store, storeId) : null;
    if (!store) throw badInput('Unknown store.', 'storeId');
    const service = isUuid(serviceId) ? await em.findOne(ShippingService, { id: serviceId, active: true }) : null;
    if (!service) throw badInput('Unknown shipping service.', 'shippingServiceId');
    const q = quoteLines(this.reference, store.city.unwrap().code, cityCode, service, lines.map(({ listing: l, quantity }) => ({ weightGrams: l.weightGrams, lengthCm: l.lengthCm, widthCm: l.widthCm, heightCm: l.heightCm, quantity })));
    return { service, store, ...q };
  }

  // ---------------------------------------------------------------- checkout

  /** checkout: see checkout.ts (the cart lines of one store become a PENDING_PAYMENT order; stock reserved atomically). */
  checkout(ctx: AuthedContext, input: { storeId: string; shippingServiceId: string; shipTo: ShipTo }): Promise<Order> {
    return checkout({ config: this.config, reference: this.reference, live: this.live, jobs: this.jobs }, ctx, input);
  }

  /**
   * Moves an order along (staff: processing, ship with a resi, deliver, cancel, refund; buyer:
   * complete, cancel unpaid), booking ORDER_RELEASE / ORDER_REFUND when the move settles the held total.
   */
  async act(ctx: AuthedContext, orderId: string, action: OrderAction, trackingNumber?: string | null): Promise<Order> {
    await commit(ctx.em, this.live, this.jobs, async (em) => {
      const order = isUuid(orderId) ? await em.findOne(Order, orderId, { lockMode: LockMode.PESSIMISTIC_WRITE }) : null;
      if (!order) throw notFound('Order');
      const store = await em.findOneOrFail(Store, order.store.id);
      const staff = await storeStaffIds(em, store);
      const isStaff = staff.includes(ctx.user.id) || ctx.user.role === Role.ADMIN;
      const isBuyer = order.buyer.id === ctx.user.id;
      if (!isStaff && !isBuyer) throw forbidden('This order is not yours.');
      const actor = isStaff && !(isBuyer && (action === 'COMPLETE')) ? 'STAFF' : 'BUYER';
      if (action === 'SHIP') {
        const resi = trackingNumber?.trim().toUpperCase().replace(/[\s-]/g, '');
        if (!resi || !/^[A-Z0-9]{6,40}$/.test(resi)) throw badInput('Enter the tracking number (6–40 letters and digits).', 'trackingNumber');
        order.trackingNumber = resi;
        order.shippedAt = new Date();
      }
      const jobs = await this.move(em, order, action, actor, store);
      return { value: null, events: [{ topic: 'ORDER', orderId: order.id, audience: [order.buyer.id, ...staff] }], jobs };
    });
    return ctx.em.fork().findOneOrFail(Order, orderId);
  }

  /** Staff or admins confirm a manual transfer: PAID, ORDER_PAY booked from PROVIDER:MANUAL_TRANSFER (once: row lock + ledger key). */
  async confirmPayment(ctx: AuthedContext, orderId: string): Promise<Order> {
    await commit(ctx.em, this.live, this.jobs, async (em) => {
      const order = isUuid(orderId) ? await em.findOne(Order, orderId, { lockMode: LockMode.PESSIMISTIC_WRITE }) : null;
      if (!order) throw notFound('Order');
      const staff = await storeStaffIds(em, await em.findOneOrFail(Store, order.store.id));
      if (!staff.includes(ctx.user.id) && ctx.user.role !== Role.ADMIN) throw forbidden('Only the store\'s staff confirm payments.');
      await this.markPaid(em, order, 'STAFF', 'MANUAL_TRANSFER');
      await em.nativeUpdate(Payment, { subjectType: 'ORDER', subjectId: order.id, provider: 'MANUAL_TRANSFER', status: 'PENDING' }, { status: 'PAID', paidAt: order.paidAt });
      return { value: null, events: [{ topic: 'ORDER', orderId: order.id, audience: [order.buyer.id, ...staff] }] };
    });
    return ctx.em.fork().findOneOrFail(Order, orderId);
  }

  /** The expiry job: an unpaid order past its window is cancelled and its stock returned (idempotent). */
  expire(root: EntityManager, orderId: string): Promise<void> {
    return this.timeout(root, orderId, 'expire');
  }

  /**
   * The delivery job: a SHIPPED order nobody marked delivered counts as DELIVERED (by SYSTEM)
   * ORDER_RULES.deliveredAfterDays after shipping, and its confirmation period starts.
   */
  autoDeliver(root: EntityManager, orderId: string): Promise<void> {
    return this.timeout(root, orderId, 'deliver');
  }

  /** The confirmation job: a DELIVERED order past its confirmBy is COMPLETED by SYSTEM and the store's money released (ORDER_RULES.confirmHours). */
  autoComplete(root: EntityManager, orderId: string): Promise<void> {
    return this.timeout(root, orderId, 'complete');
  }

  /** The order's timeouts (jobs and the minute sweep): the status each applies to, when it is due, and the SYSTEM event it sends. */
  private readonly timeouts = {
    expire: { from: 'PENDING_PAYMENT', event: 'EXPIRE', due: (o: Order) => o.expiresAt },
    deliver: { from: 'SHIPPED', event: 'DELIVER', due: (o: Order) => this.deliveredAfter(o) },
    complete: { from: 'DELIVERED', event: 'COMPLETE', due: (o: Order) => o.confirmBy ?? null },
  } as const satisfies Record<string, { from: OrderStatus; event: OrderEvent; due: (o: Order) => Date | null }>;

  /** Runs one timeout on a locked order if it is still in that status and due; otherwise nothing (idempotent). */
  private async timeout(root: EntityManager, orderId: string, kind: keyof CommerceService['timeouts']): Promise<void> {
    const t = this.timeouts[kind];
    await commit(root, this.live, this.jobs, async (em) => {
      const order = await em.findOne(Order, orderId, { lockMode: LockMode.PESSIMISTIC_WRITE });
      const due = order?.status === t.from ? t.due(order) : null;
      if (!order || !due || due > new Date()) return { value: null, events: [] };
      const store = await em.findOneOrFail(Store, order.store.id);
      const jobs = await this.move(em, order, t.event, 'SYSTEM', store);
      return { value: null, events: [{ topic: 'ORDER', orderId: order.id, audience: [order.buyer.id, ...(await storeStaffIds(em, store))] }], jobs };
    });
  }

  /**
   * PAY by `actor` on a locked order: PAID now, and the total held for it in the ledger
   * (ORDER_PAY from PROVIDER:<provider>; PRODUCT §6, no commission), booked once whatever
   * retries or races (idempotency key "order-pay:<id>").
   */
  private async markPaid(em: EntityManager, order: Order, actor: OrderActor, provider: string): Promise<void> {
    order.status = applyOrderEvent(order.status, 'PAY', actor);
    order.paidAt = new Date();
    await this.ledger.post(em, `order-pay:${order.id}`, 'ORDER_PAY', { type: ORDER_SUBJECT, id: order.id }, orderPaymentPostings({ provider, total: order.total }));
  }

  /**
   * Applies `event` by `actor` to a locked order and everything that goes with the new status,
   * in the caller's transaction: stock returned, held money booked (settle), the delivery or
   * confirmation timeout stamped. Returns the jobs to schedule after commit.
   */
  private async move(em: EntityManager, order: Order, event: OrderEvent, actor: OrderActor, store: Store): Promise<[string, string, Date][]> {
    const from = order.status;
    order.status = applyOrderEvent(from, event, actor);
    if (releasesStock(from, order.status)) await this.returnStock(em, order.id);
    await this.settle(em, order, from, store);
    if (order.status === 'SHIPPED') return [[COMMERCE_JOBS.autoDeliver, order.id, this.deliveredAfter(order)]];
    if (order.status === 'DELIVERED') return [this.delivered(order)];
    return [];
  }

  /** Seconds after shipping when a SHIPPED order nobody marked delivered counts as delivered (ORDER_DELIVERED_AFTER_SECONDS). */
  get deliveredAfterSeconds(): number {
    return this.config.commerce.deliveredAfterSeconds;
  }

  /** When a SHIPPED order counts as delivered if nobody says so (shippedAt + ORDER_DELIVERED_AFTER_SECONDS). */
  private deliveredAfter(order: Order): Date {
    return new Date((order.shippedAt ?? order.updatedAt).getTime() + this.config.commerce.deliveredAfterSeconds * 1000);
  }

  /** Stamps a just-DELIVERED order with its confirmation deadline; returns the job that completes it then. */
  private delivered(order: Order): [string, string, Date] {
    order.deliveredAt = new Date();
    order.confirmBy = new Date(order.deliveredAt.getTime() + this.config.commerce.confirmSeconds * 1000);
    return [COMMERCE_JOBS.autoComplete, order.id, order.confirmBy];
  }

  /** Runs overdue expiries, deliveries and confirmations (the minute sweep). */
  async sweep(em: EntityManager): Promise<void> {
    const now = new Date();
    for (const o of await em.fork().find(Order, { status: 'PENDING_PAYMENT', expiresAt: { $lte: now } }, { fields: ['id'], limit: 500 })) await this.expire(em, o.id);
    const shippedBefore = new Date(now.getTime() - this.config.commerce.deliveredAfterSeconds * 1000);
    for (const o of await em.fork().find(Order, { status: 'SHIPPED', shippedAt: { $lte: shippedBefore } }, { fields: ['id'], limit: 500 })) await this.autoDeliver(em, o.id);
    for (const o of await em.fork().find(Order, { status: 'DELIVERED', confirmBy: { $lte: now } }, { fields: ['id'], limit: 500 })) await this.autoComplete(em, o.id);
  }

  /** Books the held money's move for an order that went `from` → its status: COMPLETED → owed to the store's owner; REFUNDED or cancelled after payment → owed to the buyer. */
  private async settle(em: EntityManager, order: Order, from: OrderStatus, store: Store): Promise<void> {
    const settlement = orderSettlementOf(from, order.status);
    const subject = { type: ORDER_SUBJECT, id: order.id };
    if (settlement === 'ORDER_RELEASE') await this.ledger.post(em, `order-release:${order.id}`, settlement, subject, orderReleasePostings({ storeOwnerId: store.owner.id, total: order.total }));
    if (settlement === 'ORDER_REFUND') await this.ledger.post(em, `order-refund:${order.id}`, settlement, subject, orderRefundPostings({ buyerId: order.buyer.id, total: order.total }));
  }

  /** An order its buyer, its store's staff or an admin may see. */
  async get(ctx: AuthedContext, id: string): Promise<Order> {
    const order = isUuid(id) ? await ctx.em.findOne(Order, id) : null;
    if (!order) throw notFound('Order');
    if (order.buyer.id !== ctx.user.id && ctx.user.role !== Role.ADMIN) {
      const staff = await storeStaffIds(ctx.em, await ctx.em.findOneOrFail(Store, order.store.id));
      if (!staff.includes(ctx.user.id)) throw forbidden('This order is not yours.');
    }
    return order;
  }

  /** The caller's orders, newest first. */
  mine(ctx: AuthedContext, first: number): Promise<Order[]> {
    if (!Number.isInteger(first) || first < 1 || first > 100) throw badInput('first must be 1–100.', 'first');
    return ctx.em.find(Order, { buyer: ctx.user.id }, { orderBy: { createdAt: 'desc', id: 'desc' }, limit: first });
  }


  private async returnStock(em: EntityManager, orderId: string): Promise<void> {
    await em.execute(
      `with k as materialized (select id from listings where id in (select listing_id from order_items where order_id = ?) order by id for update)
       update listings l set stock = l.stock + i.quantity, version = l.version + 1, updated_at = now()
         from order_items i, k where i.order_id = ? and i.listing_id = l.id and k.id = l.id`,
      [orderId, orderId],
    );
  }
}
