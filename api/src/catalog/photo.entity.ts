import { randomUUID } from 'node:crypto';
import { Entity, ManyToOne, PrimaryKey, Property, type Ref } from '@mikro-orm/core';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { User } from '../identity/user.entity.js';
import type { Listing } from './listing.entity.js';

/**
 * An uploaded image, re-encoded to WebP (≤ 1600 px) with a 400 px thumbnail (PRODUCT §2).
 * It belongs to its uploader and, once attached, to one listing at `position` (0 = cover).
 */
@Entity({ tableName: 'photos' })
@ObjectType({ description: 'A listing photo: a re-encoded image and its thumbnail.' })
export class Photo {
  @PrimaryKey({ type: 'uuid' })
  @Field(() => ID)
  id: string = randomUUID();

  @ManyToOne(() => User, { ref: true, deleteRule: 'cascade' })
  owner: Ref<User>;

  @ManyToOne('Listing', { ref: true, nullable: true, deleteRule: 'set null' })
  listing?: Ref<Listing>;

  /** 0-based display order within the listing; null while unattached. */
  @Property({ type: 'smallint', nullable: true })
  position?: number;

  /** Storage key of the full image; the thumbnail is `${key}-thumb`. */
  @Property({ type: 'text' })
  storageKey: string;

  @Property({ type: 'integer' })
  @Field(() => Int, { description: 'Width of the full image, pixels.' })
  width: number;

  @Property({ type: 'integer' })
  @Field(() => Int, { description: 'Height of the full image, pixels.' })
  height: number;

  @Property({ type: 'integer' })
  bytes: number;

  @Property({ type: 'timestamptz' })
  createdAt: Date = new Date();

  constructor(owner: Ref<User>, storageKey: string, width: number, height: number, bytes: number) {
    this.owner = owner;
    this.storageKey = storageKey;
    this.width = width;
    this.height = height;
    this.bytes = bytes;
  }
}
