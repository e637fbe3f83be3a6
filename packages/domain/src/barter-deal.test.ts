import { describe, expect, it } from 'vitest';
import {
  COURIERS,
  COURIER_NAMES,
  DEAL_EVENT_TYPES,
  DEAL_RULES,
  DEAL_STATUSES,
  DEAL_TRANSITIONS,
  TRACKING_NUMBER_RULES,
  applyDealEvent,
  isFinalDealStatus,
  newDeal,
  normaliseTrackingNumber,
  receiptDeadline,
  shipmentDeadline,
  type Courier,
  type DealEvent,
  type DealState,
  type DealStatus,
} from './barter-deal.js';
import type { TradeParty } from './barter-offer.js';
import { DomainError } from './errors.js';
import { domainError } from './domain-error.test-helper.js';

const flags = (BUYER: boolean, SELLER: boolean): Record<TradeParty, boolean> => ({ BUYER, SELLER });
const deal = (
  status: DealStatus,
  shipped = flags(false, false),
  received = flags(false, false),
): DealState => ({ status, shipped, received });

/** The state a deal in `status` typically has when it gets there (for the enumeration). */
const typical: Record<DealStatus, DealState> = {
  AWAITING_SHIPMENT: deal('AWAITING_SHIPMENT'),
  SHIPPED: deal('SHIPPED', flags(true, true)),
  COMPLETED: deal('COMPLETED', flags(true, true), flags(true, true)),
  DISPUTED: deal('DISPUTED', flags(true, false)),
  CANCELLED: deal('CANCELLED', flags(false, true)),
};

/** Every concrete event: per-party events for both parties, both dispute outcomes. */
const EVENTS: DealEvent[] = [
  { type: 'SUBMIT_SHIPMENT', party: 'BUYER' },
  { type: 'SUBMIT_SHIPMENT', party: 'SELLER' },
  { type: 'CONFIRM_RECEIPT', party: 'BUYER' },
  { type: 'CONFIRM_RECEIPT', party: 'SELLER' },
  { type: 'OPEN_DISPUTE', party: 'BUYER' },
  { type: 'OPEN_DISPUTE', party: 'SELLER' },
  { type: 'RESOLVE_DISPUTE', outcome: 'COMPLETE' },
  { type: 'RESOLVE_DISPUTE', outcome: 'CANCEL' },
  { type: 'SHIPPING_TIMEOUT' },
  { type: 'RECEIPT_TIMEOUT' },
];
const label = (e: DealEvent) => [e.type, 'party' in e ? e.party : '', 'outcome' in e ? e.outcome : ''].filter(Boolean).join(' ');

describe('DEAL_RULES and DEAL_TRANSITIONS', () => {
  it('has the PRODUCT.md §3 durations and is frozen', () => {
    expect(DEAL_RULES).toEqual({ shipWithinHours: 72, confirmWithinHours: 168 });
    expect(Object.isFrozen(DEAL_RULES)).toBe(true);
    expect(Object.isFrozen(DEAL_TRANSITIONS)).toBe(true);
    for (const row of DEAL_TRANSITIONS) expect(Object.isFrozen(row)).toBe(true);
  });

  it('is exactly the agreed rows', () => {
    expect(DEAL_TRANSITIONS).toEqual([
      { from: 'AWAITING_SHIPMENT', event: 'SUBMIT_SHIPMENT', to: 'AWAITING_SHIPMENT', toWhenBoth: 'SHIPPED' },
      { from: 'AWAITING_SHIPMENT', event: 'OPEN_DISPUTE', to: 'DISPUTED' },
      { from: 'AWAITING_SHIPMENT', event: 'SHIPPING_TIMEOUT', to: 'CANCELLED' },
      { from: 'SHIPPED', event: 'CONFIRM_RECEIPT', to: 'SHIPPED', toWhenBoth: 'COMPLETED' },
      { from: 'SHIPPED', event: 'OPEN_DISPUTE', to: 'DISPUTED' },
      { from: 'SHIPPED', event: 'RECEIPT_TIMEOUT', to: 'COMPLETED' },
      { from: 'DISPUTED', event: 'RESOLVE_DISPUTE', outcome: 'COMPLETE', to: 'COMPLETED' },
      { from: 'DISPUTED', event: 'RESOLVE_DISPUTE', outcome: 'CANCEL', to: 'CANCELLED' },
    ]);
  });

  it('final statuses accept nothing; lists are complete', () => {
    expect(DEAL_STATUSES.filter(isFinalDealStatus)).toEqual(['COMPLETED', 'CANCELLED']);
    for (const s of ['COMPLETED', 'CANCELLED'] as DealStatus[]) {
      expect(DEAL_TRANSITIONS.filter((t) => t.from === s)).toEqual([]);
    }
    expect(DEAL_EVENT_TYPES).toHaveLength(6);
    expect(new Set(DEAL_TRANSITIONS.map((t) => t.event))).toEqual(new Set(DEAL_EVENT_TYPES));
  });
});

