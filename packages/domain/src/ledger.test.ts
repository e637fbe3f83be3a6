import { describe, expect, it } from 'vitest';
import { DomainError } from './errors.js';
import { quoteEscrowFee } from './escrow-fee.js';
import { applyEscrowEvent, type EscrowEvent, type EscrowStatus } from './escrow-room.js';
import {
  ESCROW_HOLDING,
  ESCROW_LEDGER_KINDS,
  FEE_HOLDING,
  FEE_INCOME,
  LEDGER_TRANSACTION_SHAPES,
  ORDER_HELD_STATUSES,
  ORDER_HOLDING,
  ORDER_LEDGER_KINDS,
  ORDER_PAID_STATUSES,
  PAYMENT_LEDGER_KINDS,
  assertBalanced,
  balancesOf,
  checkLedgerInvariants,
  fundingPostings,
  isOrderLedgerKind,
  isPaymentLedgerKind,
  orderPaymentPostings,
  orderRefundPostings,
  orderReleasePostings,
  orderSettlementOf,
  parseAccount,
  payableAccount,
  providerAccount,
  refundPostings,
  releasePostings,
  splitPostings,
  unmatchedPaymentPostings,
  type LedgerOrder,
  type LedgerPayment,
  type LedgerRoom,
  type LedgerTransaction,
  type Posting,
} from './ledger.js';
import { ORDER_STATUSES, ORDER_TRANSITIONS, applyOrderEvent, type OrderEvent, type OrderStatus } from './order.js';
import { domainError } from './domain-error.test-helper.js';

