import type { EntityManager } from '@mikro-orm/postgresql';
import { isPubliclyVisible } from '@pasar/domain';
import { AuditLog } from '../admin/audit-log.entity.js';
import { isUuid } from '../catalog/listing.service.js';
import { Listing } from '../catalog/listing.entity.js';
import { Photo } from '../catalog/photo.entity.js';
import type { AuthedContext } from '../core/context.js';
import type { MessageCipher } from '../core/crypto.js';
import { badInput, forbidden, notFound } from '../core/graphql/errors.js';
import type { Live, LiveEvent } from '../core/live.js';
import { Role, User } from '../identity/user.entity.js';
import { Dispute } from '../trade/dispute.entity.js';
import { Conversation, ConversationParticipant, type ConversationKind } from './conversation.entity.js';
import { Message, MessageKind } from './message.entity.js';

let lastInstant = 0;
/** A timestamp strictly after every earlier one of this process (ms), so messages written together keep their order. */
export function nextInstant(): Date {
  lastInstant = Math.max(Date.now(), lastInstant + 1);
  return new Date(lastInstant);
}

/** Longest text message, characters. */
export const MAX_MESSAGE_LENGTH = 4000;

/** A page of messages, newest first. */
export interface MessagePage {
  edges: { cursor: string; node: Message }[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}

/** How a caller may see a conversation: as a participant, or as an admin on a disputed trade (audited). */
type Access = { participant: ConversationParticipant | null };

const cursorOf = (m: Message) => Buffer.from(JSON.stringify([m.createdAt.toISOString(), m.id])).toString('base64url');
function decodeCursor(c: string): [string, string] {
  try {
    const [at, id] = JSON.parse(Buffer.from(c, 'base64url').toString('utf8')) as [string, string];
    if (typeof at !== 'string' || !isUuid(id) || Number.isNaN(Date.parse(at))) throw new Error();
    return [at, id];
  } catch {
    throw badInput('The cursor is invalid.', 'before');
  }
}

/**
 * Conversations and messages for every trade kind (PRODUCT §8): one conversation per trade,
 * encrypted text, images and listing cards, system messages for state changes, unread
 * counts, read receipts and typing. Only participants read a conversation; an admin may
 * once a dispute exists on its trade, and each such read is written to the audit log.
 */
export class ChatService {
  constructor(private readonly cipher: MessageCipher, private readonly live: Live) {}

  /** Creates a conversation with its participants inside a trade's transaction. */
  open(em: EntityManager, kind: ConversationKind, title: string, subjectId: string, participants: { userId: string; role: string }[]): Conversation {
    const conversation = new Conversation(kind, title.slice(0, 120), subjectId);
    em.persist(conversation);
    for (const p of participants) {
      em.persist(new ConversationParticipant(em.getReference(Conversation, conversation.id, { wrapped: true }), em.getReference(User, p.userId, { wrapped: true }), p.role));
    }
    return conversation;
  }

  /**
   * Adds a SYSTEM message (a state change, e.g. OFFER_ACCEPTED) inside a trade's transaction;
   * returns its live event for after commit. `audience` are the participants' user ids.
   */
  system(em: EntityManager, conversationId: string, event: string, audience: string[], at = nextInstant()): LiveEvent {
    const message = new Message(em.getReference(Conversation, conversationId, { wrapped: true }), MessageKind.SYSTEM);
    message.systemEvent = event;
    message.createdAt = at;
    em.persist(message);
    em.getReference(Conversation, conversationId).lastMessageAt = at;
    return { topic: 'MESSAGE', conversationId, messageId: message.id, audience };
  }

  /** Adds a text message from `senderId` inside a trade's transaction (e.g. the note sent with an offer). */
  text(em: EntityManager, conversationId: string, senderId: string, text: string, audience: string[]): LiveEvent {
    const body = text.trim();
    if (!body) throw badInput('The message is empty.', 'message');
    if (body.length > MAX_MESSAGE_LENGTH) throw badInput(`A message has at most ${MAX_MESSAGE_LENGTH} characters.`, 'message');
    const message = new Message(em.getReference(Conversation, conversationId, { wrapped: true }), MessageKind.TEXT);
    message.sender = em.getReference(User, senderId, { wrapped: true });
    message.createdAt = nextInstant();
    Object.assign(message, this.cipher.seal(body, this.aad(message, conversationId)));
    em.persist(message);
    em.getReference(Conversation, conversationId).lastMessageAt = message.createdAt;
    return { topic: 'MESSAGE', conversationId, messageId: message.id, audience };
  }

