import { randomUUID } from 'node:crypto';
import { Entity, Enum, ManyToOne, OptionalProps, PrimaryKey, Property, type Ref } from '@mikro-orm/core';
import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { Conversation } from '../chat/conversation.entity.js';
import { User } from '../identity/user.entity.js';
import type { TradeType } from './shipment.entity.js';

export enum DisputeStatus {
  OPEN = 'OPEN',
  RESOLVED = 'RESOLVED',
}
registerEnumType(DisputeStatus, { name: 'DisputeStatus' });

/**
 * A dispute on a trade, mediated by an admin (PRODUCT §3, §4, §9). At most one is open per
 * trade (a partial unique index). `outcome` says what the admin decided.
 */
@Entity({ tableName: 'disputes' })
@ObjectType({ description: 'A dispute an admin mediates and decides.' })
export class Dispute {
  [OptionalProps]?: 'status' | 'createdAt';

  @PrimaryKey({ type: 'uuid' })
  @Field(() => ID)
  id: string = randomUUID();

  @Property({ type: 'text' })
  tradeType: TradeType;

  @Property({ type: 'uuid' })
  tradeId: string;

  @ManyToOne(() => User, { ref: true })
  openedBy: Ref<User>;

  /** The trade's conversation: admins may read it once a dispute exists (PRODUCT §8). */
  @ManyToOne(() => Conversation, { ref: true, nullable: true })
  conversation?: Ref<Conversation>;

  @Property({ type: 'text' })
  @Field({ description: 'Why it was opened, in the opener\'s words.' })
  reason: string;

  @Enum({ items: () => DisputeStatus, type: 'text' })
  @Field(() => DisputeStatus)
  status: DisputeStatus = DisputeStatus.OPEN;

  /** COMPLETE or CANCEL for barter deals (RELEASE, REFUND, SPLIT for escrow later). */
  @Property({ type: 'text', nullable: true })
  @Field(() => String, { nullable: true, description: 'The decision: COMPLETE or CANCEL for a barter deal.' })
  outcome?: string;

  @Property({ type: 'text', nullable: true })
  @Field(() => String, { nullable: true, description: 'The admin\'s note to both parties.' })
  resolutionNote?: string;

  @ManyToOne(() => User, { ref: true, nullable: true })
  resolvedBy?: Ref<User>;

  @Property({ type: 'timestamptz' })
  @Field()
  createdAt: Date = new Date();

  @Property({ type: 'timestamptz', nullable: true })
  @Field(() => Date, { nullable: true })
  resolvedAt?: Date;

  constructor(tradeType: TradeType, tradeId: string, openedBy: Ref<User>, reason: string, conversation?: Ref<Conversation>) {
    this.conversation = conversation;
    this.tradeType = tradeType;
    this.tradeId = tradeId;
    this.openedBy = openedBy;
    this.reason = reason;
  }
}
