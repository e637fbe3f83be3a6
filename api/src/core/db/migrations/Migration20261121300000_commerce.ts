import { Migration } from '@mikro-orm/migrations';

/**
 * Store orders (PRODUCT §6): stores and their staff, SALE listings as products (store, low-stock
 * threshold, featured), carts, shipping services, orders with snapshotted lines. Stock is
 * reserved with conditional updates; the listings' CHECK keeps it from going negative.
 */
export class Migration20261121300000_commerce extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table "stores" ("id" uuid not null, "owner_id" uuid not null, "slug" text not null, "name" text not null, "address" text not null, "city_code" text not null, "phone" text null, "hours" text null, "color" text null, "created_at" timestamptz not null, constraint "stores_pkey" primary key ("id"));`);
    this.addSql(`create table "store_staff" ("store_id" uuid not null, "user_id" uuid not null, constraint "store_staff_pkey" primary key ("store_id", "user_id"));`);
    this.addSql(`create table "shipping_services" ("id" uuid not null, "code" text not null, "courier" text not null, "name" text not null, "base" bigint not null, "per_kg" bigint not null, "per_km" bigint not null, "volume_factor" int not null, "eta" text null, "active" boolean not null, constraint "shipping_services_pkey" primary key ("id"));`);
    this.addSql(`create table "cart_items" ("user_id" uuid not null, "listing_id" uuid not null, "quantity" int not null, "added_at" timestamptz not null, constraint "cart_items_pkey" primary key ("user_id", "listing_id"));`);
    this.addSql(`create table "orders" ("id" uuid not null, "number" text not null, "buyer_id" uuid not null, "store_id" uuid not null, "status" text check ("status" in ('PENDING_PAYMENT', 'PAID', 'PROCESSING', 'SHIPPED', 'DELIVERED', 'COMPLETED', 'CANCELLED', 'REFUNDED')) not null, "subtotal" bigint not null, "shipping_cost" bigint not null, "total" bigint not null, "shipping_service_id" uuid not null, "chargeable_kg" int not null, "distance_km" int not null, "ship_to" jsonb not null, "destination_city_code" text not null, "tracking_number" text null, "expires_at" timestamptz not null, "paid_at" timestamptz null, "shipped_at" timestamptz null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "version" int not null default 1, constraint "orders_pkey" primary key ("id"));`);
    this.addSql(`create table "order_items" ("id" uuid not null, "order_id" uuid not null, "listing_id" uuid not null, "title" text not null, "unit_price" bigint not null, "quantity" int not null, constraint "order_items_pkey" primary key ("id"));`);
    this.addSql(`alter table "shipping_services" add constraint "shipping_services_code_unique" unique ("code");`);
    this.addSql(`alter table "stores" add constraint "stores_slug_unique" unique ("slug");`);
    this.addSql(`alter table "orders" add constraint "orders_number_unique" unique ("number");`);
    this.addSql(`create index "orders_buyer_id_created_at_index" on "orders" ("buyer_id", "created_at");`);
    this.addSql(`create index "orders_store_id_status_created_at_index" on "orders" ("store_id", "status", "created_at");`);
    this.addSql(`alter table "stores" add constraint "stores_owner_id_foreign" foreign key ("owner_id") references "users" ("id") on update cascade;`);
    this.addSql(`alter table "stores" add constraint "stores_city_code_foreign" foreign key ("city_code") references "cities" ("code") on update cascade;`);
    this.addSql(`alter table "store_staff" add constraint "store_staff_store_id_foreign" foreign key ("store_id") references "stores" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "store_staff" add constraint "store_staff_user_id_foreign" foreign key ("user_id") references "users" ("id") on update cascade;`);
    this.addSql(`alter table "orders" add constraint "orders_buyer_id_foreign" foreign key ("buyer_id") references "users" ("id") on update cascade;`);
    this.addSql(`alter table "orders" add constraint "orders_store_id_foreign" foreign key ("store_id") references "stores" ("id") on update cascade;`);
    this.addSql(`alter table "orders" add constraint "orders_shipping_service_id_foreign" foreign key ("shipping_service_id") references "shipping_services" ("id") on update cascade;`);
    this.addSql(`alter table "orders" add constraint "orders_destination_city_code_foreign" foreign key ("destination_city_code") references "cities" ("code") on update cascade;`);
    this.addSql(`alter table "order_items" add constraint "order_items_order_id_foreign" foreign key ("order_id") references "orders" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "order_items" add constraint "order_items_listing_id_foreign" foreign key ("listing_id") references "listings" ("id") on update cascade;`);
    this.addSql(`alter table "cart_items" add constraint "cart_items_user_id_foreign" foreign key ("user_id") references "users" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "cart_items" add constraint "cart_items_listing_id_foreign" foreign key ("listing_id") references "listings" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "listings" add column "store_id" uuid null references "stores" ("id") on delete set null;`);
    this.addSql(`alter table "listings" add column "low_stock_threshold" int null;`);
    this.addSql(`alter table "listings" add column "featured" boolean not null default false;`);
    this.addSql(`create index "listings_store_id_index" on "listings" ("store_id", "status");`);
    this.addSql(`alter table "listings" add constraint "listings_low_stock_check" check (coalesce("low_stock_threshold", 0) >= 0);`);
    this.addSql(`alter table "cart_items" add constraint "cart_items_quantity_check" check ("quantity" between 1 and 99);`);
    this.addSql(`alter table "order_items" add constraint "order_items_quantity_check" check ("quantity" between 1 and 99 and "unit_price" > 0);`);
    this.addSql(`alter table "orders" add constraint "orders_money_check" check ("subtotal" > 0 and "shipping_cost" >= 0 and "total" = "subtotal" + "shipping_cost");`);
    this.addSql(`create index "orders_status_expires_at_index" on "orders" ("status", "expires_at");`);
    this.addSql(`create index "order_items_order_id_index" on "order_items" ("order_id");`);
    this.addSql(`alter table "shipping_services" add constraint "shipping_services_rate_check" check ("base" >= 0 and "per_kg" >= 0 and "per_km" >= 0 and "volume_factor" > 0);`);
  }

  override async down(): Promise<void> {
    this.addSql('alter table "listings" drop column if exists "store_id", drop column if exists "low_stock_threshold", drop column if exists "featured";');
    this.addSql('drop table if exists "order_items" cascade;');
    this.addSql('drop table if exists "orders" cascade;');
    this.addSql('drop table if exists "cart_items" cascade;');
    this.addSql('drop table if exists "shipping_services" cascade;');
    this.addSql('drop table if exists "store_staff" cascade;');
    this.addSql('drop table if exists "stores" cascade;');
  }
}
