import { randomBytes, randomUUID } from 'node:crypto';
import { ORDER_RULES, roundedDistanceKm, shippingQuote, type ShippingQuote, type ShippingRate } from '@pasar/domain';
import { isUuid } from '../catalog/listing.service.js';
import type { ReferenceService } from '../catalog/reference.service.js';
import type { Config } from '../core/config.js';
import type { AuthedContext } from '../core/context.js';
import { runPrepared } from '../core/db/prepared.js';
import { badInput, conflict } from '../core/graphql/errors.js';
import type { Jobs } from '../core/jobs.js';
import type { Live, LiveEvent } from '../core/live.js';
import { CHECKOUT_READ, CHECKOUT_WRITE } from './checkout.sql.js';
import { Order, type ShipTo } from './order.entity.js';

/** The job that expires an unpaid order (payload: the order id). */
export const EXPIRE_ORDER_JOB = 'order-expire';

/** A cart line as checkout reads it: quantity, and the product's title, unit price (rupiah) and parcel size. */
interface ReadLine {
  listingId: string;
  quantity: number;
  title: string;
  price: number;
  weightGrams: number | null;
  lengthCm: number | null;
  widthCm: number | null;
  heightCm: number | null;
}

interface ReadRow {
  store: { id: string; slug: string; cityCode: string; staff: string[] } | null;
  service: (ShippingRate & { id: string }) | null;
  lines: ReadLine[];
}

interface LockedRow {
  id: string;
  title: string;
  stock: number;
  price: number;
  status: string;
  kind: string;
  store_id: string | null;
  seller_id: string;
}

interface WriteRow {
  ok: boolean;
  placed: Record<string, unknown> | null;
  locked: LockedRow[] | null;
  alerts: { id: string; userId: string }[];
}

/**
 * The shipping cost of `lines` from a store's city to a destination city with a service's
 * rate (packages/domain shippingQuote; a product without a weight counts as 1,000 g).
 * @throws AppError BAD_USER_INPUT "cityCode" for an unknown city code.
 */
export function quoteLines(reference: ReferenceService, fromCity: string, toCity: string, rate: ShippingRate,
  lines: { weightGrams?: number | null; lengthCm?: number | null; widthCm?: number | null; heightCm?: number | null; quantity: number }[]): ShippingQuote {
  const from = reference.city(fromCity);
  const to = reference.city(toCity);
  if (!from || !to) throw badInput('Unknown city code.', 'cityCode');
  return shippingQuote({
    parcels: lines.map((l) => ({ weightGrams: l.weightGrams ?? 1000, lengthCm: l.lengthCm ?? 0, widthCm: l.widthCm ?? 0, heightCm: l.heightCm ?? 0, quantity: l.quantity })),
    distanceKm: roundedDistanceKm(from, to),
    rate: { base: Number(rate.base), perKg: Number(rate.perKg), perKm: Number(rate.perKm), volumeFactor: Number(rate.volumeFactor) },
  });
}

/**
 * checkout (PRODUCT §6, seed 003): turns the caller's cart lines of one store into a
 * PENDING_PAYMENT order and reserves their stock, all or nothing. Two round trips: one read
 * (store, service, cart), then ONE write statement (checkout.sql.ts) that locks the products
 * in id order, checks every line on the locked rows and only then takes the stock with a
 * conditional update, inserts the order and its lines and empties those cart lines. So stock
 * is never negative and never oversold under any concurrency, and a hot product's row lock
 * is held for one statement. After commit: the live ORDER event to the buyer and staff,
 * LOW_STOCK notifications, and the expiry job at the end of the payment window.
 *
 * @throws AppError BAD_USER_INPUT: "storeId" (unknown store, nothing of it in the cart, more
 *   than ORDER_RULES.maxLines lines), "shippingServiceId", "shipTo.*" (see validateShipTo);
 *   CONFLICT "cart" when a line cannot be served any more (stock, price or availability
 *   changed, or the cart changed meanwhile) — nothing is written then.
 */
