import { useApolloClient, useMutation, useQuery, useSubscription } from '@vue/apollo-composable';
import { computed, onBeforeUnmount, ref, watch, type Ref } from 'vue';
import { graphql } from '@/gql';
import type { MessageFieldsFragment, ParticipantFieldsFragment } from '@/gql/graphql';
import { hasUnreadFromOthers, laterInstant, mergeMessages, readMarkMessageId, throttle } from '@/lib/chat';
import { toAppError, type AppError } from '@/lib/errors';
import { useSessionStore } from '@/stores/session';
import { useUpload } from './useUpload';

export const ConversationDocument = graphql(`
  query Conversation($id: ID!, $first: Int!, $before: String) {
    conversation(id: $id) {
      id
      kind
      title
      participants {
        ...ParticipantFields
      }
      messages(first: $first, before: $before) {
        edges {
          cursor
          node {
            ...MessageFields
          }
        }
        pageInfo {
          endCursor
          hasNextPage
        }
      }
    }
  }
`);

export const MessageAddedDocument = graphql(`
  subscription MessageAdded($conversationId: ID!) {
    messageAdded(conversationId: $conversationId) {
      ...MessageFields
    }
  }
`);

export const ConversationActivityDocument = graphql(`
  subscription ConversationActivity($conversationId: ID!) {
    conversationActivity(conversationId: $conversationId) {
      conversationId
      kind
      readAt
      user {
        id
        displayName
      }
    }
  }
`);

export const SendMessageDocument = graphql(`
  mutation SendMessage($conversationId: ID!, $input: SendMessageInput!) {
    sendMessage(conversationId: $conversationId, input: $input) {
      ...MessageFields
    }
  }
`);

export const MarkConversationReadDocument = graphql(`
  mutation MarkConversationRead($conversationId: ID!) {
    markConversationRead(conversationId: $conversationId)
  }
`);

export const SendTypingDocument = graphql(`
  mutation SendTyping($conversationId: ID!) {
    sendTyping(conversationId: $conversationId)
  }
`);

export const CHAT_PAGE_SIZE = 30;
/** How often "typing" is sent while typing, and how long the others show it. */
export const TYPING_THROTTLE_MS = 3000;
export const TYPING_SHOW_MS = 6000;
export const MAX_MESSAGE_LENGTH = 4000;

/**
 * One conversation: its messages (newest page first, older pages on demand), live new
 * messages (messageAdded), typing and read receipts (conversationActivity), sending text
 * and images, and marking it read. A message that arrives both as the mutation's answer
 * and through the subscription is shown once (merged by id).
 */
