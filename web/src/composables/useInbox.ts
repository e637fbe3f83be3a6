import { useApolloClient, useQuery, useSubscription } from '@vue/apollo-composable';
import type { ObservableSubscription } from '@apollo/client/core';
import { computed, onBeforeUnmount, watch, type Ref } from 'vue';
import { graphql } from '@/gql';
import type { ConversationSummaryFieldsFragment, ConversationTradeQuery } from '@/gql/graphql';
import { MessageAddedDocument } from './useConversation';

export const ConversationsDocument = graphql(`
  query Conversations($first: Int!) {
    conversations(first: $first) {
      ...ConversationSummaryFields
    }
  }
`);

/** The barter trade of one conversation (the inbox's "linked trade" box). */
export const ConversationTradeDocument = graphql(`
  query ConversationTrade($id: ID!) {
    conversation(id: $id) {
      id
      offer {
        id
        status
      }
      deal {
        id
        status
      }
    }
  }
`);

const TradeOfferUpdatedDocument = graphql(`
  subscription TradeOfferUpdated {
    offerUpdated {
      id
      status
      deal {
        id
        status
      }
    }
  }
`);

const TradeDealUpdatedDocument = graphql(`
  subscription TradeDealUpdated {
    dealUpdated {
      id
      status
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

type ConversationTrade = NonNullable<ConversationTradeQuery['conversation']>;

/**
 * The offer and deal a conversation belongs to (Conversation.offer / .deal; both null for
 * other kinds). Statuses follow offerUpdated/dealUpdated through the normalised cache; the
 * conversation is fetched again when its offer turns into a deal.
 */
export function useConversationTrade(conversationId: Ref<string | null>) {
  const enabled = () => !!conversationId.value;
  const { result, refetch } = useQuery(ConversationTradeDocument, () => ({ id: conversationId.value ?? '' }), () => ({ enabled: enabled() }));
  const current = computed<ConversationTrade | null>(() => {
    const c = result.value?.conversation;
    return c && c.id === conversationId.value ? c : null;
  });
  const offer = computed<ConversationTrade['offer']>(() => current.value?.offer ?? null);
  const deal = computed<ConversationTrade['deal']>(() => current.value?.deal ?? null);

  const offerSub = useSubscription(TradeOfferUpdatedDocument, {}, () => ({ enabled: enabled() }));
  offerSub.onResult((r) => {
    const o = r.data?.offerUpdated;
    if (o?.deal && o.id === offer.value?.id && !deal.value) void refetch()?.catch(() => undefined);
  });
  useSubscription(TradeDealUpdatedDocument, {}, () => ({ enabled: enabled() }));

  return { offer, deal };
}
