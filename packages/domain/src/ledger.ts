import { badInput } from './errors.js';
import { ESCROW_HELD_STATUSES, type EscrowStatus, validateSplit } from './escrow-room.js';
import type { OrderStatus } from './order.js';

/**
 * Double-entry bookkeeping of platform money, pure: which postings each money movement of an
 * escrow room (PRODUCT.md §4) or a store order (PRODUCT.md §6) makes, and a provider payment
 * that arrived for neither (PRODUCT.md §11: its subject could no longer take it), and checks
 * over a list of booked transactions. Amounts are whole rupiah; a posting is signed: debit positive,
 * credit negative; every transaction sums to 0.
 *
 * Accounts are strings:
 * - `PROVIDER:<name>`: money at a payment provider or bank (an asset; normally a debit balance).
 * - `ESCROW_HOLDING`: room amounts the platform holds (a liability; credit balance).
 * - `FEE_HOLDING`: fees paid but not yet earned (liability; credit balance).
 * - `FEE_INCOME`: fees earned (income; credit balance). Only escrow fees so far: PRODUCT.md §6
 *   names no platform commission on store orders, so order money never reaches this account.
 * - `ORDER_HOLDING`: totals of paid store orders the platform holds until the order completes,
 *   is refunded or is cancelled (a liability; credit balance).
 * - `PAYABLE:<userId>`: money owed to a member (seller or store-owner payout, buyer refund,
 *   a payment that arrived too late to be used; credit balance).
 */

/** Amounts held for escrow rooms. */
export const ESCROW_HOLDING = 'ESCROW_HOLDING';
/** Fees paid with a room but not yet earned. */
export const FEE_HOLDING = 'FEE_HOLDING';
/** Fees earned. */
export const FEE_INCOME = 'FEE_INCOME';
/** Totals of paid store orders, held until the order completes, is refunded or cancelled. */
export const ORDER_HOLDING = 'ORDER_HOLDING';

/** The kinds of ledger account. */
export type LedgerAccountKind = 'PROVIDER' | 'ESCROW_HOLDING' | 'FEE_HOLDING' | 'FEE_INCOME' | 'ORDER_HOLDING' | 'PAYABLE';

/** One leg of a transaction: `amount` in signed rupiah, debit positive, credit negative. */
export interface Posting {
  account: string;
  amount: number;
}

/** Kinds of escrow-room money movement (PRODUCT.md §4), one transaction each. */
export type EscrowLedgerKind = 'FUND' | 'RELEASE' | 'REFUND' | 'SPLIT';

/**
 * Kinds of store-order money movement (PRODUCT.md §6), one transaction each: ORDER_PAY when
 * the order is paid, then either ORDER_RELEASE (the buyer completes it; the store owner is owed
 * the total) or ORDER_REFUND (staff refund it, or cancel it after payment; the buyer is owed
 * the total).
 */
export type OrderLedgerKind = 'ORDER_PAY' | 'ORDER_RELEASE' | 'ORDER_REFUND';

/**
 * Kinds of provider money that belongs to no trade: UNMATCHED_PAYMENT when a provider confirms a
 * payment whose subject (an escrow room or a store order) can no longer take it: it was paid
 * by another route meanwhile (a confirmed manual transfer, another payment), or cancelled or
 * expired. The money did arrive, so it is booked, and owed back to the payer (PRODUCT.md §11;
 * "every rupiah is in the ledger", §4). It funds nothing: neither the room nor the order
 * counts it as its payment.
 */
export type PaymentLedgerKind = 'UNMATCHED_PAYMENT';

/** Every kind of transaction. */
export type LedgerTransactionKind = EscrowLedgerKind | OrderLedgerKind | PaymentLedgerKind;

/** The escrow-room kinds, frozen. */
export const ESCROW_LEDGER_KINDS: readonly EscrowLedgerKind[] = Object.freeze(['FUND', 'RELEASE', 'REFUND', 'SPLIT']);
/** The store-order kinds, frozen. */
export const ORDER_LEDGER_KINDS: readonly OrderLedgerKind[] = Object.freeze(['ORDER_PAY', 'ORDER_RELEASE', 'ORDER_REFUND']);

/** The kinds of payments that belong to no trade, frozen. */
export const PAYMENT_LEDGER_KINDS: readonly PaymentLedgerKind[] = Object.freeze(['UNMATCHED_PAYMENT']);

/** True for a store-order transaction kind ({@link ORDER_LEDGER_KINDS}). */
export function isOrderLedgerKind(kind: string): kind is OrderLedgerKind {
  return (ORDER_LEDGER_KINDS as readonly string[]).includes(kind);
}

/** True for a kind of payment that belongs to no trade ({@link PAYMENT_LEDGER_KINDS}). */
export function isPaymentLedgerKind(kind: string): kind is PaymentLedgerKind {
  return (PAYMENT_LEDGER_KINDS as readonly string[]).includes(kind);
}

/**
 * A booked transaction, as given to {@link checkLedgerInvariants}. `roomId` (optional)
 * links an escrow transaction to its room for the per-room checks, `orderId` (optional) a
 * store-order transaction to its order for the per-order checks, `paymentId` (optional) an
 * UNMATCHED_PAYMENT to its payment for the per-payment checks.
 */
