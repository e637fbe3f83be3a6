import { randomUUID } from 'node:crypto';
import { BigIntType, Collection, Entity, Enum, Index, ManyToOne, OneToMany, OptionalProps, PrimaryKey, Property, type Ref } from '@mikro-orm/core';
import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { City } from '../catalog/city.entity.js';
import { Listing } from '../catalog/listing.entity.js';
import { enumOf } from '../core/graphql/enums.js';
import { MoneyScalar } from '../core/graphql/scalars.js';
import { User } from '../identity/user.entity.js';
import { ShippingService } from './shipping-service.entity.js';
import { Store } from './store.entity.js';

/** Order statuses (PRODUCT §6): packages/domain's ORDER_TRANSITIONS. */
export const OrderStatus = enumOf(['PENDING_PAYMENT', 'PAID', 'PROCESSING', 'SHIPPED', 'DELIVERED', 'COMPLETED', 'CANCELLED', 'REFUNDED'] as const);
export type OrderStatus = keyof typeof OrderStatus;
registerEnumType(OrderStatus, {
  name: 'OrderStatus',
  description: 'PENDING_PAYMENT (expires after 30 minutes) → PAID → PROCESSING → SHIPPED → DELIVERED → COMPLETED; CANCELLED; REFUNDED.',
});

/** Where an order goes (a snapshot at checkout). */
export interface ShipTo {
  recipient: string;
  phone: string;
  address: string;
  cityCode: string;
  postalCode?: string | null;
}

/**
 * A store order (PRODUCT §6): lines with prices snapshotted at checkout, stock reserved
 * atomically, the shipping cost quoted in packages/domain, a 30-minute payment window.
 */
@Entity({ tableName: 'orders' })
@Index({ properties: ['store', 'status', 'createdAt'] })
@Index({ properties: ['buyer', 'createdAt'] })
@ObjectType({ description: 'A store order.' })
export class Order {
  [OptionalProps]?: 'status' | 'createdAt' | 'updatedAt' | 'version';

  @PrimaryKey({ type: 'uuid' })
  @Field(() => ID)
  id: string = randomUUID();

  @Property({ type: 'text', unique: true })
  @Field({ description: 'Human order number, e.g. "PSR-20261121-7F3K2Q".' })
  number: string;

  @ManyToOne(() => User, { ref: true })
  buyer: Ref<User>;

  @ManyToOne(() => Store, { ref: true })
  store: Ref<Store>;

  @Enum({ items: () => OrderStatus, type: 'text' })
  @Field(() => OrderStatus)
  status: OrderStatus = 'PENDING_PAYMENT';

  @OneToMany(() => OrderItem, (i) => i.order)
  items = new Collection<OrderItem>(this);

  @Property({ type: new BigIntType('number') }) @Field(() => MoneyScalar) subtotal: number;
  @Property({ type: new BigIntType('number') }) @Field(() => MoneyScalar) shippingCost: number;
  @Property({ type: new BigIntType('number') }) @Field(() => MoneyScalar) total: number;

  @ManyToOne(() => ShippingService, { ref: true })
  shippingService: Ref<ShippingService>;

  @Property({ type: 'integer' }) @Field(() => Int) chargeableKg: number;
  @Property({ type: 'integer' }) @Field(() => Int) distanceKm: number;

  @Property({ type: 'jsonb' })
  shipTo: ShipTo;

  @ManyToOne(() => City, { ref: true, fieldName: 'destination_city_code' })
  destination: Ref<City>;

  @Property({ type: 'text', nullable: true })
  @Field(() => String, { nullable: true, description: 'Tracking number (resi), once shipped.' })
  trackingNumber?: string;

  @Property({ type: 'timestamptz' })
  @Field({ description: 'A PENDING_PAYMENT order is cancelled then and its stock returned.' })
  expiresAt: Date;

  @Property({ type: 'timestamptz', nullable: true }) @Field(() => Date, { nullable: true }) paidAt?: Date;
  @Property({ type: 'timestamptz', nullable: true }) @Field(() => Date, { nullable: true }) shippedAt?: Date;
  @Property({ type: 'timestamptz', nullable: true }) @Field(() => Date, { nullable: true }) deliveredAt?: Date;

  @Property({ type: 'timestamptz', nullable: true })
  @Field(() => Date, { nullable: true, description: 'DELIVERED: unless the buyer confirms or staff refund it first, a job completes the order then (ORDER_CONFIRM_SECONDS after delivery, 72 h).' })
  confirmBy?: Date;

  @Property({ type: 'timestamptz' })
  @Field()
  createdAt: Date = new Date();

  @Property({ type: 'timestamptz', onUpdate: () => new Date() })
  @Field()
  updatedAt: Date = new Date();

  @Property({ version: true })
  version!: number;

  constructor(init: {
    number: string; buyer: Ref<User>; store: Ref<Store>; subtotal: number; shippingCost: number; shippingService: Ref<ShippingService>;
    chargeableKg: number; distanceKm: number; shipTo: ShipTo; destination: Ref<City>; expiresAt: Date;
  }) {
    this.number = init.number;
    this.buyer = init.buyer;
    this.store = init.store;
    this.subtotal = init.subtotal;
    this.shippingCost = init.shippingCost;
    this.total = init.subtotal + init.shippingCost;
    this.shippingService = init.shippingService;
    this.chargeableKg = init.chargeableKg;
    this.distanceKm = init.distanceKm;
    this.shipTo = init.shipTo;
    this.destination = init.destination;
    this.expiresAt = init.expiresAt;
  }
}

/** One line of an order: the listing and its title and unit price when ordered. */
@Entity({ tableName: 'order_items' })
@ObjectType({ description: 'An order line, with the title and price at checkout.' })
export class OrderItem {
  @PrimaryKey({ type: 'uuid' })
  @Field(() => ID)
  id: string = randomUUID();

  @ManyToOne(() => Order, { ref: true, deleteRule: 'cascade' })
  order: Ref<Order>;

  @ManyToOne(() => Listing, { ref: true })
  listing: Ref<Listing>;

  @Property({ type: 'text' }) @Field() title: string;
  @Property({ type: new BigIntType('number') }) @Field(() => MoneyScalar) unitPrice: number;
  @Property({ type: 'integer' }) @Field(() => Int) quantity: number;

  constructor(order: Ref<Order>, listing: Ref<Listing>, title: string, unitPrice: number, quantity: number) {
    this.order = order;
    this.listing = listing;
    this.title = title;
    this.unitPrice = unitPrice;
    this.quantity = quantity;
  }
}

