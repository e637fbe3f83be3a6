import { randomUUID } from 'node:crypto';
import { Entity, ManyToOne, OptionalProps, PrimaryKey, Property, Unique, type Ref } from '@mikro-orm/core';
import { Field, ID, ObjectType } from 'type-graphql';
import { User } from '../identity/user.entity.js';

/** Which trade a shipment or dispute belongs to. One model for every trade kind (ARCHITECTURE). */
export type TradeType = 'BARTER_DEAL' | 'ESCROW_ROOM' | 'ORDER';

/**
 * A parcel one party sent the other: courier and tracking number (resi), and when the
 * recipient confirmed receiving it (PRODUCT §3, §4, §6).
 */
@Entity({ tableName: 'shipments' })
@Unique({ properties: ['tradeType', 'tradeId', 'sender'] })
@ObjectType({ description: 'A parcel sent by one party, with courier and tracking number (resi).' })
export class Shipment {
  [OptionalProps]?: 'shippedAt';

  @PrimaryKey({ type: 'uuid' })
  @Field(() => ID)
  id: string = randomUUID();

  @Property({ type: 'text' })
  tradeType: TradeType;

  @Property({ type: 'uuid' })
  tradeId: string;

  @ManyToOne(() => User, { ref: true })
  sender: Ref<User>;

  @ManyToOne(() => User, { ref: true })
  recipient: Ref<User>;

  @Property({ type: 'text' })
  @Field({ description: 'Courier code: JNE, JNT, SICEPAT, ANTERAJA, POS, NINJA, IDEXPRESS, LION or OTHER.' })
  courier: string;

  @Property({ type: 'text' })
  @Field({ description: 'Tracking number (resi), upper-case letters and digits.' })
  trackingNumber: string;

  @Property({ type: 'timestamptz' })
  @Field()
  shippedAt: Date = new Date();

  @Property({ type: 'timestamptz', nullable: true })
  @Field(() => Date, { nullable: true, description: 'When the recipient confirmed receipt (or it was auto-confirmed).' })
  receivedAt?: Date;

  constructor(init: { tradeType: TradeType; tradeId: string; sender: Ref<User>; recipient: Ref<User>; courier: string; trackingNumber: string }) {
    this.tradeType = init.tradeType;
    this.tradeId = init.tradeId;
    this.sender = init.sender;
    this.recipient = init.recipient;
    this.courier = init.courier;
    this.trackingNumber = init.trackingNumber;
  }
}
