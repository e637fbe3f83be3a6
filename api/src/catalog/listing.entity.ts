import { randomUUID } from 'node:crypto';
import {
  BigIntType, Collection, Entity, Enum, Index, ManyToOne, OneToMany, OptionalProps, PrimaryKey, Property, type Ref,
} from '@mikro-orm/core';
import type { PointsBreakdown } from '@pasar/domain';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { User } from '../identity/user.entity.js';
import { Category } from './category.entity.js';
import { City } from './city.entity.js';
import { ItemCondition, ListingKind, ListingStatus } from './listing.enums.js';
import { Photo } from './photo.entity.js';

/** The stored snapshot of a barter valuation (PRODUCT §3): the domain's PointsBreakdown. */
export type StoredPointsBreakdown = PointsBreakdown;

/**
 * A listing of one kind: SALE, BARTER or SERVICE (PRODUCT §2). Kind-specific columns are
 * null for the other kinds; CHECK constraints in the migration guard that.
 * Full-text search uses the generated column `search` (PostgreSQL `indonesian` config),
 * which is not mapped here.
 */
@Entity({ tableName: 'listings' })
@Index({ properties: ['status', 'createdAt'] })
@ObjectType({ description: 'An item for sale, for barter, or a service by the hour (PRODUCT §2).' })
export class Listing {
  [OptionalProps]?: 'status' | 'createdAt' | 'updatedAt' | 'version' | 'featured';

  @PrimaryKey({ type: 'uuid' })
  @Field(() => ID)
  id: string = randomUUID();

  @ManyToOne(() => User, { ref: true })
  @Index()
  seller: Ref<User>;

  @Enum({ items: () => ListingKind, type: 'text' })
  @Field(() => ListingKind)
  kind: ListingKind;

  @Enum({ items: () => ListingStatus, type: 'text' })
  @Field(() => ListingStatus)
  status: ListingStatus = ListingStatus.ACTIVE;

  @Property({ type: 'text' })
  @Field()
  title: string;

  @Property({ type: 'text' })
  @Field()
  description: string;

  @ManyToOne(() => Category, { ref: true })
  @Index()
  category: Ref<Category>;

  @Enum({ items: () => ItemCondition, type: 'text' })
  @Field(() => ItemCondition)
  condition: ItemCondition;

  @ManyToOne(() => City, { ref: true, fieldName: 'city_code' })
  @Index()
  city: Ref<City>;

  /** The first photo (position 0), kept so a search page joins it in the same statement. */
  @ManyToOne(() => Photo, { ref: true, nullable: true, deleteRule: 'set null' })
  cover?: Ref<Photo>;

  @OneToMany(() => Photo, (p) => p.listing, { orderBy: { position: 'asc' } })
  photos = new Collection<Photo>(this);

  /** SALE: price in whole rupiah. */
  @Property({ type: new BigIntType('number'), nullable: true })
  price?: number;

  @Property({ type: 'integer', nullable: true })
  @Field(() => Int, { nullable: true, description: 'SALE: units in stock.' })
  stock?: number;

  @Property({ type: 'integer', nullable: true })
  @Field(() => Int, { nullable: true, description: 'SALE: shipping weight, grams.' })
  weightGrams?: number;

  @Property({ type: 'integer', nullable: true })
  @Field(() => Int, { nullable: true, description: 'SALE: package length, cm.' })
  lengthCm?: number;

  @Property({ type: 'integer', nullable: true })
  @Field(() => Int, { nullable: true, description: 'SALE: package width, cm.' })
  widthCm?: number;

  @Property({ type: 'integer', nullable: true })
  @Field(() => Int, { nullable: true, description: 'SALE: package height, cm.' })
  heightCm?: number;

  @Property({ type: 'text', nullable: true })
  @Field(() => String, { nullable: true, description: 'SALE: brand, e.g. "Yamaha".' })
  brand?: string;

  @Property({ type: 'text', nullable: true })
  @Field(() => String, { nullable: true, description: 'SALE: model, e.g. "F310".' })
  model?: string;

  /** SALE in a store: the store selling it (PRODUCT §6). */
  @ManyToOne('Store', { ref: true, nullable: true })
  store?: Ref<import('../commerce/store.entity.js').Store>;

  /** SALE in a store: the supplier it is restocked from (PRODUCT §6); shown to the store's staff only. */
  @ManyToOne('Supplier', { ref: true, nullable: true, deleteRule: 'set null' })
  supplier?: Ref<import('../commerce/restock.entity.js').Supplier>;

  /** SALE: alert the store's staff when stock falls to this or below. */
  @Property({ type: 'integer', nullable: true })
  @Field(() => Int, { nullable: true, description: 'SALE in a store: low-stock threshold.' })
  lowStockThreshold?: number;

  @Property({ type: 'boolean', default: false })
  @Field({ description: 'Featured on the store page.' })
  featured: boolean = false;

  /** SERVICE: rate per hour in whole rupiah. */
  @Property({ type: new BigIntType('number'), nullable: true })
  hourlyRate?: number;

  /** BARTER: valuation factors 1..5. */
  @Property({ type: 'smallint', nullable: true })
  utility?: number;

  @Property({ type: 'smallint', nullable: true })
  scarcity?: number;

  @Property({ type: 'smallint', nullable: true })
  durability?: number;

  @Property({ type: 'smallint', nullable: true })
  portability?: number;

  /** BARTER: computed points (packages/domain computeBarterPoints), stored for filter and sort. */
  @Property({ type: 'integer', nullable: true })
  @Field(() => Int, { nullable: true, description: 'BARTER: computed points (PRODUCT §3).' })
  points?: number;

  @Property({ type: 'jsonb', nullable: true })
  pointsBreakdown?: StoredPointsBreakdown;

  @Property({ type: 'timestamptz' })
  @Field()
  createdAt: Date = new Date();

  @Property({ type: 'timestamptz', onUpdate: () => new Date() })
  @Field()
  updatedAt: Date = new Date();

  @Property({ version: true })
  version!: number;

  constructor(init: {
    seller: Ref<User>; kind: ListingKind; title: string; description: string;
    category: Ref<Category>; condition: ItemCondition; city: Ref<City>;
  }) {
    this.seller = init.seller;
    this.kind = init.kind;
    this.title = init.title;
    this.description = init.description;
    this.category = init.category;
    this.condition = init.condition;
    this.city = init.city;
  }
}
