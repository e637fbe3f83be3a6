import type { TradeParty } from './barter-offer.js';
import { DomainError, badInput } from './errors.js';
import { hoursAfter } from './hours.js';

/**
 * Barter deals (PRODUCT.md §3, seed BarterHub). Accepting an offer creates a deal: each
 * party ships their items with a courier and tracking number (resi); once both have shipped
 * the deal is SHIPPED; each party confirms receiving the other's items; once both have, it
 * is COMPLETED. Before completion either party may open a dispute, which an admin resolves
 * (complete or cancel). Jobs cancel deals not shipped in time and confirm receipt for
 * parties who stay silent.
 */

/** Status of a deal; COMPLETED and CANCELLED are final. */
export type DealStatus = 'AWAITING_SHIPMENT' | 'SHIPPED' | 'COMPLETED' | 'DISPUTED' | 'CANCELLED';

/**
 * What can happen to a deal. Per-party events name the party acting; RESOLVE_DISPUTE is
 * the admin's decision; the timeouts come from jobs ({@link DEAL_RULES}).
 */
export type DealEvent =
  | { type: 'SUBMIT_SHIPMENT'; party: TradeParty }
  | { type: 'CONFIRM_RECEIPT'; party: TradeParty }
  | { type: 'OPEN_DISPUTE'; party: TradeParty }
  | { type: 'RESOLVE_DISPUTE'; outcome: 'COMPLETE' | 'CANCEL' }
  | { type: 'SHIPPING_TIMEOUT' }
  | { type: 'RECEIPT_TIMEOUT' };
export type DealEventType = DealEvent['type'];

/** All deal statuses, in lifecycle order. */
export const DEAL_STATUSES: readonly DealStatus[] = Object.freeze([
  'AWAITING_SHIPMENT',
  'SHIPPED',
  'COMPLETED',
  'DISPUTED',
  'CANCELLED',
]);
/** All deal event types. */
export const DEAL_EVENT_TYPES: readonly DealEventType[] = Object.freeze([
  'SUBMIT_SHIPMENT',
  'CONFIRM_RECEIPT',
  'OPEN_DISPUTE',
  'RESOLVE_DISPUTE',
  'SHIPPING_TIMEOUT',
  'RECEIPT_TIMEOUT',
]);

/**
 * Deal deadlines in hours (PRODUCT.md §3), defaults of admin-configurable durations:
 * - `shipWithinHours`: a party that has not shipped this long after acceptance → the deal
 *   is cancelled (job, SHIPPING_TIMEOUT); 72 h = 3 days.
 * - `confirmWithinHours`: receipt is confirmed for both this long after the second
 *   shipment (job, RECEIPT_TIMEOUT); 168 h = 7 days.
 */
export const DEAL_RULES = Object.freeze({ shipWithinHours: 72, confirmWithinHours: 168 });

/**
 * One allowed deal move: `event` on a deal in `from` leads to `to`.
 * - `outcome`: for RESOLVE_DISPUTE, the admin decision this row is for.
 * - `toWhenBoth`: marks a per-party event that each party does once (shipping, confirming
 *   receipt). The deal goes to `to` (stays put) while only one party has done it and to
 *   `toWhenBoth` when the second party does.
 */
export interface DealTransition {
  from: DealStatus;
  event: DealEventType;
  outcome?: 'COMPLETE' | 'CANCEL';
  to: DealStatus;
  toWhenBoth?: DealStatus;
}

/** The one table of deal moves. Anything not listed is refused with INVALID_STATE. */
export const DEAL_TRANSITIONS: readonly DealTransition[] = Object.freeze(
  (
    [
      { from: 'AWAITING_SHIPMENT', event: 'SUBMIT_SHIPMENT', to: 'AWAITING_SHIPMENT', toWhenBoth: 'SHIPPED' },
      { from: 'AWAITING_SHIPMENT', event: 'OPEN_DISPUTE', to: 'DISPUTED' },
      { from: 'AWAITING_SHIPMENT', event: 'SHIPPING_TIMEOUT', to: 'CANCELLED' },
      { from: 'SHIPPED', event: 'CONFIRM_RECEIPT', to: 'SHIPPED', toWhenBoth: 'COMPLETED' },
      { from: 'SHIPPED', event: 'OPEN_DISPUTE', to: 'DISPUTED' },
      { from: 'SHIPPED', event: 'RECEIPT_TIMEOUT', to: 'COMPLETED' },
      { from: 'DISPUTED', event: 'RESOLVE_DISPUTE', outcome: 'COMPLETE', to: 'COMPLETED' },
      { from: 'DISPUTED', event: 'RESOLVE_DISPUTE', outcome: 'CANCEL', to: 'CANCELLED' },
    ] satisfies DealTransition[]
  ).map((row) => Object.freeze(row)),
);

