import { DomainError, badInput } from './errors.js';
import { hoursAfter } from './hours.js';
import { isBalanced, toHundredths } from './points.js';

/**
 * Barter offers (PRODUCT.md §3, seed BarterHub). A buyer names the seller's barter
 * listings they want and their own barter listings they offer; the points of every item
 * are snapshotted on the offer. The party whose answer is awaited accepts, rejects or
 * counters; the party who proposed the current terms may withdraw them.
 */

/** Status of an offer. PENDING is the only open status; the others are final. */
export type OfferStatus = 'PENDING' | 'ACCEPTED' | 'REJECTED' | 'WITHDRAWN' | 'EXPIRED' | 'CANCELLED';
/** The two sides of a barter: BUYER made the first offer on the SELLER's listings. */
export type TradeParty = 'BUYER' | 'SELLER';
/** What can happen to an offer. MAKE creates it ({@link newOffer}); the rest are {@link applyOfferAction}. */
export type OfferAction = 'MAKE' | 'ACCEPT' | 'REJECT' | 'COUNTER' | 'WITHDRAW' | 'EXPIRE' | 'CANCEL';
/**
 * Who may take an action, relative to the offer: AWAITING is the party whose answer is
 * awaited, PROPOSER the party who proposed the current terms, SYSTEM a job or another deal.
 */
export type OfferRole = 'AWAITING' | 'PROPOSER' | 'SYSTEM';

/** All offer statuses, open first. */
export const OFFER_STATUSES: readonly OfferStatus[] = Object.freeze([
  'PENDING',
  'ACCEPTED',
  'REJECTED',
  'WITHDRAWN',
  'EXPIRED',
  'CANCELLED',
]);
/** All offer actions. */
export const OFFER_ACTIONS: readonly OfferAction[] = Object.freeze([
  'MAKE',
  'ACCEPT',
  'REJECT',
  'COUNTER',
  'WITHDRAW',
  'EXPIRE',
  'CANCEL',
]);
/** Both trade parties. */
export const TRADE_PARTIES: readonly TradeParty[] = Object.freeze(['BUYER', 'SELLER']);

/**
 * Offer limits (PRODUCT.md §3):
 * - `maxRounds`: the first offer is round 1 and each counter adds one; a counter that
 *   would make round 6 is refused.
 * - `responseHours`: an offer expires this many hours after its last proposal when
 *   nobody answers (default; admin-configurable, see {@link offerExpiresAt}).
 * - `maxItemsPerSide`: listings per side (wanted, offered).
 */
export const OFFER_RULES = Object.freeze({ maxRounds: 5, responseHours: 48, maxItemsPerSide: 10 });

/** One allowed offer move: `action` on an offer in `from`, taken by `by`, leads to `to`. */
export interface OfferTransition {
  from: OfferStatus;
  action: OfferAction;
  by: OfferRole;
  to: OfferStatus;
}

/**
 * The one table of offer moves. Anything not listed is refused with INVALID_STATE.
 * COUNTER keeps the offer PENDING, adds a round (at most {@link OFFER_RULES}.maxRounds)
 * and hands the turn to the other party. CANCEL is the system's: another deal reserved
 * one of the offer's items. MAKE has no row: it creates the offer ({@link newOffer}).
 */
export const OFFER_TRANSITIONS: readonly OfferTransition[] = Object.freeze([
  Object.freeze({ from: 'PENDING', action: 'ACCEPT', by: 'AWAITING', to: 'ACCEPTED' }),
  Object.freeze({ from: 'PENDING', action: 'REJECT', by: 'AWAITING', to: 'REJECTED' }),
  Object.freeze({ from: 'PENDING', action: 'COUNTER', by: 'AWAITING', to: 'PENDING' }),
  Object.freeze({ from: 'PENDING', action: 'WITHDRAW', by: 'PROPOSER', to: 'WITHDRAWN' }),
  Object.freeze({ from: 'PENDING', action: 'EXPIRE', by: 'SYSTEM', to: 'EXPIRED' }),
  Object.freeze({ from: 'PENDING', action: 'CANCEL', by: 'SYSTEM', to: 'CANCELLED' }),
] as const satisfies readonly OfferTransition[]);

