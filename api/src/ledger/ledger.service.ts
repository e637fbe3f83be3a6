import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { assertBalanced, checkLedgerInvariants, type EscrowStatus, type Posting } from '@pasar/domain';

export type LedgerKind = 'FUND' | 'RELEASE' | 'REFUND' | 'SPLIT';

/**
 * The platform's double-entry ledger (PRODUCT §4): every movement is one balanced
 * transaction with an idempotency key. Booking the same key twice writes nothing, so a
 * retried webhook or a racing confirmation can never move money twice. Balances are
 * derived from postings, never stored.
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
    const rows = await em.execute<{ id: string; kind: LedgerKind; subject_id: string; account: string | null; amount: string | null }[]>(
      `select t.id, t.kind, t.subject_id, p.account, p.amount from ledger_transactions t
         left join ledger_postings p on p.transaction_id = t.id order by t.created_at, t.id, p.id`,
    );
    const byId = new Map<string, { kind: LedgerKind; roomId: string; postings: Posting[] }>();
    for (const r of rows) {
      let t = byId.get(r.id);
      if (!t) byId.set(r.id, (t = { kind: r.kind, roomId: r.subject_id, postings: [] }));
      if (r.account) t.postings.push({ account: r.account, amount: Number(r.amount) });
    }
    // With the rooms, a room RELEASED without its release booking (or funded twice) is caught too.
    const rooms = (await em.execute<{ id: string; status: EscrowStatus; amount: string; fee: string }[]>(`select id, status, amount, fee from escrow_rooms`))
      .map((r) => ({ id: r.id, status: r.status, amount: Number(r.amount), fee: Number(r.fee) }));
    return checkLedgerInvariants({ transactions: [...byId.values()], rooms });
  }
}