/** mulberry32: a small seeded PRNG, so the random cases are the same on every run. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const sum = (ps: Posting[]) => ps.reduce((s, p) => s + p.amount, 0);

describe('accounts', () => {
  it.each<[string, ReturnType<typeof parseAccount>]>([
    ['ESCROW_HOLDING', { kind: 'ESCROW_HOLDING' }],
    ['FEE_HOLDING', { kind: 'FEE_HOLDING' }],
    ['FEE_INCOME', { kind: 'FEE_INCOME' }],
    ['ORDER_HOLDING', { kind: 'ORDER_HOLDING' }],
    ['PROVIDER:XENDIT', { kind: 'PROVIDER', id: 'XENDIT' }],
    ['PAYABLE:u_123', { kind: 'PAYABLE', id: 'u_123' }],
    ['PAYABLE:', null],
    ['PAYABLE:a:b', null],
    ['PROVIDER:BCA ', null],
    ['CASH', null],
    ['escrow_holding', null],
  ])('%s parses as %j', (account, expected) => {
    expect(parseAccount(account)).toEqual(expected);
  });

  it('builds provider and payable accounts and refuses bad names', () => {
    expect([ESCROW_HOLDING, FEE_HOLDING, FEE_INCOME]).toEqual(['ESCROW_HOLDING', 'FEE_HOLDING', 'FEE_INCOME']);
    expect(providerAccount('XENDIT')).toBe('PROVIDER:XENDIT');
    expect(payableAccount('u1')).toBe('PAYABLE:u1');
    for (const bad of ['', ' ', 'a b', 'a:b', 'x\n']) {
      expect(domainError(() => providerAccount(bad)).field).toBe('provider');
      expect(domainError(() => payableAccount(bad)).field).toBe('userId');
    }
  });

  it('transaction kinds: escrow and store-order kinds, each with a shape; order statuses that hold or were paid', () => {
    expect(Object.keys(LEDGER_TRANSACTION_SHAPES).sort()).toEqual([...ESCROW_LEDGER_KINDS, ...ORDER_LEDGER_KINDS, ...PAYMENT_LEDGER_KINDS].sort());
    expect(ORDER_LEDGER_KINDS.map(isOrderLedgerKind)).toEqual([true, true, true]);
    expect(ESCROW_LEDGER_KINDS.some(isOrderLedgerKind)).toBe(false);
    expect(isOrderLedgerKind('PAYOUT')).toBe(false);
    expect(PAYMENT_LEDGER_KINDS).toEqual(['UNMATCHED_PAYMENT']);
    expect(isPaymentLedgerKind('UNMATCHED_PAYMENT')).toBe(true);
    expect([...ESCROW_LEDGER_KINDS, ...ORDER_LEDGER_KINDS].some(isPaymentLedgerKind)).toBe(false);
    expect(isOrderLedgerKind('UNMATCHED_PAYMENT')).toBe(false);
    expect(ORDER_HOLDING).toBe('ORDER_HOLDING');
    // Every order status is exactly one of: unpaid (PENDING_PAYMENT), either (CANCELLED), paid.
    expect(ORDER_STATUSES.filter((s) => !ORDER_PAID_STATUSES.includes(s))).toEqual(['PENDING_PAYMENT', 'CANCELLED']);
    expect(ORDER_HELD_STATUSES).toEqual(['PAID', 'PROCESSING', 'SHIPPED', 'DELIVERED']);
    for (const list of [ESCROW_LEDGER_KINDS, ORDER_LEDGER_KINDS, PAYMENT_LEDGER_KINDS, ORDER_HELD_STATUSES, ORDER_PAID_STATUSES]) expect(Object.isFrozen(list)).toBe(true);
  });

  it('orderSettlementOf: which order moves release or refund the held total', () => {
    const moves = ORDER_TRANSITIONS.map((t) => `${t.from} ${t.event} → ${orderSettlementOf(t.from, t.to) ?? '-'}`);
    expect(moves).toEqual([
      'PENDING_PAYMENT PAY → -',
      'PENDING_PAYMENT EXPIRE → -',
      'PENDING_PAYMENT CANCEL → -',
      'PAID CANCEL → ORDER_REFUND',
      'PAID START_PROCESSING → -',
      'PAID REFUND → ORDER_REFUND',
      'PROCESSING CANCEL → ORDER_REFUND',
      'PROCESSING SHIP → -',
      'PROCESSING REFUND → ORDER_REFUND',
      'SHIPPED DELIVER → -',
      'SHIPPED REFUND → ORDER_REFUND',
      'DELIVERED COMPLETE → ORDER_RELEASE',
      'DELIVERED REFUND → ORDER_REFUND',
    ]);
    // Pairs that are not moves book nothing.
    expect(orderSettlementOf('COMPLETED', 'REFUNDED')).toBeNull();
    expect(orderSettlementOf('CANCELLED', 'REFUNDED')).toBeNull();
    expect(orderSettlementOf('PENDING_PAYMENT', 'COMPLETED')).toBeNull();
  });

  it('transaction shapes are frozen', () => {
    expect(Object.isFrozen(LEDGER_TRANSACTION_SHAPES)).toBe(true);
    for (const rows of Object.values(LEDGER_TRANSACTION_SHAPES)) {
      expect(Object.isFrozen(rows)).toBe(true);
      for (const r of rows) expect(Object.isFrozen(r)).toBe(true);
    }
  });
});

describe('postings of each movement', () => {
  it('funding: provider debit, escrow and fee holding credits', () => {
    expect(fundingPostings({ provider: 'XENDIT', amount: 1_000_000, fee: 25_000 })).toEqual([
      { account: 'PROVIDER:XENDIT', amount: 1_025_000 },
      { account: 'ESCROW_HOLDING', amount: -1_000_000 },
      { account: 'FEE_HOLDING', amount: -25_000 },
    ]);
  });

  it('release: amount payable to the seller, fee earned', () => {
    expect(releasePostings({ sellerId: 's1', amount: 1_000_000, fee: 25_000 })).toEqual([
      { account: 'ESCROW_HOLDING', amount: 1_000_000 },
      { account: 'PAYABLE:s1', amount: -1_000_000 },
      { account: 'FEE_HOLDING', amount: 25_000 },
      { account: 'FEE_INCOME', amount: -25_000 },
    ]);
  });

  it('refund: everything paid payable to the buyer', () => {
    expect(refundPostings({ buyerId: 'b1', amount: 1_000_000, fee: 25_000 })).toEqual([
      { account: 'ESCROW_HOLDING', amount: 1_000_000 },
      { account: 'FEE_HOLDING', amount: 25_000 },
      { account: 'PAYABLE:b1', amount: -1_025_000 },
    ]);
  });

  it('split: shares payable, fee earned', () => {
    expect(splitPostings({ sellerId: 's1', buyerId: 'b1', amount: 1_000_000, fee: 25_000, toSeller: 700_000, toBuyer: 300_000 })).toEqual([
      { account: 'ESCROW_HOLDING', amount: 1_000_000 },
      { account: 'PAYABLE:s1', amount: -700_000 },
      { account: 'PAYABLE:b1', amount: -300_000 },
      { account: 'FEE_HOLDING', amount: 25_000 },
      { account: 'FEE_INCOME', amount: -25_000 },
    ]);
  });

  it('store order paid: provider debit, order holding credit of the whole total (no commission)', () => {
    expect(orderPaymentPostings({ provider: 'MIDTRANS', total: 1_530_000 })).toEqual([
      { account: 'PROVIDER:MIDTRANS', amount: 1_530_000 },
      { account: 'ORDER_HOLDING', amount: -1_530_000 },
    ]);
  });

  it('store order completed: the total payable to the store owner', () => {
    expect(orderReleasePostings({ storeOwnerId: 'o1', total: 1_530_000 })).toEqual([
      { account: 'ORDER_HOLDING', amount: 1_530_000 },
      { account: 'PAYABLE:o1', amount: -1_530_000 },
    ]);
  });

  it('store order refunded or cancelled after payment: the total payable to the buyer', () => {
    expect(orderRefundPostings({ buyerId: 'b1', total: 1_530_000 })).toEqual([
      { account: 'ORDER_HOLDING', amount: 1_530_000 },
      { account: 'PAYABLE:b1', amount: -1_530_000 },
    ]);
  });

  it('a payment its subject could not take: provider debit, owed back to the payer', () => {
    expect(unmatchedPaymentPostings({ provider: 'MIDTRANS', payerId: 'b1', amount: 160_000 })).toEqual([
      { account: 'PROVIDER:MIDTRANS', amount: 160_000 },
      { account: 'PAYABLE:b1', amount: -160_000 },
    ]);
    expect(unmatchedPaymentPostings({ provider: 'STRIPE', payerId: 'b1', amount: 0 })).toEqual([]);
    expect(domainError(() => unmatchedPaymentPostings({ provider: 'MID TRANS', payerId: 'b1', amount: 1 })).field).toBe('provider');
    expect(domainError(() => unmatchedPaymentPostings({ provider: 'MIDTRANS', payerId: 'a:b', amount: 1 })).field).toBe('userId');
    for (const bad of [-1, 1.5, Number.NaN, 2 ** 53]) {
      expect(domainError(() => unmatchedPaymentPostings({ provider: 'MIDTRANS', payerId: 'b1', amount: bad })).field).toBe('amount');
    }
  });

  it('leaves zero legs out', () => {
    expect(orderPaymentPostings({ provider: 'BCA', total: 0 })).toEqual([]);
    expect(orderReleasePostings({ storeOwnerId: 'o', total: 0 })).toEqual([]);
    expect(fundingPostings({ provider: 'BCA', amount: 50_000, fee: 0 })).toEqual([
      { account: 'PROVIDER:BCA', amount: 50_000 },
      { account: 'ESCROW_HOLDING', amount: -50_000 },
    ]);
    expect(splitPostings({ sellerId: 's', buyerId: 'b', amount: 10_000, fee: 5_000, toSeller: 10_000, toBuyer: 0 })).toEqual([
      { account: 'ESCROW_HOLDING', amount: 10_000 },
      { account: 'PAYABLE:s', amount: -10_000 },
      { account: 'FEE_HOLDING', amount: 5_000 },
      { account: 'FEE_INCOME', amount: -5_000 },
    ]);
    expect(releasePostings({ sellerId: 's', amount: 0, fee: 0 })).toEqual([]);
    expect(refundPostings({ buyerId: 'b', amount: 0, fee: 7 })).toEqual([
      { account: 'FEE_HOLDING', amount: 7 },
      { account: 'PAYABLE:b', amount: -7 },
    ]);
  });

  it.each<[string, () => unknown, string]>([
    ['a negative amount', () => fundingPostings({ provider: 'BCA', amount: -1, fee: 0 }), 'amount'],
    ['a fractional fee', () => releasePostings({ sellerId: 's', amount: 1, fee: 0.5 }), 'fee'],
    ['a NaN amount', () => refundPostings({ buyerId: 'b', amount: Number.NaN, fee: 0 }), 'amount'],
    ['amount + fee beyond the safe range', () => fundingPostings({ provider: 'BCA', amount: Number.MAX_SAFE_INTEGER, fee: 1 }), 'amount'],
    ['a bad provider', () => fundingPostings({ provider: '', amount: 1, fee: 1 }), 'provider'],
    ['a bad seller', () => releasePostings({ sellerId: 'a:b', amount: 1, fee: 1 }), 'userId'],
    ['a split that does not add up', () => splitPostings({ sellerId: 's', buyerId: 'b', amount: 100, fee: 1, toSeller: 50, toBuyer: 49 }), 'split'],
    ['a negative split share', () => splitPostings({ sellerId: 's', buyerId: 'b', amount: 100, fee: 1, toSeller: 101, toBuyer: -1 }), 'split'],
    ['a negative order total', () => orderPaymentPostings({ provider: 'BCA', total: -1 }), 'total'],
    ['a fractional order total', () => orderReleasePostings({ storeOwnerId: 'o', total: 10.5 }), 'total'],
    ['an order total beyond the safe range', () => orderRefundPostings({ buyerId: 'b', total: 2 ** 53 }), 'total'],
    ['a bad order provider', () => orderPaymentPostings({ provider: 'MID TRANS', total: 1 }), 'provider'],
    ['a bad store owner', () => orderReleasePostings({ storeOwnerId: '', total: 1 }), 'userId'],
    ['a bad order buyer', () => orderRefundPostings({ buyerId: 'a:b', total: 1 }), 'userId'],
  ])('refuses %s', (_name, fn, field) => {
    const e = domainError(fn);
    expect([e.code, e.field]).toEqual(['BAD_USER_INPUT', field]);
  });

  it('every movement balances for 500 random amounts (seeded)', () => {
    const next = rng(20261121);
    const int = (max: number) => Math.floor(next() * (max + 1));
    let checked = 0;
    for (let i = 0; i < 500; i++) {
      // mostly realistic amounts, sometimes near the top of the safe range
      const big = i % 50 === 0;
      const amount = big ? Number.MAX_SAFE_INTEGER - int(1e6) - 1e9 : int(20_000_000);
      const fee = big ? int(1e9) : int(900_000);
      const toSeller = int(amount);
      const all = [
        fundingPostings({ provider: 'XENDIT', amount, fee }),
        releasePostings({ sellerId: 's', amount, fee }),
        refundPostings({ buyerId: 'b', amount, fee }),
        splitPostings({ sellerId: 's', buyerId: 'b', amount, fee, toSeller, toBuyer: amount - toSeller }),
      ];
      for (const ps of all) {
        expect(() => assertBalanced(ps)).not.toThrow();
        for (const p of ps) expect(p.amount).not.toBe(0);
        checked++;
      }
      // funding then a settlement leaves both holdings at zero
      const balances = balancesOf([all[0], all[1 + (i % 3)]]);
      expect(balances.get(ESCROW_HOLDING) ?? 0).toBe(0);
      expect(balances.get(FEE_HOLDING) ?? 0).toBe(0);
    }
    expect(checked).toBe(2_000);
  });

  it('every store-order movement balances for 500 random totals (seeded); payment then a settlement empties ORDER_HOLDING', () => {
    const next = rng(20261206);
    for (let i = 0; i < 500; i++) {
      const total = i % 50 === 0 ? Number.MAX_SAFE_INTEGER - Math.floor(next() * 1e6) : 1 + Math.floor(next() * 50_000_000);
      const pay = orderPaymentPostings({ provider: 'MIDTRANS', total });
      const settle = i % 2 ? orderReleasePostings({ storeOwnerId: 'o', total }) : orderRefundPostings({ buyerId: 'b', total });
      for (const ps of [pay, settle]) {
        expect(() => assertBalanced(ps)).not.toThrow();
        expect(ps).toHaveLength(2);
      }
      expect(balancesOf([pay, settle]).get(ORDER_HOLDING)).toBe(0);
    }
  });
});

describe('assertBalanced and balancesOf', () => {
  it('assertBalanced accepts balanced postings and the empty list', () => {
    expect(() => assertBalanced([])).not.toThrow();
    expect(() => assertBalanced([{ account: 'A', amount: 5 }, { account: 'B', amount: -5 }])).not.toThrow();
  });

  it.each<[string, Posting[], RegExp]>([
    ['an unbalanced pair', [{ account: 'A', amount: 5 }, { account: 'B', amount: -4 }], /sum to 1, not 0/],
    ['a single leg', [{ account: 'A', amount: -3 }], /sum to -3/],
    ['a fractional amount', [{ account: 'A', amount: 0.5 }, { account: 'B', amount: -0.5 }], /not a whole number/],
    ['an unsafe amount', [{ account: 'A', amount: 2 ** 53 }, { account: 'B', amount: -(2 ** 53) }], /not a whole number/],
    // In floating point MAX + MAX − MAX − (MAX+1 rounded) would hide the difference; BigInt does not.
    [
      'large amounts off by one',
      [
        { account: 'A', amount: Number.MAX_SAFE_INTEGER },
        { account: 'B', amount: Number.MAX_SAFE_INTEGER },
        { account: 'C', amount: -Number.MAX_SAFE_INTEGER },
        { account: 'D', amount: -(Number.MAX_SAFE_INTEGER - 1) },
      ],
      /sum to 1, not 0/,
    ],
  ])('assertBalanced throws for %s', (_name, postings, message) => {
    expect(() => assertBalanced(postings)).toThrow(message);
    try {
      assertBalanced(postings);
    } catch (e) {
      expect(e).not.toBeInstanceOf(DomainError);
    }
  });

  it('balancesOf sums per account in order of first appearance', () => {
    const b = balancesOf([
      fundingPostings({ provider: 'XENDIT', amount: 100_000, fee: 5_000 }),
      fundingPostings({ provider: 'BCA', amount: 200_000, fee: 10_000 }),
      releasePostings({ sellerId: 's1', amount: 100_000, fee: 5_000 }),
    ]);
    expect([...b]).toEqual([
      ['PROVIDER:XENDIT', 105_000],
      ['ESCROW_HOLDING', -200_000],
      ['FEE_HOLDING', -10_000],
      ['PROVIDER:BCA', 210_000],
      ['PAYABLE:s1', -100_000],
      ['FEE_INCOME', -5_000],
    ]);
    expect(balancesOf([])).toEqual(new Map());
    expect(() => balancesOf([[{ account: 'A', amount: 1.5 }]])).toThrow(/whole number/);
    expect(() => balancesOf([[{ account: 'A', amount: Number.MAX_SAFE_INTEGER }], [{ account: 'A', amount: 1 }]])).toThrow(/safe integer range/);
  });
});

/** A small, consistent ledger: three rooms, one released, one refunded, one still held. */
function sampleLedger(): { transactions: LedgerTransaction[]; rooms: LedgerRoom[] } {
  return {
    rooms: [
      { id: 'r1', status: 'RELEASED', amount: 1_000_000, fee: 25_000 },
      { id: 'r2', status: 'REFUNDED', amount: 200_000, fee: 10_000 },
      { id: 'r3', status: 'SHIPPED', amount: 50_000, fee: 5_000 },
      { id: 'r4', status: 'CANCELLED', amount: 80_000, fee: 5_000 },
    ],
    transactions: [
      { kind: 'FUND', roomId: 'r1', postings: fundingPostings({ provider: 'XENDIT', amount: 1_000_000, fee: 25_000 }) },
      { kind: 'FUND', roomId: 'r2', postings: fundingPostings({ provider: 'BCA', amount: 200_000, fee: 10_000 }) },
      { kind: 'FUND', roomId: 'r3', postings: fundingPostings({ provider: 'XENDIT', amount: 50_000, fee: 5_000 }) },
      { kind: 'RELEASE', roomId: 'r1', postings: releasePostings({ sellerId: 's1', amount: 1_000_000, fee: 25_000 }) },
      { kind: 'REFUND', roomId: 'r2', postings: refundPostings({ buyerId: 'b2', amount: 200_000, fee: 10_000 }) },
    ],
  };
}

