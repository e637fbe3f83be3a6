import { DomainError, badInput } from './errors.js';
import { hoursAfter } from './hours.js';
import { formatRupiah } from './money.js';

/**
 * Escrow rooms (rekber; PRODUCT.md §4, seed Web Rekber). The buyer pays amount + fee to the
 * platform (FUNDED), the seller ships (SHIPPED), the buyer confirms receipt or the
 * inspection period passes (COMPLETED), and the platform releases the amount to the seller
 * and books the fee as income (RELEASED). Before payment the room can be cancelled; while
 * money is held either party may open a dispute, which an admin resolves by releasing to
 * the seller, refunding the buyer, or splitting the amount. Who may send which event (the
 * seller ships, the buyer confirms, …) is checked by the API, not here.
 */

/** Status of an escrow room; RELEASED, CANCELLED, REFUNDED and SPLIT are final. */
export type EscrowStatus =
  | 'AWAITING_PAYMENT'
  | 'FUNDED'
  | 'SHIPPED'
  | 'COMPLETED'
  | 'RELEASED'
  | 'CANCELLED'
  | 'DISPUTED'
  | 'REFUNDED'
  | 'SPLIT';

/** Who cancels an unpaid room (recorded for the history; any of them may). */
export type EscrowCanceller = 'BUYER' | 'SELLER' | 'SYSTEM' | 'ADMIN';
/** An admin's decision on a dispute. */
export type EscrowOutcome = 'RELEASE' | 'REFUND' | 'SPLIT';

/**
 * What can happen to a room. CONFIRM_PAYMENT comes from the payment provider; CANCEL names
 * who cancels; INSPECTION_TIMEOUT comes from a job ({@link ESCROW_RULES}); RESOLVE is the
 * admin's decision.
 */
export type EscrowEvent =
  | { type: 'CONFIRM_PAYMENT' }
  | { type: 'CANCEL'; by: EscrowCanceller }
  | { type: 'SHIP' }
  | { type: 'CONFIRM_RECEIVED' }
  | { type: 'INSPECTION_TIMEOUT' }
  | { type: 'RELEASE' }
  | { type: 'OPEN_DISPUTE' }
  | { type: 'RESOLVE'; outcome: EscrowOutcome };
export type EscrowEventType = EscrowEvent['type'];

/** All room statuses, in lifecycle order. */
export const ESCROW_STATUSES: readonly EscrowStatus[] = Object.freeze([
  'AWAITING_PAYMENT',
  'FUNDED',
  'SHIPPED',
  'COMPLETED',
  'RELEASED',
  'CANCELLED',
  'DISPUTED',
  'REFUNDED',
  'SPLIT',
]);
/** All room event types. */
export const ESCROW_EVENT_TYPES: readonly EscrowEventType[] = Object.freeze([
  'CONFIRM_PAYMENT',
  'CANCEL',
  'SHIP',
  'CONFIRM_RECEIVED',
  'INSPECTION_TIMEOUT',
  'RELEASE',
  'OPEN_DISPUTE',
  'RESOLVE',
]);
/** Who may be named as cancelling. */
export const ESCROW_CANCELLERS: readonly EscrowCanceller[] = Object.freeze(['BUYER', 'SELLER', 'SYSTEM', 'ADMIN']);
/** The dispute outcomes. */
export const ESCROW_OUTCOMES: readonly EscrowOutcome[] = Object.freeze(['RELEASE', 'REFUND', 'SPLIT']);
/** The statuses a room never leaves: the money is settled (or was never paid). */
export const ESCROW_FINAL_STATUSES: readonly EscrowStatus[] = Object.freeze(['RELEASED', 'CANCELLED', 'REFUNDED', 'SPLIT']);
/** The statuses in which the platform holds the room's amount and fee. */
export const ESCROW_HELD_STATUSES: readonly EscrowStatus[] = Object.freeze(['FUNDED', 'SHIPPED', 'COMPLETED', 'DISPUTED']);

/**
 * Escrow durations in hours (PRODUCT.md §4), defaults of admin-configurable values:
 * - `inspectionHours`: after the seller ships, the buyer has this long to confirm receipt
 *   or open a dispute; then a job sends INSPECTION_TIMEOUT (room → COMPLETED). 72 h = 3 days.
 */
export const ESCROW_RULES = Object.freeze({ inspectionHours: 72 });

/**
 * One allowed room move: `event` on a room in `from` leads to `to`; `outcome` (RESOLVE only)
 * is the admin decision the row is for.
 */
export interface EscrowTransition {
  from: EscrowStatus;
  event: EscrowEventType;
  outcome?: EscrowOutcome;
  to: EscrowStatus;
}

