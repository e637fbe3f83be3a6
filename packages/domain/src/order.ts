import { DomainError, badInput } from './errors.js';
import { formatRupiah, isMoney } from './money.js';

/**
 * Store orders (PRODUCT.md §6, seed Hurtrock). Placing an order reserves the stock of its
 * lines and leaves it PENDING_PAYMENT; the buyer has {@link ORDER_RULES}.paymentWindowMinutes
 * to pay (PAY: from the payment provider as SYSTEM, or staff confirming a manual bank
 * transfer) before a job expires it (EXPIRE → CANCELLED).
 * Store staff then process it, ship it with a tracking number and mark it delivered (or
 * the courier's tracking does, or a job after {@link ORDER_RULES}.deliveredAfterDays, as
 * SYSTEM); the buyer confirms (or a job does, {@link ORDER_RULES}.confirmHours later) and it
 * is COMPLETED. Staff may cancel it until it ships; staff or a platform admin may refund a
 * paid order until it is completed.
 *
 * Unlike escrow rooms, the table here also says WHO may send each event
 * ({@link ORDER_TRANSITIONS} `by`); the API maps the caller to an {@link OrderActor}
 * (the order's buyer → BUYER, the store's staff → STAFF, a platform admin → ADMIN, jobs
 * and the payment provider → SYSTEM). What the API still checks itself: that the caller
 * is this order's buyer or this store's staff, and that SHIP carries a tracking number.
 */

/** Status of an order; COMPLETED, CANCELLED and REFUNDED are final. */
export type OrderStatus =
  | 'PENDING_PAYMENT'
  | 'PAID'
  | 'PROCESSING'
  | 'SHIPPED'
  | 'DELIVERED'
  | 'COMPLETED'
  | 'CANCELLED'
  | 'REFUNDED';

/** What can happen to an order (see {@link ORDER_TRANSITIONS}). */
export type OrderEvent = 'PAY' | 'EXPIRE' | 'CANCEL' | 'START_PROCESSING' | 'SHIP' | 'DELIVER' | 'COMPLETE' | 'REFUND';

/**
 * Who sends an event: the order's BUYER, the store's STAFF, a platform ADMIN, or the
 * SYSTEM (payment provider, jobs, courier tracking). ADMIN is listed only where PRODUCT.md
 * names it (REFUND); it is not a superset of STAFF.
 */
export type OrderActor = 'BUYER' | 'STAFF' | 'ADMIN' | 'SYSTEM';

/** All order statuses, in lifecycle order. */
export const ORDER_STATUSES: readonly OrderStatus[] = Object.freeze([
  'PENDING_PAYMENT',
  'PAID',
  'PROCESSING',
  'SHIPPED',
  'DELIVERED',
  'COMPLETED',
  'CANCELLED',
  'REFUNDED',
]);
/** All order events. */
export const ORDER_EVENTS: readonly OrderEvent[] = Object.freeze([
  'PAY',
  'EXPIRE',
  'CANCEL',
  'START_PROCESSING',
  'SHIP',
  'DELIVER',
  'COMPLETE',
  'REFUND',
]);
/** All actors. */
export const ORDER_ACTORS: readonly OrderActor[] = Object.freeze(['BUYER', 'STAFF', 'ADMIN', 'SYSTEM']);
/** The statuses an order never leaves. */
export const ORDER_FINAL_STATUSES: readonly OrderStatus[] = Object.freeze(['COMPLETED', 'CANCELLED', 'REFUNDED']);

/**
 * Order limits (PRODUCT.md §6):
 * - `paymentWindowMinutes`: an unpaid order expires (and returns its stock) 30 minutes
 *   after it is placed.
 * - `maxQuantityPerLine`: at most 99 units of one product per line.
 * - `maxLines`: at most 50 lines per cart / order.
 * - `confirmHours`: a DELIVERED order the buyer has not confirmed (nor had refunded) is
 *   COMPLETED by a job (SYSTEM) this long after delivery, so the store's money is never
 *   held forever: 72 h, the escrow inspection period (PRODUCT.md §4, ESCROW_RULES).
 * - `deliveredAfterDays`: a SHIPPED order that neither staff nor courier tracking marked
 *   DELIVERED counts as delivered (DELIVER by SYSTEM) this long after shipping, so it moves on
 *   to the confirmation period instead of staying SHIPPED forever; the buyer who got nothing
 *   asks for a refund before then. 14 days: well above the slowest regular inter-island
 *   courier services (≈ 7–10 days). Our rule; PRODUCT.md §6 names no period.
 */
