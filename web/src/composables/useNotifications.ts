import { useApolloClient, useMutation, useQuery, useSubscription } from '@vue/apollo-composable';
import { computed } from 'vue';
import { graphql } from '@/gql';
import type { NotificationFieldsFragment } from '@/gql/graphql';

export const NotificationsDocument = graphql(`
  query Notifications($first: Int!) {
    notifications(first: $first) {
      ...NotificationFields
    }
    unreadNotificationCount
  }
`);

export const NotificationAddedDocument = graphql(`
  subscription NotificationAdded {
    notificationAdded {
      ...NotificationFields
    }
  }
`);

export const MarkNotificationsReadDocument = graphql(`
  mutation MarkNotificationsRead($ids: [ID!]) {
    markNotificationsRead(ids: $ids)
  }
`);

export const NOTIFICATIONS_SHOWN = 20;

/**
 * The member's notifications and unread count (the header bell), live: each
 * notificationAdded is put at the top of the cached list and counted once, however often
 * it arrives. `onAdded` lets the header refresh other things (e.g. the inbox).
 */
export function useNotifications(enabled: () => boolean, onAdded?: (n: NotificationFieldsFragment) => void) {
  const { resolveClient } = useApolloClient();
  const variables = { first: NOTIFICATIONS_SHOWN };
  const { result, loading, error, refetch } = useQuery(NotificationsDocument, variables, () => ({ enabled: enabled() }));
  const notifications = computed<NotificationFieldsFragment[]>(() => result.value?.notifications ?? []);
  const unreadCount = computed(() => result.value?.unreadNotificationCount ?? 0);

  const sub = useSubscription(NotificationAddedDocument, {}, () => ({ enabled: enabled() }));
  sub.onResult((r) => {
    const n = r.data?.notificationAdded;
    if (!n) return;
    resolveClient().cache.updateQuery({ query: NotificationsDocument, variables }, (data) => {
      if (!data || data.notifications.some((x) => x.id === n.id)) return data;
      return {
        ...data,
        notifications: [n, ...data.notifications].slice(0, NOTIFICATIONS_SHOWN),
        unreadNotificationCount: data.unreadNotificationCount + (n.readAt ? 0 : 1),
      };
    });
    onAdded?.(n);
  });

  const { mutate } = useMutation(MarkNotificationsReadDocument);
  /** Marks some (or all) notifications read, in the cache at once and then on the server. */
  async function markRead(ids: string[] | null): Promise<void> {
    const now = new Date().toISOString();
    const cache = resolveClient().cache;
    cache.updateQuery({ query: NotificationsDocument, variables }, (data) => {
      if (!data) return data;
      let changed = 0;
      const list = data.notifications.map((n) => {
        if (n.readAt || (ids && !ids.includes(n.id))) return n;
        changed++;
        return { ...n, readAt: now };
      });
      return { ...data, notifications: list, unreadNotificationCount: ids ? Math.max(0, data.unreadNotificationCount - changed) : 0 };
    });
    try {
      await mutate({ ids });
    } catch {
      void refetch();
    }
  }

  return { notifications, unreadCount, loading, error, refetch, markRead };
}
