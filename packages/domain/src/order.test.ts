import { describe, expect, it } from 'vitest';
import { DomainError } from './errors.js';
import {
  ORDER_ACTORS,
  ORDER_EVENTS,
  ORDER_FINAL_STATUSES,
  ORDER_RULES,
  ORDER_STATUSES,
  ORDER_TRANSITIONS,
  applyOrderEvent,
  cartTotals,
  isFinalOrderStatus,
  releasesStock,
  type CartLine,
  type OrderActor,
  type OrderEvent,
  type OrderStatus,
} from './order.js';
import { domainError } from './domain-error.test-helper.js';

describe('ORDER_RULES and ORDER_TRANSITIONS', () => {
  it('has the PRODUCT.md §6 limits and frozen tables', () => {
    expect(ORDER_RULES).toEqual({ paymentWindowMinutes: 30, maxQuantityPerLine: 99, maxLines: 50, confirmHours: 72, deliveredAfterDays: 14 });
    for (const t of [ORDER_RULES, ORDER_TRANSITIONS, ORDER_STATUSES, ORDER_EVENTS, ORDER_ACTORS, ORDER_FINAL_STATUSES]) {
      expect(Object.isFrozen(t)).toBe(true);
    }
    for (const row of ORDER_TRANSITIONS) {
      expect(Object.isFrozen(row)).toBe(true);
      expect(Object.isFrozen(row.by)).toBe(true);
    }
  });

  it('is exactly the agreed rows', () => {
    expect(ORDER_TRANSITIONS).toEqual([
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
    ]);
  });

  it('final statuses accept nothing; lists are complete; each (status, event) has at most one row', () => {
    expect(ORDER_STATUSES).toHaveLength(8);
    expect(ORDER_EVENTS).toHaveLength(8);
    expect(ORDER_ACTORS).toEqual(['BUYER', 'STAFF', 'ADMIN', 'SYSTEM']);
    expect(ORDER_STATUSES.filter(isFinalOrderStatus)).toEqual(['COMPLETED', 'CANCELLED', 'REFUNDED']);
    for (const s of ORDER_FINAL_STATUSES) expect(ORDER_TRANSITIONS.filter((t) => t.from === s)).toEqual([]);
    expect(new Set(ORDER_TRANSITIONS.map((t) => t.event))).toEqual(new Set(ORDER_EVENTS));
    expect(new Set(ORDER_TRANSITIONS.map((t) => `${t.from} ${t.event}`)).size).toBe(ORDER_TRANSITIONS.length);
    for (const t of ORDER_TRANSITIONS) expect(t.by.length).toBeGreaterThan(0);
    // every status is reachable from PENDING_PAYMENT
    const reached = new Set<OrderStatus>(['PENDING_PAYMENT']);
    for (let grew = true; grew; ) {
      grew = false;
      for (const t of ORDER_TRANSITIONS) {
        if (reached.has(t.from) && !reached.has(t.to)) {
          reached.add(t.to);
          grew = true;
        }
      }
    }
    expect(reached).toEqual(new Set(ORDER_STATUSES));
  });

  it('who may do what: buyers only cancel unpaid orders and complete; admins only refund', () => {
    const by = (actor: OrderActor) => ORDER_TRANSITIONS.filter((t) => t.by.includes(actor)).map((t) => `${t.from} ${t.event}`);
    expect(by('BUYER')).toEqual(['PENDING_PAYMENT CANCEL', 'DELIVERED COMPLETE']);
    expect(by('ADMIN')).toEqual(['PAID REFUND', 'PROCESSING REFUND', 'SHIPPED REFUND', 'DELIVERED REFUND']);
    expect(by('SYSTEM')).toEqual(['PENDING_PAYMENT PAY', 'PENDING_PAYMENT EXPIRE', 'SHIPPED DELIVER', 'DELIVERED COMPLETE']);
    expect(by('STAFF')).toEqual([
      'PENDING_PAYMENT PAY',
      'PENDING_PAYMENT CANCEL',
      'PAID CANCEL',
      'PAID START_PROCESSING',
      'PAID REFUND',
      'PROCESSING CANCEL',
      'PROCESSING SHIP',
      'PROCESSING REFUND',
      'SHIPPED DELIVER',
      'SHIPPED REFUND',
      'DELIVERED REFUND',
    ]);
  });
});

