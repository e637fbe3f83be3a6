import { Migration } from '@mikro-orm/migrations';

/**
 * Barter trades and what every trade kind shares (issue "Barter trades end to end";
 * PRODUCT §3, §8): conversations with encrypted messages, notifications, the audit log,
 * shipments and disputes (one model for all trades), offers with their per-round items,
 * and deals.
 */
export class Migration20261121100000_barter extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table "conversations" ("id" uuid not null, "kind" text check ("kind" in ('BARTER', 'ESCROW', 'BOOKING', 'ORDER', 'SUPPORT')) not null, "subject_id" uuid null, "title" text not null, "created_at" timestamptz not null, "last_message_at" timestamptz null, constraint "conversations_pkey" primary key ("id"));`);
    this.addSql(`create table "conversation_participants" ("conversation_id" uuid not null, "user_id" uuid not null, "role" text not null, "last_read_at" timestamptz null, "joined_at" timestamptz not null, constraint "conversation_participants_pkey" primary key ("conversation_id", "user_id"));`);
    this.addSql(`create table "messages" ("id" uuid not null, "conversation_id" uuid not null, "sender_id" uuid null, "kind" text check ("kind" in ('TEXT', 'IMAGE', 'LISTING', 'SYSTEM')) not null, "key_id" text null, "iv" bytea null, "tag" bytea null, "ciphertext" bytea null, "photo_id" uuid null, "listing_id" uuid null, "system_event" text null, "created_at" timestamptz not null, constraint "messages_pkey" primary key ("id"));`);
    this.addSql(`create table "notifications" ("id" uuid not null, "user_id" uuid not null, "kind" text not null, "text" text not null, "link" text null, "read_at" timestamptz null, "created_at" timestamptz not null, constraint "notifications_pkey" primary key ("id"));`);
    this.addSql(`create table "audit_log" ("id" uuid not null, "actor_id" uuid not null, "action" text not null, "subject_type" text not null, "subject_id" uuid not null, "details" jsonb null, "created_at" timestamptz not null, constraint "audit_log_pkey" primary key ("id"));`);
    this.addSql(`create table "shipments" ("id" uuid not null, "trade_type" text not null, "trade_id" uuid not null, "sender_id" uuid not null, "recipient_id" uuid not null, "courier" text not null, "tracking_number" text not null, "shipped_at" timestamptz not null, "received_at" timestamptz null, constraint "shipments_pkey" primary key ("id"));`);
    this.addSql(`create table "disputes" ("id" uuid not null, "trade_type" text not null, "trade_id" uuid not null, "opened_by_id" uuid not null, "conversation_id" uuid null references "conversations" ("id") on delete set null, "reason" text not null, "status" text check ("status" in ('OPEN', 'RESOLVED')) not null default 'OPEN', "outcome" text null, "resolution_note" text null, "resolved_by_id" uuid null, "created_at" timestamptz not null, "resolved_at" timestamptz null, constraint "disputes_pkey" primary key ("id"));`);
    this.addSql(`create table "offers" ("id" uuid not null, "buyer_id" uuid not null, "seller_id" uuid not null, "status" text check ("status" in ('PENDING', 'ACCEPTED', 'REJECTED', 'WITHDRAWN', 'EXPIRED', 'CANCELLED')) not null default 'PENDING', "round" smallint not null default 1, "awaiting" text check ("awaiting" in ('BUYER', 'SELLER')) not null default 'SELLER', "expires_at" timestamptz not null, "conversation_id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "version" int not null default 1, constraint "offers_pkey" primary key ("id"));`);
    this.addSql(`create table "offer_items" ("id" uuid not null, "offer_id" uuid not null, "round" smallint not null, "side" text check ("side" in ('WANTED', 'OFFERED')) not null, "listing_id" uuid not null, "points" int not null, constraint "offer_items_pkey" primary key ("id"));`);
    this.addSql(`create table "deals" ("id" uuid not null, "offer_id" uuid not null, "buyer_id" uuid not null, "seller_id" uuid not null, "status" text check ("status" in ('AWAITING_SHIPMENT', 'SHIPPED', 'COMPLETED', 'DISPUTED', 'CANCELLED')) not null default 'AWAITING_SHIPMENT', "conversation_id" uuid not null, "ship_by" timestamptz not null, "confirm_by" timestamptz null, "status_before_dispute" text null, "completed_at" timestamptz null, "cancelled_at" timestamptz null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "version" int not null default 1, constraint "deals_pkey" primary key ("id"));`);
    this.addSql(`alter table "shipments" add constraint "shipments_trade_type_trade_id_sender_id_unique" unique ("trade_type", "trade_id", "sender_id");`);
    this.addSql(`create index "offers_seller_id_status_index" on "offers" ("seller_id", "status");`);
    this.addSql(`create index "offers_buyer_id_status_index" on "offers" ("buyer_id", "status");`);
    this.addSql(`create index "notifications_user_id_created_at_index" on "notifications" ("user_id", "created_at");`);
    this.addSql(`create index "offer_items_listing_id_index" on "offer_items" ("listing_id");`);
    this.addSql(`create index "messages_conversation_id_created_at_id_index" on "messages" ("conversation_id", "created_at", "id");`);
    this.addSql(`alter table "deals" add constraint "deals_offer_id_unique" unique ("offer_id");`);
    this.addSql(`create index "audit_log_subject_type_subject_id_index" on "audit_log" ("subject_type", "subject_id");`);
    this.addSql(`alter table "shipments" add constraint "shipments_sender_id_foreign" foreign key ("sender_id") references "users" ("id") on update cascade;`);
    this.addSql(`alter table "shipments" add constraint "shipments_recipient_id_foreign" foreign key ("recipient_id") references "users" ("id") on update cascade;`);
    this.addSql(`alter table "offers" add constraint "offers_buyer_id_foreign" foreign key ("buyer_id") references "users" ("id") on update cascade;`);
    this.addSql(`alter table "offers" add constraint "offers_seller_id_foreign" foreign key ("seller_id") references "users" ("id") on update cascade;`);
    this.addSql(`alter table "offers" add constraint "offers_conversation_id_foreign" foreign key ("conversation_id") references "conversations" ("id") on update cascade;`);
    this.addSql(`alter table "notifications" add constraint "notifications_user_id_foreign" foreign key ("user_id") references "users" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "offer_items" add constraint "offer_items_offer_id_foreign" foreign key ("offer_id") references "offers" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "offer_items" add constraint "offer_items_listing_id_foreign" foreign key ("listing_id") references "listings" ("id") on update cascade;`);
    this.addSql(`alter table "messages" add constraint "messages_conversation_id_foreign" foreign key ("conversation_id") references "conversations" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "messages" add constraint "messages_sender_id_foreign" foreign key ("sender_id") references "users" ("id") on update cascade on delete set null;`);
    this.addSql(`alter table "messages" add constraint "messages_photo_id_foreign" foreign key ("photo_id") references "photos" ("id") on update cascade on delete set null;`);
    this.addSql(`alter table "messages" add constraint "messages_listing_id_foreign" foreign key ("listing_id") references "listings" ("id") on update cascade on delete set null;`);
    this.addSql(`alter table "disputes" add constraint "disputes_opened_by_id_foreign" foreign key ("opened_by_id") references "users" ("id") on update cascade;`);
    this.addSql(`alter table "disputes" add constraint "disputes_resolved_by_id_foreign" foreign key ("resolved_by_id") references "users" ("id") on update cascade on delete set null;`);
    this.addSql(`alter table "deals" add constraint "deals_offer_id_foreign" foreign key ("offer_id") references "offers" ("id") on update cascade;`);
    this.addSql(`alter table "deals" add constraint "deals_buyer_id_foreign" foreign key ("buyer_id") references "users" ("id") on update cascade;`);
    this.addSql(`alter table "deals" add constraint "deals_seller_id_foreign" foreign key ("seller_id") references "users" ("id") on update cascade;`);
    this.addSql(`alter table "deals" add constraint "deals_conversation_id_foreign" foreign key ("conversation_id") references "conversations" ("id") on update cascade;`);
    this.addSql(`alter table "conversation_participants" add constraint "conversation_participants_conversation_id_foreign" foreign key ("conversation_id") references "conversations" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "conversation_participants" add constraint "conversation_participants_user_id_foreign" foreign key ("user_id") references "users" ("id") on update cascade;`);
    this.addSql(`alter table "audit_log" add constraint "audit_log_actor_id_foreign" foreign key ("actor_id") references "users" ("id") on update cascade;`);
    this.addSql(`alter table "messages" add constraint "messages_sender_check" check (("kind" = 'SYSTEM') = ("sender_id" is null and "system_event" is not null));`);
    this.addSql(`alter table "messages" add constraint "messages_body_check" check ("kind" <> 'TEXT' or ("ciphertext" is not null and "iv" is not null and "tag" is not null and "key_id" is not null));`);
    this.addSql(`alter table "messages" add constraint "messages_image_check" check ("kind" <> 'IMAGE' or "photo_id" is not null);`);
    this.addSql(`alter table "messages" add constraint "messages_listing_check" check ("kind" <> 'LISTING' or "listing_id" is not null);`);
    this.addSql(`create index "conversation_participants_user_id_index" on "conversation_participants" ("user_id");`);
    this.addSql(`create index "conversations_subject_id_index" on "conversations" ("subject_id");`);
    this.addSql(`create unique index "disputes_one_open_per_trade" on "disputes" ("trade_type", "trade_id") where "status" = 'OPEN';`);
    this.addSql(`create index "disputes_conversation_id_index" on "disputes" ("conversation_id");`);
    this.addSql(`create index "disputes_status_index" on "disputes" ("status", "created_at");`);
    this.addSql(`alter table "offers" add constraint "offers_round_check" check ("round" between 1 and 5);`);
    this.addSql(`alter table "offers" add constraint "offers_parties_check" check ("buyer_id" <> "seller_id");`);
    this.addSql(`create index "offer_items_offer_id_round_index" on "offer_items" ("offer_id", "round");`);
    this.addSql(`alter table "offer_items" add constraint "offer_items_points_check" check ("points" >= 1);`);
    this.addSql(`create index "deals_status_index" on "deals" ("status");`);
    this.addSql(`create index "deals_buyer_id_index" on "deals" ("buyer_id");`);
    this.addSql(`create index "deals_seller_id_index" on "deals" ("seller_id");`);
    this.addSql(`alter table "shipments" add constraint "shipments_tracking_number_check" check ("tracking_number" ~ '^[A-Z0-9]{6,40}$');`);
    this.addSql(`alter table "shipments" add constraint "shipments_parties_check" check ("sender_id" <> "recipient_id");`);
  }

  override async down(): Promise<void> {
    this.addSql('drop table if exists "deals" cascade;');
    this.addSql('drop table if exists "offer_items" cascade;');
    this.addSql('drop table if exists "offers" cascade;');
    this.addSql('drop table if exists "disputes" cascade;');
    this.addSql('drop table if exists "shipments" cascade;');
    this.addSql('drop table if exists "audit_log" cascade;');
    this.addSql('drop table if exists "notifications" cascade;');
    this.addSql('drop table if exists "messages" cascade;');
    this.addSql('drop table if exists "conversation_participants" cascade;');
    this.addSql('drop table if exists "conversations" cascade;');
  }
}
