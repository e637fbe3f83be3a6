import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { assertBalanced, checkLedgerInvariants, type EscrowStatus, type LedgerTransaction, type LedgerTransactionKind, type OrderStatus, type Posting } from '@pasar/domain';

/**
 * Escrow rooms: FUND, RELEASE, REFUND, SPLIT; store orders: ORDER_PAY, ORDER_RELEASE, ORDER_REFUND;
 * a provider payment its subject could no longer take: UNMATCHED_PAYMENT (packages/domain ledger.ts).
 */
export type LedgerKind = LedgerTransactionKind;

/** The `subject.type` of escrow-room transactions (as for their payments). */
export const ROOM_SUBJECT = 'ESCROW_ROOM';
/** The `subject.type` of store-order transactions (as for their payments). */
export const ORDER_SUBJECT = 'ORDER';
/** The `subject.type` of UNMATCHED_PAYMENT transactions: `subject.id` is the payment's id (it funds no room or order). */
export const PAYMENT_SUBJECT = 'PAYMENT';

/**
 * The platform's double-entry ledger (PRODUCT §4, §6, §11): every movement of escrow-room and
 * store-order money, and every provider payment that arrived when its room or order could no
 * longer take it, is one balanced transaction with an idempotency key. Booking the same key
 * twice writes nothing, so a retried webhook or a racing confirmation can never move money
 * twice. Balances are derived from postings, never stored.
 */
export class LedgerService {
  /**
   * Books `postings` (signed rupiah, summing to zero) inside `em`'s transaction.
   * Returns true when booked now, false when `idempotencyKey` was booked before.
   */
  async post(em: EntityManager, idempotencyKey: string, kind: LedgerKind, subject: { type: string; id: string }, postings: Posting[]): Promise<boolean> {
    assertBalanced(postings);
    const id = randomUUID();
    const inserted = await em.execute<{ id: string }[]>(
      `insert into ledger_transactions (id, idempotency_key, kind, subject_type, subject_id, created_at)
       values (?, ?, ?, ?, ?, now()) on conflict (idempotency_key) do nothing returning id`,
      [id, idempotencyKey, kind, subject.type, subject.id],
    );
    if (!inserted.length) return false;
    for (const p of postings) {
      await em.execute(`insert into ledger_postings (id, transaction_id, account, amount) values (?, ?, ?, ?)`, [randomUUID(), id, p.account, p.amount]);
    }
    return true;
  }

  /** Balance of one account (debit positive), rupiah. */
  async balance(em: EntityManager, account: string): Promise<number> {
    const [row] = await em.execute<{ b: string | null }[]>(`select sum(amount) as b from ledger_postings where account = ?`, [account]);
    return Number(row?.b ?? 0);
  }

  /** Every invariant violation of the whole ledger (empty when it reconciles); see packages/domain checkLedgerInvariants. */
  async check(em: EntityManager): Promise<string[]> {
    const rows = await em.execute<{ id: string; kind: LedgerKind; subject_type: string; subject_id: string; account: string | null; amount: string | null }[]>(
      `select t.id, t.kind, t.subject_type, t.subject_id, p.account, p.amount from ledger_transactions t
         left join ledger_postings p on p.transaction_id = t.id order by t.created_at, t.id, p.id`,
    );
    const byId = new Map<string, LedgerTransaction>();
    for (const r of rows) {
      let t = byId.get(r.id);
      if (!t) {
        t = { kind: r.kind, postings: [] };
        if (r.subject_type === ROOM_SUBJECT) t.roomId = r.subject_id;
        else if (r.subject_type === ORDER_SUBJECT) t.orderId = r.subject_id;
        else if (r.subject_type === PAYMENT_SUBJECT) t.paymentId = r.subject_id;
        byId.set(r.id, t);
      }
      if (r.account) t.postings.push({ account: r.account, amount: Number(r.amount) });
    }
    // With the rooms and orders, one RELEASED/COMPLETED without its release booking (or paid twice) is caught too.
    const rooms = (await em.execute<{ id: string; status: EscrowStatus; amount: string; fee: string }[]>(`select id, status, amount, fee from escrow_rooms`))
      .map((r) => ({ id: r.id, status: r.status, amount: Number(r.amount), fee: Number(r.fee) }));
    const orders = (await em.execute<{ id: string; status: OrderStatus; total: string; paid: boolean }[]>(`select id, status, total, paid_at is not null as paid from orders`))
      .map((o) => ({ id: o.id, status: o.status, total: Number(o.total), paid: o.paid }));
    // The payments that UNMATCHED_PAYMENT transactions name (booked to their provider, owed to their payer).
    const payments = (await em.execute<{ id: string; provider: string; payer_id: string; amount: string; status: string }[]>(
      `select id, provider, payer_id, amount, status from payments where id in (select subject_id from ledger_transactions where subject_type = ?)`, [PAYMENT_SUBJECT]))
      .map((p) => ({ id: p.id, provider: p.provider, payerId: p.payer_id, amount: Number(p.amount), status: p.status }));
    return checkLedgerInvariants({ transactions: [...byId.values()], rooms, orders, payments });
  }
}
