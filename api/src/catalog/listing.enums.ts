import { registerEnumType } from 'type-graphql';

/** How a listing trades (PRODUCT §2). */
export enum ListingKind {
  SALE = 'SALE',
  BARTER = 'BARTER',
  SERVICE = 'SERVICE',
}
registerEnumType(ListingKind, {
  name: 'ListingKind',
  description: 'SALE: price and stock. BARTER: valued in points. SERVICE: an hourly rate (companions, guides).',
});

/** Listing lifecycle (PRODUCT §2). */
export enum ListingStatus {
  DRAFT = 'DRAFT',
  ACTIVE = 'ACTIVE',
  RESERVED = 'RESERVED',
  CLOSED = 'CLOSED',
  REMOVED = 'REMOVED',
}
registerEnumType(ListingStatus, {
  name: 'ListingStatus',
  description: 'DRAFT (owner only), ACTIVE (searchable), RESERVED (in a deal), CLOSED (sold/traded), REMOVED (moderation).',
});

/** Item condition; drives the barter condition multiplier (PRODUCT §3). */
export enum ItemCondition {
  NEW = 'NEW',
  LIKE_NEW = 'LIKE_NEW',
  GOOD = 'GOOD',
  FAIR = 'FAIR',
  POOR = 'POOR',
}
registerEnumType(ItemCondition, { name: 'ItemCondition', description: 'NEW, LIKE_NEW, GOOD, FAIR or POOR.' });

/** Search orderings. RELEVANCE needs a text query and falls back to NEWEST without one. */
export enum ListingSort {
  RELEVANCE = 'RELEVANCE',
  NEWEST = 'NEWEST',
  PRICE_ASC = 'PRICE_ASC',
  PRICE_DESC = 'PRICE_DESC',
  POINTS_ASC = 'POINTS_ASC',
  POINTS_DESC = 'POINTS_DESC',
}
registerEnumType(ListingSort, {
  name: 'ListingSort',
  description: 'RELEVANCE (full-text rank; NEWEST without a query), NEWEST, PRICE_* (price or hourly rate), POINTS_* (barter points).',
});