export async function checkout(
  deps: { config: Config; reference: ReferenceService; live: Live; jobs: Jobs },
  ctx: AuthedContext,
  input: { storeId: string; shippingServiceId: string; shipTo: ShipTo },
): Promise<Order> {
  const shipTo = validateShipTo(deps.reference, input.shipTo);
  if (!isUuid(input.storeId)) throw badInput('Unknown store.', 'storeId');
  if (!isUuid(input.shippingServiceId)) throw badInput('Unknown shipping service.', 'shippingServiceId');
  const [read] = await runPrepared<ReadRow>(ctx.em, 'checkout-read', CHECKOUT_READ, [input.storeId, input.shippingServiceId, ctx.user.id]);
  const { store, service } = read;
  if (!store) throw badInput('Unknown store.', 'storeId');
  if (!service) throw badInput('Unknown shipping service.', 'shippingServiceId');
  const lines = read.lines;
  if (!lines.length) throw badInput('Your cart has nothing from this store.', 'storeId');
  if (lines.length > ORDER_RULES.maxLines) throw badInput(`At most ${ORDER_RULES.maxLines} lines per order.`, 'storeId');

  const quote = quoteLines(deps.reference, store.cityCode, shipTo.cityCode, service, lines);
  const subtotal = lines.reduce((sum, l) => sum + Number(l.price) * l.quantity, 0);
  const orderId = randomUUID();
  const expiresAt = new Date(Date.now() + deps.config.commerce.paymentWindowSeconds * 1000);
  const staff = store.staff;
  const wanted = lines.map((l) => ({ listingId: l.listingId, itemId: randomUUID(), quantity: l.quantity, unitPrice: Number(l.price), title: l.title }));
  const write = () => runPrepared<WriteRow>(ctx.em, 'checkout-write', CHECKOUT_WRITE, [
    JSON.stringify(wanted), store.id, ctx.user.id, orderId, orderNumber(), subtotal, quote.total, service.id,
    quote.chargeableKg, quote.distanceKm, JSON.stringify(shipTo), shipTo.cityCode, expiresAt, '/toko-saya', JSON.stringify(staff),
  ]);
  // The order number's 6 random characters can repeat within a day (32⁶ per day): the whole
  // statement then failed and wrote nothing, so it is simply run again with a new number.
  const [out] = await retryOn(NUMBER_TAKEN, 3, write);
  if (!out.ok || !out.placed) throw refusal(lines, out.locked ?? [], store.id, ctx.user.id);

  const events: LiveEvent[] = [{ topic: 'ORDER', orderId, audience: [ctx.user.id, ...staff] }];
  for (const a of out.alerts) events.push({ topic: 'NOTIFICATION', userId: a.userId, notificationId: a.id });
  deps.live.publish(events);
  // Not awaited: the answer does not wait for the job's insert (Jobs.at never throws; should the
  // process die first, the minute sweep expires the order all the same).
  void deps.jobs.at(EXPIRE_ORDER_JOB, orderId, expiresAt);
  return ctx.em.map(Order, out.placed);
}

const NUMBER_TAKEN = 'orders_number_unique';

/** Runs `work`, again (up to `times` in all) while it fails on the unique constraint `constraint`. */
async function retryOn<T>(constraint: string, times: number, work: () => Promise<T>): Promise<T> {
  for (let i = 1; ; i++) {
    try {
      return await work();
    } catch (err) {
      if (i >= times || (err as { constraint?: string }).constraint !== constraint) throw err;
    }
  }
}

/** The CONFLICT for the first line the write refused, in words the buyer can act on. */
function refusal(lines: ReadLine[], locked: LockedRow[], storeId: string, userId: string) {
  const byId = new Map(locked.map((k) => [k.id, k]));
  for (const l of lines) {
    const k = byId.get(l.listingId);
    if (!k || k.status !== 'ACTIVE' || k.kind !== 'SALE' || k.store_id !== storeId || k.seller_id === userId) {
      return conflict(`"${l.title}" is no longer available.`, 'cart');
    }
    if (Number(k.price) !== Number(l.price)) return conflict(`The price of "${l.title}" has changed; check your cart.`, 'cart');
    if (k.stock < l.quantity) return conflict(`"${l.title}" no longer has ${l.quantity} in stock (${k.stock} left).`, 'cart');
  }
  return conflict('Your cart changed during checkout; check it and try again.', 'cart');
}

/**
 * The delivery address, trimmed.
 * @throws AppError BAD_USER_INPUT "shipTo.recipient" (≥ 2 characters), "shipTo.phone"
 *   (8–20 digits, spaces, +()-), "shipTo.address" (≥ 8 characters), "shipTo.cityCode" (a known city).
 */
export function validateShipTo(reference: ReferenceService, s: ShipTo): ShipTo {
  const t = (v: string | null | undefined) => (v ?? '').trim();
  const shipTo = { recipient: t(s.recipient), phone: t(s.phone), address: t(s.address), cityCode: t(s.cityCode), postalCode: t(s.postalCode) || null };
  if (shipTo.recipient.length < 2) throw badInput('Enter the recipient\'s name.', 'shipTo.recipient');
  if (!/^\+?[0-9 ()-]{8,20}$/.test(shipTo.phone)) throw badInput('Enter a phone number.', 'shipTo.phone');
  if (shipTo.address.length < 8) throw badInput('Enter the full address.', 'shipTo.address');
  if (!reference.city(shipTo.cityCode)) throw badInput('Unknown city code.', 'shipTo.cityCode');
  return shipTo;
}

/** An order number: PSR-YYYYMMDD-XXXXXX (Jakarta date; 6 random characters without look-alikes). */
export function orderNumber(now = Date.now()): string {
  const wib = new Date(now + 7 * 3600_000).toISOString().slice(0, 10).replace(/-/g, '');
  const alphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
  const suffix = [...randomBytes(6)].map((b) => alphabet[b % alphabet.length]).join('');
  return `PSR-${wib}-${suffix}`;
}
