import type { EntityManager } from '@mikro-orm/postgresql';
import type { AuthedContext } from '../core/context.js';
import type { LiveEvent } from '../core/live.js';
import { User } from '../identity/user.entity.js';
import { Notification } from './notification.entity.js';

/**
 * In-app notifications (PRODUCT §8): stored in the trade's transaction, delivered live after
 * commit through the returned events. (Email and WhatsApp go through an outbox later.)
 */
export class NotificationService {
  /** Adds a notification for `userId` inside `em`'s transaction; returns the live event to publish after commit. */
  notify(em: EntityManager, userId: string, kind: string, text: string, link?: string): LiveEvent {
    const n = new Notification(em.getReference(User, userId, { wrapped: true }), kind, text, link);
    em.persist(n);
    return { topic: 'NOTIFICATION', userId, notificationId: n.id };
  }

  /** The caller's notifications, newest first (at most `first`, 1–100). */
  list(ctx: AuthedContext, first: number, unreadOnly: boolean): Promise<Notification[]> {
    return ctx.em.find(Notification, { user: ctx.user.id, ...(unreadOnly ? { readAt: null } : {}) }, {
      orderBy: { createdAt: 'desc', id: 'desc' }, limit: Math.min(Math.max(first, 1), 100),
    });
  }

  /** Number of unread notifications of the caller. */
  unreadCount(ctx: AuthedContext): Promise<number> {
    return ctx.em.count(Notification, { user: ctx.user.id, readAt: null });
  }

  /** Marks the given notifications (or all) of the caller read; returns how many changed. */
  markRead(ctx: AuthedContext, ids: string[] | null): Promise<number> {
    return ctx.em.nativeUpdate(Notification, { user: ctx.user.id, readAt: null, ...(ids ? { id: { $in: ids } } : {}) }, { readAt: new Date() });
  }
}