export interface LedgerTransaction {
  kind: LedgerTransactionKind;
  postings: Posting[];
  roomId?: string;
  orderId?: string;
  paymentId?: string;
}

/** What the room table says about a room, for the per-room checks: rupiah `amount` and `fee`. */
export interface LedgerRoom {
  id: string;
  status: EscrowStatus;
  amount: number;
  fee: number;
}

/**
 * What the order table says about an order, for the per-order checks: its `status`, its
 * `total` (rupiah, goods + shipping, what the buyer pays) and `paid`: whether it was ever
 * paid (its paidAt is set). `paid` is only consulted for CANCELLED orders, which may have been
 * cancelled before or after payment; without it either is accepted.
 */
export interface LedgerOrder {
  id: string;
  status: OrderStatus;
  total: number;
  paid?: boolean;
}

/**
 * What the payment table says about a payment, for the per-payment checks of UNMATCHED_PAYMENT
 * transactions: its `provider` (name), `payerId`, `amount` (rupiah) and `status` (PENDING,
 * PAID, FAILED, EXPIRED).
 */
export interface LedgerPayment {
  id: string;
  provider: string;
  payerId: string;
  amount: number;
  status: string;
}

/**
 * Order statuses whose total the platform holds in ORDER_HOLDING: paid, and neither completed
 * (released to the store) nor refunded or cancelled (owed back to the buyer). From
 * ORDER_TRANSITIONS in order.ts (PRODUCT.md §6). Frozen.
 */
export const ORDER_HELD_STATUSES: readonly OrderStatus[] = Object.freeze(['PAID', 'PROCESSING', 'SHIPPED', 'DELIVERED']);

/** Order statuses that can only be reached by paying (so exactly one ORDER_PAY). Frozen. */
export const ORDER_PAID_STATUSES: readonly OrderStatus[] = Object.freeze([...ORDER_HELD_STATUSES, 'COMPLETED', 'REFUNDED']);

const NAME = /^[^\s:]+$/u;

function checkName(name: unknown, field: string): string {
  if (typeof name !== 'string' || !NAME.test(name)) {
    throw badInput(`${field} must be a non-empty name without spaces or colons, got ${JSON.stringify(name)}`, field);
  }
  return name;
}

/**
 * The account of a payment provider or bank: `PROVIDER:<name>` ("PROVIDER:XENDIT").
 * @throws DomainError BAD_USER_INPUT (field "provider") for an empty name or one with whitespace or ':'.
 */
export function providerAccount(name: string): string {
  return `PROVIDER:${checkName(name, 'provider')}`;
}

/**
 * The account of what the platform owes a member: `PAYABLE:<userId>`.
 * @throws DomainError BAD_USER_INPUT (field "userId") for an empty id or one with whitespace or ':'.
 */
export function payableAccount(userId: string): string {
  return `PAYABLE:${checkName(userId, 'userId')}`;
}

/**
 * The kind of an account string, and the name/user id after the prefix for PROVIDER and
 * PAYABLE; `null` for anything that is not a well-formed account.
 */
export function parseAccount(account: string): { kind: LedgerAccountKind; id?: string } | null {
  if (account === ESCROW_HOLDING || account === FEE_HOLDING || account === FEE_INCOME || account === ORDER_HOLDING) return { kind: account };
  const m = /^(PROVIDER|PAYABLE):([^\s:]+)$/u.exec(typeof account === 'string' ? account : '');
  return m ? { kind: m[1] as LedgerAccountKind, id: m[2] } : null;
}

function checkMoney(n: unknown, field: string): number {
  if (typeof n !== 'number' || !Number.isSafeInteger(n) || n < 0) {
    throw badInput(`${field} must be a whole number of rupiah ≥ 0, got ${String(n)}`, field);
  }
  return n;
}

function checkAmountAndFee(amount: number, fee: number): void {
  checkMoney(amount, 'amount');
  checkMoney(fee, 'fee');
  if (!Number.isSafeInteger(amount + fee)) throw badInput(`amount plus fee is too large, got ${amount} + ${fee}`, 'amount');
}

/** The postings without zero-amount legs. */
const nonZero = (postings: Posting[]): Posting[] => postings.filter((p) => p.amount !== 0);

/**
 * Postings when the buyer's payment of `amount + fee` (rupiah) arrives at `provider`:
 * PROVIDER:<provider> +(amount+fee), ESCROW_HOLDING −amount, FEE_HOLDING −fee.
 * Zero-amount legs are left out.
 * @throws DomainError BAD_USER_INPUT (field "provider", "amount" or "fee") for a bad name or
 *   an amount/fee that is not a non-negative safe integer.
 */
export function fundingPostings(args: { provider: string; amount: number; fee: number }): Posting[] {
  const { amount, fee } = args;
  const provider = providerAccount(args.provider);
  checkAmountAndFee(amount, fee);
  return nonZero([
    { account: provider, amount: amount + fee },
    { account: ESCROW_HOLDING, amount: -amount },
    { account: FEE_HOLDING, amount: -fee },
  ]);
}

/**
 * Postings when a room is released to the seller: the amount becomes payable to the seller
 * and the fee is earned. ESCROW_HOLDING +amount, PAYABLE:<sellerId> −amount,
 * FEE_HOLDING +fee, FEE_INCOME −fee (zero legs left out).
 * @throws DomainError BAD_USER_INPUT (field "userId", "amount" or "fee").
 */
