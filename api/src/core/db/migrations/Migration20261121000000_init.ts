import { Migration } from '@mikro-orm/migrations';

/**
 * Accounts, reference data (cities, categories, settings), listings with full-text search,
 * photos. Issue "The marketplace runs" (PRODUCT §1–§3). The database guards what it can:
 * kind-specific columns, factor ranges, money ≥ 0, unique photo positions.
 */
export class Migration20261121000000_init extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table "cities" ("code" text not null, "name" text not null, "province" text not null,
      "latitude" double precision not null, "longitude" double precision not null,
      constraint "cities_pkey" primary key ("code"));`);

    this.addSql(`create table "categories" ("id" uuid not null, "slug" text not null, "name" text not null,
      "name_en" text not null, "base_points" int not null, "position" int not null default 0,
      constraint "categories_pkey" primary key ("id"),
      constraint "categories_slug_unique" unique ("slug"),
      constraint "categories_base_points_check" check ("base_points" between 1 and 1000000));`);

    this.addSql(`create table "settings" ("key" text not null, "value" jsonb not null, "version" int not null default 1,
      "updated_at" timestamptz not null, constraint "settings_pkey" primary key ("key"));`);

    this.addSql(`create table "users" ("id" uuid not null, "email" text not null, "password_hash" text not null,
      "display_name" text not null, "phone" text null,
      "role" text check ("role" in ('MEMBER', 'STAFF', 'ADMIN')) not null,
      "status" text check ("status" in ('ACTIVE', 'SUSPENDED', 'BANNED')) not null,
      "city_code" text null references "cities" ("code"),
      "terms_accepted_at" timestamptz not null, "terms_version" text not null,
      "created_at" timestamptz not null, "updated_at" timestamptz not null, "version" int not null default 1,
      constraint "users_pkey" primary key ("id"),
      constraint "users_email_unique" unique ("email"),
      constraint "users_email_lower_check" check ("email" = lower("email")));`);

    this.addSql(`create table "refresh_tokens" ("id" uuid not null, "user_id" uuid not null, "family_id" uuid not null,
      "token_hash" text not null, "expires_at" timestamptz not null, "used_at" timestamptz null,
      "revoked_at" timestamptz null, "created_at" timestamptz not null,
      constraint "refresh_tokens_pkey" primary key ("id"),
      constraint "refresh_tokens_token_hash_unique" unique ("token_hash"),
      constraint "refresh_tokens_user_id_foreign" foreign key ("user_id") references "users" ("id") on update cascade on delete cascade);`);
    this.addSql(`create index "refresh_tokens_family_id_index" on "refresh_tokens" ("family_id");`);
    this.addSql(`create index "refresh_tokens_user_id_index" on "refresh_tokens" ("user_id");`);

    this.addSql(`create table "photos" ("id" uuid not null, "owner_id" uuid not null, "listing_id" uuid null,
      "position" smallint null, "storage_key" text not null, "width" int not null, "height" int not null,
      "bytes" int not null, "created_at" timestamptz not null,
      constraint "photos_pkey" primary key ("id"),
      constraint "photos_owner_id_foreign" foreign key ("owner_id") references "users" ("id") on update cascade on delete cascade,
      constraint "photos_position_check" check (coalesce("position", 0) between 0 and 4));`);
    this.addSql(`create index "photos_owner_id_index" on "photos" ("owner_id");`);

    this.addSql(`create table "listings" ("id" uuid not null, "seller_id" uuid not null,
      "kind" text check ("kind" in ('SALE', 'BARTER', 'SERVICE')) not null,
      "status" text check ("status" in ('DRAFT', 'ACTIVE', 'RESERVED', 'CLOSED', 'REMOVED')) not null,
      "title" text not null, "description" text not null, "category_id" uuid not null,
      "condition" text check ("condition" in ('NEW', 'LIKE_NEW', 'GOOD', 'FAIR', 'POOR')) not null,
      "city_code" text not null, "cover_id" uuid null,
      "price" bigint null, "stock" int null, "weight_grams" int null, "length_cm" int null, "width_cm" int null,
      "height_cm" int null, "brand" text null, "model" text null, "hourly_rate" bigint null,
      "utility" smallint null, "scarcity" smallint null, "durability" smallint null, "portability" smallint null,
      "points" int null, "points_breakdown" jsonb null,
      "created_at" timestamptz not null, "updated_at" timestamptz not null, "version" int not null default 1,
      "search" tsvector generated always as (
        setweight(to_tsvector('indonesian', "title"), 'A') ||
        setweight(to_tsvector('indonesian', coalesce("brand", '') || ' ' || coalesce("model", '')), 'B') ||
        setweight(to_tsvector('indonesian', "description"), 'C')) stored,
      constraint "listings_pkey" primary key ("id"),
      constraint "listings_seller_id_foreign" foreign key ("seller_id") references "users" ("id") on update cascade,
      constraint "listings_category_id_foreign" foreign key ("category_id") references "categories" ("id") on update cascade,
      constraint "listings_city_code_foreign" foreign key ("city_code") references "cities" ("code") on update cascade,
      constraint "listings_cover_id_foreign" foreign key ("cover_id") references "photos" ("id") on update cascade on delete set null,
      constraint "listings_sale_check" check (("kind" = 'SALE') = ("price" is not null and "stock" is not null)),
      constraint "listings_service_check" check (("kind" = 'SERVICE') = ("hourly_rate" is not null)),
      constraint "listings_barter_check" check (("kind" = 'BARTER') = ("points" is not null and "utility" is not null
        and "scarcity" is not null and "durability" is not null and "portability" is not null)),
      constraint "listings_money_check" check (coalesce("price", 1) > 0 and coalesce("hourly_rate", 1) > 0 and coalesce("stock", 0) >= 0),
      constraint "listings_factors_check" check (coalesce("utility", 1) between 1 and 5 and coalesce("scarcity", 1) between 1 and 5
        and coalesce("durability", 1) between 1 and 5 and coalesce("portability", 1) between 1 and 5 and coalesce("points", 1) >= 1));`);
    this.addSql(`alter table "photos" add constraint "photos_listing_id_foreign" foreign key ("listing_id") references "listings" ("id") on update cascade on delete set null;`);
    this.addSql(`alter table "photos" add constraint "photos_listing_position_unique" unique ("listing_id", "position") deferrable initially deferred;`);
    this.addSql(`create index "listings_seller_id_index" on "listings" ("seller_id", "created_at" desc);`);
    this.addSql(`create index "listings_category_id_index" on "listings" ("category_id");`);
    this.addSql(`create index "listings_city_code_index" on "listings" ("city_code");`);
    this.addSql(`create index "listings_status_created_at_index" on "listings" ("status", "created_at" desc, "id" desc);`);
    this.addSql(`create index "listings_status_price_index" on "listings" ("status", (coalesce("price", "hourly_rate")), "id");`);
    this.addSql(`create index "listings_status_points_index" on "listings" ("status", "points", "id") where "points" is not null;`);
    this.addSql(`create index "listings_search_index" on "listings" using gin ("search");`);
  }

  override async down(): Promise<void> {
    this.addSql('alter table "photos" drop constraint "photos_listing_id_foreign";');
    for (const t of ['listings', 'photos', 'refresh_tokens', 'users', 'settings', 'categories', 'cities']) {
      this.addSql(`drop table if exists "${t}" cascade;`);
    }
  }
}
