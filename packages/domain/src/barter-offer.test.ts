import { describe, expect, it } from 'vitest';
import {
  OFFER_ACTIONS,
  OFFER_RULES,
  OFFER_STATUSES,
  OFFER_TRANSITIONS,
  TOP_UP_LIMITS,
  applyOfferAction,
  isFinalOfferStatus,
  newOffer,
  offerBalance,
  offerExpiresAt,
  offerRole,
  suggestTopUp,
  validateOfferTerms,
  type OfferAction,
  type OfferItem,
  type OfferRole,
  type OfferState,
  type OfferStatus,
  type OfferTerms,
  type TradeParty,
} from './barter-offer.js';
import { DomainError } from './errors.js';
import { isBalanced } from './points.js';
import { domainError } from './domain-error.test-helper.js';

type Act = Exclude<OfferAction, 'MAKE'>;
const ACTS: Act[] = ['ACCEPT', 'REJECT', 'COUNTER', 'WITHDRAW', 'EXPIRE', 'CANCEL'];
const ROLES: OfferRole[] = ['AWAITING', 'PROPOSER', 'SYSTEM'];
const offer = (status: OfferStatus, round = 1, awaiting: TradeParty = 'SELLER'): OfferState => ({ status, round, awaiting });
/** The actor playing `role` on an offer awaiting `awaiting`. */
const actorFor = (role: OfferRole, awaiting: TradeParty): TradeParty | 'SYSTEM' =>
  role === 'SYSTEM' ? 'SYSTEM' : role === 'AWAITING' ? awaiting : awaiting === 'SELLER' ? 'BUYER' : 'SELLER';

describe('OFFER_RULES and OFFER_TRANSITIONS', () => {
  it('has the PRODUCT.md §3 limits and is frozen', () => {
    expect(OFFER_RULES).toEqual({ maxRounds: 5, responseHours: 48, maxItemsPerSide: 10 });
    expect(Object.isFrozen(OFFER_RULES)).toBe(true);
    expect(Object.isFrozen(OFFER_TRANSITIONS)).toBe(true);
    for (const row of OFFER_TRANSITIONS) expect(Object.isFrozen(row)).toBe(true);
  });

  it('is exactly the six agreed rows', () => {
    expect(OFFER_TRANSITIONS).toEqual([
      { from: 'PENDING', action: 'ACCEPT', by: 'AWAITING', to: 'ACCEPTED' },
      { from: 'PENDING', action: 'REJECT', by: 'AWAITING', to: 'REJECTED' },
      { from: 'PENDING', action: 'COUNTER', by: 'AWAITING', to: 'PENDING' },
      { from: 'PENDING', action: 'WITHDRAW', by: 'PROPOSER', to: 'WITHDRAWN' },
      { from: 'PENDING', action: 'EXPIRE', by: 'SYSTEM', to: 'EXPIRED' },
      { from: 'PENDING', action: 'CANCEL', by: 'SYSTEM', to: 'CANCELLED' },
    ]);
  });

  it('lists every status and action; only PENDING is open', () => {
    expect(OFFER_STATUSES).toHaveLength(6);
    expect(OFFER_ACTIONS).toHaveLength(7);
    expect(OFFER_STATUSES.filter((s) => !isFinalOfferStatus(s))).toEqual(['PENDING']);
  });
});