export function releasePostings(args: { sellerId: string; amount: number; fee: number }): Posting[] {
  const { amount, fee } = args;
  const seller = payableAccount(args.sellerId);
  checkAmountAndFee(amount, fee);
  return nonZero([
    { account: ESCROW_HOLDING, amount },
    { account: seller, amount: -amount },
    { account: FEE_HOLDING, amount: fee },
    { account: FEE_INCOME, amount: -fee },
  ]);
}

/**
 * Postings when a dispute is resolved with a refund: the buyer is owed everything paid,
 * fee included. ESCROW_HOLDING +amount, FEE_HOLDING +fee, PAYABLE:<buyerId> −(amount+fee)
 * (zero legs left out).
 * @throws DomainError BAD_USER_INPUT (field "userId", "amount" or "fee").
 */
export function refundPostings(args: { buyerId: string; amount: number; fee: number }): Posting[] {
  const { amount, fee } = args;
  const buyer = payableAccount(args.buyerId);
  checkAmountAndFee(amount, fee);
  return nonZero([
    { account: ESCROW_HOLDING, amount },
    { account: FEE_HOLDING, amount: fee },
    { account: buyer, amount: -(amount + fee) },
  ]);
}

/**
 * Postings when a dispute is resolved with a split of the held amount: the seller is owed
 * `toSeller`, the buyer `toBuyer` (`toSeller + toBuyer = amount`, {@link validateSplit}), and
 * the fee is earned. ESCROW_HOLDING +amount, PAYABLE:<sellerId> −toSeller,
 * PAYABLE:<buyerId> −toBuyer, FEE_HOLDING +fee, FEE_INCOME −fee (zero legs left out).
 * @throws DomainError BAD_USER_INPUT (field "userId", "amount", "fee" or "split").
 */
export function splitPostings(args: {
  sellerId: string;
  buyerId: string;
  amount: number;
  fee: number;
  toSeller: number;
  toBuyer: number;
}): Posting[] {
  const { amount, fee, toSeller, toBuyer } = args;
  const seller = payableAccount(args.sellerId);
  const buyer = payableAccount(args.buyerId);
  checkAmountAndFee(amount, fee);
  validateSplit(amount, toSeller, toBuyer);
  return nonZero([
    { account: ESCROW_HOLDING, amount },
    { account: seller, amount: -toSeller },
    { account: buyer, amount: -toBuyer },
    { account: FEE_HOLDING, amount: fee },
    { account: FEE_INCOME, amount: -fee },
  ]);
}

/**
 * Postings when a store order's `total` (rupiah: goods + shipping, PRODUCT.md §6) is paid at
 * `provider` (a provider webhook, or staff confirming a manual transfer):
 * PROVIDER:<provider> +total, ORDER_HOLDING −total. No fee: PRODUCT.md §6 names no platform
 * commission on store orders. A zero total gives no legs.
 * @throws DomainError BAD_USER_INPUT (field "provider" or "total") for a bad name or a total
 *   that is not a non-negative safe integer.
 */
export function orderPaymentPostings(args: { provider: string; total: number }): Posting[] {
  const provider = providerAccount(args.provider);
  const total = checkMoney(args.total, 'total');
  return nonZero([
    { account: provider, amount: total },
    { account: ORDER_HOLDING, amount: -total },
  ]);
}

/**
 * Postings when a paid store order is COMPLETED (PRODUCT.md §6; the buyer confirms, or a job
 * does): the whole `total` (rupiah) becomes payable to the store's owner.
 * ORDER_HOLDING +total, PAYABLE:<storeOwnerId> −total (no legs for a zero total).
 * @throws DomainError BAD_USER_INPUT (field "userId" or "total").
 */
export function orderReleasePostings(args: { storeOwnerId: string; total: number }): Posting[] {
  return heldOrderTo(args.storeOwnerId, args.total);
}

/**
 * Postings when a paid store order is REFUNDED, or CANCELLED after payment (PRODUCT.md §6):
 * the buyer is owed everything paid, the `total` (rupiah).
 * ORDER_HOLDING +total, PAYABLE:<buyerId> −total (no legs for a zero total).
 * @throws DomainError BAD_USER_INPUT (field "userId" or "total").
 */
export function orderRefundPostings(args: { buyerId: string; total: number }): Posting[] {
  return heldOrderTo(args.buyerId, args.total);
}

/** ORDER_HOLDING +total, PAYABLE:<userId> −total: a held order total becomes owed to a member. */
function heldOrderTo(userId: string, amount: number): Posting[] {
  const payable = payableAccount(userId);
  const total = checkMoney(amount, 'total');
  return nonZero([
    { account: ORDER_HOLDING, amount: total },
    { account: payable, amount: -total },
  ]);
}

/**
 * Postings when `provider` confirms a payment of `amount` (rupiah) by `payerId` whose subject
 * can no longer take it (already paid another way, cancelled or expired; see
 * {@link PaymentLedgerKind}): the money is at the provider and owed back to the payer.
 * PROVIDER:<provider> +amount, PAYABLE:<payerId> −amount (no legs for a zero amount).
 * @throws DomainError BAD_USER_INPUT (field "provider", "userId" or "amount").
 */