describe('checkLedgerInvariants', () => {
  it('a consistent ledger has no violations, with and without the room table', () => {
    const l = sampleLedger();
    expect(checkLedgerInvariants({ transactions: l.transactions })).toEqual([]);
    expect(checkLedgerInvariants(l)).toEqual([]);
    expect(checkLedgerInvariants({ transactions: [] })).toEqual([]);
    expect(checkLedgerInvariants({ transactions: [], rooms: [] })).toEqual([]);
  });

  it('detects a forged unbalanced transaction', () => {
    const l = sampleLedger();
    l.transactions[3] = {
      ...l.transactions[3],
      postings: [
        { account: 'ESCROW_HOLDING', amount: 1_000_000 },
        { account: 'PAYABLE:s1', amount: -1_100_000 }, // 100.000 out of thin air
        { account: 'FEE_HOLDING', amount: 25_000 },
        { account: 'FEE_INCOME', amount: -25_000 },
      ],
    };
    expect(checkLedgerInvariants({ transactions: l.transactions })).toEqual([
      'transaction #3 (RELEASE): postings sum to -100000, not 0',
      'ESCROW_HOLDING holds 50000 but funded 1250000 − released 1100000 − refunded 200000 − split 0 = -50000',
    ]);
  });

  it('detects a missing release: the room says RELEASED, the ledger still holds its money', () => {
    const l = sampleLedger();
    l.transactions.splice(3, 1);
    expect(checkLedgerInvariants({ transactions: l.transactions })).toEqual([]); // consistent in itself
    expect(checkLedgerInvariants(l)).toEqual([
      'room r1 (RELEASED): has no RELEASE transaction',
      'ESCROW_HOLDING holds 1050000 but the rooms holding money total 50000',
      'FEE_HOLDING holds 30000 but the fees of the rooms holding money total 5000',
    ]);
  });

  it('detects a release that pays the seller without taking the money out of escrow', () => {
    const l = sampleLedger();
    l.transactions[3] = {
      ...l.transactions[3],
      postings: [
        { account: 'PROVIDER:XENDIT', amount: 1_000_000 },
        { account: 'PAYABLE:s1', amount: -1_000_000 },
        { account: 'FEE_HOLDING', amount: 25_000 },
        { account: 'FEE_INCOME', amount: -25_000 },
      ],
    };
    expect(checkLedgerInvariants({ transactions: l.transactions })).toEqual([
      'transaction #3 (RELEASE): a debit to PROVIDER:XENDIT is not allowed in RELEASE',
      'ESCROW_HOLDING holds 1050000 but funded 1250000 − released 1000000 − refunded 200000 − split 0 = 50000',
    ]);
    expect(checkLedgerInvariants(l)).toContain('room r1 (RELEASED): transaction #3 (RELEASE) settles amount 0 and fee 25000, the room says 1000000 and 25000');
  });

  it('detects a double release (overdraft of the holdings) and a release before funding', () => {
    const l = sampleLedger();
    l.transactions.push({ ...l.transactions[3] });
    const v = checkLedgerInvariants(l);
    expect(v).toContain('transaction #5 (RELEASE): ESCROW_HOLDING has a debit balance of 950000 afterwards');
    expect(v).toContain('transaction #5 (RELEASE): FEE_HOLDING has a debit balance of 20000 afterwards');
    expect(v).toContain('room r1 (RELEASED): has 2 RELEASE transactions, expected 1');

    const early = sampleLedger();
    early.transactions = [early.transactions[3], ...early.transactions.slice(0, 3), early.transactions[4]];
    const w = checkLedgerInvariants(early);
    expect(w).toContain('transaction #0 (RELEASE): ESCROW_HOLDING has a debit balance of 1000000 afterwards');
    expect(w).toContain('room r1 (RELEASED): transaction #0 (RELEASE) is booked before the room\'s FUND');
  });

  it.each<[string, (l: { transactions: LedgerTransaction[]; rooms: LedgerRoom[] }) => void, string[]]>([
    [
      'a fee skimmed in a release',
      (l) => {
        l.transactions[3].postings = [
          { account: 'ESCROW_HOLDING', amount: 1_000_000 },
          { account: 'PAYABLE:s1', amount: -1_000_000 },
          { account: 'FEE_HOLDING', amount: 25_000 },
          { account: 'FEE_INCOME', amount: -20_000 },
          { account: 'PAYABLE:x', amount: -5_000 },
        ];
      },
      [
        'transaction #3 (RELEASE): more than 1 credit leg(s) to PAYABLE',
        'transaction #3 (RELEASE): fee taken from FEE_HOLDING (25000) differs from fee credited to FEE_INCOME (20000)',
        'ESCROW_HOLDING holds 50000 but funded 1250000 − released 1005000 − refunded 200000 − split 0 = 45000',
        'FEE_HOLDING holds 5000 but fees paid 40000 − earned 20000 − refunded 10000 = 10000',
      ],
    ],
    [
      'malformed postings',
      (l) => {
        l.transactions[2].postings = [...l.transactions[2].postings, { account: 'CASH', amount: 1 }, { account: 'FEE_INCOME', amount: 0 }, { account: 'FEE_INCOME', amount: 0.5 }];
      },
      [
        'transaction #2 (FUND): unknown account "CASH"',
        'transaction #2 (FUND): zero posting to FEE_INCOME',
        'transaction #2 (FUND): posting to FEE_INCOME is not a whole number of rupiah: 0.5',
      ],
    ],
    [
      'an unknown transaction kind',
      (l) => {
        l.transactions[4] = { ...l.transactions[4], kind: 'PAYOUT' as 'REFUND' };
      },
      [
        'transaction #4 (PAYOUT): unknown transaction kind',
        'ESCROW_HOLDING holds 50000 but funded 1250000 − released 1000000 − refunded 0 − split 0 = 250000',
        'FEE_HOLDING holds 5000 but fees paid 40000 − earned 25000 − refunded 0 = 15000',
        'room r2 (REFUNDED): has no REFUND transaction',
        'room r2 (REFUNDED): has PAYOUT besides its REFUND',
      ],
    ],
    [
      'a funded amount that differs from the room',
      (l) => {
        l.rooms[2] = { ...l.rooms[2], amount: 60_000 };
      },
      [
        'room r3 (SHIPPED): transaction #2 (FUND) holds amount 50000 and fee 5000, the room says 60000 and 5000',
        'ESCROW_HOLDING holds 50000 but the rooms holding money total 60000',
      ],
    ],
    [
      'a cancelled room that was funded, and an unlinked transaction',
      (l) => {
        l.transactions.push({ kind: 'FUND', roomId: 'r4', postings: fundingPostings({ provider: 'BCA', amount: 80_000, fee: 5_000 }) });
        l.transactions.push({ kind: 'FUND', postings: fundingPostings({ provider: 'BCA', amount: 1, fee: 0 }) });
        l.transactions.push({ kind: 'FUND', roomId: 'zz', postings: fundingPostings({ provider: 'BCA', amount: 2, fee: 0 }) });
      },
      [
        'transaction #6 (FUND): has no roomId',
        'transaction #7 (FUND): names unknown room "zz"',
        'room r4 (CANCELLED): has 1 FUND transaction(s), expected 0',
        'ESCROW_HOLDING holds 130003 but the rooms holding money total 50000',
        'FEE_HOLDING holds 10000 but the fees of the rooms holding money total 5000',
      ],
    ],
    [
      'a settlement on a room still held, and a wrong settlement kind',
      (l) => {
        l.transactions.push({ kind: 'SPLIT', roomId: 'r3', postings: splitPostings({ sellerId: 's', buyerId: 'b', amount: 50_000, fee: 5_000, toSeller: 1, toBuyer: 49_999 }) });
        l.transactions[4] = { ...l.transactions[4], kind: 'RELEASE' };
      },
      [
        'transaction #4 (RELEASE): fee taken from FEE_HOLDING (10000) differs from fee credited to FEE_INCOME (0)',
        // the relabelled refund counts its 210.000 (amount + fee) as released
        'ESCROW_HOLDING holds 0 but funded 1250000 − released 1210000 − refunded 0 − split 50000 = -10000',
        'FEE_HOLDING holds 0 but fees paid 40000 − earned 30000 − refunded 0 = 10000',
        'room r2 (REFUNDED): has no REFUND transaction',
        'room r2 (REFUNDED): has RELEASE besides its REFUND',
        'room r3 (SHIPPED): has 1 settlement transaction(s), expected none',
        'ESCROW_HOLDING holds 0 but the rooms holding money total 50000',
        'FEE_HOLDING holds 0 but the fees of the rooms holding money total 5000',
      ],
    ],
  ])('detects %s', (_name, forge, expected) => {
    const l = sampleLedger();
    forge(l);
    const v = checkLedgerInvariants(l);
    expect(v).toEqual(expected);
  });

  it('a seeded simulation of 300 rooms through the state machine stays consistent', () => {
    const next = rng(42);
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)];
    const transactions: LedgerTransaction[] = [];
    const rooms: LedgerRoom[] = [];
    const paths: EscrowEvent[][] = [
      [{ type: 'CANCEL', by: 'SYSTEM' }],
      [{ type: 'CONFIRM_PAYMENT' }],
      [{ type: 'CONFIRM_PAYMENT' }, { type: 'SHIP' }],
      [{ type: 'CONFIRM_PAYMENT' }, { type: 'SHIP' }, { type: 'CONFIRM_RECEIVED' }, { type: 'RELEASE' }],
      [{ type: 'CONFIRM_PAYMENT' }, { type: 'SHIP' }, { type: 'INSPECTION_TIMEOUT' }, { type: 'RELEASE' }],
      [{ type: 'CONFIRM_PAYMENT' }, { type: 'OPEN_DISPUTE' }, { type: 'RESOLVE', outcome: 'REFUND' }],
      [{ type: 'CONFIRM_PAYMENT' }, { type: 'SHIP' }, { type: 'OPEN_DISPUTE' }, { type: 'RESOLVE', outcome: 'SPLIT' }],
      [{ type: 'CONFIRM_PAYMENT' }, { type: 'SHIP' }, { type: 'CONFIRM_RECEIVED' }, { type: 'OPEN_DISPUTE' }, { type: 'RESOLVE', outcome: 'RELEASE' }],
      [{ type: 'CONFIRM_PAYMENT' }, { type: 'SHIP' }, { type: 'OPEN_DISPUTE' }],
    ];
    let expectedIncome = 0;
    const finals = new Map<EscrowStatus, number>();
    for (let i = 0; i < 300; i++) {
      const id = `r${i}`;
      const { amount, fee } = quoteEscrowFee(10_000 + Math.floor(next() * (20_000_000 - 10_000 + 1)));
      let status: EscrowStatus = 'AWAITING_PAYMENT';
      for (const e of pick(paths)) {
        status = applyEscrowEvent(status, e);
        if (e.type === 'CONFIRM_PAYMENT') {
          transactions.push({ kind: 'FUND', roomId: id, postings: fundingPostings({ provider: pick(['XENDIT', 'BCA']), amount, fee }) });
        } else if (status === 'RELEASED') {
          transactions.push({ kind: 'RELEASE', roomId: id, postings: releasePostings({ sellerId: `s${i}`, amount, fee }) });
          expectedIncome += fee;
        } else if (status === 'REFUNDED') {
          transactions.push({ kind: 'REFUND', roomId: id, postings: refundPostings({ buyerId: `b${i}`, amount, fee }) });
        } else if (status === 'SPLIT') {
          const toSeller = Math.floor(next() * (amount + 1));
          transactions.push({ kind: 'SPLIT', roomId: id, postings: splitPostings({ sellerId: `s${i}`, buyerId: `b${i}`, amount, fee, toSeller, toBuyer: amount - toSeller }) });
          expectedIncome += fee;
        }
      }
      finals.set(status, (finals.get(status) ?? 0) + 1);
      rooms.push({ id, status, amount, fee });
    }
    expect(checkLedgerInvariants({ transactions, rooms })).toEqual([]);
    const balances = balancesOf(transactions.map((t) => t.postings));
    expect(balances.get(FEE_INCOME)).toBe(-expectedIncome);
    // the whole ledger balances: Σ of all balances is 0
    expect([...balances.values()].reduce((s, b) => s + b, 0)).toBe(0);
    expect(sum(transactions.flatMap((t) => t.postings))).toBe(0);
    // every final status of the paths was reached: CANCELLED, FUNDED, SHIPPED, RELEASED, REFUNDED, SPLIT, DISPUTED
    expect(finals.size).toBe(7);
  });
});