/**
 * Where a deal stands. `shipped[p]`: party p submitted its shipment (courier + resi);
 * `received[p]`: party p confirmed receiving the other party's items.
 */
export interface DealState {
  status: DealStatus;
  shipped: Record<TradeParty, boolean>;
  received: Record<TradeParty, boolean>;
}

/** A freshly created deal: AWAITING_SHIPMENT, nobody has shipped or received. */
export function newDeal(): DealState {
  return {
    status: 'AWAITING_SHIPMENT',
    shipped: { BUYER: false, SELLER: false },
    received: { BUYER: false, SELLER: false },
  };
}

/** True for the statuses a deal never leaves: COMPLETED and CANCELLED. */
export function isFinalDealStatus(status: DealStatus): boolean {
  return status === 'COMPLETED' || status === 'CANCELLED';
}

const EVENT_TEXT: Record<DealEventType, string> = {
  SUBMIT_SHIPMENT: 'submit a shipment',
  CONFIRM_RECEIPT: 'confirm receipt',
  OPEN_DISPUTE: 'open a dispute',
  RESOLVE_DISPUTE: 'resolve a dispute',
  SHIPPING_TIMEOUT: 'time out the shipping',
  RECEIPT_TIMEOUT: 'time out the receipt',
};

/**
 * The deal after `event` ({@link DEAL_TRANSITIONS}); the input is not modified.
 * SUBMIT_SHIPMENT / CONFIRM_RECEIPT set the party's flag and move on when both flags are
 * set; RECEIPT_TIMEOUT marks both parties as having received; SHIPPING_TIMEOUT only
 * applies while a party has not shipped. Other flags are kept as recorded facts.
 * @throws DomainError BAD_USER_INPUT for an unknown party or outcome (field "party" / "outcome").
 * @throws DomainError INVALID_STATE for any event the table does not allow in the deal's
 *   status (including any event on a final deal and confirming before SHIPPED) and for a
 *   party shipping or confirming twice.
 */
export function applyDealEvent(state: DealState, event: DealEvent): DealState {
  if (typeof event !== 'object' || event === null) throw badInput('a deal event is required', 'event');
  const type = event.type;
  if ('party' in event && event.party !== 'BUYER' && event.party !== 'SELLER') {
    throw badInput(`party must be BUYER or SELLER, got ${String(event.party)}`, 'party');
  }
  if (type === 'RESOLVE_DISPUTE' && event.outcome !== 'COMPLETE' && event.outcome !== 'CANCEL') {
    throw badInput(`outcome must be COMPLETE or CANCEL, got ${String(event.outcome)}`, 'outcome');
  }
  const row = DEAL_TRANSITIONS.find(
    (t) => t.from === state.status && t.event === type && (t.outcome === undefined || ('outcome' in event && t.outcome === event.outcome)),
  );
  if (!row) {
    const text = EVENT_TEXT[type] ?? `apply ${String(type)}`;
    const why = isFinalDealStatus(state.status)
      ? `the deal is already ${state.status}`
      : `the deal is ${state.status}; ${type} is accepted only when it is ${
          [...new Set(DEAL_TRANSITIONS.filter((t) => t.event === type).map((t) => t.from))].join(' or ') || 'never'
        }`;
    throw new DomainError('INVALID_STATE', `cannot ${text}: ${why}`);
  }

  const next: DealState = {
    status: row.to,
    shipped: { ...state.shipped },
    received: { ...state.received },
  };
  switch (event.type) {
    case 'SUBMIT_SHIPMENT':
    case 'CONFIRM_RECEIPT': {
      const flags = event.type === 'SUBMIT_SHIPMENT' ? next.shipped : next.received;
      if (flags[event.party]) {
        const done = event.type === 'SUBMIT_SHIPMENT' ? 'submitted a shipment' : 'confirmed receipt';
        throw new DomainError('INVALID_STATE', `the ${event.party} has already ${done} for this deal`);
      }
      flags[event.party] = true;
      if (flags.BUYER && flags.SELLER && row.toWhenBoth) next.status = row.toWhenBoth;
      break;
    }
    case 'SHIPPING_TIMEOUT':
      if (state.shipped.BUYER && state.shipped.SELLER) {
        throw new DomainError('INVALID_STATE', 'cannot time out the shipping: both parties have shipped');
      }
      break;
    case 'RECEIPT_TIMEOUT':
      next.received = { BUYER: true, SELLER: true };
      break;
    default:
      break;
  }
  return next;
}