export function unmatchedPaymentPostings(args: { provider: string; payerId: string; amount: number }): Posting[] {
  const provider = providerAccount(args.provider);
  const payer = payableAccount(args.payerId);
  const amount = checkMoney(args.amount, 'amount');
  return nonZero([
    { account: provider, amount },
    { account: payer, amount: -amount },
  ]);
}

/**
 * The store-order settlement a move `from` → `to` books (ORDER_TRANSITIONS in order.ts,
 * PRODUCT.md §6): ORDER_RELEASE (to the store owner) when the order becomes COMPLETED;
 * ORDER_REFUND (to the buyer) when it becomes REFUNDED, or CANCELLED from a status that holds
 * money ({@link ORDER_HELD_STATUSES}: cancelled after payment); null for every other pair
 * (a cancellation before payment moves no money). ORDER_PAY is booked with the PAY event.
 */
export function orderSettlementOf(from: OrderStatus, to: OrderStatus): 'ORDER_RELEASE' | 'ORDER_REFUND' | null {
  if (!ORDER_HELD_STATUSES.includes(from)) return null;
  if (to === 'COMPLETED') return 'ORDER_RELEASE';
  if (to === 'REFUNDED' || to === 'CANCELLED') return 'ORDER_REFUND';
  return null;
}

/** Σ of the amounts, exactly (BigInt), so large safe integers cannot lose precision. */
function exactSum(postings: Posting[]): bigint {
  return postings.reduce((s, p) => s + BigInt(p.amount), 0n);
}

/**
 * Checks that `postings` form a valid transaction: every amount is a safe integer and the
 * amounts sum to exactly 0 (summed in BigInt).
 * @throws Error (a programming error, not a user error) otherwise.
 */
export function assertBalanced(postings: Posting[]): void {
  for (const p of postings) {
    if (typeof p.amount !== 'number' || !Number.isSafeInteger(p.amount)) {
      throw new Error(`posting to ${String(p.account)} is not a whole number of rupiah: ${String(p.amount)}`);
    }
  }
  const sum = exactSum(postings);
  if (sum !== 0n) throw new Error(`postings do not balance: they sum to ${sum}, not 0`);
}

/**
 * The balance of every account touched by `transactions` (lists of postings): Σ of its
 * postings in signed rupiah (debit positive). Accounts whose postings cancel out appear
 * with 0. Insertion order is first appearance.
 * @throws Error when a posting amount or a balance is not a safe integer.
 */
export function balancesOf(transactions: Posting[][]): Map<string, number> {
  const out = new Map<string, number>();
  for (const postings of transactions) {
    for (const p of postings) {
      if (!Number.isSafeInteger(p.amount)) throw new Error(`posting to ${p.account} is not a whole number of rupiah: ${p.amount}`);
      const next = (out.get(p.account) ?? 0) + p.amount;
      if (!Number.isSafeInteger(next)) throw new Error(`the balance of ${p.account} is out of the safe integer range`);
      out.set(p.account, next);
    }
  }
  return out;
}

/** Release and refund of an order move the same way (heldOrderTo): the held total to one member. */
const HELD_ORDER_TO_PAYABLE = Object.freeze([
  Object.freeze({ kind: 'ORDER_HOLDING', sign: '+', max: 1 }),
  Object.freeze({ kind: 'PAYABLE', sign: '-', max: 1 }),
] as const);

/**
 * Which (account kind, sign) legs each transaction kind may have, and at most how many of
 * each: '+' a debit, '−' a credit. Frozen.
 */
export const LEDGER_TRANSACTION_SHAPES: Readonly<
  Record<LedgerTransactionKind, readonly { kind: LedgerAccountKind; sign: '+' | '-'; max: number }[]>
> = Object.freeze({
  FUND: Object.freeze([
    Object.freeze({ kind: 'PROVIDER', sign: '+', max: 1 }),
    Object.freeze({ kind: 'ESCROW_HOLDING', sign: '-', max: 1 }),
    Object.freeze({ kind: 'FEE_HOLDING', sign: '-', max: 1 }),
  ] as const),
  RELEASE: Object.freeze([
    Object.freeze({ kind: 'ESCROW_HOLDING', sign: '+', max: 1 }),
    Object.freeze({ kind: 'PAYABLE', sign: '-', max: 1 }),
    Object.freeze({ kind: 'FEE_HOLDING', sign: '+', max: 1 }),
    Object.freeze({ kind: 'FEE_INCOME', sign: '-', max: 1 }),
  ] as const),
  REFUND: Object.freeze([
    Object.freeze({ kind: 'ESCROW_HOLDING', sign: '+', max: 1 }),
    Object.freeze({ kind: 'FEE_HOLDING', sign: '+', max: 1 }),
    Object.freeze({ kind: 'PAYABLE', sign: '-', max: 1 }),
  ] as const),
  SPLIT: Object.freeze([
    Object.freeze({ kind: 'ESCROW_HOLDING', sign: '+', max: 1 }),
    Object.freeze({ kind: 'PAYABLE', sign: '-', max: 2 }),
    Object.freeze({ kind: 'FEE_HOLDING', sign: '+', max: 1 }),
    Object.freeze({ kind: 'FEE_INCOME', sign: '-', max: 1 }),
  ] as const),
  ORDER_PAY: Object.freeze([
    Object.freeze({ kind: 'PROVIDER', sign: '+', max: 1 }),
    Object.freeze({ kind: 'ORDER_HOLDING', sign: '-', max: 1 }),
  ] as const),
  ORDER_RELEASE: HELD_ORDER_TO_PAYABLE,
  ORDER_REFUND: HELD_ORDER_TO_PAYABLE,
  UNMATCHED_PAYMENT: Object.freeze([
    Object.freeze({ kind: 'PROVIDER', sign: '+', max: 1 }),
    Object.freeze({ kind: 'PAYABLE', sign: '-', max: 1 }),
  ] as const),
});