describe('applyOfferAction: allowed moves', () => {
  it('newOffer is PENDING, round 1, awaiting the seller', () => {
    expect(newOffer()).toEqual({ status: 'PENDING', round: 1, awaiting: 'SELLER' });
  });

  // [action, actor, state before, state after]
  it.each<[Act, TradeParty | 'SYSTEM', OfferState, OfferState]>([
    ['ACCEPT', 'SELLER', offer('PENDING'), offer('ACCEPTED')],
    ['REJECT', 'SELLER', offer('PENDING'), offer('REJECTED')],
    ['COUNTER', 'SELLER', offer('PENDING'), offer('PENDING', 2, 'BUYER')],
    ['WITHDRAW', 'BUYER', offer('PENDING'), offer('WITHDRAWN')],
    ['EXPIRE', 'SYSTEM', offer('PENDING'), offer('EXPIRED')],
    ['CANCEL', 'SYSTEM', offer('PENDING'), offer('CANCELLED')],
    ['ACCEPT', 'BUYER', offer('PENDING', 2, 'BUYER'), offer('ACCEPTED', 2, 'BUYER')],
    ['REJECT', 'BUYER', offer('PENDING', 4, 'BUYER'), offer('REJECTED', 4, 'BUYER')],
    ['COUNTER', 'BUYER', offer('PENDING', 2, 'BUYER'), offer('PENDING', 3, 'SELLER')],
    ['WITHDRAW', 'SELLER', offer('PENDING', 2, 'BUYER'), offer('WITHDRAWN', 2, 'BUYER')],
    ['EXPIRE', 'SYSTEM', offer('PENDING', 5, 'BUYER'), offer('EXPIRED', 5, 'BUYER')],
    ['CANCEL', 'SYSTEM', offer('PENDING', 3, 'SELLER'), offer('CANCELLED', 3, 'SELLER')],
  ])('%s by %s: %o → %o', (action, actor, before, after) => {
    const frozen = Object.freeze({ ...before });
    expect(applyOfferAction(frozen, action, actor)).toEqual(after);
    expect(frozen).toEqual(before);
  });

  it('every table row works for both parties in the awaiting seat', () => {
    for (const awaiting of ['SELLER', 'BUYER'] as TradeParty[]) {
      for (const row of OFFER_TRANSITIONS) {
        const next = applyOfferAction(offer(row.from, 1, awaiting), row.action as Act, actorFor(row.by, awaiting));
        expect(next.status).toBe(row.to);
      }
    }
  });
});