describe('applyDealEvent: allowed moves', () => {
  it('newDeal awaits both shipments', () => {
    expect(newDeal()).toEqual(deal('AWAITING_SHIPMENT'));
  });

  // [name, before, event, after]
  it.each<[string, DealState, DealEvent, DealState]>([
    ['buyer ships first', deal('AWAITING_SHIPMENT'), { type: 'SUBMIT_SHIPMENT', party: 'BUYER' }, deal('AWAITING_SHIPMENT', flags(true, false))],
    ['seller ships first', deal('AWAITING_SHIPMENT'), { type: 'SUBMIT_SHIPMENT', party: 'SELLER' }, deal('AWAITING_SHIPMENT', flags(false, true))],
    ['seller ships second → SHIPPED', deal('AWAITING_SHIPMENT', flags(true, false)), { type: 'SUBMIT_SHIPMENT', party: 'SELLER' }, deal('SHIPPED', flags(true, true))],
    ['buyer ships second → SHIPPED', deal('AWAITING_SHIPMENT', flags(false, true)), { type: 'SUBMIT_SHIPMENT', party: 'BUYER' }, deal('SHIPPED', flags(true, true))],
    ['buyer disputes before shipping', deal('AWAITING_SHIPMENT', flags(false, true)), { type: 'OPEN_DISPUTE', party: 'BUYER' }, deal('DISPUTED', flags(false, true))],
    ['seller disputes before shipping', deal('AWAITING_SHIPMENT'), { type: 'OPEN_DISPUTE', party: 'SELLER' }, deal('DISPUTED')],
    ['nobody shipped in time', deal('AWAITING_SHIPMENT'), { type: 'SHIPPING_TIMEOUT' }, deal('CANCELLED')],
    ['seller did not ship in time', deal('AWAITING_SHIPMENT', flags(true, false)), { type: 'SHIPPING_TIMEOUT' }, deal('CANCELLED', flags(true, false))],
    ['buyer confirms first', typical.SHIPPED, { type: 'CONFIRM_RECEIPT', party: 'BUYER' }, deal('SHIPPED', flags(true, true), flags(true, false))],
    ['seller confirms first', typical.SHIPPED, { type: 'CONFIRM_RECEIPT', party: 'SELLER' }, deal('SHIPPED', flags(true, true), flags(false, true))],
    ['seller confirms second → COMPLETED', deal('SHIPPED', flags(true, true), flags(true, false)), { type: 'CONFIRM_RECEIPT', party: 'SELLER' }, typical.COMPLETED],
    ['buyer confirms second → COMPLETED', deal('SHIPPED', flags(true, true), flags(false, true)), { type: 'CONFIRM_RECEIPT', party: 'BUYER' }, typical.COMPLETED],
    ['buyer disputes after shipping', typical.SHIPPED, { type: 'OPEN_DISPUTE', party: 'BUYER' }, deal('DISPUTED', flags(true, true))],
    ['seller disputes after confirming', deal('SHIPPED', flags(true, true), flags(false, true)), { type: 'OPEN_DISPUTE', party: 'SELLER' }, deal('DISPUTED', flags(true, true), flags(false, true))],
    ['receipt timeout with nobody confirming', typical.SHIPPED, { type: 'RECEIPT_TIMEOUT' }, typical.COMPLETED],
    ['receipt timeout after one confirmed', deal('SHIPPED', flags(true, true), flags(true, false)), { type: 'RECEIPT_TIMEOUT' }, typical.COMPLETED],
    ['admin completes', deal('DISPUTED', flags(true, true)), { type: 'RESOLVE_DISPUTE', outcome: 'COMPLETE' }, deal('COMPLETED', flags(true, true))],
    ['admin cancels', deal('DISPUTED', flags(true, false)), { type: 'RESOLVE_DISPUTE', outcome: 'CANCEL' }, deal('CANCELLED', flags(true, false))],
  ])('%s', (_name, before, event, after) => {
    const snapshot = structuredClone(before);
    expect(applyDealEvent(before, event)).toEqual(after);
    expect(before).toEqual(snapshot); // the input is not modified
  });

  it('a whole deal: ship, ship, confirm, confirm', () => {
    let d = newDeal();
    const trail: DealStatus[] = [];
    for (const e of [
      { type: 'SUBMIT_SHIPMENT', party: 'SELLER' },
      { type: 'SUBMIT_SHIPMENT', party: 'BUYER' },
      { type: 'CONFIRM_RECEIPT', party: 'BUYER' },
      { type: 'CONFIRM_RECEIPT', party: 'SELLER' },
    ] as DealEvent[]) {
      d = applyDealEvent(d, e);
      trail.push(d.status);
    }
    expect(trail).toEqual(['AWAITING_SHIPMENT', 'SHIPPED', 'SHIPPED', 'COMPLETED']);
  });

  it('disputes can be opened from both non-final, undisputed statuses by either party and resolved both ways', () => {
    for (const from of ['AWAITING_SHIPMENT', 'SHIPPED'] as DealStatus[]) {
      for (const party of ['BUYER', 'SELLER'] as TradeParty[]) {
        const disputed = applyDealEvent(typical[from], { type: 'OPEN_DISPUTE', party });
        expect(disputed.status).toBe('DISPUTED');
        expect(applyDealEvent(disputed, { type: 'RESOLVE_DISPUTE', outcome: 'COMPLETE' }).status).toBe('COMPLETED');
        expect(applyDealEvent(disputed, { type: 'RESOLVE_DISPUTE', outcome: 'CANCEL' }).status).toBe('CANCELLED');
      }
    }
  });
});