export const ORDER_RULES = Object.freeze({ paymentWindowMinutes: 30, maxQuantityPerLine: 99, maxLines: 50, confirmHours: 72, deliveredAfterDays: 14 });

/** One allowed order move: `event` sent by one of `by` on an order in `from` leads to `to`. */
export interface OrderTransition {
  from: OrderStatus;
  event: OrderEvent;
  by: readonly OrderActor[];
  to: OrderStatus;
}

/**
 * The one table of order moves (deeply frozen). A (status, event) pair not listed is
 * refused with INVALID_STATE; a listed pair sent by an actor not in `by` with FORBIDDEN.
 */
export const ORDER_TRANSITIONS: readonly OrderTransition[] = Object.freeze(
  (
    [
      { from: 'PENDING_PAYMENT', event: 'PAY', by: ['STAFF', 'SYSTEM'], to: 'PAID' },
      { from: 'PENDING_PAYMENT', event: 'EXPIRE', by: ['SYSTEM'], to: 'CANCELLED' },
      { from: 'PENDING_PAYMENT', event: 'CANCEL', by: ['BUYER', 'STAFF'], to: 'CANCELLED' },
      { from: 'PAID', event: 'CANCEL', by: ['STAFF'], to: 'CANCELLED' },
      { from: 'PAID', event: 'START_PROCESSING', by: ['STAFF'], to: 'PROCESSING' },
      { from: 'PAID', event: 'REFUND', by: ['STAFF', 'ADMIN'], to: 'REFUNDED' },
      { from: 'PROCESSING', event: 'CANCEL', by: ['STAFF'], to: 'CANCELLED' },
      { from: 'PROCESSING', event: 'SHIP', by: ['STAFF'], to: 'SHIPPED' },
      { from: 'PROCESSING', event: 'REFUND', by: ['STAFF', 'ADMIN'], to: 'REFUNDED' },
      { from: 'SHIPPED', event: 'DELIVER', by: ['STAFF', 'SYSTEM'], to: 'DELIVERED' },
      { from: 'SHIPPED', event: 'REFUND', by: ['STAFF', 'ADMIN'], to: 'REFUNDED' },
      { from: 'DELIVERED', event: 'COMPLETE', by: ['BUYER', 'SYSTEM'], to: 'COMPLETED' },
      { from: 'DELIVERED', event: 'REFUND', by: ['STAFF', 'ADMIN'], to: 'REFUNDED' },
    ] satisfies OrderTransition[]
  ).map((row) => Object.freeze({ ...row, by: Object.freeze([...row.by]) as readonly OrderActor[] })),
);

/** True for COMPLETED, CANCELLED and REFUNDED ({@link ORDER_FINAL_STATUSES}). */
export function isFinalOrderStatus(status: OrderStatus): boolean {
  return ORDER_FINAL_STATUSES.includes(status);
}

const EVENT_TEXT: Record<OrderEvent, string> = {
  PAY: 'pay the order',
  EXPIRE: 'expire the order',
  CANCEL: 'cancel the order',
  START_PROCESSING: 'start processing the order',
  SHIP: 'mark the order shipped',
  DELIVER: 'mark the order delivered',
  COMPLETE: 'complete the order',
  REFUND: 'refund the order',
};

/**
 * The order's status after `actor` sends `event` ({@link ORDER_TRANSITIONS}). The state is
 * checked before the actor, so a move that is impossible for everyone is INVALID_STATE.
 * @throws DomainError BAD_USER_INPUT (field "actor") for an unknown actor.
 * @throws DomainError INVALID_STATE when the table has no row for (status, event)
 *   (including every event on a final order); the message names the statuses that accept it.
 * @throws DomainError FORBIDDEN when the row exists but `actor` is not in its `by`; the
 *   message names who may ("cannot cancel the order as BUYER: the order is PAID and only
 *   STAFF may").
 */
