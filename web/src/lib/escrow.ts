import { DEFAULT_FEE_SCHEDULE, escrowAmountRange, groupThousands, quoteEscrowFee, type FeeSchedule } from '@pasar/domain';
import type { EscrowRole, EscrowStatus, PaymentProvider, PaymentStatus } from '@/gql/graphql';

/** Pure rules of the escrow (rekber) UI: which actions, fee preview, rupiah input, split check. */

export interface EscrowActionRoom {
  status: EscrowStatus;
  myRole?: EscrowRole | null;
  buyer?: { id: string } | null;
  seller?: { id: string } | null;
  payment?: { provider: PaymentProvider; status: PaymentStatus } | null;
}

export interface EscrowActions {
  /** the buyer pays (or continues a pending payment) */
  pay: boolean;
  /** the seller enters courier and resi */
  ship: boolean;
  /** the buyer confirms receipt */
  receive: boolean;
  /** a party opens a dispute */
  dispute: boolean;
  /** a party cancels before funding */
  cancel: boolean;
  /** the invite link is shown while the counterparty is missing */
  invite: boolean;
  /** an admin decides a dispute */
  resolve: boolean;
  /** an admin confirms a pending manual transfer */
  confirmPayment: boolean;
}

/** What the viewer may do with a room now (mirrors ESCROW_TRANSITIONS; the server decides). */
export function escrowActions(room: EscrowActionRoom, isAdmin = false): EscrowActions {
  const buyer = room.myRole === 'BUYER';
  const seller = room.myRole === 'SELLER';
  const party = buyer || seller;
  const both = !!room.buyer && !!room.seller;
  const awaiting = room.status === 'AWAITING_PAYMENT';
  return {
    pay: buyer && awaiting && both,
    ship: seller && room.status === 'FUNDED',
    receive: buyer && room.status === 'SHIPPED',
    dispute: party && (room.status === 'FUNDED' || room.status === 'SHIPPED' || room.status === 'COMPLETED'),
    cancel: party && awaiting,
    invite: party && awaiting && !both,
    resolve: isAdmin && !party && room.status === 'DISPUTED',
    confirmPayment: isAdmin && !party && awaiting && room.payment?.provider === 'MANUAL_TRANSFER' && room.payment.status === 'PENDING',
  };
}

/** The three steps of a room shown as a progress line (funded, shipped, released). */
export const ESCROW_STEPS = ['AWAITING_PAYMENT', 'FUNDED', 'SHIPPED', 'RELEASED'] as const;
export function escrowStepIndex(status: EscrowStatus): number {
  switch (status) {
    case 'AWAITING_PAYMENT':
    case 'CANCELLED':
      return 0;
    case 'FUNDED':
    case 'DISPUTED':
      return 1;
    case 'SHIPPED':
      return 2;
    default:
      return 3;
  }
}

/** The API's FeeScheduleView (nullable fixed/basisPoints) as the domain's FeeSchedule. */
export function toFeeSchedule(view: { version: number; min: number; tiers: { upTo: number; fixed?: number | null; basisPoints?: number | null }[] }): FeeSchedule {
  return {
    version: view.version,
    min: view.min,
    tiers: view.tiers.map((t) => (t.basisPoints != null ? { upTo: t.upTo, basisPoints: t.basisPoints } : { upTo: t.upTo, fixed: t.fixed ?? 0 })),
  };
}

export type FeePreview =
  | { state: 'empty' }
  | { state: 'outOfRange'; min: number; max: number }
  | { state: 'ok'; amount: number; fee: number; total: number; scheduleVersion: number };

/** The local fee preview of an amount (null: nothing typed yet) under a schedule (default: the launch schedule). */
export function localFeePreview(amount: number | null, schedule: FeeSchedule = DEFAULT_FEE_SCHEDULE): FeePreview {
  if (amount === null) return { state: 'empty' };
  const { min, max } = escrowAmountRange(schedule);
  if (!Number.isSafeInteger(amount) || amount < min || amount > max) return { state: 'outOfRange', min, max };
  try {
    const q = quoteEscrowFee(amount, schedule);
    return { state: 'ok', amount: q.amount, fee: q.fee, total: q.total, scheduleVersion: q.scheduleVersion };
  } catch {
    return { state: 'outOfRange', min, max };
  }
}

/** The digits of a typed rupiah amount as a whole number ("Rp 250.000" → 250000; "" → null). */
export function parseRupiahInput(text: string): number | null {
  const digits = text.replace(/\D/g, '').replace(/^0+(?=\d)/, '');
  if (!digits) return null;
  const n = Number(digits.slice(0, 15));
  return Number.isSafeInteger(n) ? n : null;
}

/** A rupiah amount as typed: 250000 → "250.000". */
export function formatRupiahInput(n: number | null): string {
  return n === null ? '' : groupThousands(n);
}

export type SplitCheck = { ok: true; sum: number } | { ok: false; sum: number; difference: number; problem: 'missing' | 'mismatch' };

/** toSeller + toBuyer must be whole rupiah ≥ 0 adding up exactly to the room amount. */
export function checkSplit(amount: number, toSeller: number | null, toBuyer: number | null): SplitCheck {
  const sum = (toSeller ?? 0) + (toBuyer ?? 0);
  if (toSeller === null || toBuyer === null) return { ok: false, sum, difference: amount - sum, problem: 'missing' };
  if (sum !== amount) return { ok: false, sum, difference: amount - sum, problem: 'mismatch' };
  return { ok: true, sum };
}

export const ESCROW_TITLE = { min: 3, max: 120 } as const;
export const ESCROW_DESCRIPTION_MAX = 2000;
