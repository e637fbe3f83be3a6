import { randomUUID } from 'node:crypto';
import { BigIntType, Entity, Enum, Index, ManyToOne, OptionalProps, PrimaryKey, Property, type Ref } from '@mikro-orm/core';
import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Conversation } from '../chat/conversation.entity.js';
import { enumOf } from '../core/graphql/enums.js';
import { MoneyScalar } from '../core/graphql/scalars.js';
import { User } from '../identity/user.entity.js';

/** Escrow room statuses (PRODUCT §4): packages/domain's escrow table. */
export const EscrowStatus = enumOf(['AWAITING_PAYMENT', 'FUNDED', 'SHIPPED', 'COMPLETED', 'RELEASED', 'CANCELLED', 'DISPUTED', 'REFUNDED', 'SPLIT'] as const);
export type EscrowStatus = keyof typeof EscrowStatus;
registerEnumType(EscrowStatus, {
  name: 'EscrowStatus',
  description: 'AWAITING_PAYMENT → FUNDED → SHIPPED → COMPLETED → RELEASED; CANCELLED before funding; DISPUTED after funding → RELEASED, REFUNDED or SPLIT.',
});

/** Which side of the room a member is on. */
export const EscrowRole = enumOf(['BUYER', 'SELLER'] as const);
export type EscrowRole = keyof typeof EscrowRole;
registerEnumType(EscrowRole, { name: 'EscrowRole', description: 'BUYER pays amount + fee; SELLER ships and is paid the amount.' });

/**
 * A rekber room (PRODUCT §4, seed 001): the buyer pays amount + fee to the platform, the
 * seller ships, the buyer confirms (or the inspection period passes), the platform releases
 * the amount to the seller and books the fee. The fee schedule version it was quoted with is
 * kept. Every rupiah moves through the double-entry ledger.
 */
@Entity({ tableName: 'escrow_rooms' })
@Index({ properties: ['status', 'updatedAt'] })
@ObjectType({ description: 'An escrow room (rekber) between a buyer and a seller.' })
export class EscrowRoom {
  [OptionalProps]?: 'status' | 'createdAt' | 'updatedAt' | 'version';

  @PrimaryKey({ type: 'uuid' })
  @Field(() => ID)
  id: string = randomUUID();

  /** Invite code for the counterparty's link (/rekber/join/<code>). */
  @Property({ type: 'text', unique: true })
  inviteCode: string;

  @Property({ type: 'text' })
  @Field()
  title: string;

  @Property({ type: 'text' })
  @Field()
  description: string;

  @Property({ type: new BigIntType('number') })
  @Field(() => MoneyScalar, { description: 'The price of the goods, rupiah.' })
  amount: number;

  @Property({ type: new BigIntType('number') })
  @Field(() => MoneyScalar, { description: 'The platform fee, rupiah (paid by the buyer).' })
  fee: number;

  @Property({ type: new BigIntType('number') })
  @Field(() => MoneyScalar, { description: 'amount + fee: what the buyer pays.' })
  total: number;

  @Property({ type: 'integer' })
  @Field(() => Int, { description: 'The fee schedule version the room was quoted with.' })
  feeScheduleVersion: number;

  @ManyToOne(() => User, { ref: true })
  createdBy: Ref<User>;

  @ManyToOne(() => User, { ref: true, nullable: true })
  buyer?: Ref<User>;

  @ManyToOne(() => User, { ref: true, nullable: true })
  seller?: Ref<User>;

  @Enum({ items: () => EscrowStatus, type: 'text' })
  @Field(() => EscrowStatus)
  status: EscrowStatus = 'AWAITING_PAYMENT';

  @ManyToOne(() => Conversation, { ref: true })
  conversation: Ref<Conversation>;

  @Property({ type: 'timestamptz', nullable: true })
  @Field(() => Date, { nullable: true, description: 'SHIPPED: the room completes by itself then unless a dispute is open.' })
  inspectionEndsAt?: Date;

  @Property({ type: 'timestamptz', nullable: true }) @Field(() => Date, { nullable: true }) fundedAt?: Date;
  @Property({ type: 'timestamptz', nullable: true }) @Field(() => Date, { nullable: true }) shippedAt?: Date;
  @Property({ type: 'timestamptz', nullable: true }) @Field(() => Date, { nullable: true }) releasedAt?: Date;
  @Property({ type: 'timestamptz', nullable: true }) @Field(() => Date, { nullable: true }) closedAt?: Date;

  @Property({ type: 'timestamptz' })
  @Field()
  createdAt: Date = new Date();

  @Property({ type: 'timestamptz', onUpdate: () => new Date() })
  @Field()
  updatedAt: Date = new Date();

  @Property({ version: true })
  version!: number;

  constructor(init: { inviteCode: string; title: string; description: string; amount: number; fee: number; feeScheduleVersion: number; createdBy: Ref<User>; conversation: Ref<Conversation> }) {
    this.inviteCode = init.inviteCode;
    this.title = init.title;
    this.description = init.description;
    this.amount = init.amount;
    this.fee = init.fee;
    this.total = init.amount + init.fee;
    this.feeScheduleVersion = init.feeScheduleVersion;
    this.createdBy = init.createdBy;
    this.conversation = init.conversation;
  }
}
