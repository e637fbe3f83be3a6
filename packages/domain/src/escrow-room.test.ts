import { describe, expect, it } from 'vitest';
import { DomainError } from './errors.js';
import {
  ESCROW_CANCELLERS,
  ESCROW_EVENT_TYPES,
  ESCROW_FINAL_STATUSES,
  ESCROW_HELD_STATUSES,
  ESCROW_OUTCOMES,
  ESCROW_RULES,
  ESCROW_STATUSES,
  ESCROW_TRANSITIONS,
  applyEscrowEvent,
  inspectionDeadline,
  isFinalEscrowStatus,
  validateSplit,
  type EscrowCanceller,
  type EscrowEvent,
  type EscrowOutcome,
  type EscrowStatus,
} from './escrow-room.js';
import { domainError } from './domain-error.test-helper.js';

/** Every concrete event: CANCEL by each canceller, RESOLVE with each outcome. */
const EVENTS: EscrowEvent[] = [
  { type: 'CONFIRM_PAYMENT' },
  { type: 'CANCEL', by: 'BUYER' },
  { type: 'CANCEL', by: 'SELLER' },
  { type: 'CANCEL', by: 'SYSTEM' },
  { type: 'CANCEL', by: 'ADMIN' },
  { type: 'SHIP' },
  { type: 'CONFIRM_RECEIVED' },
  { type: 'INSPECTION_TIMEOUT' },
  { type: 'RELEASE' },
  { type: 'OPEN_DISPUTE' },
  { type: 'RESOLVE', outcome: 'RELEASE' },
  { type: 'RESOLVE', outcome: 'REFUND' },
  { type: 'RESOLVE', outcome: 'SPLIT' },
];
const label = (e: EscrowEvent) => [e.type, 'by' in e ? e.by : '', 'outcome' in e ? e.outcome : ''].filter(Boolean).join(' ');

describe('ESCROW_RULES and ESCROW_TRANSITIONS', () => {
  it('has the PRODUCT.md §4 inspection period and frozen tables', () => {
    expect(ESCROW_RULES).toEqual({ inspectionHours: 72 });
    for (const t of [ESCROW_RULES, ESCROW_TRANSITIONS, ESCROW_STATUSES, ESCROW_EVENT_TYPES, ESCROW_FINAL_STATUSES, ESCROW_HELD_STATUSES, ESCROW_CANCELLERS, ESCROW_OUTCOMES]) {
      expect(Object.isFrozen(t)).toBe(true);
    }
    for (const row of ESCROW_TRANSITIONS) expect(Object.isFrozen(row)).toBe(true);
  });

  it('is exactly the agreed rows', () => {
    expect(ESCROW_TRANSITIONS).toEqual([
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
    ]);
  });

  it('final statuses accept nothing; held statuses are the funded, unsettled ones; lists are complete', () => {
    expect(ESCROW_STATUSES).toHaveLength(9);
    expect(ESCROW_EVENT_TYPES).toHaveLength(8);
    expect(ESCROW_STATUSES.filter(isFinalEscrowStatus)).toEqual(['RELEASED', 'CANCELLED', 'REFUNDED', 'SPLIT']);
    expect(ESCROW_FINAL_STATUSES).toEqual(['RELEASED', 'CANCELLED', 'REFUNDED', 'SPLIT']);
    for (const s of ESCROW_FINAL_STATUSES) expect(ESCROW_TRANSITIONS.filter((t) => t.from === s)).toEqual([]);
    expect(ESCROW_HELD_STATUSES).toEqual(['FUNDED', 'SHIPPED', 'COMPLETED', 'DISPUTED']);
    expect(new Set(ESCROW_TRANSITIONS.map((t) => t.event))).toEqual(new Set(ESCROW_EVENT_TYPES));
    // every status is reachable from AWAITING_PAYMENT
    const reached = new Set<EscrowStatus>(['AWAITING_PAYMENT']);
    for (let grew = true; grew; ) {
      grew = false;
      for (const t of ESCROW_TRANSITIONS) {
        if (reached.has(t.from) && !reached.has(t.to)) {
          reached.add(t.to);
          grew = true;
        }
      }
    }
    expect(reached).toEqual(new Set(ESCROW_STATUSES));
  });
});