describe('applyOfferAction: refused moves', () => {
  it('refuses every (status, action, role) the table does not list, with INVALID_STATE', () => {
    for (const awaiting of ['SELLER', 'BUYER'] as TradeParty[]) {
      let refused = 0;
      for (const status of OFFER_STATUSES) {
        for (const action of ACTS) {
          for (const role of ROLES) {
            const listed = OFFER_TRANSITIONS.some((t) => t.from === status && t.action === action && t.by === role);
            const run = () => applyOfferAction(offer(status, 1, awaiting), action, actorFor(role, awaiting));
            if (listed) {
              expect(run().status).not.toBe(undefined);
            } else {
              expect(domainError(run).code).toBe('INVALID_STATE');
              refused++;
            }
          }
        }
      }
      expect(refused).toBe(6 * 6 * 3 - OFFER_TRANSITIONS.length);
      expect(refused).toBe(102);
    }
  });

  it.each<[string, OfferState, Act, TradeParty | 'SYSTEM', RegExp]>([
    ['buyer answers own offer', offer('PENDING'), 'ACCEPT', 'BUYER', /not BUYER's turn.*SELLER's answer/],
    ['buyer counters own offer', offer('PENDING'), 'COUNTER', 'BUYER', /SELLER's answer/],
    ['seller answers own counter', offer('PENDING', 2, 'BUYER'), 'REJECT', 'SELLER', /BUYER's answer/],
    ['seller withdraws buyer terms', offer('PENDING'), 'WITHDRAW', 'SELLER', /only the BUYER, who proposed/],
    ['party expires', offer('PENDING'), 'EXPIRE', 'SELLER', /only the system/],
    ['party cancels', offer('PENDING'), 'CANCEL', 'BUYER', /only the system/],
    ['system accepts', offer('PENDING'), 'ACCEPT', 'SYSTEM', /system cannot ACCEPT/],
    ['accept twice', offer('ACCEPTED'), 'ACCEPT', 'SELLER', /already ACCEPTED/],
    ['expire a rejected offer', offer('REJECTED'), 'EXPIRE', 'SYSTEM', /already REJECTED/],
    ['counter an expired offer', offer('EXPIRED', 3), 'COUNTER', 'SELLER', /already EXPIRED/],
  ])('%s', (_name, state, action, actor, message) => {
    const e = domainError(() => applyOfferAction(state, action, actor));
    expect(e.code).toBe('INVALID_STATE');
    expect(e.message).toMatch(message);
  });

  it('refuses MAKE (offers are made with newOffer) and an unknown actor', () => {
    expect(domainError(() => applyOfferAction(newOffer(), 'MAKE' as Act, 'BUYER')).code).toBe('INVALID_STATE');
    const e = domainError(() => applyOfferAction(newOffer(), 'ACCEPT', 'ADMIN' as TradeParty));
    expect([e.code, e.field]).toEqual(['BAD_USER_INPUT', 'actor']);
  });
});

describe('applyOfferAction: rounds and turns', () => {
  it.each([1, 2, 3, 4])('a counter at round %i is allowed', (round) => {
    const awaiting: TradeParty = round % 2 === 1 ? 'SELLER' : 'BUYER';
    expect(applyOfferAction(offer('PENDING', round, awaiting), 'COUNTER', awaiting)).toEqual(
      offer('PENDING', round + 1, awaiting === 'SELLER' ? 'BUYER' : 'SELLER'),
    );
  });

  it('a counter at round 5 (it would make round 6) is refused; accept, reject, withdraw still work', () => {
    const last = offer('PENDING', 5, 'SELLER');
    const e = domainError(() => applyOfferAction(last, 'COUNTER', 'SELLER'));
    expect(e.code).toBe('INVALID_STATE');
    expect(e.message).toMatch(/at most 5 rounds.*round 5/);
    expect(applyOfferAction(last, 'ACCEPT', 'SELLER').status).toBe('ACCEPTED');
    expect(applyOfferAction(last, 'REJECT', 'SELLER').status).toBe('REJECTED');
    expect(applyOfferAction(last, 'WITHDRAW', 'BUYER').status).toBe('WITHDRAWN');
  });

  it('parties take turns through a full negotiation', () => {
    let s = newOffer();
    const log: string[] = [];
    for (const party of ['SELLER', 'BUYER', 'SELLER', 'BUYER'] as TradeParty[]) {
      const waiting = party === 'SELLER' ? 'BUYER' : 'SELLER';
      // the party who just proposed cannot answer their own terms
      expect(domainError(() => applyOfferAction(s, 'ACCEPT', waiting)).message).toMatch(`${party}'s answer`);
      s = applyOfferAction(s, 'COUNTER', party);
      log.push(`${s.round}:${s.awaiting}`);
    }
    expect(log).toEqual(['2:BUYER', '3:SELLER', '4:BUYER', '5:SELLER']);
    expect(() => applyOfferAction(s, 'COUNTER', 'SELLER')).toThrow(/at most 5 rounds/);
    expect(applyOfferAction(s, 'ACCEPT', 'SELLER')).toEqual({ status: 'ACCEPTED', round: 5, awaiting: 'SELLER' });
  });

  it('offerRole names the awaiting party, the proposer and the system', () => {
    const s = offer('PENDING', 2, 'BUYER');
    expect([offerRole(s, 'BUYER'), offerRole(s, 'SELLER'), offerRole(s, 'SYSTEM')]).toEqual([
      'AWAITING',
      'PROPOSER',
      'SYSTEM',
    ]);
  });
});

describe('offerExpiresAt', () => {
  it.each<[string, number | undefined, string]>([
    ['2026-03-01T10:00:00Z', undefined, '2026-03-03T10:00:00.000Z'],
    ['2026-12-31T20:30:00Z', undefined, '2027-01-02T20:30:00.000Z'],
    ['2026-03-01T10:00:00Z', 24, '2026-03-02T10:00:00.000Z'],
    ['2026-03-01T10:00:00Z', 1, '2026-03-01T11:00:00.000Z'],
  ])('%s + %s h → %s', (from, hours, expected) => {
    expect(offerExpiresAt(new Date(from), hours).toISOString()).toBe(expected);
  });

  it.each([0, -1, 1.5, Number.NaN, Infinity])('refuses %s hours', (hours) => {
    const e = domainError(() => offerExpiresAt(new Date('2026-03-01T10:00:00Z'), hours));
    expect([e.code, e.field]).toEqual(['BAD_USER_INPUT', 'hours']);
  });

  it('refuses an invalid date', () => {
    expect(domainError(() => offerExpiresAt(new Date('nope'))).field).toBe('from');
  });
});

describe('validateOfferTerms', () => {
  const item = (id: string, ownerId: string, over: Partial<OfferItem> = {}): OfferItem => ({
    id,
    ownerId,
    kind: 'BARTER',
    status: 'ACTIVE',
    points: 100,
    inOpenDeal: false,
    ...over,
  });
  const terms = (over: Partial<OfferTerms> = {}): OfferTerms => ({
    buyerId: 'buyer',
    sellerId: 'seller',
    wanted: [item('w1', 'seller')],
    offered: [item('o1', 'buyer')],
    ...over,
  });
  const many = (prefix: string, owner: string, n: number) => Array.from({ length: n }, (_, i) => item(`${prefix}${i}`, owner));
  const W = 'wantedListingIds';
  const O = 'offeredListingIds';

  it.each<[string, OfferTerms]>([
    ['one for one', terms()],
    ['ten for ten', terms({ wanted: many('w', 'seller', 10), offered: many('o', 'buyer', 10) })],
    ['an unbalanced offer (the parties decide)', terms({ offered: [item('o1', 'buyer', { points: 1 })] })],
  ])('accepts %s', (_name, t) => expect(() => validateOfferTerms(t)).not.toThrow());

  it.each<[string, OfferTerms, 'BAD_USER_INPUT' | 'INVALID_STATE', string, RegExp]>([
    ['buyer is the seller', terms({ buyerId: 'seller' }), 'BAD_USER_INPUT', W, /your own listings/],
    ['nothing wanted', terms({ wanted: [] }), 'BAD_USER_INPUT', W, /at least one wanted/],
    ['nothing offered', terms({ offered: [] }), 'BAD_USER_INPUT', O, /at least one offered/],
    ['11 wanted', terms({ wanted: many('w', 'seller', 11) }), 'BAD_USER_INPUT', W, /at most 10/],
    ['11 offered', terms({ offered: many('o', 'buyer', 11) }), 'BAD_USER_INPUT', O, /at most 10/],
    ['wanted twice', terms({ wanted: [item('w1', 'seller'), item('w1', 'seller')] }), 'BAD_USER_INPUT', W, /w1 is named more than once/],
    ['offered twice', terms({ offered: [item('o1', 'buyer'), item('o1', 'buyer')] }), 'BAD_USER_INPUT', O, /o1 is named more than once/],
    ['same id on both sides', terms({ offered: [item('w1', 'buyer')] }), 'BAD_USER_INPUT', O, /w1 is named more than once/],
    ['wanting the buyer’s own item', terms({ wanted: [item('w1', 'buyer')] }), 'BAD_USER_INPUT', W, /does not belong to the seller/],
    ['wanting a third user’s item', terms({ wanted: [item('w1', 'seller'), item('w2', 'other')] }), 'BAD_USER_INPUT', W, /w2 does not belong to the seller/],
    ['offering the seller’s item', terms({ offered: [item('o1', 'seller')] }), 'BAD_USER_INPUT', O, /only an owner can offer/],
    ['offering a third user’s item', terms({ offered: [item('o1', 'other')] }), 'BAD_USER_INPUT', O, /not yours/],
    ['wanting a SALE listing', terms({ wanted: [item('w1', 'seller', { kind: 'SALE', points: null })] }), 'BAD_USER_INPUT', W, /SALE listing/],
    ['offering a SERVICE listing', terms({ offered: [item('o1', 'buyer', { kind: 'SERVICE', points: null })] }), 'BAD_USER_INPUT', O, /SERVICE listing/],
    ['wanted item without points', terms({ wanted: [item('w1', 'seller', { points: null })] }), 'BAD_USER_INPUT', W, /no barter points/],
    ['offered item with 0 points', terms({ offered: [item('o1', 'buyer', { points: 0 })] }), 'BAD_USER_INPUT', O, /no barter points/],
    ['offered item with 1.5 points', terms({ offered: [item('o1', 'buyer', { points: 1.5 })] }), 'BAD_USER_INPUT', O, /no barter points/],
    ['wanted item in an open deal', terms({ wanted: [item('w1', 'seller', { inOpenDeal: true })] }), 'INVALID_STATE', W, /w1 is already in an open deal/],
    ['offered item in an open deal', terms({ offered: [item('o1', 'buyer', { inOpenDeal: true, status: 'RESERVED' })] }), 'INVALID_STATE', O, /open deal/],
    ['wanted DRAFT item', terms({ wanted: [item('w1', 'seller', { status: 'DRAFT' })] }), 'INVALID_STATE', W, /w1 is DRAFT, not ACTIVE/],
    ['wanted RESERVED item', terms({ wanted: [item('w1', 'seller', { status: 'RESERVED' })] }), 'INVALID_STATE', W, /RESERVED/],
    ['offered CLOSED item', terms({ offered: [item('o1', 'buyer', { status: 'CLOSED' })] }), 'INVALID_STATE', O, /CLOSED/],
    ['offered REMOVED item', terms({ offered: [item('o1', 'buyer', { status: 'REMOVED' })] }), 'INVALID_STATE', O, /REMOVED/],
  ])('refuses %s', (_name, t, code, field, message) => {
    const e = domainError(() => validateOfferTerms(t));
    expect([e.code, e.field]).toEqual([code, field]);
    expect(e.message).toMatch(message);
  });
});

describe('offerBalance', () => {
  // [offered, wanted, tolerance, difference, tolerancePoints, balanced]
  it.each<[number[], number[], number | undefined, number, number, boolean]>([
    [[90], [100], undefined, -10, 10, true], // exactly 10 % short
    [[89], [100], undefined, -11, 10, false],
    [[110], [100], undefined, 10, 10, true], // exactly 10 % over
    [[111], [100], undefined, 11, 10, false],
    [[45, 45], [50, 50], undefined, -10, 10, true],
    [[14], [15], undefined, -1, 1.5, true], // tolerance 1.5 points
    [[13], [15], undefined, -2, 1.5, false],
    [[16], [15], undefined, 1, 1.5, true],
    [[17], [15], undefined, 2, 1.5, false],
    [[100], [100], 0, 0, 0, true],
    [[99], [100], 0, -1, 0, false],
    [[50], [100], 0.5, -50, 50, true],
    [[49], [100], 0.5, -51, 50, false],
    [[93], [100], 0.07, -7, 7, true], // 0.07 × 100 is 7.000000000000001 in floating point
    [[71], [100], 0.29, -29, 29, true], // 0.29 × 100 is 28.999999999999996 in floating point
    [[], [], undefined, 0, 0, true],
    [[5], [], undefined, 5, 0, false],
  ])('%o vs %o at %s', (offered, wanted, tolerance, difference, tolerancePoints, balanced) => {
    const b = offerBalance(offered, wanted, tolerance);
    expect(b).toEqual({
      offered: offered.reduce((a, x) => a + x, 0),
      wanted: wanted.reduce((a, x) => a + x, 0),
      difference,
      tolerancePoints,
      balanced,
    });
  });

  it.each<[number[], number[], number, string]>([
    [[-1], [10], 0.1, 'offeredPoints'],
    [[1], [1.5], 0.1, 'wantedPoints'],
    [[1], [10], 0.6, 'tolerance'],
    [[1], [10], 0.105, 'tolerance'],
  ])('refuses %o vs %o at %s', (offered, wanted, tolerance, field) => {
    const e = domainError(() => offerBalance(offered, wanted, tolerance));
    expect([e.code, e.field]).toEqual(['BAD_USER_INPUT', field]);
  });
});

type Candidate = { id: string; points: number };
const cands = (spec: Record<string, number>): Candidate[] => Object.entries(spec).map(([id, points]) => ({ id, points }));

/** The textbook greedy: largest first, add while it does not overshoot the upper bound. */
function greedy(offered: number, wanted: number, candidates: Candidate[], tolerance = 0.1): string[] | null {
  const chosen: string[] = [];
  let sum = offered;
  for (const c of [...candidates].sort((a, b) => b.points - a.points)) {
    if (isBalanced(sum, wanted, tolerance)) break;
    if ((sum + c.points - wanted) * 100 <= tolerance * 100 * wanted) {
      chosen.push(c.id);
      sum += c.points;
    }
  }
  return isBalanced(sum, wanted, tolerance) ? chosen.sort() : null;
}

/** Exhaustive reference: every subset, ranked by (size, overshoot, ascending id list). */
function bruteForce(
  offered: number,
  wanted: number,
  candidates: Candidate[],
  tolerance: number,
  maxItems: number,
): { ids: string[]; total: number } | null {
  if (offered >= wanted || isBalanced(offered, wanted, tolerance)) return null;
  let best: { ids: string[]; total: number; over: number } | null = null;
  for (let mask = 1; mask < 1 << candidates.length; mask++) {
    const picked = candidates.filter((_, i) => mask & (1 << i));
    if (picked.length > maxItems) continue;
    const total = picked.reduce((a, c) => a + c.points, 0);
    if (!isBalanced(offered + total, wanted, tolerance)) continue;
    const ids = picked.map((c) => c.id).sort();
    const over = Math.abs(offered + total - wanted);
    const better =
      best === null ||
      ids.length < best.ids.length ||
      (ids.length === best.ids.length && (over < best.over || (over === best.over && ids.join('\u0000') < best.ids.join('\u0000'))));
    if (better) best = { ids, total, over };
  }
  return best && { ids: best.ids, total: best.total };
}

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

describe('suggestTopUp', () => {
  // [name, offered, wanted, candidates, tolerance, expected ids, expected total]
  it.each<[string, number, number, Candidate[], number, string[] | null, number]>([
    ['one listing closes the gap', 50, 100, cands({ a: 20, b: 45, c: 60 }), 0.1, ['b'], 45],
    ['exactly at −10 %', 0, 100, cands({ a: 90 }), 0.1, ['a'], 90],
    ['just outside −10 %', 0, 100, cands({ a: 89 }), 0.1, null, 0],
    ['exactly at +10 %', 0, 100, cands({ a: 110 }), 0.1, ['a'], 110],
    ['just outside +10 %', 0, 100, cands({ a: 111 }), 0.1, null, 0],
    ['fewest beats overshoot: one item 10 over rather than two exact', 0, 100, cands({ a: 110, b: 50, c: 50 }), 0.1, ['a'], 110],
    ['same size, least overshoot: x+z hits 80 exactly', 20, 100, cands({ w: 15, x: 60, y: 25, z: 20 }), 0.1, ['x', 'z'], 80],
    ['same size and overshoot (99 vs 101): smallest ids', 0, 100, cands({ a: 50, b: 40, c: 52, d: 49 }), 0.1, ['a', 'd'], 99],
    ['tolerance 0 needs an exact sum', 40, 100, cands({ a: 30, b: 31, c: 29, d: 1 }), 0, ['b', 'c'], 60],
    ['already balanced', 95, 100, cands({ a: 5 }), 0.1, null, 0],
    ['not short: over the top already', 150, 100, cands({ a: 5 }), 0.1, null, 0],
    ['not enough points among the candidates', 0, 100, cands({ a: 40, b: 40 }), 0.1, null, 0],
    ['sums skip the window', 0, 10, cands({ a: 3, b: 3, c: 3 }), 0, null, 0],
    ['no candidates', 0, 10, [], 0.1, null, 0],
  ])('%s', (_name, offered, wanted, candidates, tolerance, ids, total) => {
    const r = suggestTopUp({ offered, wanted, candidates, tolerance });
    expect(r).toEqual(ids === null ? null : { ids, total, balanced: true });
  });

  it('is exact where greedy picks more listings than needed', () => {
    const candidates = cands({ a: 80, b: 45, c: 45, d: 5, e: 5 });
    expect(greedy(0, 100, candidates)).toEqual(['a', 'd', 'e']); // 80 + 5 + 5 = 90: three listings
    expect(suggestTopUp({ offered: 0, wanted: 100, candidates })).toEqual({ ids: ['b', 'c'], total: 90, balanced: true });
  });

  it('is exact where greedy finds nothing at all', () => {
    const candidates = cands({ a: 60, b: 34, c: 33, d: 33 });
    expect(greedy(0, 100, candidates, 0)).toBeNull();
    expect(suggestTopUp({ offered: 0, wanted: 100, candidates, tolerance: 0 })).toEqual({
      ids: ['b', 'c', 'd'],
      total: 100,
      balanced: true,
    });
  });

  it('respects maxItems (default: the 10 listings a side may hold)', () => {
    const candidates = Array.from({ length: 12 }, (_, i) => ({ id: `t${String(i).padStart(2, '0')}`, points: 10 }));
    expect(suggestTopUp({ offered: 0, wanted: 110, candidates, tolerance: 0 })).toBeNull();
    expect(suggestTopUp({ offered: 0, wanted: 110, candidates, tolerance: 0, maxItems: 11 })?.ids).toHaveLength(11);
    expect(suggestTopUp({ offered: 0, wanted: 30, candidates, tolerance: 0, maxItems: 2 })).toBeNull();
    expect(suggestTopUp({ offered: 0, wanted: 30, candidates, tolerance: 0, maxItems: 0 })).toBeNull();
    expect(suggestTopUp({ offered: 0, wanted: 30, candidates, tolerance: 0 })?.ids).toEqual(['t00', 't01', 't02']);
  });

  /** A random instance; `scale` multiplies every point value (the problem stays the same). */
  function randomInstance(next: () => number, scale = 1) {
    const int = (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1));
    const letters = 'abcdefgh';
    const wanted = int(1, 300);
    const offered = int(0, wanted);
    const tolerance = [0, 0.05, 0.1, 0.1, 0.25, 0.5][int(0, 5)];
    const maxItems = [10, 10, 3, 1][int(0, 3)];
    const smallPoints = next() < 0.5; // small point values make many ties
    const n = int(0, 12);
    const ids = new Set<string>();
    while (ids.size < n) ids.add(Array.from({ length: int(1, 3) }, () => letters[int(0, letters.length - 1)]).join(''));
    const candidates = [...ids].map((id) => ({ id, points: (smallPoints ? int(1, 12) : int(1, 150)) * scale }));
    return { offered: offered * scale, wanted: wanted * scale, tolerance, maxItems, candidates };
  }

  it('matches an exhaustive search on 200 random instances (seeded)', () => {
    const next = rng(20260301);
    let found = 0;
    for (let run = 0; run < 200; run++) {
      const c = randomInstance(next);
      const expected = bruteForce(c.offered, c.wanted, c.candidates, c.tolerance, c.maxItems);
      expect(suggestTopUp(c), JSON.stringify(c)).toEqual(expected && { ...expected, balanced: true });
      if (expected) found++;
    }
    expect(found).toBeGreaterThan(60); // the comparison is not vacuous
  });

  it('without the table (huge point values) still matches exhaustive search for up to 3 listings', () => {
    const next = rng(7);
    // × 10^7 keeps each problem identical but makes the sum space far too large for the table
    let found = 0;
    for (let run = 0; run < 200; run++) {
      const c = randomInstance(next, 10_000_000);
      const reference = bruteForce(c.offered, c.wanted, c.candidates, c.tolerance, c.maxItems);
      const expected = reference && reference.ids.length <= TOP_UP_LIMITS.maxItemsWithoutTable ? reference : null;
      expect(suggestTopUp(c), JSON.stringify(c)).toEqual(expected && { ...expected, balanced: true });
      if (expected) found++;
    }
    expect(found).toBeGreaterThan(40);
  });

  it('one huge listing that balances alone is found without the table', () => {
    expect(suggestTopUp({ offered: 0, wanted: 10_000_000, candidates: [{ id: 'a', points: 9_500_000 }] })).toEqual({
      ids: ['a'],
      total: 9_500_000,
      balanced: true,
    });
  });

  it('handles 200 candidates with a large shortfall quickly', () => {
    const next = rng(42);
    const candidates = Array.from({ length: 200 }, (_, i) => ({ id: `L${i}`, points: 150 + Math.floor(next() * 250) }));
    const started = Date.now();
    const r = suggestTopUp({ offered: 0, wanted: 2500, candidates, tolerance: 0 });
    expect(Date.now() - started).toBeLessThan(2000);
    expect(r).not.toBeNull();
    expect(r!.total).toBe(2500);
    const byId = new Map(candidates.map((c) => [c.id, c.points]));
    expect(r!.ids.reduce((a, id) => a + byId.get(id)!, 0)).toBe(2500);
    expect(r!.ids.length).toBeLessThanOrEqual(10);
    // 2500 needs at least 7 listings of at most 399 points
    expect(r!.ids.length).toBeGreaterThanOrEqual(7);
  });

  it.each<[string, object, string]>([
    ['a repeated id', { candidates: cands({ a: 1 }).concat(cands({ a: 2 })) }, 'candidates'],
    ['an empty id', { candidates: [{ id: '', points: 3 }] }, 'candidates'],
    ['zero points', { candidates: cands({ a: 0 }) }, 'candidates'],
    ['fractional points', { candidates: cands({ a: 1.5 }) }, 'candidates'],
    ['201 candidates', { candidates: Array.from({ length: 201 }, (_, i) => ({ id: `c${i}`, points: 1 })) }, 'candidates'],
    ['negative maxItems', { maxItems: -1 }, 'maxItems'],
    ['negative offered', { offered: -1 }, 'offered'],
    ['a bad tolerance', { tolerance: 0.51 }, 'tolerance'],
  ])('refuses %s', (_name, over, field) => {
    const e = domainError(() => suggestTopUp({ offered: 0, wanted: 100, candidates: [], ...over }));
    expect([e.code, e.field]).toEqual(['BAD_USER_INPUT', field]);
  });
});