/**
 * A small, consistent store-order ledger: one order completed, one refunded, one shipped
 * (held), one cancelled after payment, one cancelled unpaid, one awaiting payment.
 */
function sampleOrders(): { transactions: LedgerTransaction[]; orders: LedgerOrder[] } {
  return {
    orders: [
      { id: 'o1', status: 'COMPLETED', total: 1_530_000, paid: true },
      { id: 'o2', status: 'REFUNDED', total: 200_000, paid: true },
      { id: 'o3', status: 'SHIPPED', total: 120_000, paid: true },
      { id: 'o4', status: 'CANCELLED', total: 90_000, paid: true },
      { id: 'o5', status: 'CANCELLED', total: 50_000, paid: false },
      { id: 'o6', status: 'PENDING_PAYMENT', total: 70_000, paid: false },
    ],
    transactions: [
      { kind: 'ORDER_PAY', orderId: 'o1', postings: orderPaymentPostings({ provider: 'MIDTRANS', total: 1_530_000 }) },
      { kind: 'ORDER_PAY', orderId: 'o2', postings: orderPaymentPostings({ provider: 'MANUAL_TRANSFER', total: 200_000 }) },
      { kind: 'ORDER_PAY', orderId: 'o3', postings: orderPaymentPostings({ provider: 'STRIPE', total: 120_000 }) },
      { kind: 'ORDER_PAY', orderId: 'o4', postings: orderPaymentPostings({ provider: 'MANUAL_TRANSFER', total: 90_000 }) },
      { kind: 'ORDER_RELEASE', orderId: 'o1', postings: orderReleasePostings({ storeOwnerId: 'st1', total: 1_530_000 }) },
      { kind: 'ORDER_REFUND', orderId: 'o2', postings: orderRefundPostings({ buyerId: 'b2', total: 200_000 }) },
      { kind: 'ORDER_REFUND', orderId: 'o4', postings: orderRefundPostings({ buyerId: 'b4', total: 90_000 }) },
    ],
  };
}