describe('applyOrderEvent: every (status, event, actor)', () => {
  it('allows exactly the table, refuses missing rows with INVALID_STATE and wrong actors with FORBIDDEN', () => {
    const allowed: string[] = [];
    let invalidState = 0;
    let forbidden = 0;
    for (const status of ORDER_STATUSES) {
      for (const event of ORDER_EVENTS) {
        for (const actor of ORDER_ACTORS) {
          const row = ORDER_TRANSITIONS.find((t) => t.from === status && t.event === event);
          const run = () => applyOrderEvent(status, event, actor);
          if (row && row.by.includes(actor)) {
            expect(run()).toBe(row.to);
            allowed.push(`${status}: ${event} by ${actor} → ${row.to}`);
          } else {
            const e = domainError(run);
            expect(e.code).toBe(row ? 'FORBIDDEN' : 'INVALID_STATE');
            expect(e.field).toBeUndefined();
            if (row) forbidden++;
            else invalidState++;
          }
        }
      }
    }
    expect(allowed).toEqual([
      'PENDING_PAYMENT: PAY by STAFF → PAID',
      'PENDING_PAYMENT: PAY by SYSTEM → PAID',
      'PENDING_PAYMENT: EXPIRE by SYSTEM → CANCELLED',
      'PENDING_PAYMENT: CANCEL by BUYER → CANCELLED',
      'PENDING_PAYMENT: CANCEL by STAFF → CANCELLED',
      'PAID: CANCEL by STAFF → CANCELLED',
      'PAID: START_PROCESSING by STAFF → PROCESSING',
      'PAID: REFUND by STAFF → REFUNDED',
      'PAID: REFUND by ADMIN → REFUNDED',
      'PROCESSING: CANCEL by STAFF → CANCELLED',
      'PROCESSING: SHIP by STAFF → SHIPPED',
      'PROCESSING: REFUND by STAFF → REFUNDED',
      'PROCESSING: REFUND by ADMIN → REFUNDED',
      'SHIPPED: DELIVER by STAFF → DELIVERED',
      'SHIPPED: DELIVER by SYSTEM → DELIVERED',
      'SHIPPED: REFUND by STAFF → REFUNDED',
      'SHIPPED: REFUND by ADMIN → REFUNDED',
      'DELIVERED: COMPLETE by BUYER → COMPLETED',
      'DELIVERED: COMPLETE by SYSTEM → COMPLETED',
      'DELIVERED: REFUND by STAFF → REFUNDED',
      'DELIVERED: REFUND by ADMIN → REFUNDED',
    ]);
    // 8 statuses × 8 events × 4 actors = 256 triples; 13 rows hold 52 (status, event, actor)
    // triples of which 21 are allowed and 31 FORBIDDEN; the other 51 pairs × 4 = 204 INVALID_STATE.
    expect(allowed).toHaveLength(21);
    expect(forbidden).toBe(13 * 4 - 21);
    expect(forbidden).toBe(31);
    expect(invalidState).toBe((8 * 8 - 13) * 4);
    expect(invalidState).toBe(204);
    expect(forbidden + invalidState).toBe(235);
    expect(allowed.length + forbidden + invalidState).toBe(8 * 8 * 4);
  });

  it('counted by (status, event): 64 pairs, 13 with a row, 51 refused for everyone', () => {
    let refused = 0;
    for (const status of ORDER_STATUSES) {
      for (const event of ORDER_EVENTS) {
        if (!ORDER_TRANSITIONS.some((t) => t.from === status && t.event === event)) refused++;
      }
    }
    expect(refused).toBe(51);
  });

  it.each<[string, [OrderEvent, OrderActor][], OrderStatus[]]>([
    [
      'happy path, buyer confirms',
      [['PAY', 'SYSTEM'], ['START_PROCESSING', 'STAFF'], ['SHIP', 'STAFF'], ['DELIVER', 'SYSTEM'], ['COMPLETE', 'BUYER']],
      ['PAID', 'PROCESSING', 'SHIPPED', 'DELIVERED', 'COMPLETED'],
    ],
    [
      'manual transfer confirmed by staff, silent buyer, staff marks delivered',
      [['PAY', 'STAFF'], ['START_PROCESSING', 'STAFF'], ['SHIP', 'STAFF'], ['DELIVER', 'STAFF'], ['COMPLETE', 'SYSTEM']],
      ['PAID', 'PROCESSING', 'SHIPPED', 'DELIVERED', 'COMPLETED'],
    ],
    ['never paid', [['EXPIRE', 'SYSTEM']], ['CANCELLED']],
    ['buyer changes their mind before paying', [['CANCEL', 'BUYER']], ['CANCELLED']],
    ['out of stock after payment', [['PAY', 'SYSTEM'], ['CANCEL', 'STAFF']], ['PAID', 'CANCELLED']],
    ['cancelled while packing', [['PAY', 'SYSTEM'], ['START_PROCESSING', 'STAFF'], ['CANCEL', 'STAFF']], ['PAID', 'PROCESSING', 'CANCELLED']],
    ['lost in transit, admin refunds', [['PAY', 'SYSTEM'], ['START_PROCESSING', 'STAFF'], ['SHIP', 'STAFF'], ['REFUND', 'ADMIN']], ['PAID', 'PROCESSING', 'SHIPPED', 'REFUNDED']],
    ['returned after delivery', [['PAY', 'SYSTEM'], ['START_PROCESSING', 'STAFF'], ['SHIP', 'STAFF'], ['DELIVER', 'SYSTEM'], ['REFUND', 'STAFF']], ['PAID', 'PROCESSING', 'SHIPPED', 'DELIVERED', 'REFUNDED']],
  ])('a whole order: %s', (_name, steps, trail) => {
    let s: OrderStatus = 'PENDING_PAYMENT';
    const seen: OrderStatus[] = [];
    for (const [event, actor] of steps) {
      s = applyOrderEvent(s, event, actor);
      seen.push(s);
    }
    expect(seen).toEqual(trail);
  });
});