/**
 * Where an offer stands: `round` 1..maxRounds (1 = the first offer), `awaiting` the party
 * whose answer is awaited (the other party proposed the current terms).
 */
export interface OfferState {
  status: OfferStatus;
  round: number;
  awaiting: TradeParty;
}

/** A freshly made offer: PENDING, round 1, awaiting the SELLER's answer. */
export function newOffer(): OfferState {
  return { status: 'PENDING', round: 1, awaiting: 'SELLER' };
}

/** True for the statuses an offer never leaves (everything but PENDING). */
export function isFinalOfferStatus(status: OfferStatus): boolean {
  return status !== 'PENDING';
}

const other = (p: TradeParty): TradeParty => (p === 'BUYER' ? 'SELLER' : 'BUYER');

/**
 * The role `actor` plays on an offer in `state`: SYSTEM for the system, AWAITING for the
 * party whose answer is awaited, PROPOSER for the other party.
 */
export function offerRole(state: OfferState, actor: TradeParty | 'SYSTEM'): OfferRole {
  if (actor === 'SYSTEM') return 'SYSTEM';
  return actor === state.awaiting ? 'AWAITING' : 'PROPOSER';
}

/**
 * The offer after `actor` takes `action` ({@link OFFER_TRANSITIONS}). COUNTER returns
 * round + 1 with `awaiting` flipped; every other move changes only the status. The input
 * is not modified. The caller snapshots new terms on COUNTER and restarts the response
 * clock ({@link offerExpiresAt}).
 * @throws DomainError BAD_USER_INPUT (field "actor") for an unknown actor.
 * @throws DomainError INVALID_STATE when the table has no row for (status, action), when
 *   the actor's role may not take the action (e.g. it is the other party's answer that is
 *   awaited), or when a COUNTER would make round maxRounds + 1.
 */
export function applyOfferAction(
  state: OfferState,
  action: Exclude<OfferAction, 'MAKE'>,
  actor: TradeParty | 'SYSTEM',
): OfferState {
  if (actor !== 'BUYER' && actor !== 'SELLER' && actor !== 'SYSTEM') {
    throw badInput(`actor must be BUYER, SELLER or SYSTEM, got ${String(actor)}`, 'actor');
  }
  const rows = OFFER_TRANSITIONS.filter((t) => t.from === state.status && t.action === action);
  if (rows.length === 0) {
    const why =
      (action as OfferAction) === 'MAKE'
        ? 'MAKE creates a new offer'
        : state.status === 'PENDING'
          ? `unknown action ${String(action)}`
          : `the offer is already ${state.status}`;
    throw new DomainError('INVALID_STATE', `cannot ${String(action)} this offer: ${why}`);
  }
  const role = offerRole(state, actor);
  const row = rows.find((t) => t.by === role);
  if (!row) {
    const needed = rows[0].by;
    const message =
      needed === 'SYSTEM'
        ? `only the system may ${action} an offer`
        : actor === 'SYSTEM'
          ? `the system cannot ${action} an offer; only a party can`
          : needed === 'AWAITING'
            ? `it is not ${actor}'s turn: the offer awaits the ${state.awaiting}'s answer`
            : `only the ${other(state.awaiting)}, who proposed these terms, may ${action} them`;
    throw new DomainError('INVALID_STATE', message);
  }
  if (action === 'COUNTER') {
    if (state.round >= OFFER_RULES.maxRounds) {
      throw new DomainError(
        'INVALID_STATE',
        `an offer has at most ${OFFER_RULES.maxRounds} rounds and this is round ${state.round}: ` +
          `it can only be accepted or rejected`,
      );
    }
    return { status: row.to, round: state.round + 1, awaiting: other(state.awaiting) };
  }
  return { status: row.to, round: state.round, awaiting: state.awaiting };
}