export function useConversation(conversationId: Ref<string | null>, options: { readonly?: () => boolean; pageSize?: number } = {}) {
  const session = useSessionStore();
  const myId = computed(() => session.user?.id ?? null);
  const readonly = () => !!options.readonly?.();
  const first = options.pageSize ?? CHAT_PAGE_SIZE;
  const { resolveClient } = useApolloClient();
  const enabled = computed(() => !!conversationId.value);

  const { result, loading, error, refetch } = useQuery(
    ConversationDocument,
    () => ({ id: conversationId.value ?? '', first }),
    () => ({ enabled: enabled.value }),
  );
  const conversation = computed(() => result.value?.conversation ?? null);

  // Older pages, and messages that arrived after the first page (mutation answers, subscription).
  const older = ref<MessageFieldsFragment[]>([]);
  const olderCursor = ref<string | null>(null);
  const olderHasMore = ref<boolean | null>(null);
  const live = ref<MessageFieldsFragment[]>([]);
  const readAt = ref<Record<string, string>>({});
  const typing = ref<Record<string, { name: string; until: number }>>({});
  const typingTimers = new Map<string, ReturnType<typeof setTimeout>>();

  function clearTyping(userId: string): void {
    const { [userId]: _gone, ...rest } = typing.value;
    typing.value = rest;
    const timer = typingTimers.get(userId);
    if (timer) clearTimeout(timer);
    typingTimers.delete(userId);
  }

  watch(conversationId, () => {
    older.value = [];
    olderCursor.value = null;
    olderHasMore.value = null;
    live.value = [];
    readAt.value = {};
    for (const id of Object.keys(typing.value)) clearTyping(id);
  });
  onBeforeUnmount(() => {
    for (const timer of typingTimers.values()) clearTimeout(timer);
  });

  const firstPage = computed(() => conversation.value?.messages.edges.map((e) => e.node) ?? []);
  const messages = computed(() => mergeMessages(older.value, firstPage.value, live.value));
  const hasOlder = computed(() => olderHasMore.value ?? !!conversation.value?.messages.pageInfo.hasNextPage);

  /** Adds a message from the mutation or the subscription (each id once). */
  function receive(message: MessageFieldsFragment): void {
    if (message.conversationId !== conversationId.value) return;
    live.value = mergeMessages(live.value, [message]);
    const sender = message.sender?.id;
    if (sender && sender !== myId.value) {
      clearTyping(sender);
      // Sending marks the sender's read position (the server does the same).
      readAt.value = { ...readAt.value, [sender]: laterInstant(readAt.value[sender], message.createdAt)! };
    }
  }

  const participants = computed<ParticipantFieldsFragment[]>(() =>
    (conversation.value?.participants ?? []).map((p) => ({ ...p, lastReadAt: laterInstant(p.lastReadAt, readAt.value[p.user.id]) })),
  );
  const others = computed(() => participants.value.filter((p) => p.user.id !== myId.value));
  const me = computed(() => participants.value.find((p) => p.user.id === myId.value) ?? null);
  const readMarkId = computed(() => readMarkMessageId(messages.value, myId.value, participants.value));
  const typingNames = computed(() => Object.values(typing.value).map((x) => x.name));

  // ---- live
  const messageSub = useSubscription(MessageAddedDocument, () => ({ conversationId: conversationId.value ?? '' }), () => ({ enabled: enabled.value }));
  messageSub.onResult((r) => {
    if (r.data?.messageAdded) receive(r.data.messageAdded);
  });
  const activitySub = useSubscription(ConversationActivityDocument, () => ({ conversationId: conversationId.value ?? '' }), () => ({ enabled: enabled.value }));
  activitySub.onResult((r) => {
    const a = r.data?.conversationActivity;
    if (!a || a.conversationId !== conversationId.value || a.user.id === myId.value) return;
    if (a.kind === 'READ' && a.readAt) {
      readAt.value = { ...readAt.value, [a.user.id]: laterInstant(readAt.value[a.user.id], a.readAt)! };
    } else if (a.kind === 'TYPING') {
      const userId = a.user.id;
      const previous = typingTimers.get(userId);
      if (previous) clearTimeout(previous);
      typing.value = { ...typing.value, [userId]: { name: a.user.displayName, until: Date.now() + TYPING_SHOW_MS } };
      typingTimers.set(userId, setTimeout(() => clearTyping(userId), TYPING_SHOW_MS));
    }
  });

  // ---- older pages
  const loadingOlder = ref(false);
  const olderError = ref<AppError | null>(null);
  async function loadOlder(): Promise<void> {
    const id = conversationId.value;
    const before = olderCursor.value ?? conversation.value?.messages.pageInfo.endCursor ?? null;
    if (!id || !before || !hasOlder.value || loadingOlder.value) return;
    loadingOlder.value = true;
    olderError.value = null;
    try {
      const page = await resolveClient().query({ query: ConversationDocument, variables: { id, first, before }, fetchPolicy: 'network-only' });
      if (conversationId.value !== id) return;
      const connection = page.data.conversation.messages;
      older.value = mergeMessages(older.value, connection.edges.map((e) => e.node));
      olderCursor.value = connection.pageInfo.endCursor ?? null;
      olderHasMore.value = connection.pageInfo.hasNextPage;
    } catch (e) {
      olderError.value = toAppError(e);
    } finally {
      loadingOlder.value = false;
    }
  }

  // ---- sending
  const { mutate: sendMutation } = useMutation(SendMessageDocument);
  const { upload } = useUpload();
  /** Sends in flight (a member may send the next message before the last one is answered). */
  const pending = ref(0);
  const sending = computed(() => pending.value > 0);
  const sendError = ref<AppError | null>(null);
  async function send(input: { text?: string; photoId?: string; listingId?: string }): Promise<boolean> {
    const id = conversationId.value;
    if (!id || readonly()) return false;
    pending.value++;
    sendError.value = null;
    try {
      const r = await sendMutation({ conversationId: id, input });
      if (r?.data?.sendMessage) receive(r.data.sendMessage);
      return !!r?.data?.sendMessage;
    } catch (e) {
      sendError.value = toAppError(e);
      return false;
    } finally {
      pending.value--;
    }
  }
  const sendText = (text: string) => (text.trim() ? send({ text: text.trim() }) : Promise.resolve(false));
  async function sendPhoto(file: File, onProgress?: (percent: number) => void): Promise<boolean> {
    sendError.value = null;
    pending.value++;
    try {
      const photoId = (await upload(file, onProgress)).id;
      return await send({ photoId });
    } catch (e) {
      sendError.value = { code: 'UNKNOWN', message: e instanceof Error ? e.message : String(e), fields: {} };
      return false;
    } finally {
      pending.value--;
    }
  }

  // ---- typing and read marks
  const { mutate: typingMutation } = useMutation(SendTypingDocument);
  const notifyTyping = throttle(() => {
    if (conversationId.value && !readonly()) void typingMutation({ conversationId: conversationId.value }).catch(() => undefined);
  }, TYPING_THROTTLE_MS);

  const { mutate: readMutation } = useMutation(MarkConversationReadDocument);
  let marking = false;
  /** Marks the conversation read when something from the others is unread (call while it is visible). */
  async function markReadIfNeeded(): Promise<void> {
    const id = conversationId.value;
    if (!id || readonly() || marking || !me.value) return;
    if (!hasUnreadFromOthers(messages.value, myId.value, me.value.lastReadAt)) return;
    marking = true;
    try {
      const r = await readMutation({ conversationId: id });
      const at = r?.data?.markConversationRead;
      if (at && myId.value) readAt.value = { ...readAt.value, [myId.value]: laterInstant(readAt.value[myId.value], at)! };
      resolveClient().cache.modify({ id: resolveClient().cache.identify({ __typename: 'Conversation', id }), fields: { unreadCount: () => 0 } });
    } catch {
      /* the next visible message tries again */
    } finally {
      marking = false;
    }
  }

  return {
    conversation,
    messages,
    participants,
    others,
    loading,
    initialLoading: computed(() => loading.value && !conversation.value),
    error,
    refetch,
    hasOlder,
    loadOlder,
    loadingOlder,
    olderError,
    sendText,
    sendPhoto,
    sending,
    sendError,
    notifyTyping,
    typingNames,
    readMarkId,
    markReadIfNeeded,
    myId,
    /** for tests and the chat component: add a message as if delivered */
    receive,
  };
}
