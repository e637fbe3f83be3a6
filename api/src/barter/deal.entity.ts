import { randomUUID } from 'node:crypto';
import { Entity, Enum, ManyToOne, OneToOne, OptionalProps, PrimaryKey, Property, type Ref } from '@mikro-orm/core';
import { DEAL_STATUSES, type DealStatus as DomainDealStatus } from '@pasar/domain';
import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { Conversation } from '../chat/conversation.entity.js';
import { enumOf } from '../core/graphql/enums.js';
import { User } from '../identity/user.entity.js';
import { Offer } from './offer.entity.js';

/** Deal statuses: packages/domain's DEAL_STATUSES. */
export const DealStatus = enumOf(DEAL_STATUSES);
export type DealStatus = DomainDealStatus;
registerEnumType(DealStatus, {
  name: 'DealStatus',
  description: 'AWAITING_SHIPMENT (until both shipped), SHIPPED (until both confirmed receipt), COMPLETED, DISPUTED (an admin decides), CANCELLED.',
});

/**
 * An accepted barter (PRODUCT §3): its listings are RESERVED; each party ships and confirms
 * receipt; the transitions are packages/domain's DEAL_TRANSITIONS. Per-party progress lives
 * in the shared Shipment rows.
 */
@Entity({ tableName: 'deals' })
@ObjectType({ description: 'An accepted barter: two shipments, two receipts (PRODUCT §3).' })
export class Deal {
  [OptionalProps]?: 'status' | 'createdAt' | 'updatedAt' | 'version';

  @PrimaryKey({ type: 'uuid' })
  @Field(() => ID)
  id: string = randomUUID();

  @OneToOne(() => Offer, { ref: true, owner: true, unique: true })
  offer: Ref<Offer>;

  @ManyToOne(() => User, { ref: true })
  buyer: Ref<User>;

  @ManyToOne(() => User, { ref: true })
  seller: Ref<User>;

  @Enum({ items: () => DealStatus, type: 'text' })
  @Field(() => DealStatus)
  status: DealStatus = DealStatus.AWAITING_SHIPMENT;

  @ManyToOne(() => Conversation, { ref: true })
  conversation: Ref<Conversation>;

  @Property({ type: 'timestamptz' })
  @Field({ description: 'Both parties must have shipped by then, or the deal is cancelled.' })
  shipBy: Date;

  @Property({ type: 'timestamptz', nullable: true })
  @Field(() => Date, { nullable: true, description: 'Set when both shipped: receipts are auto-confirmed then.' })
  confirmBy?: Date;

  /** The status before a dispute, for the timeline. */
  @Property({ type: 'text', nullable: true })
  statusBeforeDispute?: string;

  @Property({ type: 'timestamptz', nullable: true })
  @Field(() => Date, { nullable: true })
  completedAt?: Date;

  @Property({ type: 'timestamptz', nullable: true })
  @Field(() => Date, { nullable: true })
  cancelledAt?: Date;

  @Property({ type: 'timestamptz' })
  @Field()
  createdAt: Date = new Date();

  @Property({ type: 'timestamptz', onUpdate: () => new Date() })
  @Field()
  updatedAt: Date = new Date();

  @Property({ version: true })
  version!: number;

  constructor(offer: Ref<Offer>, buyer: Ref<User>, seller: Ref<User>, conversation: Ref<Conversation>, shipBy: Date) {
    this.offer = offer;
    this.buyer = buyer;
    this.seller = seller;
    this.conversation = conversation;
    this.shipBy = shipBy;
  }
}