/**
 * When an offer proposed at `from` expires without an answer: `hours` (a positive whole
 * number, default {@link OFFER_RULES}.responseHours = 48) later. Each counter restarts the clock.
 * @throws DomainError BAD_USER_INPUT for an invalid date or hours.
 */
export function offerExpiresAt(from: Date, hours: number = OFFER_RULES.responseHours): Date {
  return hoursAfter(from, hours, 'hours');
}

/**
 * A listing named in an offer, as the caller loaded it: `points` is the barter listing's
 * current points (null for non-barter listings), `inOpenDeal` whether it is part of a
 * deal that is not yet COMPLETED or CANCELLED.
 */
export interface OfferItem {
  id: string;
  ownerId: string;
  kind: 'SALE' | 'BARTER' | 'SERVICE';
  status: 'DRAFT' | 'ACTIVE' | 'RESERVED' | 'CLOSED' | 'REMOVED';
  points: number | null;
  inOpenDeal: boolean;
}

/** Terms of an offer or counter-offer: `wanted` are the seller's items, `offered` the buyer's. */
export interface OfferTerms {
  buyerId: string;
  sellerId: string;
  wanted: OfferItem[];
  offered: OfferItem[];
}

/**
 * Asserts the terms of an offer (or counter) may be proposed (PRODUCT.md §3). Checked in
 * this order, the first problem wins:
 * 1. buyer ≠ seller (field "wantedListingIds": you cannot want your own listings);
 * 2. each side has 1..maxItemsPerSide items (field of that side);
 * 3. no listing id twice, within a side or across the sides;
 * 4. per item, wanted side first: owned by that side's party (wanted → seller, offered →
 *    buyer: only an owner offers their own items), a BARTER listing, not in an open deal,
 *    ACTIVE, with positive integer points.
 * Unbalanced terms are allowed: the parties decide ({@link offerBalance}).
 * @throws DomainError with field "wantedListingIds" or "offeredListingIds": INVALID_STATE
 *   when an item is in an open deal or not ACTIVE (it exists but cannot be traded now),
 *   BAD_USER_INPUT for everything else.
 */
export function validateOfferTerms(terms: OfferTerms): void {
  const { buyerId, sellerId, wanted, offered } = terms;
  const W = 'wantedListingIds';
  const O = 'offeredListingIds';
  if (buyerId === sellerId) throw badInput('you cannot make an offer on your own listings', W);
  const max = OFFER_RULES.maxItemsPerSide;
  for (const [field, items, what] of [
    [W, wanted, 'wanted'],
    [O, offered, 'offered'],
  ] as const) {
    if (!Array.isArray(items) || items.length === 0) {
      throw badInput(`name at least one ${what} listing`, field);
    }
    if (items.length > max) {
      throw badInput(`at most ${max} listings may be ${what}, got ${items.length}`, field);
    }
  }
  const seen = new Set<string>();
  for (const [field, items] of [
    [W, wanted],
    [O, offered],
  ] as const) {
    for (const item of items) {
      if (seen.has(item.id)) throw badInput(`listing ${item.id} is named more than once`, field);
      seen.add(item.id);
    }
  }
  for (const [field, items, ownerId] of [
    [W, wanted, sellerId],
    [O, offered, buyerId],
  ] as const) {
    for (const item of items) {
      if (item.ownerId !== ownerId) {
        throw badInput(
          field === W
            ? `listing ${item.id} does not belong to the seller; an offer names one seller's listings`
            : `listing ${item.id} is not yours; only an owner can offer their own items`,
          field,
        );
      }
      if (item.kind !== 'BARTER') {
        throw badInput(`listing ${item.id} is a ${item.kind} listing; only BARTER listings can be traded`, field);
      }
      if (item.inOpenDeal) {
        throw new DomainError('INVALID_STATE', `listing ${item.id} is already in an open deal`, field);
      }
      if (item.status !== 'ACTIVE') {
        throw new DomainError('INVALID_STATE', `listing ${item.id} is ${item.status}, not ACTIVE`, field);
      }
      if (typeof item.points !== 'number' || !Number.isSafeInteger(item.points) || item.points < 1) {
        throw badInput(`listing ${item.id} has no barter points`, field);
      }
    }
  }
}

