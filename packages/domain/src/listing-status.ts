/**
 * Listing statuses and who may move a listing between them (PRODUCT §2).
 * `owner` acts through updateListing, `trade` through deals/orders, `admin` through moderation.
 * A move the table does not list is refused with INVALID_STATE.
 */
export type ListingStatus = 'DRAFT' | 'ACTIVE' | 'RESERVED' | 'CLOSED' | 'REMOVED';
export type ListingActor = 'owner' | 'trade' | 'admin';

export interface ListingTransition {
  from: ListingStatus;
  to: ListingStatus;
  by: ListingActor;
}

/** The one table of listing status moves. */
export const LISTING_TRANSITIONS: readonly ListingTransition[] = Object.freeze([
  { from: 'DRAFT', to: 'ACTIVE', by: 'owner' },
  { from: 'DRAFT', to: 'CLOSED', by: 'owner' },
  { from: 'ACTIVE', to: 'DRAFT', by: 'owner' },
  { from: 'ACTIVE', to: 'CLOSED', by: 'owner' },
  { from: 'CLOSED', to: 'ACTIVE', by: 'owner' },
  { from: 'ACTIVE', to: 'RESERVED', by: 'trade' },
  { from: 'RESERVED', to: 'ACTIVE', by: 'trade' },
  { from: 'RESERVED', to: 'CLOSED', by: 'trade' },
  { from: 'DRAFT', to: 'REMOVED', by: 'admin' },
  { from: 'ACTIVE', to: 'REMOVED', by: 'admin' },
  { from: 'CLOSED', to: 'REMOVED', by: 'admin' },
  { from: 'REMOVED', to: 'ACTIVE', by: 'admin' },
] as const);

/** True when `by` may move a listing from `from` to `to` (same status → true: nothing moves). */
export function canMoveListing(from: ListingStatus, to: ListingStatus, by: ListingActor): boolean {
  if (from === to) return true;
  return LISTING_TRANSITIONS.some((t) => t.from === from && t.to === to && t.by === by);
}

/** Statuses anyone may see; DRAFT and REMOVED only their owner and admins. */
export function isPubliclyVisible(status: ListingStatus): boolean {
  return status === 'ACTIVE' || status === 'RESERVED' || status === 'CLOSED';
}
