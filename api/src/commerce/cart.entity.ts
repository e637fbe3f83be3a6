import { Entity, ManyToOne, OptionalProps, PrimaryKeyProp, Property, type Ref } from '@mikro-orm/core';
import { Listing } from '../catalog/listing.entity.js';
import { User } from '../identity/user.entity.js';

/** One line of a member's cart (PRODUCT §6: persisted per member). */
@Entity({ tableName: 'cart_items' })
export class CartItem {
  [PrimaryKeyProp]?: ['user', 'listing'];
  [OptionalProps]?: 'addedAt';

  @ManyToOne(() => User, { primary: true, ref: true, deleteRule: 'cascade' })
  user: Ref<User>;

  @ManyToOne(() => Listing, { primary: true, ref: true, deleteRule: 'cascade' })
  listing: Ref<Listing>;

  @Property({ type: 'integer' })
  quantity: number;

  @Property({ type: 'timestamptz' })
  addedAt: Date = new Date();

  constructor(user: Ref<User>, listing: Ref<Listing>, quantity: number) {
    this.user = user;
    this.listing = listing;
    this.quantity = quantity;
  }
}