/** Balance of an offer as the UI shows it; see {@link offerBalance}. */
export interface OfferBalance {
  /** Sum of the offered items' points. */
  offered: number;
  /** Sum of the wanted items' points. */
  wanted: number;
  /** offered − wanted: negative when the buyer offers less. */
  difference: number;
  /** tolerance × wanted, exact up to display rounding (e.g. 1.5 for 10 % of 15). */
  tolerancePoints: number;
  /** |difference| ≤ tolerancePoints, decided exactly by {@link isBalanced}. */
  balanced: boolean;
}

function sumPoints(points: number[], field: string): number {
  if (!Array.isArray(points)) throw badInput(`${field} must be a list of points`, field);
  let sum = 0;
  for (const p of points) {
    if (typeof p !== 'number' || !Number.isSafeInteger(p) || p < 0) {
      throw badInput(`${field} must hold non-negative integer points, got ${String(p)}`, field);
    }
    sum += p;
    if (!Number.isSafeInteger(sum)) throw badInput(`${field} sum is too large`, field);
  }
  return sum;
}

/**
 * Balance of an offer (PRODUCT.md §3): balanced when |offered − wanted| ≤ tolerance × wanted.
 * `offeredPoints`/`wantedPoints` are the snapshotted points of each item (non-negative
 * integers); `tolerance` is the admin-set fraction 0..0.5 with at most 2 decimals (default 0.10).
 * @throws DomainError BAD_USER_INPUT for invalid points or tolerance.
 */
export function offerBalance(offeredPoints: number[], wantedPoints: number[], tolerance = 0.1): OfferBalance {
  const offered = sumPoints(offeredPoints, 'offeredPoints');
  const wanted = sumPoints(wantedPoints, 'wantedPoints');
  const balanced = isBalanced(offered, wanted, tolerance); // validates tolerance too
  const tolPercent = toHundredths(tolerance, 'tolerance');
  return {
    offered,
    wanted,
    difference: offered - wanted,
    tolerancePoints: Number(BigInt(tolPercent) * BigInt(wanted)) / 100,
    balanced,
  };
}

/**
 * Limits of {@link suggestTopUp}: at most `maxCandidates` candidates. The exact table has
 * (candidates + 1) × (largest useful sum + 1) one-byte cells; up to `maxTableCells` (about
 * 80,000 points of shortfall with 200 candidates: 16 MB, tens of milliseconds) it is used.
 * Beyond that, every set of up to `maxItemsWithoutTable` candidates is searched instead
 * (≤ 1.3 million sets of 3 among 200), still exact but only for suggestions that small.
 */
export const TOP_UP_LIMITS = Object.freeze({ maxCandidates: 200, maxTableCells: 16_000_000, maxItemsWithoutTable: 3 });

/** Input of {@link suggestTopUp}. */
export interface TopUpInput {
  /** Points the buyer offers now. */
  offered: number;
  /** Points the buyer wants. */
  wanted: number;
  /** The buyer's other ACTIVE barter listings not yet in the offer, with positive integer points. */
  candidates: { id: string; points: number }[];
  /** Balance tolerance 0..0.5 with at most 2 decimals (default 0.10). */
  tolerance?: number;
  /**
   * Most listings the suggestion may add (integer ≥ 0); default maxItemsPerSide. Pass
   * maxItemsPerSide − (listings already offered) so the offer stays within the limit.
   */
  maxItems?: number;
}

/** A suggested top-up: listing `ids` in ascending id order and their `total` points. */
export interface TopUpSuggestion {
  ids: string[];
  total: number;
  balanced: true;
}

