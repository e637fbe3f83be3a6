import { randomUUID } from 'node:crypto';
import { BigIntType, Entity, Enum, Index, ManyToOne, OptionalProps, PrimaryKey, Property, Unique, type Ref } from '@mikro-orm/core';
import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { Photo } from '../catalog/photo.entity.js';
import { enumOf } from '../core/graphql/enums.js';
import { MoneyScalar } from '../core/graphql/scalars.js';
import { User } from '../identity/user.entity.js';

export const PaymentProviderName = enumOf(['MANUAL_TRANSFER', 'MIDTRANS', 'STRIPE'] as const);
export type PaymentProviderName = keyof typeof PaymentProviderName;
registerEnumType(PaymentProviderName, { name: 'PaymentProvider', description: 'MANUAL_TRANSFER (default; an admin confirms the proof), MIDTRANS (Snap) or STRIPE (when configured).' });

export const PaymentStatus = enumOf(['PENDING', 'PAID', 'FAILED', 'EXPIRED'] as const);
export type PaymentStatus = keyof typeof PaymentStatus;
registerEnumType(PaymentStatus, { name: 'PaymentStatus' });

/**
 * A payment attempt for a trade (PRODUCT §11). Its id is the order id sent to the provider;
 * webhooks find it by that id and must carry exactly `amount`.
 */
@Entity({ tableName: 'payments' })
@Index({ properties: ['subjectType', 'subjectId'] })
@ObjectType({ description: 'A payment attempt: provider, amount and status.' })
export class Payment {
  [OptionalProps]?: 'status' | 'createdAt';

  @PrimaryKey({ type: 'uuid' })
  @Field(() => ID, { description: 'Also the order id at the provider.' })
  id: string = randomUUID();

  @Property({ type: 'text' })
  subjectType: string;

  @Property({ type: 'uuid' })
  subjectId: string;

  @ManyToOne(() => User, { ref: true })
  payer: Ref<User>;

  @Enum({ items: () => PaymentProviderName, type: 'text' })
  @Field(() => PaymentProviderName)
  provider: PaymentProviderName;

  @Property({ type: new BigIntType('number') })
  @Field(() => MoneyScalar, { description: 'The exact amount to pay, rupiah.' })
  amount: number;

  @Enum({ items: () => PaymentStatus, type: 'text' })
  @Field(() => PaymentStatus)
  status: PaymentStatus = 'PENDING';

  @Property({ type: 'text', nullable: true })
  externalId?: string;

  /** MIDTRANS: where the payer completes the payment. */
  @Property({ type: 'text', nullable: true })
  @Field(() => String, { nullable: true, description: 'MIDTRANS: the Snap page to pay on.' })
  redirectUrl?: string;

  /** STRIPE: the PaymentIntent client secret for Stripe.js. */
  @Property({ type: 'text', nullable: true })
  @Field(() => String, { nullable: true, description: 'STRIPE: the PaymentIntent client secret.' })
  clientSecret?: string;

  /** MANUAL_TRANSFER: the uploaded transfer receipt. */
  @ManyToOne(() => Photo, { ref: true, nullable: true })
  proof?: Ref<Photo>;

  @Property({ type: 'timestamptz' })
  @Field()
  createdAt: Date = new Date();

  @Property({ type: 'timestamptz', nullable: true })
  @Field(() => Date, { nullable: true })
  paidAt?: Date;

  constructor(subjectType: string, subjectId: string, payer: Ref<User>, provider: PaymentProviderName, amount: number) {
    this.subjectType = subjectType;
    this.subjectId = subjectId;
    this.payer = payer;
    this.provider = provider;
    this.amount = amount;
  }
}

/** A provider notification seen before: (provider, eventId) is unique, so a replay changes nothing. */
@Entity({ tableName: 'payment_events' })
@Unique({ properties: ['provider', 'eventId'] })
export class PaymentEvent {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: 'text' })
  provider: string;

  @Property({ type: 'text' })
  eventId: string;

  @Property({ type: 'uuid', nullable: true })
  paymentId?: string;

  /** What we did with it: APPLIED, UNMATCHED (paid, but its subject could no longer take it: owed back), IGNORED, AMOUNT_MISMATCH, UNKNOWN_ORDER. */
  @Property({ type: 'text' })
  outcome: string;

  @Property({ type: 'jsonb' })
  payload: unknown;

  @Property({ type: 'timestamptz' })
  createdAt: Date = new Date();

  constructor(provider: string, eventId: string, outcome: string, payload: unknown, paymentId?: string) {
    this.provider = provider;
    this.eventId = eventId;
    this.outcome = outcome;
    this.payload = payload;
    this.paymentId = paymentId;
  }
}
