import { Arg, Authorized, Ctx, ID, Int, Mutation, Query, Resolver, Root, Subscription } from 'type-graphql';
import type { AuthedContext, Context } from '../core/context.js';
import { always, ownTopic, subscribeChecked } from '../core/graphql/subscriptions.js';
import type { Topics } from '../core/pubsub.js';
import { Notification } from './notification.entity.js';

/** In-app notifications (PRODUCT §8). */
@Resolver(() => Notification)
export class NotificationResolver {
  @Authorized()
  @Query(() => [Notification], { description: 'Your notifications, newest first (first: 1–100).' })
  notifications(
    @Ctx() ctx: AuthedContext,
    @Arg('first', () => Int, { defaultValue: 30 }) first: number,
    @Arg('unreadOnly', { defaultValue: false }) unreadOnly: boolean,
  ): Promise<Notification[]> {
    return ctx.services.notifications.list(ctx, first, unreadOnly);
  }

  @Authorized()
  @Query(() => Int, { description: 'How many notifications you have not read.' })
  unreadNotificationCount(@Ctx() ctx: AuthedContext): Promise<number> {
    return ctx.services.notifications.unreadCount(ctx);
  }

  @Authorized()
  @Mutation(() => Int, { description: 'Marks these notifications (or all) read; returns how many changed.' })
  markNotificationsRead(@Ctx() ctx: AuthedContext, @Arg('ids', () => [ID], { nullable: true }) ids?: string[] | null): Promise<number> {
    return ctx.services.notifications.markRead(ctx, ids ?? null);
  }

  @Authorized()
  @Subscription(() => Notification, { description: 'Your new notifications.', subscribe: subscribeChecked('NOTIFICATION', ownTopic, always) })
  notificationAdded(@Root() payload: Topics['NOTIFICATION'][1], @Ctx() ctx: Context): Promise<Notification> {
    return ctx.em.fork().findOneOrFail(Notification, payload.notificationId);
  }
}
