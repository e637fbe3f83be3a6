import { badInput } from './errors.js';
import { ESCROW_HELD_STATUSES, type EscrowStatus, validateSplit } from './escrow-room.js';

/**
 * Double-entry bookkeeping of escrow money (PRODUCT.md §4), pure: which postings each money
 * movement of a room makes, and checks over a list of booked transactions. Amounts are whole
 * rupiah; a posting is signed: debit positive, credit negative; every transaction sums to 0.
 *
 * Accounts are strings:
 * - `PROVIDER:<name>`: money at a payment provider or bank (an asset; normally a debit balance).
 * - `ESCROW_HOLDING`: room amounts the platform holds (a liability; credit balance).
 * - `FEE_HOLDING`: fees paid but not yet earned (liability; credit balance).
 * - `FEE_INCOME`: fees earned (income; credit balance).
 * - `PAYABLE:<userId>`: money owed to a member (seller payout, buyer refund; credit balance).
 */

/** Amounts held for escrow rooms. */
export const ESCROW_HOLDING = 'ESCROW_HOLDING';
/** Fees paid with a room but not yet earned. */
export const FEE_HOLDING = 'FEE_HOLDING';
/** Fees earned. */
export const FEE_INCOME = 'FEE_INCOME';

/** The kinds of ledger account. */
export type LedgerAccountKind = 'PROVIDER' | 'ESCROW_HOLDING' | 'FEE_HOLDING' | 'FEE_INCOME' | 'PAYABLE';

/** One leg of a transaction: `amount` in signed rupiah, debit positive, credit negative. */
export interface Posting {
  account: string;
  amount: number;
}

/** Kinds of escrow money movement, one transaction each. */
export type LedgerTransactionKind = 'FUND' | 'RELEASE' | 'REFUND' | 'SPLIT';

/**
 * A booked transaction, as given to {@link checkLedgerInvariants}. `roomId` (optional)
 * links it to an escrow room for the per-room checks.
 */
export interface LedgerTransaction {
  kind: LedgerTransactionKind;
  postings: Posting[];
  roomId?: string;
}

/** What the room table says about a room, for the per-room checks: rupiah `amount` and `fee`. */
export interface LedgerRoom {
  id: string;
  status: EscrowStatus;
  amount: number;
  fee: number;
}

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
  if (account === ESCROW_HOLDING || account === FEE_HOLDING || account === FEE_INCOME) return { kind: account };
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
 * Checks booked escrow transactions (in booking order) and returns every violation found as
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
 *    SPLIT of FEE_INCOME credits) − fees refunded (Σ REFUND of FEE_HOLDING debits).
 * 6. Only with `rooms` (the room table; transactions then carry `roomId`):
 *    a. every transaction names a listed room;
 *    b. a room has exactly one FUND when its status is past AWAITING_PAYMENT and not
 *       CANCELLED, none otherwise; the FUND credits ESCROW_HOLDING with exactly the room's
 *       amount and FEE_HOLDING with exactly its fee;
 *    c. a room in RELEASED / REFUNDED / SPLIT has exactly one settlement (RELEASE / REFUND /
 *       SPLIT respectively), booked after its FUND, and no settlement of another kind; a
 *       room in any other status has none; the settlement debits ESCROW_HOLDING with exactly
 *       the room's amount and FEE_HOLDING with exactly its fee;
 *    d. the credit balance of ESCROW_HOLDING equals Σ amount, and of FEE_HOLDING Σ fee, of
 *       the rooms whose status holds money ({@link ESCROW_HELD_STATUSES}).
 * Checks never throw on bad data; malformed postings are reported and skipped by 3–6.
 */
export function checkLedgerInvariants(input: { transactions: LedgerTransaction[]; rooms?: LedgerRoom[] }): string[] {
  const out: string[] = [];
  const { transactions, rooms } = input;
  const name = (i: number) => `transaction #${i} (${transactions[i].kind})`;
  const balances = new Map<string, number>();
  let funded = 0;
  let released = 0;
  let refunded = 0;
  let splitOut = 0;
  let feesPaid = 0;
  let feesEarned = 0;
  let feesRefunded = 0;

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

  if (rooms) out.push(...checkRooms(transactions, rooms, escrowHeld, feesHeld, name));
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