describe('applyEscrowEvent: allowed moves', () => {
  it('refuses every (status, event) the table does not list, with INVALID_STATE; allows exactly the rows', () => {
    const allowed: string[] = [];
    let refused = 0;
    for (const status of ESCROW_STATUSES) {
      for (const event of EVENTS) {
        const row = ESCROW_TRANSITIONS.find(
          (t) => t.from === status && t.event === event.type && (!t.outcome || ('outcome' in event && t.outcome === event.outcome)),
        );
        const run = () => applyEscrowEvent(status, event);
        if (row) {
          expect(run()).toBe(row.to);
          allowed.push(`${status}: ${label(event)} → ${row.to}`);
        } else {
          const e = domainError(run);
          expect(e.code).toBe('INVALID_STATE');
          expect(e.field).toBeUndefined();
          refused++;
        }
      }
    }
    expect(allowed).toEqual([
      'AWAITING_PAYMENT: CONFIRM_PAYMENT → FUNDED',
      'AWAITING_PAYMENT: CANCEL BUYER → CANCELLED',
      'AWAITING_PAYMENT: CANCEL SELLER → CANCELLED',
      'AWAITING_PAYMENT: CANCEL SYSTEM → CANCELLED',
      'AWAITING_PAYMENT: CANCEL ADMIN → CANCELLED',
      'FUNDED: SHIP → SHIPPED',
      'FUNDED: OPEN_DISPUTE → DISPUTED',
      'SHIPPED: CONFIRM_RECEIVED → COMPLETED',
      'SHIPPED: INSPECTION_TIMEOUT → COMPLETED',
      'SHIPPED: OPEN_DISPUTE → DISPUTED',
      'COMPLETED: RELEASE → RELEASED',
      'COMPLETED: OPEN_DISPUTE → DISPUTED',
      'DISPUTED: RESOLVE RELEASE → RELEASED',
      'DISPUTED: RESOLVE REFUND → REFUNDED',
      'DISPUTED: RESOLVE SPLIT → SPLIT',
    ]);
    expect(EVENTS).toHaveLength(13);
    expect(refused).toBe(9 * 13 - 15);
    expect(refused).toBe(102);
  });

  it('counted by event type: 9 statuses × 8 types = 72 pairs, 10 allowed (the 3 RESOLVE rows share one), 62 refused', () => {
    let refused = 0;
    for (const status of ESCROW_STATUSES) {
      for (const type of ESCROW_EVENT_TYPES) {
        if (!ESCROW_TRANSITIONS.some((t) => t.from === status && t.event === type)) refused++;
      }
    }
    expect(refused).toBe(62);
  });

  it.each<[string, EscrowEvent[], EscrowStatus[]]>([
    ['happy path', [{ type: 'CONFIRM_PAYMENT' }, { type: 'SHIP' }, { type: 'CONFIRM_RECEIVED' }, { type: 'RELEASE' }], ['FUNDED', 'SHIPPED', 'COMPLETED', 'RELEASED']],
    ['silent buyer', [{ type: 'CONFIRM_PAYMENT' }, { type: 'SHIP' }, { type: 'INSPECTION_TIMEOUT' }, { type: 'RELEASE' }], ['FUNDED', 'SHIPPED', 'COMPLETED', 'RELEASED']],
    ['never paid', [{ type: 'CANCEL', by: 'SYSTEM' }], ['CANCELLED']],
    ['not shipped, refunded', [{ type: 'CONFIRM_PAYMENT' }, { type: 'OPEN_DISPUTE' }, { type: 'RESOLVE', outcome: 'REFUND' }], ['FUNDED', 'DISPUTED', 'REFUNDED']],
    ['bad item, split', [{ type: 'CONFIRM_PAYMENT' }, { type: 'SHIP' }, { type: 'OPEN_DISPUTE' }, { type: 'RESOLVE', outcome: 'SPLIT' }], ['FUNDED', 'SHIPPED', 'DISPUTED', 'SPLIT']],
    ['disputed after completion, released', [{ type: 'CONFIRM_PAYMENT' }, { type: 'SHIP' }, { type: 'CONFIRM_RECEIVED' }, { type: 'OPEN_DISPUTE' }, { type: 'RESOLVE', outcome: 'RELEASE' }], ['FUNDED', 'SHIPPED', 'COMPLETED', 'DISPUTED', 'RELEASED']],
  ])('a whole room: %s', (_name, events, trail) => {
    let s: EscrowStatus = 'AWAITING_PAYMENT';
    const seen: EscrowStatus[] = [];
    for (const e of events) {
      s = applyEscrowEvent(s, e);
      seen.push(s);
    }
    expect(seen).toEqual(trail);
  });
});

