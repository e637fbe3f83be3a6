import { Arg, Authorized, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root, Subscription } from 'type-graphql';
import { Listing } from '../catalog/listing.entity.js';
import { Photo } from '../catalog/photo.entity.js';
import { batched, type AuthedContext, type Context } from '../core/context.js';
import type { ConversationActivity as ActivityPayload, Topics } from '../core/pubsub.js';
import { User } from '../identity/user.entity.js';
import { ActivityKind, ConversationActivity, ConversationParticipantView, MessageConnection, SendMessageInput } from './chat.types.js';
import { Conversation, ConversationParticipant } from './conversation.entity.js';
import { Message } from './message.entity.js';
import { sharedLoad, subscribeChecked } from '../core/graphql/subscriptions.js';

type MessagePayload = Topics['MESSAGE'][1];

/** Conversations and messages (PRODUCT §8). Thin: each root field is one ChatService call. */
@Resolver(() => Conversation)
export class ConversationResolver {
  @Authorized()
  @Query(() => Conversation, { description: 'A conversation of yours (admins: of a disputed trade, audited). NOT_FOUND, FORBIDDEN.' })
  conversation(@Arg('id', () => ID) id: string, @Ctx() ctx: AuthedContext): Promise<Conversation> {
    return ctx.services.chat.get(ctx, id);
  }

  @Authorized()
  @Query(() => [Conversation], { description: 'Your conversations, latest activity first (first: 1–100).' })
  async conversations(@Ctx() ctx: AuthedContext, @Arg('first', () => Int, { defaultValue: 30 }) first: number): Promise<Conversation[]> {
    const rows = await ctx.services.chat.list(ctx, first);
    for (const r of rows) ctx.cache.set(`unread:${r.conversation.id}`, Promise.resolve(r.unread));
    return rows.map((r) => r.conversation);
  }

  @Authorized()
  @Mutation(() => Message, { description: 'Sends a message. FORBIDDEN when not a participant; BAD_USER_INPUT (extensions.field).' })
  sendMessage(
    @Arg('conversationId', () => ID) conversationId: string,
    @Arg('input', () => SendMessageInput) input: SendMessageInput,
    @Ctx() ctx: AuthedContext,
  ): Promise<Message> {
    return ctx.services.chat.send(ctx, conversationId, input);
  }

  @Authorized()
  @Mutation(() => Date, { description: 'Marks the conversation read up to now (others see the read receipt). Returns that instant.' })
  markConversationRead(@Arg('conversationId', () => ID) conversationId: string, @Ctx() ctx: AuthedContext): Promise<Date> {
    return ctx.services.chat.markRead(ctx, conversationId);
  }

  @Authorized()
  @Mutation(() => Boolean, { description: 'Tells the others you are typing (send every few seconds while typing).' })
  sendTyping(@Arg('conversationId', () => ID) conversationId: string, @Ctx() ctx: AuthedContext): Promise<boolean> {
    return ctx.services.chat.typing(ctx, conversationId);
  }

  @FieldResolver(() => MessageConnection, { description: 'Messages newest first; `first` 1–100, older ones with `before`.' })
  messages(
    @Root() conversation: Conversation,
    @Ctx() ctx: Context,
    @Arg('first', () => Int, { defaultValue: 30 }) first: number,
    @Arg('before', () => String, { nullable: true }) before?: string | null,
  ): Promise<MessageConnection> {
    return ctx.services.chat.messages(ctx.em, conversation.id, first, before);
  }

  @FieldResolver(() => [ConversationParticipantView])
  async participants(@Root() conversation: Conversation, @Ctx() ctx: Context): Promise<ConversationParticipantView[]> {
    const rows: ConversationParticipant[] = await ctx.services.chat.participantsOf(ctx.em, conversation.id);
    return rows.map((p) => ({ user: p.user.getEntity(), role: p.role, lastReadAt: p.lastReadAt ?? null }));
  }

