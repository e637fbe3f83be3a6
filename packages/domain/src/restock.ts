import { DomainError } from './errors.js';

/** Restock order statuses (PRODUCT §6): ORDERED from a supplier, then RECEIVED (stock rises) or CANCELLED. */
export type RestockStatus = 'ORDERED' | 'RECEIVED' | 'CANCELLED';
export type RestockEvent = 'RECEIVE' | 'CANCEL';

/** The one table of restock moves. */
export const RESTOCK_TRANSITIONS: readonly { from: RestockStatus; event: RestockEvent; to: RestockStatus }[] = Object.freeze([
  Object.freeze({ from: 'ORDERED', event: 'RECEIVE', to: 'RECEIVED' }),
  Object.freeze({ from: 'ORDERED', event: 'CANCEL', to: 'CANCELLED' }),
] as const);

/** The next status; INVALID_STATE for a move the table does not list. */
export function applyRestockEvent(status: RestockStatus, event: RestockEvent): RestockStatus {
  const row = RESTOCK_TRANSITIONS.find((t) => t.from === status && t.event === event);
  if (!row) throw new DomainError('INVALID_STATE', `A ${status} restock order cannot be ${event === 'RECEIVE' ? 'received' : 'cancelled'}.`);
  return row.to;
}

/**
 * Validates received quantities against what was ordered: whole numbers from 0 to the
 * ordered quantity (a short delivery is allowed; more than ordered is not). BAD_USER_INPUT
 * naming `lines.N.received`.
 */
export function validateReceived(lines: { ordered: number; received: number }[]): void {
  lines.forEach((l, i) => {
    if (!Number.isInteger(l.received) || l.received < 0 || l.received > l.ordered) {
      throw new DomainError('BAD_USER_INPUT', `Received quantity must be a whole number from 0 to ${l.ordered}.`, `lines.${i}.received`);
    }
  });
}