describe('checkLedgerInvariants: store orders', () => {
  it('a consistent order ledger has no violations, with and without the order table, and beside escrow rooms', () => {
    const o = sampleOrders();
    expect(checkLedgerInvariants({ transactions: o.transactions })).toEqual([]);
    expect(checkLedgerInvariants(o)).toEqual([]);
    expect(checkLedgerInvariants({ transactions: [], orders: [] })).toEqual([]);
    // Room rules skip order transactions and order rules skip room transactions.
    const r = sampleLedger();
    const mixed = [...r.transactions, ...o.transactions];
    expect(checkLedgerInvariants({ transactions: mixed, rooms: r.rooms })).toEqual([]);
    expect(checkLedgerInvariants({ transactions: mixed, orders: o.orders })).toEqual([]);
    expect(checkLedgerInvariants({ transactions: mixed, rooms: r.rooms, orders: o.orders })).toEqual([]);
    // The escrow holdings do not see order money, nor ORDER_HOLDING room money.
    const b = balancesOf(mixed.map((t) => t.postings));
    expect([b.get(ESCROW_HOLDING), b.get(FEE_HOLDING), b.get(ORDER_HOLDING), b.get(FEE_INCOME)]).toEqual([-50_000, -5_000, -120_000, -25_000]);
    // Without `paid`, a CANCELLED order may have been cancelled before or after payment.
    const unknown = sampleOrders();
    for (const ord of unknown.orders) delete ord.paid;
    expect(checkLedgerInvariants(unknown)).toEqual([]);
  });

  it.each<[string, (l: { transactions: LedgerTransaction[]; orders: LedgerOrder[] }) => void, string[]]>([
    [
      'a release that pays the store owner more than the order held (unbalanced)',
      (l) => {
        l.transactions[4].postings = [
          { account: 'ORDER_HOLDING', amount: 1_530_000 },
          { account: 'PAYABLE:st1', amount: -1_630_000 },
        ];
      },
      [
        'transaction #4 (ORDER_RELEASE): postings sum to -100000, not 0',
        'ORDER_HOLDING holds 120000 but paid 1940000 − released 1630000 − refunded 290000 = 20000',
      ],
    ],
    [
      'an order payment booked into the escrow holding (shape)',
      (l) => {
        l.transactions[2].postings = fundingPostings({ provider: 'STRIPE', amount: 120_000, fee: 0 });
      },
      [
        'transaction #2 (ORDER_PAY): a credit to ESCROW_HOLDING is not allowed in ORDER_PAY',
        'ESCROW_HOLDING holds 120000 but funded 0 − released 0 − refunded 0 − split 0 = 0',
        'ORDER_HOLDING holds 0 but paid 1940000 − released 1530000 − refunded 290000 = 120000',
        'order o3 (SHIPPED): transaction #2 (ORDER_PAY) holds 0, the order\'s total is 120000',
        'ORDER_HOLDING holds 0 but the orders holding money total 120000',
      ],
    ],
    [
      'a refund to two members and a release into FEE_INCOME (shape)',
      (l) => {
        l.transactions[5].postings = [
          { account: 'ORDER_HOLDING', amount: 200_000 },
          { account: 'PAYABLE:b2', amount: -100_000 },
          { account: 'PAYABLE:x', amount: -100_000 },
        ];
        l.transactions[4].postings = [
          { account: 'ORDER_HOLDING', amount: 1_530_000 },
          { account: 'PAYABLE:st1', amount: -1_500_000 },
          { account: 'FEE_INCOME', amount: -30_000 },
        ];
      },
      [
        'transaction #4 (ORDER_RELEASE): a credit to FEE_INCOME is not allowed in ORDER_RELEASE',
        'transaction #5 (ORDER_REFUND): more than 1 credit leg(s) to PAYABLE',
        'ORDER_HOLDING holds 120000 but paid 1940000 − released 1500000 − refunded 290000 = 150000',
      ],
    ],
    [
      'a double release (a racing completion booked twice)',
      (l) => {
        l.transactions.push({ ...l.transactions[4] });
      },
      [
        'transaction #7 (ORDER_RELEASE): ORDER_HOLDING has a debit balance of 1410000 afterwards',
        'order o1 (COMPLETED): has 2 ORDER_RELEASE transactions, expected 1',
        'ORDER_HOLDING holds -1410000 but the orders holding money total 120000',
      ],
    ],
    [
      'a double payment (two racing confirmations booked twice)',
      (l) => {
        l.transactions.push({ ...l.transactions[2] });
      },
      [
        'order o3 (SHIPPED): has 2 ORDER_PAY transaction(s), expected 1',
        'ORDER_HOLDING holds 240000 but the orders holding money total 120000',
      ],
    ],
    [
      'a release booked before the payment',
      (l) => {
        l.transactions = [l.transactions[4], ...l.transactions.slice(0, 4), ...l.transactions.slice(5)];
      },
      [
        'transaction #0 (ORDER_RELEASE): ORDER_HOLDING has a debit balance of 1530000 afterwards',
        'order o1 (COMPLETED): transaction #0 (ORDER_RELEASE) is booked before the order\'s ORDER_PAY',
      ],
    ],
    [
      'unlinked order transactions',
      (l) => {
        l.transactions.push({ kind: 'ORDER_PAY', postings: orderPaymentPostings({ provider: 'BCA', total: 1 }) });
        l.transactions.push({ kind: 'ORDER_PAY', orderId: 'zz', postings: orderPaymentPostings({ provider: 'BCA', total: 2 }) });
      },
      [
        'transaction #7 (ORDER_PAY): has no orderId',
        'transaction #8 (ORDER_PAY): names unknown order "zz"',
        'ORDER_HOLDING holds 120003 but the orders holding money total 120000',
      ],
    ],
    [
      'a paid order without its payment, and payments on unpaid orders',
      (l) => {
        l.transactions.splice(2, 1); // o3 SHIPPED, never booked
        l.transactions.push({ kind: 'ORDER_PAY', orderId: 'o5', postings: orderPaymentPostings({ provider: 'BCA', total: 50_000 }) });
        l.transactions.push({ kind: 'ORDER_PAY', orderId: 'o6', postings: orderPaymentPostings({ provider: 'BCA', total: 70_000 }) });
      },
      [
        'order o3 (SHIPPED): has 0 ORDER_PAY transaction(s), expected 1',
        'order o5 (CANCELLED): has 1 ORDER_PAY transaction(s), expected 0',
        'order o6 (PENDING_PAYMENT): has 1 ORDER_PAY transaction(s), expected 0',
        // 50.000 + 70.000 wrongly held make up for the 120.000 missing: only the per-order checks see it
      ],
    ],
    [
      'a payment of a different amount than the order total',
      (l) => {
        l.orders[2] = { ...l.orders[2], total: 125_000 };
      },
      [
        'order o3 (SHIPPED): transaction #2 (ORDER_PAY) holds 120000, the order\'s total is 125000',
        'ORDER_HOLDING holds 120000 but the orders holding money total 125000',
      ],
    ],
    [
      'a completed order not released, and a paid cancelled order not refunded',
      (l) => {
        l.transactions.splice(6, 1);
        l.transactions.splice(4, 1);
      },
      [
        'order o1 (COMPLETED): has no ORDER_RELEASE transaction',
        'order o4 (CANCELLED): has no ORDER_REFUND transaction',
        'ORDER_HOLDING holds 1740000 but the orders holding money total 120000',
      ],
    ],
    [
      'a refunded order released to the store, and a settlement of an order still held',
      (l) => {
        l.transactions[5] = { kind: 'ORDER_RELEASE', orderId: 'o2', postings: orderReleasePostings({ storeOwnerId: 'st1', total: 200_000 }) };
        l.transactions.push({ kind: 'ORDER_REFUND', orderId: 'o3', postings: orderRefundPostings({ buyerId: 'b3', total: 120_000 }) });
      },
      [
        'order o2 (REFUNDED): has no ORDER_REFUND transaction',
        'order o2 (REFUNDED): has ORDER_RELEASE besides its ORDER_REFUND',
        'order o3 (SHIPPED): has 1 settlement transaction(s), expected none',
        'ORDER_HOLDING holds 0 but the orders holding money total 120000',
      ],
    ],
    [
      'a refund of part of the total',
      (l) => {
        l.transactions[5].postings = orderRefundPostings({ buyerId: 'b2', total: 150_000 });
      },
      [
        'order o2 (REFUNDED): transaction #5 (ORDER_REFUND) settles 150000, the order\'s total is 200000',
        'ORDER_HOLDING holds 170000 but the orders holding money total 120000',
      ],
    ],
  ])('detects %s', (_name, forge, expected) => {
    const l = sampleOrders();
    forge(l);
    expect(checkLedgerInvariants(l)).toEqual(expected);
  });

  it('room rules ignore order transactions, but an escrow-kind transaction booked for an order is caught', () => {
    const r = sampleLedger();
    const o = sampleOrders();
    // An order movement booked with an escrow kind: no roomId, and it fails the escrow figures.
    o.transactions[2] = { kind: 'FUND', orderId: 'o3', postings: orderPaymentPostings({ provider: 'STRIPE', total: 120_000 }) };
    expect(checkLedgerInvariants({ transactions: [...r.transactions, ...o.transactions], rooms: r.rooms, orders: o.orders })).toEqual([
      'transaction #7 (FUND): a credit to ORDER_HOLDING is not allowed in FUND',
      'ESCROW_HOLDING holds 50000 but funded 1370000 − released 1000000 − refunded 200000 − split 0 = 170000',
      'FEE_HOLDING holds 5000 but fees paid 160000 − earned 25000 − refunded 10000 = 125000',
      'ORDER_HOLDING holds 120000 but paid 1820000 − released 1530000 − refunded 290000 = 0',
      'transaction #7 (FUND): has no roomId',
      'order o3 (SHIPPED): has 0 ORDER_PAY transaction(s), expected 1',
    ]);
  });

  it('a seeded simulation of 300 orders through the order table stays consistent', () => {
    const next = rng(6);
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)];
    const paths: [OrderEvent, 'BUYER' | 'STAFF' | 'ADMIN' | 'SYSTEM'][][] = [
      [['EXPIRE', 'SYSTEM']],
      [['CANCEL', 'BUYER']],
      [],
      [['PAY', 'SYSTEM']],
      [['PAY', 'STAFF'], ['CANCEL', 'STAFF']],
      [['PAY', 'STAFF'], ['START_PROCESSING', 'STAFF'], ['CANCEL', 'STAFF']],
      [['PAY', 'SYSTEM'], ['START_PROCESSING', 'STAFF'], ['SHIP', 'STAFF']],
      [['PAY', 'SYSTEM'], ['START_PROCESSING', 'STAFF'], ['SHIP', 'STAFF'], ['DELIVER', 'SYSTEM'], ['COMPLETE', 'BUYER']],
      [['PAY', 'STAFF'], ['START_PROCESSING', 'STAFF'], ['SHIP', 'STAFF'], ['REFUND', 'ADMIN']],
      [['PAY', 'SYSTEM'], ['REFUND', 'STAFF']],
      [['PAY', 'SYSTEM'], ['START_PROCESSING', 'STAFF'], ['SHIP', 'STAFF'], ['DELIVER', 'STAFF'], ['REFUND', 'STAFF']],
    ];
    const transactions: LedgerTransaction[] = [];
    const orders: LedgerOrder[] = [];
    const finals = new Set<OrderStatus>();
    let toStores = 0;
    for (let i = 0; i < 300; i++) {
      const id = `o${i}`;
      const total = 10_000 + Math.floor(next() * 30_000_000);
      let status: OrderStatus = 'PENDING_PAYMENT';
      let paid = false;
      for (const [event, actor] of pick(paths)) {
        const from = status;
        status = applyOrderEvent(status, event, actor);
        // The bookings the API makes with each move (commerce.service.ts).
        const settlement = orderSettlementOf(from, status);
        if (event === 'PAY') {
          paid = true;
          transactions.push({ kind: 'ORDER_PAY', orderId: id, postings: orderPaymentPostings({ provider: actor === 'STAFF' ? 'MANUAL_TRANSFER' : 'MIDTRANS', total }) });
        } else if (settlement === 'ORDER_RELEASE') {
          transactions.push({ kind: settlement, orderId: id, postings: orderReleasePostings({ storeOwnerId: `st${i % 7}`, total }) });
          toStores += total;
        } else if (settlement === 'ORDER_REFUND') {
          transactions.push({ kind: settlement, orderId: id, postings: orderRefundPostings({ buyerId: `b${i}`, total }) });
        }
      }
      finals.add(status);
      orders.push({ id, status, total, paid });
    }
    expect(checkLedgerInvariants({ transactions, orders })).toEqual([]);
    const balances = balancesOf(transactions.map((t) => t.postings));
    expect([...balances].filter(([a]) => a.startsWith('PAYABLE:st')).reduce((s, [, b]) => s - b, 0)).toBe(toStores);
    expect(balances.get(FEE_INCOME)).toBeUndefined();
    expect([...balances.values()].reduce((s, b) => s + b, 0)).toBe(0);
    expect([...finals].sort()).toEqual(['CANCELLED', 'COMPLETED', 'PAID', 'PENDING_PAYMENT', 'REFUNDED', 'SHIPPED']);
  });
});