/** Σ of the postings of `t` to accounts of `kind` (signed rupiah). */
function legSum(t: LedgerTransaction, kind: LedgerAccountKind): number {
  let s = 0;
  for (const p of t.postings) if (parseAccount(p.account)?.kind === kind) s += p.amount;
  return s;
}

const SETTLEMENT_OF: Partial<Record<EscrowStatus, LedgerTransactionKind>> = {
  RELEASED: 'RELEASE',
  REFUNDED: 'REFUND',
  SPLIT: 'SPLIT',
};

/**
 * Checks booked transactions (in booking order) and returns every violation found as
 * a plain-English line; an empty list means the ledger is consistent. Transactions are
 * numbered from 0 in the messages ("transaction #2 (RELEASE): …"). The invariants:
 *
 * 1. Well-formed: every posting's account parses ({@link parseAccount}) and its amount is a
 *    non-zero safe integer.
 * 2. Balanced: every transaction's amounts sum to exactly 0.
 * 3. Shape: every leg has an account kind and sign its kind allows, no more often than
 *    allowed ({@link LEDGER_TRANSACTION_SHAPES}); in RELEASE and SPLIT the fee taken from
 *    FEE_HOLDING equals the fee credited to FEE_INCOME (so, by 2, the amount taken from
 *    ESCROW_HOLDING equals what is credited to members).
 * 4. No overdraft: after each transaction, every account except PROVIDER:* has a balance
 *    ≤ 0 (a credit or nothing); e.g. nothing is released before it was funded or twice.
 * 5. Reconciliation of the holdings, from the member-facing legs: the credit balance of
 *    ESCROW_HOLDING (−balance) equals funded − released − refunded − split, where funded is
 *    Σ over FUND of (PROVIDER debit − FEE_HOLDING credit), released Σ over RELEASE of the
 *    PAYABLE credits, refunded Σ over REFUND of (PAYABLE credits − FEE_HOLDING debit), split
 *    Σ over SPLIT of the PAYABLE credits; and the credit balance of FEE_HOLDING equals fees
 *    paid (Σ FUND of PROVIDER debit − ESCROW_HOLDING credit) − fees earned (Σ RELEASE and
 *    SPLIT of FEE_INCOME credits) − fees refunded (Σ REFUND of FEE_HOLDING debits); and the
 *    credit balance of ORDER_HOLDING equals orders paid (Σ ORDER_PAY of PROVIDER debits) −
 *    released (Σ ORDER_RELEASE of PAYABLE credits) − refunded (Σ ORDER_REFUND of PAYABLE
 *    credits). UNMATCHED_PAYMENT touches no holding (by 3).
 * 6. Only with `rooms` (the room table; escrow transactions then carry `roomId`). These apply
 *    to every transaction that is neither of a store-order kind ({@link ORDER_LEDGER_KINDS})
 *    nor UNMATCHED_PAYMENT ({@link PAYMENT_LEDGER_KINDS}):
 *    a. every such transaction names a listed room;
 *    b. a room has exactly one FUND when its status is past AWAITING_PAYMENT and not
 *       CANCELLED, none otherwise; the FUND credits ESCROW_HOLDING with exactly the room's
 *       amount and FEE_HOLDING with exactly its fee;
 *    c. a room in RELEASED / REFUNDED / SPLIT has exactly one settlement (RELEASE / REFUND /
 *       SPLIT respectively), booked after its FUND, and no settlement of another kind; a
 *       room in any other status has none; the settlement debits ESCROW_HOLDING with exactly
 *       the room's amount and FEE_HOLDING with exactly its fee;
 *    d. the credit balance of ESCROW_HOLDING equals Σ amount, and of FEE_HOLDING Σ fee, of
 *       the rooms whose status holds money ({@link ESCROW_HELD_STATUSES}).
 * 7. Only with `orders` (the order table; store-order transactions then carry `orderId`).
 *    These apply to the transactions of store-order kinds only:
 *    a. every such transaction names a listed order;
 *    b. an order has exactly one ORDER_PAY when its status can only be reached by paying
 *       ({@link ORDER_PAID_STATUSES}), or it is CANCELLED with `paid` true; none when it is
 *       PENDING_PAYMENT or CANCELLED with `paid` false (a CANCELLED order without `paid` may
 *       have none or one); the ORDER_PAY credits ORDER_HOLDING with exactly the order's total;
 *    c. a COMPLETED order has exactly one ORDER_RELEASE, a REFUNDED order, or a CANCELLED one
 *       that was paid, exactly one ORDER_REFUND, booked after its ORDER_PAY, and no settlement
 *       of the other kind; an order in any other status has none; the settlement debits
 *       ORDER_HOLDING with exactly the order's total;
 *    d. the credit balance of ORDER_HOLDING equals Σ total of the orders whose status holds
 *       money ({@link ORDER_HELD_STATUSES}).
 *    An UNMATCHED_PAYMENT is never an order's (nor a room's) payment, whatever its payment was for.
 * 8. Only with `payments` (the payment table, or at least the payments the UNMATCHED_PAYMENT
 *    transactions name; those then carry `paymentId`):
 *    a. every UNMATCHED_PAYMENT names a listed payment, and that payment is PAID;
 *    b. a payment has at most one UNMATCHED_PAYMENT;
 *    c. it debits exactly the payment's amount to PROVIDER:<its provider> and credits exactly
 *       that amount to PAYABLE:<its payer>.
 * Checks never throw on bad data; malformed postings are reported and skipped by 3–8.
 */
