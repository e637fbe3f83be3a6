/** @pasar/domain — pure business rules of Pasar (PRODUCT.md). No I/O. */
export * from './errors.js';
export * from './money.js';
export * from './points.js';
export * from './listing.js';
export * from './listing-status.js';
export * from './time.js';
export * from './barter-offer.js';
export * from './barter-deal.js';
export * from './escrow-fee.js';
export * from './escrow-room.js';
export * from './ledger.js';
export * from './shipping.js';
export * from './shipping-service.js';
export * from './order.js';
export * from './restock.js';