/**
 * Payments that arrived when their subject could no longer take them, beside the sample rooms
 * and orders: p1 paid room r4 after it was CANCELLED, p2 paid order o3 a second time (it was
 * paid by p3), p4 paid order o5 after it was cancelled unpaid; p5 is a pending payment.
 */
function sampleUnmatched(): { transactions: LedgerTransaction[]; rooms: LedgerRoom[]; orders: LedgerOrder[]; payments: LedgerPayment[] } {
  const r = sampleLedger();
  const o = sampleOrders();
  return {
    rooms: r.rooms,
    orders: o.orders,
    payments: [
      { id: 'p1', provider: 'MIDTRANS', payerId: 'b9', amount: 85_000, status: 'PAID' },
      { id: 'p2', provider: 'MIDTRANS', payerId: 'b3', amount: 120_000, status: 'PAID' },
      { id: 'p3', provider: 'STRIPE', payerId: 'b3', amount: 120_000, status: 'PAID' },
      { id: 'p4', provider: 'STRIPE', payerId: 'b5', amount: 50_000, status: 'PAID' },
      { id: 'p5', provider: 'MIDTRANS', payerId: 'b6', amount: 70_000, status: 'PENDING' },
    ],
    transactions: [
      ...r.transactions,
      ...o.transactions,
      { kind: 'UNMATCHED_PAYMENT', paymentId: 'p1', postings: unmatchedPaymentPostings({ provider: 'MIDTRANS', payerId: 'b9', amount: 85_000 }) },
      { kind: 'UNMATCHED_PAYMENT', paymentId: 'p2', postings: unmatchedPaymentPostings({ provider: 'MIDTRANS', payerId: 'b3', amount: 120_000 }) },
      { kind: 'UNMATCHED_PAYMENT', paymentId: 'p4', postings: unmatchedPaymentPostings({ provider: 'STRIPE', payerId: 'b5', amount: 50_000 }) },
    ],
  };
}

