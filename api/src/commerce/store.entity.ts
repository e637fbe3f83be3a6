import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { Entity, ManyToOne, OptionalProps, PrimaryKey, PrimaryKeyProp, Property, type Ref } from '@mikro-orm/core';
import { Field, ID, ObjectType } from 'type-graphql';
import { City } from '../catalog/city.entity.js';
import { Photo } from '../catalog/photo.entity.js';
import { User } from '../identity/user.entity.js';

/** A store (PRODUCT §6): a member's shop whose SALE listings are its products. */
@Entity({ tableName: 'stores' })
@ObjectType({ description: 'A store: its SALE listings are products with stock.' })
export class Store {
  [OptionalProps]?: 'createdAt';

  @PrimaryKey({ type: 'uuid' })
  @Field(() => ID)
  id: string = randomUUID();

  @ManyToOne(() => User, { ref: true })
  owner: Ref<User>;

  @Property({ type: 'text', unique: true })
  @Field({ description: 'URL key, e.g. "harmoni-bandung".' })
  slug: string;

  @Property({ type: 'text' })
  @Field()
  name: string;

  @Property({ type: 'text' })
  @Field()
  address: string;

  /** Where parcels leave from (distance for shipping cost). */
  @ManyToOne(() => City, { ref: true, fieldName: 'city_code' })
  city: Ref<City>;

  @Property({ type: 'text', nullable: true })
  @Field(() => String, { nullable: true })
  phone?: string;

  @Property({ type: 'text', nullable: true })
  @Field(() => String, { nullable: true, description: 'Opening hours, e.g. "Senin–Sabtu 10.00–20.00".' })
  hours?: string;

  @Property({ type: 'text', nullable: true })
  @Field(() => String, { nullable: true, description: 'Brand colour, hex.' })
  color?: string;

  /** The store's logo: a photo its owner uploaded (POST /uploads). */
  @ManyToOne(() => Photo, { ref: true, nullable: true, deleteRule: 'set null' })
  logo?: Ref<Photo>;

  @Property({ type: 'timestamptz' })
  @Field()
  createdAt: Date = new Date();

  constructor(init: { owner: Ref<User>; slug: string; name: string; address: string; city: Ref<City>; phone?: string; hours?: string; color?: string }) {
    this.owner = init.owner;
    this.slug = init.slug;
    this.name = init.name;
    this.address = init.address;
    this.city = init.city;
    this.phone = init.phone;
    this.hours = init.hours;
    this.color = init.color;
  }
}

/** A staff member of a store (order desk, restock, support chat). The owner is staff implicitly. */
@Entity({ tableName: 'store_staff' })
export class StoreStaff {
  [PrimaryKeyProp]?: ['store', 'user'];

  @ManyToOne(() => Store, { primary: true, ref: true, deleteRule: 'cascade' })
  store: Ref<Store>;

  @ManyToOne(() => User, { primary: true, ref: true })
  user: Ref<User>;

  constructor(store: Ref<Store>, user: Ref<User>) {
    this.store = store;
    this.user = user;
  }
}

/** Owner and staff ids of a store: who runs its order desk and gets its alerts. */
export async function storeStaffIds(em: EntityManager, store: Store): Promise<string[]> {
  return [store.owner.id, ...(await em.find(StoreStaff, { store: store.id })).map((s) => s.user.id)];
}