export function checkLedgerInvariants(input: {
  transactions: LedgerTransaction[];
  rooms?: LedgerRoom[];
  orders?: LedgerOrder[];
  payments?: LedgerPayment[];
}): string[] {
  const out: string[] = [];
  const { transactions, rooms, orders, payments } = input;
  const name = (i: number) => `transaction #${i} (${transactions[i].kind})`;
  const balances = new Map<string, number>();
  let funded = 0;
  let released = 0;
  let refunded = 0;
  let splitOut = 0;
  let feesPaid = 0;
  let feesEarned = 0;
  let feesRefunded = 0;
  let ordersPaid = 0;
  let ordersReleased = 0;
  let ordersRefunded = 0;

  transactions.forEach((t, i) => {
    // 1. well-formed
    const good: Posting[] = [];
    for (const p of t.postings) {
      if (parseAccount(p.account) === null) out.push(`${name(i)}: unknown account ${JSON.stringify(p.account)}`);
      else if (typeof p.amount !== 'number' || !Number.isSafeInteger(p.amount)) {
        out.push(`${name(i)}: posting to ${p.account} is not a whole number of rupiah: ${String(p.amount)}`);
      } else if (p.amount === 0) out.push(`${name(i)}: zero posting to ${p.account}`);
      else good.push(p);
    }
    const tx: LedgerTransaction = { ...t, postings: good };
    // 2. balanced
    const sum = exactSum(good);
    if (sum !== 0n) out.push(`${name(i)}: postings sum to ${sum}, not 0`);
    // 3. shape
    const shape = LEDGER_TRANSACTION_SHAPES[t.kind];
    if (!shape) {
      out.push(`${name(i)}: unknown transaction kind`);
    } else {
      const counts = new Map<string, number>();
      for (const p of good) {
        const kind = parseAccount(p.account)!.kind;
        const sign = p.amount > 0 ? '+' : '-';
        const rule = shape.find((r) => r.kind === kind && r.sign === sign);
        if (!rule) {
          out.push(`${name(i)}: a ${sign === '+' ? 'debit' : 'credit'} to ${p.account} is not allowed in ${t.kind}`);
          continue;
        }
        const key = `${kind}${sign}`;
        const n = (counts.get(key) ?? 0) + 1;
        counts.set(key, n);
        if (n === rule.max + 1) out.push(`${name(i)}: more than ${rule.max} ${sign === '+' ? 'debit' : 'credit'} leg(s) to ${kind}`);
      }
      if ((t.kind === 'RELEASE' || t.kind === 'SPLIT') && legSum(tx, 'FEE_HOLDING') !== -legSum(tx, 'FEE_INCOME')) {
        out.push(
          `${name(i)}: fee taken from FEE_HOLDING (${legSum(tx, 'FEE_HOLDING')}) differs from fee credited to FEE_INCOME (${-legSum(tx, 'FEE_INCOME')})`,
        );
      }
    }
    // 4. no overdraft
    for (const p of good) balances.set(p.account, (balances.get(p.account) ?? 0) + p.amount);
    for (const p of good) {
      const b = balances.get(p.account)!;
      if (parseAccount(p.account)!.kind !== 'PROVIDER' && b > 0) {
        out.push(`${name(i)}: ${p.account} has a debit balance of ${b} afterwards`);
      }
    }
    // 5. figures from the member-facing legs
    switch (t.kind) {
      case 'FUND':
        funded += legSum(tx, 'PROVIDER') + legSum(tx, 'FEE_HOLDING');
        feesPaid += legSum(tx, 'PROVIDER') + legSum(tx, 'ESCROW_HOLDING');
        break;
      case 'RELEASE':
        released += -legSum(tx, 'PAYABLE');
        feesEarned += -legSum(tx, 'FEE_INCOME');
        break;
      case 'REFUND':
        refunded += -legSum(tx, 'PAYABLE') - legSum(tx, 'FEE_HOLDING');
        feesRefunded += legSum(tx, 'FEE_HOLDING');
        break;
      case 'SPLIT':
        splitOut += -legSum(tx, 'PAYABLE');
        feesEarned += -legSum(tx, 'FEE_INCOME');
        break;
      case 'ORDER_PAY':
        ordersPaid += legSum(tx, 'PROVIDER');
        break;
      case 'ORDER_RELEASE':
        ordersReleased += -legSum(tx, 'PAYABLE');
        break;
      case 'ORDER_REFUND':
        ordersRefunded += -legSum(tx, 'PAYABLE');
        break;
      default:
        break;
    }
  });

  const escrowHeld = -(balances.get(ESCROW_HOLDING) ?? 0);
  const feesHeld = -(balances.get(FEE_HOLDING) ?? 0);
  const expectEscrow = funded - released - refunded - splitOut;
  if (escrowHeld !== expectEscrow) {
    out.push(
      `ESCROW_HOLDING holds ${escrowHeld} but funded ${funded} − released ${released} − refunded ${refunded} − split ${splitOut} = ${expectEscrow}`,
    );
  }
  const expectFees = feesPaid - feesEarned - feesRefunded;
  if (feesHeld !== expectFees) {
    out.push(`FEE_HOLDING holds ${feesHeld} but fees paid ${feesPaid} − earned ${feesEarned} − refunded ${feesRefunded} = ${expectFees}`);
  }
  const ordersHeld = -(balances.get(ORDER_HOLDING) ?? 0);
  const expectOrders = ordersPaid - ordersReleased - ordersRefunded;
  if (ordersHeld !== expectOrders) {
    out.push(`ORDER_HOLDING holds ${ordersHeld} but paid ${ordersPaid} − released ${ordersReleased} − refunded ${ordersRefunded} = ${expectOrders}`);
  }

  if (rooms) out.push(...checkRooms(transactions, rooms, escrowHeld, feesHeld, name));
  if (orders) out.push(...checkOrders(transactions, orders, ordersHeld, name));
  if (payments) out.push(...checkUnmatchedPayments(transactions, payments, name));
  return out;
}