describe('applyEscrowEvent: refused moves', () => {
  it.each<[string, EscrowStatus, EscrowEvent, RegExp]>([
    ['paying twice', 'FUNDED', { type: 'CONFIRM_PAYMENT' }, /^cannot confirm the payment: the room is FUNDED; CONFIRM_PAYMENT is accepted only when it is AWAITING_PAYMENT$/],
    ['cancelling a paid room', 'FUNDED', { type: 'CANCEL', by: 'ADMIN' }, /only when it is AWAITING_PAYMENT$/],
    ['shipping before payment', 'AWAITING_PAYMENT', { type: 'SHIP' }, /^cannot mark the item shipped: the room is AWAITING_PAYMENT; SHIP is accepted only when it is FUNDED$/],
    ['confirming before shipping', 'FUNDED', { type: 'CONFIRM_RECEIVED' }, /only when it is SHIPPED$/],
    ['timeout before shipping', 'FUNDED', { type: 'INSPECTION_TIMEOUT' }, /only when it is SHIPPED$/],
    ['releasing before completion', 'SHIPPED', { type: 'RELEASE' }, /^cannot release the funds: .* only when it is COMPLETED$/],
    ['releasing a disputed room directly', 'DISPUTED', { type: 'RELEASE' }, /the room is DISPUTED/],
    ['disputing an unpaid room', 'AWAITING_PAYMENT', { type: 'OPEN_DISPUTE' }, /only when it is FUNDED or SHIPPED or COMPLETED$/],
    ['disputing twice', 'DISPUTED', { type: 'OPEN_DISPUTE' }, /the room is DISPUTED/],
    ['resolving an undisputed room', 'COMPLETED', { type: 'RESOLVE', outcome: 'REFUND' }, /only when it is DISPUTED$/],
    ['anything on a released room', 'RELEASED', { type: 'OPEN_DISPUTE' }, /^cannot open a dispute: the room is already RELEASED$/],
    ['anything on a cancelled room', 'CANCELLED', { type: 'CONFIRM_PAYMENT' }, /already CANCELLED$/],
    ['anything on a refunded room', 'REFUNDED', { type: 'RESOLVE', outcome: 'REFUND' }, /already REFUNDED$/],
    ['anything on a split room', 'SPLIT', { type: 'RELEASE' }, /already SPLIT$/],
  ])('%s', (_name, status, event, message) => {
    const e = domainError(() => applyEscrowEvent(status, event));
    expect(e.code).toBe('INVALID_STATE');
    expect(e.message).toMatch(message);
  });

  it.each<[string, EscrowEvent, string]>([
    ['an unknown canceller', { type: 'CANCEL', by: 'COURIER' as EscrowCanceller }, 'by'],
    ['a CANCEL without by', { type: 'CANCEL' } as EscrowEvent, 'by'],
    ['an unknown outcome', { type: 'RESOLVE', outcome: 'COMPLETE' as EscrowOutcome }, 'outcome'],
    ['no event', null as unknown as EscrowEvent, 'event'],
  ])('refuses %s with BAD_USER_INPUT', (_name, event, field) => {
    const e = domainError(() => applyEscrowEvent('AWAITING_PAYMENT', event));
    expect([e.code, e.field]).toEqual(['BAD_USER_INPUT', field]);
  });

  it('an unknown event type is INVALID_STATE', () => {
    const e = domainError(() => applyEscrowEvent('FUNDED', { type: 'EXPLODE' } as unknown as EscrowEvent));
    expect(e.code).toBe('INVALID_STATE');
    expect(e.message).toMatch(/cannot apply EXPLODE: .* only when it is never$/);
  });
});

describe('inspectionDeadline', () => {
  it.each<[number | undefined, string]>([
    [undefined, '2026-05-04T03:00:00.000Z'],
    [24, '2026-05-02T03:00:00.000Z'],
  ])('hours %s', (hours, expected) => {
    expect(inspectionDeadline(new Date('2026-05-01T03:00:00Z'), hours).toISOString()).toBe(expected);
  });
  it('refuses bad hours and dates', () => {
    expect(domainError(() => inspectionDeadline(new Date(), 0)).field).toBe('hours');
    expect(domainError(() => inspectionDeadline(new Date('nope'))).field).toBe('from');
  });
});

describe('validateSplit', () => {
  it.each<[number, number, number]>([
    [100_000, 60_000, 40_000],
    [100_000, 100_000, 0],
    [100_000, 0, 100_000],
    [0, 0, 0],
    [Number.MAX_SAFE_INTEGER, Number.MAX_SAFE_INTEGER - 1, 1],
  ])('accepts held %i = %i + %i', (held, s, b) => {
    expect(() => validateSplit(held, s, b)).not.toThrow();
  });

  it.each<[string, number, number, number, RegExp]>([
    ['shares short of held', 100_000, 60_000, 39_999, /add up to the held amount Rp 100\.000, got Rp 60\.000 \+ Rp 39\.999 = Rp 99\.999$/],
    ['shares over held', 100_000, 60_000, 40_001, /= Rp 100\.001$/],
    ['a negative share', 100_000, 100_001, -1, /≥ 0/],
    ['a fractional share', 100_000, 50_000.5, 49_999.5, /≥ 0/],
    ['a NaN share', 100_000, Number.NaN, 100_000, /≥ 0/],
    ['an unsafe sum', Number.MAX_SAFE_INTEGER, Number.MAX_SAFE_INTEGER, 1, /more than the largest safe amount/],
    ['a negative held amount', -1, 0, -1, /held amount must be/],
    ['a fractional held amount', 0.5, 0, 0, /held amount must be/],
  ])('refuses %s', (_name, held, s, b, message) => {
    const e = domainError(() => validateSplit(held, s, b));
    expect([e.code, e.field]).toEqual(['BAD_USER_INPUT', 'split']);
    expect(e.message).toMatch(message);
  });
});