/**
 * When the shipping deadline of a deal accepted at `acceptedAt` passes: `hours` later
 * (positive whole number, default {@link DEAL_RULES}.shipWithinHours = 72).
 * @throws DomainError BAD_USER_INPUT for an invalid date or hours.
 */
export function shipmentDeadline(acceptedAt: Date, hours: number = DEAL_RULES.shipWithinHours): Date {
  return hoursAfter(acceptedAt, hours, 'hours');
}

/**
 * When receipt is auto-confirmed for a deal whose second shipment was submitted at
 * `shippedAt`: `hours` later (positive whole number, default
 * {@link DEAL_RULES}.confirmWithinHours = 168).
 * @throws DomainError BAD_USER_INPUT for an invalid date or hours.
 */
export function receiptDeadline(shippedAt: Date, hours: number = DEAL_RULES.confirmWithinHours): Date {
  return hoursAfter(shippedAt, hours, 'hours');
}

/** Couriers a party may ship with (Indonesian couriers; OTHER for anything else). */
export type Courier = 'JNE' | 'JNT' | 'SICEPAT' | 'ANTERAJA' | 'POS' | 'NINJA' | 'IDEXPRESS' | 'LION' | 'OTHER';

/** All courier codes, in display order (OTHER last). */
export const COURIERS: readonly Courier[] = Object.freeze([
  'JNE',
  'JNT',
  'SICEPAT',
  'ANTERAJA',
  'POS',
  'NINJA',
  'IDEXPRESS',
  'LION',
  'OTHER',
]);

/** Display name of each courier. */
export const COURIER_NAMES: Readonly<Record<Courier, string>> = Object.freeze({
  JNE: 'JNE',
  JNT: 'J&T Express',
  SICEPAT: 'SiCepat',
  ANTERAJA: 'AnterAja',
  POS: 'POS Indonesia',
  NINJA: 'Ninja Xpress',
  IDEXPRESS: 'ID Express',
  LION: 'Lion Parcel',
  OTHER: 'Lainnya/Other',
});

/** Length bounds (inclusive, in characters after normalisation) of a tracking number (resi). */
export const TRACKING_NUMBER_RULES = Object.freeze({ minLength: 6, maxLength: 40 });

/**
 * A tracking number (resi) as stored: trimmed, inner whitespace and dashes removed,
 * upper-cased ("jp 1234-5678 90" → "JP1234567890"). After removing spaces and dashes it
 * must consist of ASCII letters and digits only (checked before upper-casing, so "ß" or
 * "ı" cannot sneak in as "SS" or "I") and be 6..40 characters long.
 * @throws DomainError BAD_USER_INPUT: field "courier" for a courier not in {@link COURIERS};
 *   field "trackingNumber" when empty, too short or long, or with other characters.
 */
export function normaliseTrackingNumber(courier: Courier, raw: string): string {
  if (!COURIERS.includes(courier)) {
    throw badInput(`courier must be one of ${COURIERS.join(', ')}, got ${String(courier)}`, 'courier');
  }
  const field = 'trackingNumber';
  if (typeof raw !== 'string') throw badInput('trackingNumber is required', field);
  const compact = raw.replace(/[\s\-\u2010-\u2015\u2212]/gu, '');
  if (compact === '') throw badInput('trackingNumber is required', field);
  if (!/^[A-Za-z0-9]+$/.test(compact)) {
    throw badInput('trackingNumber may contain only letters A–Z, digits 0–9, spaces and dashes', field);
  }
  const { minLength, maxLength } = TRACKING_NUMBER_RULES;
  if (compact.length < minLength || compact.length > maxLength) {
    throw badInput(
      `trackingNumber must be ${minLength} to ${maxLength} letters and digits long, got ${compact.length}`,
      field,
    );
  }
  return compact.toUpperCase();
}
