import { randomUUID } from 'node:crypto';
import { Entity, Index, ManyToOne, OptionalProps, PrimaryKey, Property, type Ref } from '@mikro-orm/core';
import { Field, ID, ObjectType } from 'type-graphql';
import { User } from '../identity/user.entity.js';

/** An in-app notification, stored and delivered live (PRODUCT §8). */
@Entity({ tableName: 'notifications' })
@Index({ properties: ['user', 'createdAt'] })
@ObjectType({ description: 'An in-app notification.' })
export class Notification {
  [OptionalProps]?: 'createdAt';

  @PrimaryKey({ type: 'uuid' })
  @Field(() => ID)
  id: string = randomUUID();

  @ManyToOne(() => User, { ref: true, deleteRule: 'cascade' })
  user: Ref<User>;

  /** What happened (an event code); clients word it. */
  @Property({ type: 'text' })
  @Field({ description: 'Event code: OFFER_RECEIVED, OFFER_COUNTERED, OFFER_ACCEPTED, OFFER_REJECTED, OFFER_WITHDRAWN, OFFER_EXPIRED, OFFER_CANCELLED, SHIPMENT_SUBMITTED, RECEIPT_CONFIRMED, DEAL_COMPLETED, DEAL_CANCELLED, DISPUTE_OPENED, DISPUTE_RESOLVED.' })
  kind: string;

  /** Indonesian text for channels that cannot word it themselves (WhatsApp, email). */
  @Property({ type: 'text' })
  @Field({ description: 'Indonesian summary.' })
  text: string;

  /** App path to open, e.g. /deals/<id>. */
  @Property({ type: 'text', nullable: true })
  @Field(() => String, { nullable: true, description: 'Web app path to open, e.g. "/deals/…".' })
  link?: string;

  @Property({ type: 'timestamptz', nullable: true })
  @Field(() => Date, { nullable: true })
  readAt?: Date;

  @Property({ type: 'timestamptz' })
  @Field()
  createdAt: Date = new Date();

  constructor(user: Ref<User>, kind: string, text: string, link?: string) {
    this.user = user;
    this.kind = kind;
    this.text = text;
    this.link = link;
  }
}