describe('applyOrderEvent: refused moves', () => {
  it.each<[string, OrderStatus, OrderEvent, OrderActor, RegExp]>([
    ['paying twice', 'PAID', 'PAY', 'SYSTEM', /^cannot pay the order: the order is PAID; PAY is accepted only when it is PENDING_PAYMENT$/],
    ['expiring a paid order', 'PAID', 'EXPIRE', 'SYSTEM', /only when it is PENDING_PAYMENT$/],
    ['cancelling a shipped order', 'SHIPPED', 'CANCEL', 'STAFF', /^cannot cancel the order: the order is SHIPPED; CANCEL is accepted only when it is PENDING_PAYMENT or PAID or PROCESSING$/],
    ['processing before payment', 'PENDING_PAYMENT', 'START_PROCESSING', 'STAFF', /only when it is PAID$/],
    ['shipping before processing', 'PAID', 'SHIP', 'STAFF', /^cannot mark the order shipped: .* only when it is PROCESSING$/],
    ['delivering before shipping', 'PROCESSING', 'DELIVER', 'SYSTEM', /only when it is SHIPPED$/],
    ['completing before delivery', 'SHIPPED', 'COMPLETE', 'BUYER', /only when it is DELIVERED$/],
    ['refunding an unpaid order', 'PENDING_PAYMENT', 'REFUND', 'ADMIN', /only when it is PAID or PROCESSING or SHIPPED or DELIVERED$/],
    ['anything on a completed order', 'COMPLETED', 'REFUND', 'ADMIN', /^cannot refund the order: the order is already COMPLETED$/],
    ['anything on a cancelled order', 'CANCELLED', 'PAY', 'SYSTEM', /already CANCELLED$/],
    ['anything on a refunded order', 'REFUNDED', 'REFUND', 'STAFF', /already REFUNDED$/],
  ])('%s is INVALID_STATE', (_name, status, event, actor, message) => {
    const e = domainError(() => applyOrderEvent(status, event, actor));
    expect(e.code).toBe('INVALID_STATE');
    expect(e.message).toMatch(message);
  });

  it.each<[string, OrderStatus, OrderEvent, OrderActor, string]>([
    ['a buyer cancelling a paid order', 'PAID', 'CANCEL', 'BUYER', 'cannot cancel the order as BUYER: the order is PAID and only STAFF may'],
    ['a buyer cancelling while packing', 'PROCESSING', 'CANCEL', 'BUYER', 'cannot cancel the order as BUYER: the order is PROCESSING and only STAFF may'],
    ['a buyer marking their own order paid', 'PENDING_PAYMENT', 'PAY', 'BUYER', 'cannot pay the order as BUYER: the order is PENDING_PAYMENT and only STAFF or SYSTEM may'],
    ['an admin marking an order paid (the API sends STAFF for admins)', 'PENDING_PAYMENT', 'PAY', 'ADMIN', 'cannot pay the order as ADMIN: the order is PENDING_PAYMENT and only STAFF or SYSTEM may'],
    ['the system cancelling (it expires instead)', 'PENDING_PAYMENT', 'CANCEL', 'SYSTEM', 'cannot cancel the order as SYSTEM: the order is PENDING_PAYMENT and only BUYER or STAFF may'],
    ['a buyer shipping', 'PROCESSING', 'SHIP', 'BUYER', 'cannot mark the order shipped as BUYER: the order is PROCESSING and only STAFF may'],
    ['a buyer marking delivered', 'SHIPPED', 'DELIVER', 'BUYER', 'cannot mark the order delivered as BUYER: the order is SHIPPED and only STAFF or SYSTEM may'],
    ['staff completing for the buyer', 'DELIVERED', 'COMPLETE', 'STAFF', 'cannot complete the order as STAFF: the order is DELIVERED and only BUYER or SYSTEM may'],
    ['a buyer refunding themselves', 'DELIVERED', 'REFUND', 'BUYER', 'cannot refund the order as BUYER: the order is DELIVERED and only STAFF or ADMIN may'],
    ['the system refunding', 'PAID', 'REFUND', 'SYSTEM', 'cannot refund the order as SYSTEM: the order is PAID and only STAFF or ADMIN may'],
    ['an admin cancelling (only refunds)', 'PAID', 'CANCEL', 'ADMIN', 'cannot cancel the order as ADMIN: the order is PAID and only STAFF may'],
  ])('%s is FORBIDDEN', (_name, status, event, actor, message) => {
    const e = domainError(() => applyOrderEvent(status, event, actor));
    expect(e.code).toBe('FORBIDDEN');
    expect(e.message).toBe(message);
    expect(e.field).toBeUndefined();
  });

  it('checks the state before the actor: a buyer shipping a paid order is INVALID_STATE', () => {
    expect(domainError(() => applyOrderEvent('PAID', 'SHIP', 'BUYER')).code).toBe('INVALID_STATE');
  });

  it.each<[string, unknown]>([
    ['an unknown actor', 'COURIER'],
    ['no actor', undefined],
    ['a lower-case actor', 'staff'],
  ])('refuses %s with BAD_USER_INPUT', (_name, actor) => {
    const e = domainError(() => applyOrderEvent('PENDING_PAYMENT', 'CANCEL', actor as OrderActor));
    expect([e.code, e.field]).toEqual(['BAD_USER_INPUT', 'actor']);
  });

  it('an unknown event is INVALID_STATE', () => {
    const e = domainError(() => applyOrderEvent('PAID', 'EXPLODE' as OrderEvent, 'STAFF'));
    expect(e.code).toBe('INVALID_STATE');
    expect(e.message).toMatch(/^cannot apply EXPLODE: .* only when it is never$/);
  });
});

