import type { Context } from '../core/context.js';
import { batched, groupBy } from '../core/context.js';
import { Message, MessageKind } from '../chat/message.entity.js';
import { Dispute } from './dispute.entity.js';

/** The latest dispute of each trade of a list, in one query. */
export function latestDispute(ctx: Context, tradeType: 'BARTER_DEAL' | 'ESCROW_ROOM', tradeId: string): Promise<Dispute | null> {
  return batched<Dispute | null>(ctx, `dispute:${tradeType}`, tradeId, async (ids) => {
    const rows = await ctx.em.find(Dispute, { tradeType, tradeId: { $in: [...ids] } }, { orderBy: { createdAt: 'asc' } });
    return new Map(rows.map((d) => [d.tradeId, d]));
  }, null);
}

/** The SYSTEM messages (state changes) of each conversation of a list, oldest first, in one query. */
export function systemTimeline(ctx: Context, conversationId: string): Promise<Message[]> {
  return batched<Message[]>(ctx, 'timeline', conversationId, async (ids) =>
    groupBy(await ctx.em.find(Message, { conversation: { $in: [...ids] }, kind: MessageKind.SYSTEM }, { orderBy: { createdAt: 'asc', id: 'asc' } }), (m) => m.conversation.id), []);
}
