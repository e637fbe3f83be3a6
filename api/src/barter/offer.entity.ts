import { randomUUID } from 'node:crypto';
import { Collection, Entity, Enum, Index, ManyToOne, OneToMany, OptionalProps, PrimaryKey, Property, type Ref } from '@mikro-orm/core';
import { OFFER_STATUSES, TRADE_PARTIES, type OfferStatus as DomainOfferStatus, type TradeParty as DomainTradeParty } from '@pasar/domain';
import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Listing } from '../catalog/listing.entity.js';
import { Conversation } from '../chat/conversation.entity.js';
import { enumOf } from '../core/graphql/enums.js';
import { User } from '../identity/user.entity.js';

/** Offer statuses: packages/domain's OFFER_STATUSES. */
export const OfferStatus = enumOf(OFFER_STATUSES);
export type OfferStatus = DomainOfferStatus;
registerEnumType(OfferStatus, {
  name: 'OfferStatus',
  description: 'PENDING (awaiting an answer), ACCEPTED (a deal exists), REJECTED, WITHDRAWN, EXPIRED (48 h without an answer), CANCELLED (an item went to another deal).',
});

/** The two sides of a trade: packages/domain's TRADE_PARTIES. */
export const TradeParty = enumOf(TRADE_PARTIES);
export type TradeParty = DomainTradeParty;
registerEnumType(TradeParty, { name: 'TradeParty', description: 'BUYER: who made the first offer. SELLER: whose listing was wanted.' });

export enum OfferSide {
  WANTED = 'WANTED',
  OFFERED = 'OFFERED',
}
registerEnumType(OfferSide, { name: 'OfferSide', description: 'WANTED: the seller\'s items. OFFERED: the buyer\'s items.' });

/**
 * A barter negotiation (PRODUCT §3): the buyer's items OFFERED for the seller's items
 * WANTED, countered back and forth for at most 5 rounds, each answer due within 48 hours.
 * Items of every round are kept with their points snapshot.
 */
@Entity({ tableName: 'offers' })
@Index({ properties: ['buyer', 'status'] })
@Index({ properties: ['seller', 'status'] })
@ObjectType({ description: 'A barter offer and its counter-offers (PRODUCT §3).' })
export class Offer {
  [OptionalProps]?: 'status' | 'round' | 'awaiting' | 'createdAt' | 'updatedAt' | 'version';

  @PrimaryKey({ type: 'uuid' })
  @Field(() => ID)
  id: string = randomUUID();

  @ManyToOne(() => User, { ref: true })
  buyer: Ref<User>;

  @ManyToOne(() => User, { ref: true })
  seller: Ref<User>;

  @Enum({ items: () => OfferStatus, type: 'text' })
  @Field(() => OfferStatus)
  status: OfferStatus = OfferStatus.PENDING;

  @Property({ type: 'smallint' })
  @Field(() => Int, { description: 'Negotiation round, 1–5.' })
  round: number = 1;

  @Enum({ items: () => TradeParty, type: 'text' })
  @Field(() => TradeParty, { description: 'Whose answer is awaited.' })
  awaiting: TradeParty = TradeParty.SELLER;

  @Property({ type: 'timestamptz' })
  @Field({ description: 'When the awaited answer is due; the offer expires then.' })
  expiresAt: Date;

  @ManyToOne(() => Conversation, { ref: true })
  conversation: Ref<Conversation>;

  @OneToMany(() => OfferItem, (i) => i.offer)
  items = new Collection<OfferItem>(this);

  @Property({ type: 'timestamptz' })
  @Field()
  createdAt: Date = new Date();

  @Property({ type: 'timestamptz', onUpdate: () => new Date() })
  @Field()
  updatedAt: Date = new Date();

  @Property({ version: true })
  version!: number;

  constructor(buyer: Ref<User>, seller: Ref<User>, conversation: Ref<Conversation>, expiresAt: Date) {
    this.buyer = buyer;
    this.seller = seller;
    this.conversation = conversation;
    this.expiresAt = expiresAt;
  }
}

/** One listing in one round of an offer, with its points when proposed. */
@Entity({ tableName: 'offer_items' })
@Index({ properties: ['listing'] })
export class OfferItem {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne(() => Offer, { ref: true, deleteRule: 'cascade' })
  offer: Ref<Offer>;

  @Property({ type: 'smallint' })
  round: number;

  @Enum({ items: () => OfferSide, type: 'text' })
  side: OfferSide;

  @ManyToOne(() => Listing, { ref: true })
  listing: Ref<Listing>;

  /** The listing's points when this round was proposed (the snapshot). */
  @Property({ type: 'integer' })
  points: number;

  constructor(offer: Ref<Offer>, round: number, side: OfferSide, listing: Ref<Listing>, points: number) {
    this.offer = offer;
    this.round = round;
    this.side = side;
    this.listing = listing;
    this.points = points;
  }
}