/** Invariant 6 of {@link checkLedgerInvariants}. */
function checkRooms(
  transactions: LedgerTransaction[],
  rooms: LedgerRoom[],
  escrowHeld: number,
  feesHeld: number,
  name: (i: number) => string,
): string[] {
  const out: string[] = [];
  const byRoom = new Map<string, number[]>(rooms.map((r) => [r.id, []]));
  transactions.forEach((t, i) => {
    if (isOrderLedgerKind(t.kind) || isPaymentLedgerKind(t.kind)) return; // store-order money: 7; no room's: 8
    const list = t.roomId === undefined ? undefined : byRoom.get(t.roomId);
    if (list) list.push(i);
    else out.push(`${name(i)}: ${t.roomId === undefined ? 'has no roomId' : `names unknown room ${JSON.stringify(t.roomId)}`}`);
  });
  const sumOf = (i: number, account: string) =>
    transactions[i].postings.filter((p) => p.account === account).reduce((s, p) => s + p.amount, 0);
  let heldAmount = 0;
  let heldFees = 0;
  for (const room of rooms) {
    const label = `room ${room.id} (${room.status})`;
    const mine = byRoom.get(room.id)!;
    const funds = mine.filter((i) => transactions[i].kind === 'FUND');
    const paid = room.status !== 'AWAITING_PAYMENT' && room.status !== 'CANCELLED';
    if (funds.length !== (paid ? 1 : 0)) {
      out.push(`${label}: has ${funds.length} FUND transaction(s), expected ${paid ? 1 : 0}`);
    }
    for (const i of funds) {
      if (-sumOf(i, ESCROW_HOLDING) !== room.amount || -sumOf(i, FEE_HOLDING) !== room.fee) {
        out.push(
          `${label}: ${name(i)} holds amount ${-sumOf(i, ESCROW_HOLDING)} and fee ${-sumOf(i, FEE_HOLDING)}, the room says ${room.amount} and ${room.fee}`,
        );
      }
    }
    const settlements = mine.filter((i) => transactions[i].kind !== 'FUND');
    const expected = SETTLEMENT_OF[room.status];
    if (expected === undefined) {
      if (settlements.length > 0) out.push(`${label}: has ${settlements.length} settlement transaction(s), expected none`);
    } else {
      const right = settlements.filter((i) => transactions[i].kind === expected);
      if (right.length === 0) out.push(`${label}: has no ${expected} transaction`);
      if (right.length > 1) out.push(`${label}: has ${right.length} ${expected} transactions, expected 1`);
      const wrong = settlements.filter((i) => transactions[i].kind !== expected);
      if (wrong.length > 0) out.push(`${label}: has ${wrong.map((i) => transactions[i].kind).join(', ')} besides its ${expected}`);
      for (const i of right) {
        if (funds.length > 0 && i < funds[0]) out.push(`${label}: ${name(i)} is booked before the room's FUND`);
        if (sumOf(i, ESCROW_HOLDING) !== room.amount || sumOf(i, FEE_HOLDING) !== room.fee) {
          out.push(
            `${label}: ${name(i)} settles amount ${sumOf(i, ESCROW_HOLDING)} and fee ${sumOf(i, FEE_HOLDING)}, the room says ${room.amount} and ${room.fee}`,
          );
        }
      }
    }
    if (ESCROW_HELD_STATUSES.includes(room.status)) {
      heldAmount += room.amount;
      heldFees += room.fee;
    }
  }
  if (escrowHeld !== heldAmount) out.push(`ESCROW_HOLDING holds ${escrowHeld} but the rooms holding money total ${heldAmount}`);
  if (feesHeld !== heldFees) out.push(`FEE_HOLDING holds ${feesHeld} but the fees of the rooms holding money total ${heldFees}`);
  return out;
}

