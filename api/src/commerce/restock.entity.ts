import { randomUUID } from 'node:crypto';
import { Collection, Entity, Enum, ManyToOne, OneToMany, OptionalProps, PrimaryKey, Property, type Ref } from '@mikro-orm/core';
import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Listing } from '../catalog/listing.entity.js';
import { enumOf } from '../core/graphql/enums.js';
import { User } from '../identity/user.entity.js';
import { Store } from './store.entity.js';

/** A store's supplier (PRODUCT §6). */
@Entity({ tableName: 'suppliers' })
@ObjectType({ description: 'A supplier a store restocks from.' })
export class Supplier {
  @PrimaryKey({ type: 'uuid' }) @Field(() => ID) id: string = randomUUID();
  @ManyToOne(() => Store, { ref: true }) store: Ref<Store>;
  @Property({ type: 'text' }) @Field() name: string;
  @Property({ type: 'text', nullable: true }) @Field(() => String, { nullable: true }) phone?: string;
  @Property({ type: 'text', nullable: true }) @Field(() => String, { nullable: true }) email?: string;

  constructor(store: Ref<Store>, name: string, phone?: string, email?: string) {
    this.store = store;
    this.name = name;
    this.phone = phone;
    this.email = email;
  }
}

export const RestockStatus = enumOf(['ORDERED', 'RECEIVED', 'CANCELLED'] as const);
export type RestockStatus = keyof typeof RestockStatus;
registerEnumType(RestockStatus, { name: 'RestockStatus', description: 'ORDERED → RECEIVED (stock rises by the received quantities) or CANCELLED.' });

/** A purchase from a supplier; receiving it raises stock (PRODUCT §6). */
@Entity({ tableName: 'restock_orders' })
@ObjectType({ description: 'A restock order to a supplier.' })
export class RestockOrder {
  [OptionalProps]?: 'status' | 'createdAt';

  @PrimaryKey({ type: 'uuid' }) @Field(() => ID) id: string = randomUUID();
  @ManyToOne(() => Store, { ref: true }) store: Ref<Store>;
  @ManyToOne(() => Supplier, { ref: true }) supplier: Ref<Supplier>;
  @Enum({ items: () => RestockStatus, type: 'text' }) @Field(() => RestockStatus) status: RestockStatus = 'ORDERED';
  @ManyToOne(() => User, { ref: true }) createdBy: Ref<User>;
  @OneToMany(() => RestockItem, (i) => i.restock) items = new Collection<RestockItem>(this);
  @Property({ type: 'timestamptz' }) @Field() createdAt: Date = new Date();
  @Property({ type: 'timestamptz', nullable: true }) @Field(() => Date, { nullable: true }) receivedAt?: Date;

  constructor(store: Ref<Store>, supplier: Ref<Supplier>, createdBy: Ref<User>) {
    this.store = store;
    this.supplier = supplier;
    this.createdBy = createdBy;
  }
}

/** One product line of a restock order. */
@Entity({ tableName: 'restock_items' })
@ObjectType()
export class RestockItem {
  @PrimaryKey({ type: 'uuid' }) @Field(() => ID) id: string = randomUUID();
  @ManyToOne(() => RestockOrder, { ref: true, deleteRule: 'cascade' }) restock: Ref<RestockOrder>;
  @ManyToOne(() => Listing, { ref: true }) listing: Ref<Listing>;
  @Property({ type: 'integer' }) @Field(() => Int) quantityOrdered: number;
  @Property({ type: 'integer', nullable: true }) @Field(() => Int, { nullable: true }) quantityReceived?: number;

  constructor(restock: Ref<RestockOrder>, listing: Ref<Listing>, quantityOrdered: number) {
    this.restock = restock;
    this.listing = listing;
    this.quantityOrdered = quantityOrdered;
  }
}