export function applyOrderEvent(status: OrderStatus, event: OrderEvent, actor: OrderActor): OrderStatus {
  if (!ORDER_ACTORS.includes(actor)) {
    throw badInput(`actor must be one of ${ORDER_ACTORS.join(', ')}, got ${String(actor)}`, 'actor');
  }
  const text = EVENT_TEXT[event] ?? `apply ${String(event)}`;
  const row = ORDER_TRANSITIONS.find((t) => t.from === status && t.event === event);
  if (!row) {
    const why = isFinalOrderStatus(status)
      ? `the order is already ${status}`
      : `the order is ${status}; ${String(event)} is accepted only when it is ${
          [...new Set(ORDER_TRANSITIONS.filter((t) => t.event === event).map((t) => t.from))].join(' or ') || 'never'
        }`;
    throw new DomainError('INVALID_STATE', `cannot ${text}: ${why}`);
  }
  if (!row.by.includes(actor)) {
    throw new DomainError('FORBIDDEN', `cannot ${text} as ${actor}: the order is ${status} and only ${row.by.join(' or ')} may`);
  }
  return row.to;
}

/**
 * True when the move `from` → `to` must return the order's reserved stock: a cancellation
 * before shipping (PENDING_PAYMENT, PAID or PROCESSING → CANCELLED, whether by EXPIRE or
 * CANCEL). A refund does not: the goods may already have left the store, so staff restock
 * returned goods by hand. False for every other pair, including impossible ones.
 */
export function releasesStock(from: OrderStatus, to: OrderStatus): boolean {
  return to === 'CANCELLED' && (from === 'PENDING_PAYMENT' || from === 'PAID' || from === 'PROCESSING');
}

/** One cart or order line: `unitPrice` whole rupiah ≥ 0, `quantity` 1..maxQuantityPerLine. */
export interface CartLine {
  unitPrice: number;
  quantity: number;
}

/**
 * Totals of a cart: `subtotal = Σ unitPrice × quantity` (rupiah, shipping excluded) and
 * `items = Σ quantity`. An empty cart is allowed ({ subtotal: 0, items: 0 }); placing an
 * order needs `items > 0`, which the API checks.
 * @throws DomainError BAD_USER_INPUT: "lines" when not an array, when it has more than
 *   {@link ORDER_RULES}.maxLines (50) lines, or when the subtotal is not a safe integer;
 *   "lines.3.unitPrice" (not whole rupiah ≥ 0) or "lines.3.quantity" (not a whole number
 *   from 1 to maxQuantityPerLine = 99) for the first bad line.
 */
export function cartTotals(lines: CartLine[]): { subtotal: number; items: number } {
  if (!Array.isArray(lines)) throw badInput('lines must be a list of cart lines', 'lines');
  const { maxLines, maxQuantityPerLine } = ORDER_RULES;
  if (lines.length > maxLines) throw badInput(`a cart may have at most ${maxLines} lines, got ${lines.length}`, 'lines');
  let subtotal = 0n;
  let items = 0;
  lines.forEach((line, i) => {
    const path = `lines.${i}`;
    if (typeof line !== 'object' || line === null) throw badInput(`${path} must be a cart line`, path);
    if (!isMoney(line.unitPrice)) {
      throw badInput(`${path}.unitPrice must be a whole number of rupiah ≥ 0, got ${String(line.unitPrice)}`, `${path}.unitPrice`);
    }
    const q = line.quantity;
    if (typeof q !== 'number' || !Number.isSafeInteger(q) || q < 1 || q > maxQuantityPerLine) {
      throw badInput(`${path}.quantity must be a whole number from 1 to ${maxQuantityPerLine}, got ${String(q)}`, `${path}.quantity`);
    }
    subtotal += BigInt(line.unitPrice) * BigInt(q);
    items += q;
  });
  if (subtotal > BigInt(Number.MAX_SAFE_INTEGER)) {
    throw badInput(`the cart subtotal is more than ${formatRupiah(Number.MAX_SAFE_INTEGER)}`, 'lines');
  }
  return { subtotal: Number(subtotal), items };
}