/** Candidates sorted by id and the window of sums that balance the offer. */
interface TopUpProblem {
  items: { id: string; points: number }[];
  /** Fewest/most points the added set may sum to: [shortfall − slack, shortfall + slack]. */
  low: number;
  high: number;
  shortfall: number;
  /** Most items the set may have. */
  limit: number;
}

const INF = 255; // "unreachable" in the Uint8 count table; counts never exceed 200

/**
 * Fewest of the buyer's other listings that bring a short offer into balance
 * (PRODUCT.md §3). Among the sets of the fewest listings whose addition makes
 * isBalanced(offered + sum, wanted, tolerance) true, the one with the least overshoot
 * |offered + sum − wanted|; remaining ties go to the lexicographically smallest
 * ascending list of ids (ids compared by UTF-16 code units).
 *
 * Returns null when the offer is already balanced, when it is not short (offered ≥
 * wanted: adding items cannot help), or when no set of at most `maxItems` candidates
 * balances it. Never an inexact suggestion: when the sums are too large for the table
 * ({@link TOP_UP_LIMITS}) only sets of up to `maxItemsWithoutTable` listings are
 * considered, and null means none of those balances the offer.
 *
 * Exact, not greedy: with shortfall D = wanted − offered and slack = floor(tolerance ×
 * wanted), a set fits when its sum s lies in [D − slack, D + slack]. A table over
 * candidates (sorted by id) × sums 0..D + slack holds the fewest items among candidates
 * i.. reaching each sum; candidates worth more than D + slack are dropped first. The
 * optimum is read from row 0 and rebuilt greedily by id.
 * @throws DomainError BAD_USER_INPUT (field "candidates", "maxItems", or as isBalanced)
 *   for invalid input: over 200 candidates, a repeated or empty id, points not a
 *   positive integer.
 */
export function suggestTopUp(input: TopUpInput): TopUpSuggestion | null {
  const { offered, wanted, candidates } = input;
  const tolerance = input.tolerance ?? 0.1;
  const maxItems = input.maxItems ?? OFFER_RULES.maxItemsPerSide;
  const alreadyBalanced = isBalanced(offered, wanted, tolerance); // validates offered, wanted, tolerance
  if (!Array.isArray(candidates)) throw badInput('candidates must be a list', 'candidates');
  if (candidates.length > TOP_UP_LIMITS.maxCandidates) {
    throw badInput(`at most ${TOP_UP_LIMITS.maxCandidates} candidates, got ${candidates.length}`, 'candidates');
  }
  if (typeof maxItems !== 'number' || !Number.isSafeInteger(maxItems) || maxItems < 0) {
    throw badInput(`maxItems must be a non-negative integer, got ${String(maxItems)}`, 'maxItems');
  }
  const ids = new Set<string>();
  for (const c of candidates) {
    if (typeof c?.id !== 'string' || c.id === '') throw badInput('every candidate needs an id', 'candidates');
    if (ids.has(c.id)) throw badInput(`candidate ${c.id} is listed twice`, 'candidates');
    ids.add(c.id);
    if (typeof c.points !== 'number' || !Number.isSafeInteger(c.points) || c.points < 1) {
      throw badInput(`candidate ${c.id} must have positive integer points, got ${String(c.points)}`, 'candidates');
    }
  }
  if (alreadyBalanced || offered >= wanted || maxItems === 0) return null;

  const shortfall = wanted - offered; // D > slack ≥ 0, since the offer is not balanced
  const slack = Number((BigInt(toHundredths(tolerance, 'tolerance')) * BigInt(wanted)) / 100n);
  const low = shortfall - slack; // ≥ 1
  let high = shortfall + slack;
  const items = candidates
    .filter((c) => c.points <= high)
    .map((c) => ({ id: c.id, points: c.points }))
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  let total = 0;
  for (const c of items) total += c.points;
  if (total < low) return null;
  high = Math.min(high, total);

  const problem: TopUpProblem = { items, low, high, shortfall, limit: Math.min(maxItems, items.length) };
  const chosen =
    (items.length + 1) * (high + 1) <= TOP_UP_LIMITS.maxTableCells
      ? byTable(problem)
      : bySmallSets({ ...problem, limit: Math.min(problem.limit, TOP_UP_LIMITS.maxItemsWithoutTable) });
  if (chosen === null) return null;
  return {
    ids: chosen.map((i) => items[i].id),
    total: chosen.reduce((sum, i) => sum + items[i].points, 0),
    balanced: true,
  };
}

