import { randomUUID } from 'node:crypto';
import { Entity, Enum, Index, ManyToOne, OptionalProps, PrimaryKey, Property, type Ref } from '@mikro-orm/core';
import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { Listing } from '../catalog/listing.entity.js';
import { Photo } from '../catalog/photo.entity.js';
import { User } from '../identity/user.entity.js';
import { Conversation } from './conversation.entity.js';

/** TEXT, IMAGE (a photo), LISTING (a listing card) or SYSTEM (a state change) (PRODUCT §8). */
export enum MessageKind {
  TEXT = 'TEXT',
  IMAGE = 'IMAGE',
  LISTING = 'LISTING',
  SYSTEM = 'SYSTEM',
}
registerEnumType(MessageKind, { name: 'MessageKind', description: 'TEXT, IMAGE, LISTING (a listing card) or SYSTEM (a trade state change).' });

/**
 * One message. The text is stored encrypted (AES-256-GCM, key id per message) and kept as
 * evidence; SYSTEM messages carry an event code instead of text, for the client to word.
 */
@Entity({ tableName: 'messages' })
@Index({ properties: ['conversation', 'createdAt', 'id'] })
@ObjectType({ description: 'A chat message. Messages are stored encrypted and kept as evidence.' })
export class Message {
  [OptionalProps]?: 'createdAt';

  @PrimaryKey({ type: 'uuid' })
  @Field(() => ID)
  id: string = randomUUID();

  @ManyToOne(() => Conversation, { ref: true, deleteRule: 'cascade' })
  conversation: Ref<Conversation>;

  /** Null for SYSTEM messages. */
  @ManyToOne(() => User, { ref: true, nullable: true })
  sender?: Ref<User>;

  @Enum({ items: () => MessageKind, type: 'text' })
  @Field(() => MessageKind)
  kind: MessageKind;

  @Property({ type: 'text', nullable: true })
  keyId?: string;

  @Property({ type: 'bytea', nullable: true, lazy: false })
  iv?: Buffer;

  @Property({ type: 'bytea', nullable: true })
  tag?: Buffer;

  @Property({ type: 'bytea', nullable: true })
  ciphertext?: Buffer;

  @ManyToOne(() => Photo, { ref: true, nullable: true })
  photo?: Ref<Photo>;

  @ManyToOne(() => Listing, { ref: true, nullable: true })
  listing?: Ref<Listing>;

  /** SYSTEM: what happened, e.g. OFFER_MADE, OFFER_COUNTERED, DEAL_SHIPPED. */
  @Property({ type: 'text', nullable: true })
  @Field(() => String, { nullable: true, description: 'SYSTEM: the event code, e.g. OFFER_ACCEPTED, SHIPMENT_SUBMITTED.' })
  systemEvent?: string;

  @Property({ type: 'timestamptz' })
  @Field()
  createdAt: Date = new Date();

  constructor(conversation: Ref<Conversation>, kind: MessageKind) {
    this.conversation = conversation;
    this.kind = kind;
  }
}