  /**
   * sendMessage: exactly one of text, photoId (an image the sender uploaded) or listingId
   * (a visible listing, shown as a card). FORBIDDEN for non-participants; BAD_USER_INPUT otherwise.
   */
  async send(ctx: AuthedContext, conversationId: string, input: { text?: string | null; photoId?: string | null; listingId?: string | null }): Promise<Message> {
    const given = [input.text, input.photoId, input.listingId].filter((v) => v != null && v !== '').length;
    if (given !== 1) throw badInput('Send exactly one of text, photoId or listingId.', 'input');
    const { message, events } = await ctx.em.transactional(async (em) => {
      const participants = await this.participantsOf(em, conversationId);
      const me = participants.find((p) => p.user.id === ctx.user.id);
      if (!me) throw forbidden('You are not in this conversation.');
      const audience = participants.map((p) => p.user.id);
      if (input.text != null && input.text !== '') {
        const ev = this.text(em, conversationId, ctx.user.id, input.text, audience);
        me.lastReadAt = new Date();
        await em.flush();
        return { message: em.getReference(Message, (ev as { messageId: string }).messageId), events: [ev] };
      }
      const message = new Message(em.getReference(Conversation, conversationId, { wrapped: true }), input.photoId ? MessageKind.IMAGE : MessageKind.LISTING);
      message.sender = em.getReference(User, ctx.user.id, { wrapped: true });
      message.createdAt = nextInstant();
      if (input.photoId) {
        const photo = isUuid(input.photoId) ? await em.findOne(Photo, input.photoId) : null;
        if (!photo || photo.owner.id !== ctx.user.id) throw badInput('Send a photo you uploaded.', 'photoId');
        message.photo = em.getReference(Photo, photo.id, { wrapped: true });
      } else {
        const listing = isUuid(input.listingId!) ? await em.findOne(Listing, input.listingId!) : null;
        if (!listing || !isPubliclyVisible(listing.status)) throw badInput('That listing cannot be shared.', 'listingId');
        message.listing = em.getReference(Listing, listing.id, { wrapped: true });
      }
      em.persist(message);
      em.getReference(Conversation, conversationId).lastMessageAt = message.createdAt;
      me.lastReadAt = message.createdAt;
      await em.flush();
      return { message, events: [{ topic: 'MESSAGE', conversationId, messageId: message.id, audience } as LiveEvent] };
    });
    this.live.publish(events);
    return ctx.em.findOneOrFail(Message, message.id);
  }

  /** A conversation the caller may read. NOT_FOUND when missing; FORBIDDEN when not theirs. */
  async get(ctx: AuthedContext, id: string): Promise<Conversation> {
    if (!isUuid(id)) throw notFound('Conversation');
    const conversation = await ctx.em.findOne(Conversation, id);
    if (!conversation) throw notFound('Conversation');
    await this.access(ctx, conversation.id);
    return conversation;
  }

  /** The caller's conversations, most recent activity first, each with its unread count. */
  async list(ctx: AuthedContext, first: number): Promise<{ conversation: Conversation; unread: number }[]> {
    if (!Number.isInteger(first) || first < 1 || first > 100) throw badInput('first must be 1–100.', 'first');
    const rows = await ctx.em.getConnection().execute<{ id: string; unread: string }[]>(
      `select c.id, (select count(*) from messages m where m.conversation_id = c.id
           and m.created_at > coalesce(p.last_read_at, '-infinity') and m.sender_id is distinct from p.user_id) as unread
         from conversation_participants p join conversations c on c.id = p.conversation_id
        where p.user_id = ? order by coalesce(c.last_message_at, c.created_at) desc, c.id desc limit ?`,
      [ctx.user.id, first],
    );
    const conversations = await ctx.em.find(Conversation, { id: { $in: rows.map((r) => r.id) } });
    const byId = new Map(conversations.map((c) => [c.id, c]));
    return rows.map((r) => ({ conversation: byId.get(r.id)!, unread: Number(r.unread) }));
  }

  /** Unread messages for `userId` in a conversation (messages from others after their last read). */
  async unreadCount(em: EntityManager, conversationId: string, userId: string): Promise<number> {
    const [row] = await em.getConnection().execute<{ n: string }[]>(
      `select count(*) as n from messages m join conversation_participants p on p.conversation_id = m.conversation_id and p.user_id = ?
        where m.conversation_id = ? and m.created_at > coalesce(p.last_read_at, '-infinity') and m.sender_id is distinct from p.user_id`,
      [userId, conversationId],
    );
    return Number(row?.n ?? 0);
  }

