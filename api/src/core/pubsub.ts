import { createPubSub } from '@graphql-yoga/subscription';
import { createRedisEventTarget } from '@graphql-yoga/redis-event-target';
import { setMaxListeners } from 'node:events';
import { Redis } from 'ioredis';
import type { Logger } from './logger.js';

/**
 * Typed topics of live updates (PRODUCT §8). Every payload names the users allowed to
 * receive it (`audience`), so subscriptions re-check access for every event.
 */
export interface Topics {
  /** A message in a conversation. */
  MESSAGE: [conversationId: string, payload: { messageId: string; conversationId: string; audience: string[] }];
  /** Someone is typing, or has read up to a time. */
  CONVERSATION_ACTIVITY: [conversationId: string, payload: ConversationActivity];
  /** An offer of one of the user's trades changed. */
  OFFER: [userId: string, payload: { offerId: string; audience: string[] }];
  /** A deal changed. */
  DEAL: [userId: string, payload: { dealId: string; audience: string[] }];
  /** A store order changed. */
  ORDER: [userId: string, payload: { orderId: string; audience: string[] }];
  /** An escrow room changed. */
  ESCROW: [userId: string, payload: { roomId: string; audience: string[] }];
  /** A notification for the user. */
  NOTIFICATION: [userId: string, payload: { notificationId: string; audience: string[] }];
}

export interface ConversationActivity {
  conversationId: string;
  userId: string;
  kind: 'TYPING' | 'READ';
  /** READ: everything up to this instant has been read. */
  readAt?: string;
  audience: string[];
}

type Args = { [K in keyof Topics]: Topics[K] };

/** The pub/sub of the process: in memory, or Redis when REDIS_URL is set (several API processes). */
export function createAppPubSub(redisUrl: string | undefined, log: Logger) {
  if (!redisUrl) {
    // Many subscribers per topic is normal (a conversation open in many tabs): no listener cap.
    const eventTarget = new EventTarget();
    setMaxListeners(0, eventTarget);
    return { pubsub: createPubSub<Args>({ eventTarget }), close: async () => {} };
  }
  const publishClient = new Redis(redisUrl, { lazyConnect: false, maxRetriesPerRequest: null });
  const subscribeClient = new Redis(redisUrl, { lazyConnect: false, maxRetriesPerRequest: null });
  for (const c of [publishClient, subscribeClient]) c.on('error', (err) => log.warn({ err }, 'redis'));
  const eventTarget = createRedisEventTarget({ publishClient, subscribeClient });
  return {
    pubsub: createPubSub<Args>({ eventTarget }),
    close: async () => {
      publishClient.disconnect();
      subscribeClient.disconnect();
    },
  };
}

export type AppPubSub = ReturnType<typeof createAppPubSub>['pubsub'];