describe('releasesStock', () => {
  it('is true exactly for the cancellations before shipping (3 of 64 pairs)', () => {
    const releasing: string[] = [];
    for (const from of ORDER_STATUSES) {
      for (const to of ORDER_STATUSES) if (releasesStock(from, to)) releasing.push(`${from} → ${to}`);
    }
    expect(releasing).toEqual(['PENDING_PAYMENT → CANCELLED', 'PAID → CANCELLED', 'PROCESSING → CANCELLED']);
  });

  it('agrees with the table: every row into CANCELLED releases, no other row does (refunds keep stock out)', () => {
    const rows = ORDER_TRANSITIONS.filter((t) => releasesStock(t.from, t.to)).map((t) => `${t.from} ${t.event}`);
    expect(rows).toEqual(['PENDING_PAYMENT EXPIRE', 'PENDING_PAYMENT CANCEL', 'PAID CANCEL', 'PROCESSING CANCEL']);
    for (const t of ORDER_TRANSITIONS.filter((r) => r.to === 'REFUNDED')) expect(releasesStock(t.from, t.to)).toBe(false);
  });
});

describe('cartTotals', () => {
  it.each<[string, CartLine[], { subtotal: number; items: number }]>([
    ['an empty cart', [], { subtotal: 0, items: 0 }],
    ['one line', [{ unitPrice: 1_250_000, quantity: 1 }], { subtotal: 1_250_000, items: 1 }],
    [
      // 3 × 85.000 + 1 × 4.500.000 + 10 × 0 = 4.755.000
      'several lines with a free item',
      [
        { unitPrice: 85_000, quantity: 3 },
        { unitPrice: 4_500_000, quantity: 1 },
        { unitPrice: 0, quantity: 10 },
      ],
      { subtotal: 4_755_000, items: 14 },
    ],
    ['the most of one product', [{ unitPrice: 15_000, quantity: 99 }], { subtotal: 1_485_000, items: 99 }],
    ['the most lines', Array.from({ length: 50 }, () => ({ unitPrice: 1_000, quantity: 99 })), { subtotal: 4_950_000, items: 4950 }],
    ['a subtotal of exactly MAX_SAFE_INTEGER', [{ unitPrice: Number.MAX_SAFE_INTEGER, quantity: 1 }], { subtotal: Number.MAX_SAFE_INTEGER, items: 1 }],
  ])('%s', (_name, lines, totals) => {
    expect(cartTotals(lines)).toEqual(totals);
  });

  it.each<[string, unknown, string, RegExp]>([
    ['not a list', { unitPrice: 1, quantity: 1 }, 'lines', /^lines must be a list/],
    ['51 lines', Array.from({ length: 51 }, () => ({ unitPrice: 1, quantity: 1 })), 'lines', /^a cart may have at most 50 lines, got 51$/],
    ['a missing line', [{ unitPrice: 1, quantity: 1 }, null], 'lines.1', /^lines\.1 must be a cart line$/],
    ['a negative price', [{ unitPrice: -1, quantity: 1 }], 'lines.0.unitPrice', /≥ 0, got -1$/],
    ['a fractional price', [{ unitPrice: 1, quantity: 1 }, { unitPrice: 999.5, quantity: 1 }], 'lines.1.unitPrice', /got 999\.5$/],
    ['a string price', [{ unitPrice: '1000', quantity: 1 }], 'lines.0.unitPrice', /whole number of rupiah/],
    ['quantity 0', [{ unitPrice: 1, quantity: 0 }], 'lines.0.quantity', /^lines\.0\.quantity must be a whole number from 1 to 99, got 0$/],
    ['quantity 100', [{ unitPrice: 1, quantity: 100 }], 'lines.0.quantity', /from 1 to 99, got 100$/],
    ['a fractional quantity', [{ unitPrice: 1, quantity: 1.5 }], 'lines.0.quantity', /got 1\.5$/],
    ['a missing quantity', [{ unitPrice: 1 }], 'lines.0.quantity', /got undefined$/],
    ['a subtotal beyond safe integers', [{ unitPrice: Number.MAX_SAFE_INTEGER, quantity: 1 }, { unitPrice: 1, quantity: 1 }], 'lines', /^the cart subtotal is more than Rp 9\.007\.199\.254\.740\.991$/],
    ['a product beyond safe integers', [{ unitPrice: Number.MAX_SAFE_INTEGER, quantity: 2 }], 'lines', /subtotal is more than/],
  ])('refuses %s', (_name, lines, field, message) => {
    const e = domainError(() => cartTotals(lines as CartLine[]));
    expect([e.code, e.field]).toEqual(['BAD_USER_INPUT', field]);
    expect(e.message).toMatch(message);
  });
});
