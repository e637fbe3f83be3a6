import type { EntityManager } from '@mikro-orm/postgresql';
import type { AdminDashboard } from '../escrow/escrow.types.js';

/** A Jakarta (UTC+7) calendar date of a timestamptz column, as SQL. */
const day = (col: string) => `to_char((${col} at time zone 'UTC') + interval '7 hours', 'YYYY-MM-DD')`;
const month = (col: string) => `to_char((${col} at time zone 'UTC') + interval '7 hours', 'YYYY-MM')`;

/**
 * The admin dashboard (PRODUCT §4, §9): fee income per day and month from the ledger's
 * FEE_INCOME postings, successful (released) rooms per day, daily active members (sessions
 * started or refreshed that Jakarta day), pending and problem counts. Days are Jakarta days.
 * Store-order money is booked on ORDER_HOLDING and PAYABLE accounts only (no commission in
 * PRODUCT §6), so it is neither fee income nor `heldNow` (escrow money held).
 */
export async function adminDashboard(em: EntityManager): Promise<AdminDashboard> {
  const q = <T>(sql: string, params: unknown[] = []) => em.getConnection().execute<T[]>(sql, params);
  const [feeDays, feeMonths, released, active, totals] = await Promise.all([
    q<{ period: string; amount: string }>(`select ${day('t.created_at')} as period, -sum(p.amount) as amount from ledger_postings p
       join ledger_transactions t on t.id = p.transaction_id where p.account = 'FEE_INCOME' and t.created_at > now() - interval '30 days'
       group by 1 order by 1`),
    q<{ period: string; amount: string }>(`select ${month('t.created_at')} as period, -sum(p.amount) as amount from ledger_postings p
       join ledger_transactions t on t.id = p.transaction_id where p.account = 'FEE_INCOME' and t.created_at > now() - interval '365 days'
       group by 1 order by 1`),
    q<{ period: string; count: string }>(`select ${day('released_at')} as period, count(*) as count from escrow_rooms
       where released_at > now() - interval '30 days' group by 1 order by 1`),
    q<{ period: string; count: string }>(`select ${day('created_at')} as period, count(distinct user_id) as count from refresh_tokens
       where created_at > now() - interval '30 days' group by 1 order by 1`),
    q<Record<string, string>>(`select
       (select coalesce(-sum(amount), 0) from ledger_postings where account = 'FEE_INCOME') as fee_total,
       (select coalesce(-sum(amount), 0) from ledger_postings where account = 'ESCROW_HOLDING') as held,
       (select count(*) from escrow_rooms where status in ('AWAITING_PAYMENT', 'FUNDED', 'SHIPPED')) as pending,
       (select count(*) from escrow_rooms where status = 'DISPUTED') + (select count(*) from deals where status = 'DISPUTED') as problems,
       (select count(*) from users) as users,
       (select count(*) from users where created_at > now() - interval '7 days') as new_users`),
  ]);
  const t = totals[0];
  return {
    feeIncomeByDay: feeDays.map((r) => ({ period: r.period, amount: Number(r.amount) })),
    feeIncomeByMonth: feeMonths.map((r) => ({ period: r.period, amount: Number(r.amount) })),
    successfulByDay: released.map((r) => ({ period: r.period, count: Number(r.count) })),
    activeUsersByDay: active.map((r) => ({ period: r.period, count: Number(r.count) })),
    feeIncomeTotal: Number(t.fee_total),
    heldNow: Number(t.held),
    pendingRooms: Number(t.pending),
    problemRooms: Number(t.problems),
    totalUsers: Number(t.users),
    newUsers: Number(t.new_users),
  };
}