describe('applyDealEvent: refused moves', () => {
  it('refuses every (status, event) the table does not list, with INVALID_STATE', () => {
    const allowed: string[] = [];
    let refused = 0;
    for (const status of DEAL_STATUSES) {
      for (const event of EVENTS) {
        const listed = DEAL_TRANSITIONS.some(
          (t) => t.from === status && t.event === event.type && (!t.outcome || ('outcome' in event && t.outcome === event.outcome)),
        );
        const run = () => applyDealEvent(typical[status], event);
        if (listed) {
          run();
          allowed.push(`${status}: ${label(event)}`);
        } else {
          const e = domainError(run);
          expect(e.code).toBe('INVALID_STATE');
          refused++;
        }
      }
    }
    expect(allowed).toEqual([
      'AWAITING_SHIPMENT: SUBMIT_SHIPMENT BUYER',
      'AWAITING_SHIPMENT: SUBMIT_SHIPMENT SELLER',
      'AWAITING_SHIPMENT: OPEN_DISPUTE BUYER',
      'AWAITING_SHIPMENT: OPEN_DISPUTE SELLER',
      'AWAITING_SHIPMENT: SHIPPING_TIMEOUT',
      'SHIPPED: CONFIRM_RECEIPT BUYER',
      'SHIPPED: CONFIRM_RECEIPT SELLER',
      'SHIPPED: OPEN_DISPUTE BUYER',
      'SHIPPED: OPEN_DISPUTE SELLER',
      'SHIPPED: RECEIPT_TIMEOUT',
      'DISPUTED: RESOLVE_DISPUTE COMPLETE',
      'DISPUTED: RESOLVE_DISPUTE CANCEL',
    ]);
    expect(refused).toBe(5 * EVENTS.length - 12);
    expect(refused).toBe(38);
  });

  it.each<[string, DealState, DealEvent, RegExp]>([
    ['shipping twice', deal('AWAITING_SHIPMENT', flags(true, false)), { type: 'SUBMIT_SHIPMENT', party: 'BUYER' }, /BUYER has already submitted a shipment/],
    ['shipping after both shipped', typical.SHIPPED, { type: 'SUBMIT_SHIPMENT', party: 'SELLER' }, /deal is SHIPPED; SUBMIT_SHIPMENT is accepted only when it is AWAITING_SHIPMENT/],
    ['confirming twice', deal('SHIPPED', flags(true, true), flags(false, true)), { type: 'CONFIRM_RECEIPT', party: 'SELLER' }, /SELLER has already confirmed receipt/],
    ['confirming before SHIPPED', deal('AWAITING_SHIPMENT', flags(true, false)), { type: 'CONFIRM_RECEIPT', party: 'SELLER' }, /cannot confirm receipt: the deal is AWAITING_SHIPMENT; .* only when it is SHIPPED/],
    ['disputing a disputed deal', typical.DISPUTED, { type: 'OPEN_DISPUTE', party: 'BUYER' }, /AWAITING_SHIPMENT or SHIPPED/],
    ['resolving an undisputed deal', typical.SHIPPED, { type: 'RESOLVE_DISPUTE', outcome: 'CANCEL' }, /only when it is DISPUTED$/],
    ['shipping timeout after shipping', typical.SHIPPED, { type: 'SHIPPING_TIMEOUT' }, /only when it is AWAITING_SHIPMENT/],
    ['shipping timeout once both shipped (inconsistent state)', deal('AWAITING_SHIPMENT', flags(true, true)), { type: 'SHIPPING_TIMEOUT' }, /both parties have shipped/],
    ['receipt timeout before shipping', deal('AWAITING_SHIPMENT', flags(true, false)), { type: 'RECEIPT_TIMEOUT' }, /only when it is SHIPPED/],
    ['receipt timeout while disputed', typical.DISPUTED, { type: 'RECEIPT_TIMEOUT' }, /deal is DISPUTED/],
    ['anything on a completed deal', typical.COMPLETED, { type: 'OPEN_DISPUTE', party: 'BUYER' }, /already COMPLETED/],
    ['anything on a cancelled deal', typical.CANCELLED, { type: 'RESOLVE_DISPUTE', outcome: 'COMPLETE' }, /already CANCELLED/],
  ])('%s', (_name, state, event, message) => {
    const e = domainError(() => applyDealEvent(state, event));
    expect(e.code).toBe('INVALID_STATE');
    expect(e.message).toMatch(message);
  });

  it.each<[string, DealEvent, string]>([
    ['an unknown party', { type: 'SUBMIT_SHIPMENT', party: 'ADMIN' as TradeParty }, 'party'],
    ['an unknown outcome', { type: 'RESOLVE_DISPUTE', outcome: 'REFUND' as 'CANCEL' }, 'outcome'],
  ])('refuses %s with BAD_USER_INPUT', (_name, event, field) => {
    const e = domainError(() => applyDealEvent(typical.DISPUTED, event));
    expect([e.code, e.field]).toEqual(['BAD_USER_INPUT', field]);
  });
});