  @FieldResolver(() => Int, { description: 'Messages from others you have not read.' })
  unreadCount(@Root() conversation: Conversation, @Ctx() ctx: Context): Promise<number> {
    if (!ctx.user) return Promise.resolve(0);
    const hit = ctx.cache.get(`unread:${conversation.id}`) as Promise<number> | undefined;
    return hit ?? ctx.services.chat.unreadCount(ctx.em, conversation.id, ctx.user.id);
  }

  @FieldResolver(() => Message, { nullable: true })
  async lastMessage(@Root() conversation: Conversation, @Ctx() ctx: Context): Promise<Message | null> {
    return batched<Message | null>(ctx, 'lastMessage', conversation.id, async (ids) => {
      const rows = await ctx.em.getConnection().execute<{ id: string }[]>(
        `select distinct on (conversation_id) id from messages where conversation_id in (?) order by conversation_id, created_at desc, id desc`, [[...ids]]);
      const messages = await ctx.em.find(Message, { id: { $in: rows.map((r) => r.id) } });
      return new Map(messages.map((m) => [m.conversation.id, m]));
    }, null);
  }

  @Authorized()
  @Subscription(() => Message, {
    description: 'New messages of a conversation you are in. FORBIDDEN at subscribe time otherwise; every event is re-checked.',
    subscribe: subscribeChecked('MESSAGE', (args) => args.conversationId as string, (ctx, args) => ctx.services.chat.mayWatch(ctx.em, ctx.user, args.conversationId as string)),
  })
  async messageAdded(@Root() payload: MessagePayload, @Arg('conversationId', () => ID) _conversationId: string, @Ctx() ctx: Context): Promise<Message> {
    return sharedLoad(`message:${payload.messageId}`, () => ctx.em.fork().findOneOrFail(Message, payload.messageId, { populate: ['sender'] }));
  }

  @Authorized()
  @Subscription(() => ConversationActivity, {
    description: 'Typing indicators and read receipts of a conversation you are in.',
    subscribe: subscribeChecked('CONVERSATION_ACTIVITY', (args) => args.conversationId as string, (ctx, args) => ctx.services.chat.mayWatch(ctx.em, ctx.user, args.conversationId as string)),
  })
  async conversationActivity(@Root() payload: ActivityPayload, @Arg('conversationId', () => ID) _c: string, @Ctx() ctx: Context): Promise<ConversationActivity> {
    const user = await sharedLoad(`user:${payload.userId}`, () => ctx.em.fork().findOneOrFail(User, payload.userId), 2000);
    return { conversationId: payload.conversationId, user, kind: payload.kind as ActivityKind, readAt: payload.readAt ? new Date(payload.readAt) : null };
  }
}

/** Message fields: decrypted text, sender, image, listing card. */
@Resolver(() => Message)
export class MessageResolver {
  @FieldResolver(() => String, { nullable: true, description: 'TEXT: the text (stored encrypted).' })
  text(@Root() message: Message, @Ctx() ctx: Context): string | null {
    return ctx.services.chat.textOf(message);
  }

  @FieldResolver(() => User, { nullable: true, description: 'Null for SYSTEM messages.' })
  async sender(@Root() message: Message): Promise<User | null> {
    return message.sender ? ((await message.sender.load()) ?? null) : null;
  }

  @FieldResolver(() => Photo, { nullable: true })
  async photo(@Root() message: Message): Promise<Photo | null> {
    return message.photo ? ((await message.photo.load()) ?? null) : null;
  }

  @FieldResolver(() => Listing, { nullable: true, description: 'LISTING: the listing shown as a card.' })
  async listing(@Root() message: Message): Promise<Listing | null> {
    return message.listing ? ((await message.listing.load()) ?? null) : null;
  }

  @FieldResolver(() => ID)
  conversationId(@Root() message: Message): string {
    return message.conversation.id;
  }
}