  /** Messages newest first, `first` (1–100) before the cursor `before`. */
  async messages(em: EntityManager, conversationId: string, first: number, before?: string | null): Promise<MessagePage> {
    if (!Number.isInteger(first) || first < 1 || first > 100) throw badInput('first must be 1–100.', 'first');
    const qb = em.createQueryBuilder(Message, 'm').select('*').where({ conversation: conversationId });
    if (before) {
      const [at, id] = decodeCursor(before);
      qb.andWhere('(m.created_at, m.id) < (?::timestamptz, ?)', [at, id]);
    }
    const found = await qb.orderBy([{ createdAt: 'desc' }, { id: 'desc' }]).limit(first + 1).getResultList();
    const page = found.slice(0, first);
    return {
      edges: page.map((node) => ({ node, cursor: cursorOf(node) })),
      pageInfo: { hasNextPage: found.length > first, endCursor: page.length ? cursorOf(page[page.length - 1]) : null },
    };
  }

  /** Marks everything up to now read for the caller; tells the others (read receipt). Returns the time. */
  async markRead(ctx: AuthedContext, conversationId: string): Promise<Date> {
    const { participants, me } = await this.participant(ctx, conversationId);
    const at = new Date();
    me.lastReadAt = at;
    await ctx.em.flush();
    this.live.publish([{ topic: 'CONVERSATION_ACTIVITY', conversationId, userId: ctx.user.id, kind: 'READ', readAt: at.toISOString(), audience: participants.map((p) => p.user.id) }]);
    return at;
  }

  /** Tells the others the caller is typing (not stored). */
  async typing(ctx: AuthedContext, conversationId: string): Promise<boolean> {
    const { participants } = await this.participant(ctx, conversationId);
    this.live.publish([{ topic: 'CONVERSATION_ACTIVITY', conversationId, userId: ctx.user.id, kind: 'TYPING', audience: participants.map((p) => p.user.id) }]);
    return true;
  }

  private readonly plain = new WeakMap<Message, string>();

  /** The plain text of a TEXT message (decrypted once per loaded message; null for other kinds). */
  textOf(message: Message): string | null {
    if (!message.ciphertext || !message.iv || !message.tag || !message.keyId) return null;
    let text = this.plain.get(message);
    if (text === undefined) {
      text = this.cipher.open({ keyId: message.keyId, iv: message.iv, tag: message.tag, ciphertext: message.ciphertext }, this.aad(message, message.conversation.id));
      this.plain.set(message, text);
    }
    return text;
  }

  /** Participants of a conversation with their users. */
  participantsOf(em: EntityManager, conversationId: string): Promise<ConversationParticipant[]> {
    if (!isUuid(conversationId)) throw notFound('Conversation');
    return em.find(ConversationParticipant, { conversation: conversationId }, { populate: ['user'] });
  }

  /** Throws unless the caller may read the conversation; audits an admin's read of a disputed one. */
  async access(ctx: AuthedContext, conversationId: string): Promise<Access> {
    const participants = await this.participantsOf(ctx.em, conversationId);
    const participant = participants.find((p) => p.user.id === ctx.user.id) ?? null;
    if (participant) return { participant };
    if (ctx.user.role === Role.ADMIN && (await ctx.em.count(Dispute, { conversation: conversationId })) > 0) {
      ctx.em.persist(new AuditLog(ctx.em.getReference(User, ctx.user.id, { wrapped: true }), 'CONVERSATION_READ', 'conversation', conversationId));
      await ctx.em.flush();
      return { participant: null };
    }
    throw forbidden('You are not in this conversation.');
  }

  /** True when `userId` may receive this conversation's live events (at subscribe time). */
  async mayWatch(em: EntityManager, user: User, conversationId: string): Promise<boolean> {
    if (!isUuid(conversationId)) return false;
    if ((await em.count(ConversationParticipant, { conversation: conversationId, user: user.id })) > 0) return true;
    return user.role === Role.ADMIN && (await em.count(Dispute, { conversation: conversationId })) > 0;
  }

  private async participant(ctx: AuthedContext, conversationId: string) {
    const participants = await this.participantsOf(ctx.em, conversationId);
    const me = participants.find((p) => p.user.id === ctx.user.id);
    if (!me) throw forbidden('You are not in this conversation.');
    return { participants, me };
  }

  /** Binds a ciphertext to its message and conversation, so it cannot be moved. */
  private aad(message: Message, conversationId: string): string {
    return `${conversationId}/${message.id}`;
  }
}