/** Invariant 7 of {@link checkLedgerInvariants}. */
function checkOrders(transactions: LedgerTransaction[], orders: LedgerOrder[], ordersHeld: number, name: (i: number) => string): string[] {
  const out: string[] = [];
  const byOrder = new Map<string, number[]>(orders.map((o) => [o.id, []]));
  transactions.forEach((t, i) => {
    if (!isOrderLedgerKind(t.kind)) return; // escrow money: invariant 6
    const list = t.orderId === undefined ? undefined : byOrder.get(t.orderId);
    if (list) list.push(i);
    else out.push(`${name(i)}: ${t.orderId === undefined ? 'has no orderId' : `names unknown order ${JSON.stringify(t.orderId)}`}`);
  });
  const held = (i: number) => transactions[i].postings.filter((p) => p.account === ORDER_HOLDING).reduce((s, p) => s + p.amount, 0);
  let heldTotal = 0;
  for (const order of orders) {
    const label = `order ${order.id} (${order.status})`;
    const mine = byOrder.get(order.id)!;
    const pays = mine.filter((i) => transactions[i].kind === 'ORDER_PAY');
    const cancelled = order.status === 'CANCELLED';
    const paid = ORDER_PAID_STATUSES.includes(order.status) || (cancelled && (order.paid ?? pays.length > 0));
    if (pays.length !== (paid ? 1 : 0)) out.push(`${label}: has ${pays.length} ORDER_PAY transaction(s), expected ${paid ? 1 : 0}`);
    for (const i of pays) {
      if (-held(i) !== order.total) out.push(`${label}: ${name(i)} holds ${-held(i)}, the order's total is ${order.total}`);
    }
    const settlements = mine.filter((i) => transactions[i].kind !== 'ORDER_PAY');
    const expected: OrderLedgerKind | undefined =
      order.status === 'COMPLETED' ? 'ORDER_RELEASE' : order.status === 'REFUNDED' || (cancelled && paid) ? 'ORDER_REFUND' : undefined;
    if (expected === undefined) {
      if (settlements.length > 0) out.push(`${label}: has ${settlements.length} settlement transaction(s), expected none`);
    } else {
      const right = settlements.filter((i) => transactions[i].kind === expected);
      if (right.length === 0) out.push(`${label}: has no ${expected} transaction`);
      if (right.length > 1) out.push(`${label}: has ${right.length} ${expected} transactions, expected 1`);
      const wrong = settlements.filter((i) => transactions[i].kind !== expected);
      if (wrong.length > 0) out.push(`${label}: has ${wrong.map((i) => transactions[i].kind).join(', ')} besides its ${expected}`);
      for (const i of right) {
        if (pays.length > 0 && i < pays[0]) out.push(`${label}: ${name(i)} is booked before the order's ORDER_PAY`);
        if (held(i) !== order.total) out.push(`${label}: ${name(i)} settles ${held(i)}, the order's total is ${order.total}`);
      }
    }
    if (ORDER_HELD_STATUSES.includes(order.status)) heldTotal += order.total;
  }
  if (ordersHeld !== heldTotal) out.push(`ORDER_HOLDING holds ${ordersHeld} but the orders holding money total ${heldTotal}`);
  return out;
}

/** Invariant 8 of {@link checkLedgerInvariants}. */
function checkUnmatchedPayments(transactions: LedgerTransaction[], payments: LedgerPayment[], name: (i: number) => string): string[] {
  const out: string[] = [];
  const byId = new Map(payments.map((p) => [p.id, p]));
  const seen = new Map<string, number>();
  transactions.forEach((t, i) => {
    if (!isPaymentLedgerKind(t.kind)) return;
    const payment = t.paymentId === undefined ? undefined : byId.get(t.paymentId);
    if (!payment) {
      out.push(`${name(i)}: ${t.paymentId === undefined ? 'has no paymentId' : `names unknown payment ${JSON.stringify(t.paymentId)}`}`);
      return;
    }
    const label = `payment ${payment.id} (${payment.status})`;
    if (payment.status !== 'PAID') out.push(`${label}: ${name(i)} books money of a payment that is not PAID`);
    const n = (seen.get(payment.id) ?? 0) + 1;
    seen.set(payment.id, n);
    if (n === 2) out.push(`${label}: has more than one ${t.kind} transaction`);
    const at = (account: string) => t.postings.filter((p) => p.account === account).reduce((s, p) => s + p.amount, 0);
    const provider = `PROVIDER:${payment.provider}`;
    const payer = `PAYABLE:${payment.payerId}`;
    if (at(provider) !== payment.amount || at(payer) !== -payment.amount) {
      out.push(`${label}: ${name(i)} books ${provider} ${at(provider)} and ${payer} ${at(payer)}, the payment says ${payment.amount} paid at ${payment.provider} by ${payment.payerId}`);
    }
  });
  return out;
}
