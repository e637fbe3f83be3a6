import { Migration } from '@mikro-orm/migrations';

/** Suppliers and restock orders (PRODUCT §6): receiving a restock raises stock. */
export class Migration20261121310000_restock extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table "suppliers" ("id" uuid not null primary key, "store_id" uuid not null references "stores" ("id") on delete cascade,
      "name" text not null, "phone" text null, "email" text null);`);
    this.addSql(`create index "suppliers_store_id_index" on "suppliers" ("store_id");`);
    this.addSql(`create table "restock_orders" ("id" uuid not null primary key, "store_id" uuid not null references "stores" ("id"),
      "supplier_id" uuid not null references "suppliers" ("id"), "status" text not null check ("status" in ('ORDERED', 'RECEIVED', 'CANCELLED')),
      "created_by_id" uuid not null references "users" ("id"), "created_at" timestamptz not null, "received_at" timestamptz null);`);
    this.addSql(`create index "restock_orders_store_id_index" on "restock_orders" ("store_id", "created_at" desc);`);
    this.addSql(`create table "restock_items" ("id" uuid not null primary key, "restock_id" uuid not null references "restock_orders" ("id") on delete cascade,
      "listing_id" uuid not null references "listings" ("id"), "quantity_ordered" int not null check ("quantity_ordered" between 1 and 100000),
      "quantity_received" int null check ("quantity_received" is null or "quantity_received" between 0 and "quantity_ordered"));`);
    this.addSql(`create index "restock_items_restock_id_index" on "restock_items" ("restock_id");`);
  }

  override async down(): Promise<void> {
    for (const t of ['restock_items', 'restock_orders', 'suppliers']) this.addSql(`drop table if exists "${t}" cascade;`);
  }
}
