import { randomUUID } from 'node:crypto';
import { Collection, Entity, Enum, ManyToOne, OneToMany, OptionalProps, PrimaryKey, PrimaryKeyProp, Property, type Ref } from '@mikro-orm/core';
import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { User } from '../identity/user.entity.js';

/** What a conversation is about: one per barter offer/deal, escrow room, booking, order or support thread (PRODUCT §8). */
export enum ConversationKind {
  BARTER = 'BARTER',
  ESCROW = 'ESCROW',
  BOOKING = 'BOOKING',
  ORDER = 'ORDER',
  SUPPORT = 'SUPPORT',
}
registerEnumType(ConversationKind, { name: 'ConversationKind', description: 'BARTER (an offer and its deal), ESCROW, BOOKING, ORDER or SUPPORT.' });

/** A chat between the parties of one trade; only participants read it (PRODUCT §8). */
@Entity({ tableName: 'conversations' })
@ObjectType({ description: 'A chat between the parties of one trade. Only its participants read it.' })
export class Conversation {
  [OptionalProps]?: 'createdAt' | 'lastMessageAt';

  @PrimaryKey({ type: 'uuid' })
  @Field(() => ID)
  id: string = randomUUID();

  @Enum({ items: () => ConversationKind, type: 'text' })
  @Field(() => ConversationKind)
  kind: ConversationKind;

  /** The trade it belongs to (e.g. the barter offer id); null for support threads. */
  @Property({ type: 'uuid', nullable: true })
  subjectId?: string;

  @Property({ type: 'text' })
  @Field({ description: 'A short title, e.g. the listing traded.' })
  title: string;

  @Property({ type: 'timestamptz' })
  @Field()
  createdAt: Date = new Date();

  @Property({ type: 'timestamptz', nullable: true })
  @Field(() => Date, { nullable: true, description: 'When the last message was sent.' })
  lastMessageAt?: Date;

  @OneToMany(() => ConversationParticipant, (p) => p.conversation)
  participants = new Collection<ConversationParticipant>(this);

  constructor(kind: ConversationKind, title: string, subjectId?: string) {
    this.kind = kind;
    this.title = title;
    this.subjectId = subjectId;
  }
}

/** A user in a conversation, with how far they have read. */
@Entity({ tableName: 'conversation_participants' })
export class ConversationParticipant {
  [PrimaryKeyProp]?: ['conversation', 'user'];
  [OptionalProps]?: 'joinedAt';

  @ManyToOne(() => Conversation, { primary: true, ref: true, deleteRule: 'cascade' })
  conversation: Ref<Conversation>;

  @ManyToOne(() => User, { primary: true, ref: true })
  user: Ref<User>;

  /** BUYER, SELLER, STAFF or ADMIN (an admin joins a disputed trade). */
  @Property({ type: 'text' })
  role: string;

  /** Everything up to this instant has been read (null: nothing yet). */
  @Property({ type: 'timestamptz', nullable: true })
  lastReadAt?: Date;

  @Property({ type: 'timestamptz' })
  joinedAt: Date = new Date();

  constructor(conversation: Ref<Conversation>, user: Ref<User>, role: string) {
    this.conversation = conversation;
    this.user = user;
    this.role = role;
  }
}
