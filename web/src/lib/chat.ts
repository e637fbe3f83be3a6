/** Pure chat helpers: ordering and de-duplication of messages, read receipts, typing. */

export interface ChatMessageLike {
  id: string;
  createdAt: string;
  sender?: { id: string } | null;
}

export interface ParticipantLike {
  lastReadAt?: string | null;
  user: { id: string };
}

const byTime = (a: ChatMessageLike, b: ChatMessageLike) => {
  const d = Date.parse(a.createdAt) - Date.parse(b.createdAt);
  return d !== 0 ? d : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
};

/**
 * Messages from any number of sources (pages, the mutation result, the subscription),
 * each id once, oldest first. A later source wins for the same id (it is the fresher copy).
 */
export function mergeMessages<T extends ChatMessageLike>(...sources: readonly (readonly T[])[]): T[] {
  const byId = new Map<string, T>();
  for (const source of sources) for (const m of source) byId.set(m.id, m);
  return [...byId.values()].sort(byTime);
}

/** The latest of two ISO instants (null-safe). */
export function laterInstant(a: string | null | undefined, b: string | null | undefined): string | null {
  if (!a) return b ?? null;
  if (!b) return a;
  return Date.parse(a) >= Date.parse(b) ? a : b;
}

/**
 * The id of my last message when another participant has read it (their lastReadAt ≥ its
 * createdAt), else null. Only my very last message gets the "read" mark.
 */
export function readMarkMessageId(messages: readonly ChatMessageLike[], myId: string | null | undefined, participants: readonly ParticipantLike[]): string | null {
  if (!myId) return null;
  let mine: ChatMessageLike | null = null;
  for (let i = messages.length - 1; i >= 0; i--) {
    if (messages[i].sender?.id === myId) {
      mine = messages[i];
      break;
    }
  }
  if (!mine) return null;
  const at = Date.parse(mine.createdAt);
  const read = participants.some((p) => p.user.id !== myId && !!p.lastReadAt && Date.parse(p.lastReadAt) >= at);
  return read ? mine.id : null;
}

/** True when a message not from me (SYSTEM messages count, as the server counts them) is newer than my last read. */
export function hasUnreadFromOthers(messages: readonly ChatMessageLike[], myId: string | null | undefined, myLastReadAt: string | null | undefined): boolean {
  if (!myId) return false;
  const since = myLastReadAt ? Date.parse(myLastReadAt) : -Infinity;
  return messages.some((m) => m.sender?.id !== myId && Date.parse(m.createdAt) > since);
}

/**
 * Calls `fn` at most once per `ms` (the first call runs at once; calls inside the window
 * are dropped). For sendTyping: tell the others at most every few seconds.
 */
export function throttle(fn: () => void, ms: number, now: () => number = Date.now): () => void {
  let last = -Infinity;
  return () => {
    const t = now();
    if (t - last < ms) return;
    last = t;
    fn();
  };
}