describe('checkLedgerInvariants: payments their subject could not take (UNMATCHED_PAYMENT)', () => {
  it('are consistent beside rooms and orders, with and without the tables; no room or order counts them as its payment', () => {
    const l = sampleUnmatched();
    expect(checkLedgerInvariants(l)).toEqual([]);
    expect(checkLedgerInvariants({ transactions: l.transactions })).toEqual([]);
    expect(checkLedgerInvariants({ transactions: l.transactions, rooms: l.rooms })).toEqual([]);
    expect(checkLedgerInvariants({ transactions: l.transactions, orders: l.orders })).toEqual([]);
    expect(checkLedgerInvariants({ transactions: l.transactions, payments: l.payments })).toEqual([]);
    // Only the payments the transactions name need be given.
    expect(checkLedgerInvariants({ ...l, payments: l.payments.filter((p) => ['p1', 'p2', 'p4'].includes(p.id)) })).toEqual([]);
    // The money is at the providers and owed to the payers; no holding moves.
    const before = balancesOf(sampleLedger().transactions.concat(sampleOrders().transactions).map((t) => t.postings));
    const b = balancesOf(l.transactions.map((t) => t.postings));
    for (const account of [ESCROW_HOLDING, FEE_HOLDING, FEE_INCOME, ORDER_HOLDING]) expect(b.get(account)).toBe(before.get(account));
    expect([b.get('PAYABLE:b9'), b.get('PAYABLE:b3'), b.get('PAYABLE:b5')]).toEqual([-85_000, -120_000, -50_000]);
    expect(b.get('PROVIDER:MIDTRANS')).toBe((before.get('PROVIDER:MIDTRANS') ?? 0) + 205_000);
  });

  it.each<[string, (l: ReturnType<typeof sampleUnmatched>) => void, string[]]>([
    [
      'one without its payment, and one naming an unknown payment',
      (l) => {
        delete l.transactions[12].paymentId;
        l.transactions[13].paymentId = 'p9';
      },
      ['transaction #12 (UNMATCHED_PAYMENT): has no paymentId', 'transaction #13 (UNMATCHED_PAYMENT): names unknown payment "p9"'],
    ],
    [
      'money booked for a payment that is not PAID',
      (l) => {
        l.transactions.push({ kind: 'UNMATCHED_PAYMENT', paymentId: 'p5', postings: unmatchedPaymentPostings({ provider: 'MIDTRANS', payerId: 'b6', amount: 70_000 }) });
      },
      ['payment p5 (PENDING): transaction #15 (UNMATCHED_PAYMENT) books money of a payment that is not PAID'],
    ],
    [
      'the same payment booked twice',
      (l) => {
        l.transactions.push({ ...l.transactions[13] });
      },
      ['payment p2 (PAID): has more than one UNMATCHED_PAYMENT transaction'],
    ],
    [
      'the wrong provider, the wrong payer and the wrong amount',
      (l) => {
        l.transactions[12].postings = unmatchedPaymentPostings({ provider: 'STRIPE', payerId: 'b9', amount: 85_000 });
        l.transactions[13].postings = unmatchedPaymentPostings({ provider: 'MIDTRANS', payerId: 'st1', amount: 120_000 });
        l.transactions[14].postings = unmatchedPaymentPostings({ provider: 'STRIPE', payerId: 'b5', amount: 5_000 });
      },
      [
        'payment p1 (PAID): transaction #12 (UNMATCHED_PAYMENT) books PROVIDER:MIDTRANS 0 and PAYABLE:b9 -85000, the payment says 85000 paid at MIDTRANS by b9',
        'payment p2 (PAID): transaction #13 (UNMATCHED_PAYMENT) books PROVIDER:MIDTRANS 120000 and PAYABLE:b3 0, the payment says 120000 paid at MIDTRANS by b3',
        'payment p4 (PAID): transaction #14 (UNMATCHED_PAYMENT) books PROVIDER:STRIPE 5000 and PAYABLE:b5 -5000, the payment says 50000 paid at STRIPE by b5',
      ],
    ],
    [
      'one booked into a holding (shape), which the holdings then do not reconcile',
      (l) => {
        l.transactions[13].postings = orderPaymentPostings({ provider: 'MIDTRANS', total: 120_000 });
      },
      [
        'transaction #13 (UNMATCHED_PAYMENT): a credit to ORDER_HOLDING is not allowed in UNMATCHED_PAYMENT',
        'ORDER_HOLDING holds 240000 but paid 1940000 − released 1530000 − refunded 290000 = 120000',
        'ORDER_HOLDING holds 240000 but the orders holding money total 120000',
        'payment p2 (PAID): transaction #13 (UNMATCHED_PAYMENT) books PROVIDER:MIDTRANS 120000 and PAYABLE:b3 0, the payment says 120000 paid at MIDTRANS by b3',
      ],
    ],
    [
      'one that does not balance, or has two legs of a kind',
      (l) => {
        l.transactions[12].postings = [{ account: 'PROVIDER:MIDTRANS', amount: 85_000 }, { account: 'PAYABLE:b9', amount: -80_000 }];
        l.transactions[14].postings = [
          { account: 'PROVIDER:STRIPE', amount: 50_000 },
          { account: 'PAYABLE:b5', amount: -25_000 },
          { account: 'PAYABLE:b5', amount: -25_000 },
        ];
      },
      [
        'transaction #12 (UNMATCHED_PAYMENT): postings sum to 5000, not 0',
        'transaction #14 (UNMATCHED_PAYMENT): more than 1 credit leg(s) to PAYABLE',
        'payment p1 (PAID): transaction #12 (UNMATCHED_PAYMENT) books PROVIDER:MIDTRANS 85000 and PAYABLE:b9 -80000, the payment says 85000 paid at MIDTRANS by b9',
      ],
    ],
    [
      'an order payment booked as unmatched: the order then lacks its ORDER_PAY',
      (l) => {
        l.transactions[7] = { kind: 'UNMATCHED_PAYMENT', paymentId: 'p3', postings: unmatchedPaymentPostings({ provider: 'STRIPE', payerId: 'b3', amount: 120_000 }) };
      },
      ['order o3 (SHIPPED): has 0 ORDER_PAY transaction(s), expected 1', 'ORDER_HOLDING holds 0 but the orders holding money total 120000'],
    ],
  ])('detects %s', (_name, forge, expected) => {
    const l = sampleUnmatched();
    forge(l);
    expect(checkLedgerInvariants(l)).toEqual(expected);
  });
});
