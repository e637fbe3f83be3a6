import { batched, type Context } from '../core/context.js';
import { Payment } from './payment.entity.js';

/**
 * The latest payment attempt of an escrow room or a store order (null before the first), one
 * batched query per request for a whole list (ARCHITECTURE "No N+1").
 */
export function latestPayment(ctx: Context, subjectType: 'ESCROW_ROOM' | 'ORDER', subjectId: string): Promise<Payment | null> {
  return batched<Payment | null>(ctx, `latestPayment:${subjectType}`, subjectId, async (ids) => {
    const rows = await ctx.em.find(Payment, { subjectType, subjectId: { $in: [...ids] } }, { orderBy: { createdAt: 'asc', id: 'asc' } });
    return new Map(rows.map((p) => [p.subjectId, p]));
  }, null);
}
