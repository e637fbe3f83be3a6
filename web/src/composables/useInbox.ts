import { useApolloClient, useQuery } from '@vue/apollo-composable';
import type { ObservableSubscription } from '@apollo/client/core';
import { computed, onBeforeUnmount, watch } from 'vue';
import { graphql } from '@/gql';
import type { ConversationSummaryFieldsFragment } from '@/gql/graphql';
import { MessageAddedDocument } from './useConversation';

export const ConversationsDocument = graphql(`
  query Conversations($first: Int!) {
    conversations(first: $first) {
      ...ConversationSummaryFields
    }
  }
`);

export const INBOX_SIZE = 50;
/** Conversations whose new messages the header watches live (the most recent ones). */
export const WATCHED_CONVERSATIONS = 20;

/** The member's conversations, latest activity first, with the total unread. */
export function useInbox(enabled: () => boolean) {
  const { result, loading, error, refetch } = useQuery(ConversationsDocument, { first: INBOX_SIZE }, () => ({ enabled: enabled() }));
  const conversations = computed<ConversationSummaryFieldsFragment[]>(() => result.value?.conversations ?? []);
  const totalUnread = computed(() => conversations.value.reduce((sum, c) => sum + c.unreadCount, 0));
  return { conversations, totalUnread, loading, initialLoading: computed(() => loading.value && !result.value), error, refetch };
}

/**
 * Keeps the inbox (list, unread badge) live: watches messageAdded of the most recent
 * conversations and refetches the list shortly after a message arrives; `refresh()` is
 * for other signals (a notification about a new offer means a new conversation).
 * There is no per-member "conversation changed" subscription in the API, hence this.
 */
export function useInboxLive(enabled: () => boolean) {
  const { resolveClient } = useApolloClient();
  const inbox = useInbox(enabled);
  const subs = new Map<string, ObservableSubscription>();
  let timer: ReturnType<typeof setTimeout> | null = null;

  function refresh(delay = 400): void {
    if (!enabled()) return;
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = null;
      void inbox.refetch()?.catch(() => undefined);
    }, delay);
  }

  function stopAll(): void {
    for (const s of subs.values()) s.unsubscribe();
    subs.clear();
  }

  watch(
    () => (enabled() ? inbox.conversations.value.slice(0, WATCHED_CONVERSATIONS).map((c) => c.id) : []),
    (ids) => {
      for (const [id, s] of subs) {
        if (!ids.includes(id)) {
          s.unsubscribe();
          subs.delete(id);
        }
      }
      for (const id of ids) {
        if (subs.has(id)) continue;
        subs.set(
          id,
          resolveClient()
            .subscribe({ query: MessageAddedDocument, variables: { conversationId: id } })
            .subscribe({ next: () => refresh(), error: () => subs.delete(id) }),
        );
      }
    },
    { immediate: true },
  );

  onBeforeUnmount(() => {
    stopAll();
    if (timer) clearTimeout(timer);
  });

  return { ...inbox, refresh };
}