/** The one table of room moves. Anything not listed is refused with INVALID_STATE. */
export const ESCROW_TRANSITIONS: readonly EscrowTransition[] = Object.freeze(
  (
    [
      { from: 'AWAITING_PAYMENT', event: 'CONFIRM_PAYMENT', to: 'FUNDED' },
      { from: 'AWAITING_PAYMENT', event: 'CANCEL', to: 'CANCELLED' },
      { from: 'FUNDED', event: 'SHIP', to: 'SHIPPED' },
      { from: 'FUNDED', event: 'OPEN_DISPUTE', to: 'DISPUTED' },
      { from: 'SHIPPED', event: 'CONFIRM_RECEIVED', to: 'COMPLETED' },
      { from: 'SHIPPED', event: 'INSPECTION_TIMEOUT', to: 'COMPLETED' },
      { from: 'SHIPPED', event: 'OPEN_DISPUTE', to: 'DISPUTED' },
      { from: 'COMPLETED', event: 'RELEASE', to: 'RELEASED' },
      { from: 'COMPLETED', event: 'OPEN_DISPUTE', to: 'DISPUTED' },
      { from: 'DISPUTED', event: 'RESOLVE', outcome: 'RELEASE', to: 'RELEASED' },
      { from: 'DISPUTED', event: 'RESOLVE', outcome: 'REFUND', to: 'REFUNDED' },
      { from: 'DISPUTED', event: 'RESOLVE', outcome: 'SPLIT', to: 'SPLIT' },
    ] satisfies EscrowTransition[]
  ).map((row) => Object.freeze(row)),
);

/** True for RELEASED, CANCELLED, REFUNDED and SPLIT ({@link ESCROW_FINAL_STATUSES}). */
export function isFinalEscrowStatus(status: EscrowStatus): boolean {
  return ESCROW_FINAL_STATUSES.includes(status);
}

const EVENT_TEXT: Record<EscrowEventType, string> = {
  CONFIRM_PAYMENT: 'confirm the payment',
  CANCEL: 'cancel the room',
  SHIP: 'mark the item shipped',
  CONFIRM_RECEIVED: 'confirm receipt',
  INSPECTION_TIMEOUT: 'end the inspection period',
  RELEASE: 'release the funds',
  OPEN_DISPUTE: 'open a dispute',
  RESOLVE: 'resolve the dispute',
};

/**
 * The room's status after `event` ({@link ESCROW_TRANSITIONS}).
 * @throws DomainError BAD_USER_INPUT for a missing event, a CANCEL with an unknown `by`
 *   (field "by") or a RESOLVE with an unknown `outcome` (field "outcome").
 * @throws DomainError INVALID_STATE for any event the table does not allow in `status`
 *   (including every event on a final room); the message names the statuses that accept it.
 */
export function applyEscrowEvent(status: EscrowStatus, event: EscrowEvent): EscrowStatus {
  if (typeof event !== 'object' || event === null) throw badInput('an escrow event is required', 'event');
  const type = event.type;
  if (type === 'CANCEL' && !ESCROW_CANCELLERS.includes(event.by)) {
    throw badInput(`by must be one of ${ESCROW_CANCELLERS.join(', ')}, got ${String(event.by)}`, 'by');
  }
  if (type === 'RESOLVE' && !ESCROW_OUTCOMES.includes(event.outcome)) {
    throw badInput(`outcome must be one of ${ESCROW_OUTCOMES.join(', ')}, got ${String(event.outcome)}`, 'outcome');
  }
  const row = ESCROW_TRANSITIONS.find(
    (t) => t.from === status && t.event === type && (t.outcome === undefined || ('outcome' in event && t.outcome === event.outcome)),
  );
  if (!row) {
    const text = EVENT_TEXT[type] ?? `apply ${String(type)}`;
    const why = isFinalEscrowStatus(status)
      ? `the room is already ${status}`
      : `the room is ${status}; ${type} is accepted only when it is ${
          [...new Set(ESCROW_TRANSITIONS.filter((t) => t.event === type).map((t) => t.from))].join(' or ') || 'never'
        }`;
    throw new DomainError('INVALID_STATE', `cannot ${text}: ${why}`);
  }
  return row.to;
}

/**
 * When the inspection period of a room shipped at `shippedAt` ends: `hours` later
 * (positive whole number, default {@link ESCROW_RULES}.inspectionHours = 72).
 * @throws DomainError BAD_USER_INPUT for an invalid date or hours (field "hours").
 */
export function inspectionDeadline(shippedAt: Date, hours: number = ESCROW_RULES.inspectionHours): Date {
  return hoursAfter(shippedAt, hours, 'hours');
}

/**
 * Checks an admin's split of a disputed room's `held` amount (rupiah): `toSeller` and
 * `toBuyer` must be non-negative safe integers summing exactly to `held` (itself a
 * non-negative safe integer). Either share may be zero. The fee is not split (it is
 * earned, see ledger `splitPostings`).
 * @throws DomainError BAD_USER_INPUT, field "split".
 */
export function validateSplit(held: number, toSeller: number, toBuyer: number): void {
  const ok = (n: unknown): n is number => typeof n === 'number' && Number.isSafeInteger(n) && n >= 0;
  if (!ok(held)) throw badInput(`the held amount must be a whole number of rupiah ≥ 0, got ${String(held)}`, 'split');
  if (!ok(toSeller) || !ok(toBuyer)) {
    throw badInput(
      `the split shares must be whole numbers of rupiah ≥ 0, got ${String(toSeller)} to the seller and ${String(toBuyer)} to the buyer`,
      'split',
    );
  }
  if (toSeller + toBuyer !== held) {
    const sum = toSeller + toBuyer;
    const sumText = Number.isSafeInteger(sum) ? formatRupiah(sum) : 'more than the largest safe amount';
    throw badInput(
      `the split shares must add up to the held amount ${formatRupiah(held)}, got ${formatRupiah(toSeller)} + ${formatRupiah(toBuyer)} = ${sumText}`,
      'split',
    );
  }
}