/** The optimum as ascending item indexes, by the count table; null when none fits. */
function byTable({ items, low, high, shortfall, limit }: TopUpProblem): number[] | null {
  const n = items.length;
  const width = high + 1;
  // fewest[i * width + s] = fewest items among items[i..] summing exactly to s (INF: none within limit).
  const fewest = new Uint8Array((n + 1) * width).fill(INF);
  fewest[n * width] = 0;
  for (let i = n - 1; i >= 0; i--) {
    const row = i * width;
    const next = row + width;
    fewest.copyWithin(row, next, next + width);
    const p = items[i].points;
    for (let s = p; s < width; s++) {
      const c = fewest[next + s - p];
      if (c < limit && c + 1 < fewest[row + s]) fewest[row + s] = c + 1;
    }
  }

  let bestCount = INF;
  let bestOvershoot = Infinity;
  for (let s = low; s <= high; s++) {
    const c = fewest[s];
    const over = Math.abs(s - shortfall);
    if (c < bestCount || (c === bestCount && over < bestOvershoot)) {
      bestCount = c;
      bestOvershoot = over;
    }
  }
  if (bestCount === INF) return null;

  // Lexicographically smallest id list reaching `sum` with exactly bestCount items: take the
  // first item (by id) after which the rest can still be completed. Because bestCount is the
  // fewest for this sum, "completable with need − 1 more" is exactly fewest[...] === need − 1.
  const rebuild = (sum: number): number[] => {
    const out: number[] = [];
    let rest = sum;
    let need = bestCount;
    for (let i = 0; need > 0; i++) {
      const p = items[i].points;
      if (p <= rest && fewest[(i + 1) * width + rest - p] === need - 1) {
        out.push(i);
        rest -= p;
        need--;
      }
    }
    return out;
  };
  let best: number[] | null = null;
  for (const sum of [shortfall - bestOvershoot, shortfall + bestOvershoot]) {
    if (sum < low || sum > high || fewest[sum] !== bestCount) continue;
    const list = rebuild(sum);
    if (best === null || compareIndexLists(list, best) < 0) best = list;
  }
  return best;
}

/**
 * The optimum among sets of at most `limit` items, by trying every set of 1, then 2, …
 * items in lexicographic index order (so the first set found with the least overshoot of
 * the fewest items is also the smallest by id); null when none fits.
 */
function bySmallSets({ items, low, high, shortfall, limit }: TopUpProblem): number[] | null {
  const n = items.length;
  const pick: number[] = [];
  for (let k = 1; k <= limit; k++) {
    let best: number[] | null = null;
    let bestOvershoot = Infinity;
    const visit = (start: number, sum: number): void => {
      if (pick.length === k) {
        const over = Math.abs(sum - shortfall);
        if (sum >= low && over < bestOvershoot) {
          bestOvershoot = over;
          best = [...pick];
        }
        return;
      }
      for (let i = start; i <= n - (k - pick.length); i++) {
        const s = sum + items[i].points;
        if (s > high) continue;
        pick.push(i);
        visit(i + 1, s);
        pick.pop();
      }
    };
    visit(0, 0);
    if (best !== null) return best;
  }
  return null;
}

/** Lexicographic comparison of equal-length index lists (indexes into the id-sorted items). */
function compareIndexLists(a: number[], b: number[]): number {
  for (let i = 0; i < a.length; i++) {
    if (a[i] !== b[i]) return a[i] - b[i];
  }
  return 0;
}
