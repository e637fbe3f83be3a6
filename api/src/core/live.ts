import type { AppPubSub, ConversationActivity } from './pubsub.js';

/** A live update to publish once its transaction has committed (ARCHITECTURE, "after commit: publish"). */
export type LiveEvent =
  | { topic: 'MESSAGE'; conversationId: string; messageId: string; audience: string[] }
  | { topic: 'OFFER'; offerId: string; audience: string[] }
  | { topic: 'DEAL'; dealId: string; audience: string[] }
  | { topic: 'ESCROW'; roomId: string; audience: string[] }
  | { topic: 'ORDER'; orderId: string; audience: string[] }
  | { topic: 'NOTIFICATION'; userId: string; notificationId: string }
  | ({ topic: 'CONVERSATION_ACTIVITY' } & ConversationActivity);

/** Publishes live updates to the process (or Redis) pub/sub. Call only after commit. */
export class Live {
  constructor(readonly pubsub: AppPubSub) {}

  publish(events: LiveEvent[]): void {
    for (const e of events) {
      switch (e.topic) {
        case 'MESSAGE':
          this.pubsub.publish('MESSAGE', e.conversationId, { messageId: e.messageId, conversationId: e.conversationId, audience: e.audience });
          break;
        case 'OFFER':
          for (const userId of e.audience) this.pubsub.publish('OFFER', userId, { offerId: e.offerId, audience: e.audience });
          break;
        case 'DEAL':
          for (const userId of e.audience) this.pubsub.publish('DEAL', userId, { dealId: e.dealId, audience: e.audience });
          break;
        case 'ESCROW':
          for (const userId of e.audience) this.pubsub.publish('ESCROW', userId, { roomId: e.roomId, audience: e.audience });
          break;
        case 'ORDER':
          for (const userId of new Set(e.audience)) this.pubsub.publish('ORDER', userId, { orderId: e.orderId, audience: e.audience });
          break;
        case 'NOTIFICATION':
          this.pubsub.publish('NOTIFICATION', e.userId, { notificationId: e.notificationId, audience: [e.userId] });
          break;
        case 'CONVERSATION_ACTIVITY': {
          const { topic: _t, ...activity } = e;
          this.pubsub.publish('CONVERSATION_ACTIVITY', e.conversationId, activity);
          break;
        }
      }
    }
  }
}