describe('deal deadlines', () => {
  it.each<[string, (d: Date, h?: number) => Date, number | undefined, string]>([
    ['ship by (3 days)', shipmentDeadline, undefined, '2026-05-04T03:00:00.000Z'],
    ['ship by (custom 48 h)', shipmentDeadline, 48, '2026-05-03T03:00:00.000Z'],
    ['auto-confirm (7 days)', receiptDeadline, undefined, '2026-05-08T03:00:00.000Z'],
    ['auto-confirm (custom 24 h)', receiptDeadline, 24, '2026-05-02T03:00:00.000Z'],
  ])('%s', (_name, fn, hours, expected) => {
    expect(fn(new Date('2026-05-01T03:00:00Z'), hours).toISOString()).toBe(expected);
  });

  it('refuses non-positive or fractional hours', () => {
    expect(domainError(() => shipmentDeadline(new Date(), 0)).field).toBe('hours');
    expect(domainError(() => receiptDeadline(new Date(), 2.5)).field).toBe('hours');
  });
});

describe('couriers and tracking numbers', () => {
  it('lists the couriers with display names', () => {
    expect(COURIERS).toEqual(['JNE', 'JNT', 'SICEPAT', 'ANTERAJA', 'POS', 'NINJA', 'IDEXPRESS', 'LION', 'OTHER']);
    expect(COURIER_NAMES).toEqual({
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
    expect(Object.isFrozen(COURIERS)).toBe(true);
    expect(Object.isFrozen(COURIER_NAMES)).toBe(true);
    expect(TRACKING_NUMBER_RULES).toEqual({ minLength: 6, maxLength: 40 });
  });

  it.each<[Courier, string, string]>([
    ['JNE', 'cgk1234567890', 'CGK1234567890'],
    ['JNT', '  JP 1234-5678 90 ', 'JP1234567890'],
    ['SICEPAT', '0012\t3456\n7890', '001234567890'],
    ['ANTERAJA', '10–00–12', '100012'], // en dashes
    ['POS', 'abc123', 'ABC123'], // exactly 6
    ['OTHER', 'A'.repeat(40), 'A'.repeat(40)], // exactly 40
    ['LION', '-a-b-c-1-2-3-', 'ABC123'],
  ])('%s %j → %s', (courier, raw, expected) => {
    expect(normaliseTrackingNumber(courier, raw)).toBe(expected);
  });

  it.each<[string, string, string, RegExp]>([
    ['JNE', '', 'trackingNumber', /required/],
    ['JNE', '  - - ', 'trackingNumber', /required/],
    ['JNE', 'abc12', 'trackingNumber', /6 to 40.*got 5/],
    ['JNE', 'A'.repeat(41), 'trackingNumber', /6 to 40.*got 41/],
    ['JNE', 'JP123/456', 'trackingNumber', /only letters A–Z, digits 0–9/],
    ['JNE', 'JP1234_56', 'trackingNumber', /only letters/],
    ['JNE', 'straße123', 'trackingNumber', /only letters/], // would upper-case to STRASSE123
    ['JNE', 'JP12345６', 'trackingNumber', /only letters/], // full-width digit
    ['FEDEX', 'JP1234567', 'courier', /courier must be one of JNE, JNT/],
    ['jne', 'JP1234567', 'courier', /courier must be one of/],
  ])('%s %j is refused (%s)', (courier, raw, field, message) => {
    const e = domainError(() => normaliseTrackingNumber(courier as Courier, raw));
    expect([e.code, e.field]).toEqual(['BAD_USER_INPUT', field]);
    expect(e.message).toMatch(message);
  });
});
