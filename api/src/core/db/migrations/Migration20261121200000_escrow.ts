import { Migration } from '@mikro-orm/migrations';

/**
 * Escrow rooms (rekber), payments with idempotent provider events, the double-entry ledger
 * (one unique idempotency key per movement) and versioned fee schedules (PRODUCT §4, §11).
 */
export class Migration20261121200000_escrow extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table "fee_schedules" ("version" int not null, "schedule" jsonb not null, "created_by_id" uuid null, "created_at" timestamptz not null, constraint "fee_schedules_pkey" primary key ("version"));`);
    this.addSql(`create table "escrow_rooms" ("id" uuid not null, "invite_code" text not null, "title" text not null, "description" text not null, "amount" bigint not null, "fee" bigint not null, "total" bigint not null, "fee_schedule_version" int not null, "created_by_id" uuid not null, "buyer_id" uuid null, "seller_id" uuid null, "status" text check ("status" in ('AWAITING_PAYMENT', 'FUNDED', 'SHIPPED', 'COMPLETED', 'RELEASED', 'CANCELLED', 'DISPUTED', 'REFUNDED', 'SPLIT')) not null, "conversation_id" uuid not null, "inspection_ends_at" timestamptz null, "funded_at" timestamptz null, "shipped_at" timestamptz null, "released_at" timestamptz null, "closed_at" timestamptz null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "version" int not null default 1, constraint "escrow_rooms_pkey" primary key ("id"));`);
    this.addSql(`create table "payments" ("id" uuid not null, "subject_type" text not null, "subject_id" uuid not null, "payer_id" uuid not null, "provider" text check ("provider" in ('MANUAL_TRANSFER', 'MIDTRANS', 'STRIPE')) not null, "amount" bigint not null, "status" text check ("status" in ('PENDING', 'PAID', 'FAILED', 'EXPIRED')) not null default 'PENDING', "external_id" text null, "redirect_url" text null, "client_secret" text null, "proof_id" uuid null, "created_at" timestamptz not null, "paid_at" timestamptz null, constraint "payments_pkey" primary key ("id"));`);
    this.addSql(`create table "payment_events" ("id" uuid not null, "provider" text not null, "event_id" text not null, "payment_id" uuid null, "outcome" text not null, "payload" jsonb not null, "created_at" timestamptz not null, constraint "payment_events_pkey" primary key ("id"));`);
    this.addSql(`create table "ledger_transactions" ("id" uuid not null, "idempotency_key" text not null, "kind" text not null, "subject_type" text not null, "subject_id" uuid not null, "created_at" timestamptz not null, constraint "ledger_transactions_pkey" primary key ("id"));`);
    this.addSql(`create table "ledger_postings" ("id" uuid not null, "transaction_id" uuid not null, "account" text not null, "amount" bigint not null, constraint "ledger_postings_pkey" primary key ("id"));`);
    this.addSql(`alter table "ledger_transactions" add constraint "ledger_transactions_idempotency_key_unique" unique ("idempotency_key");`);
    this.addSql(`create index "ledger_transactions_subject_type_subject_id_index" on "ledger_transactions" ("subject_type", "subject_id");`);
    this.addSql(`create index "ledger_postings_account_index" on "ledger_postings" ("account");`);
    this.addSql(`alter table "payment_events" add constraint "payment_events_provider_event_id_unique" unique ("provider", "event_id");`);
    this.addSql(`create index "payments_subject_type_subject_id_index" on "payments" ("subject_type", "subject_id");`);
    this.addSql(`alter table "escrow_rooms" add constraint "escrow_rooms_invite_code_unique" unique ("invite_code");`);
    this.addSql(`create index "escrow_rooms_status_updated_at_index" on "escrow_rooms" ("status", "updated_at");`);
    this.addSql(`alter table "ledger_postings" add constraint "ledger_postings_transaction_id_foreign" foreign key ("transaction_id") references "ledger_transactions" ("id") on update cascade;`);
    this.addSql(`alter table "payments" add constraint "payments_payer_id_foreign" foreign key ("payer_id") references "users" ("id") on update cascade;`);
    this.addSql(`alter table "payments" add constraint "payments_proof_id_foreign" foreign key ("proof_id") references "photos" ("id") on update cascade on delete set null;`);
    this.addSql(`alter table "fee_schedules" add constraint "fee_schedules_created_by_id_foreign" foreign key ("created_by_id") references "users" ("id") on update cascade on delete set null;`);
    this.addSql(`alter table "escrow_rooms" add constraint "escrow_rooms_created_by_id_foreign" foreign key ("created_by_id") references "users" ("id") on update cascade;`);
    this.addSql(`alter table "escrow_rooms" add constraint "escrow_rooms_buyer_id_foreign" foreign key ("buyer_id") references "users" ("id") on update cascade on delete set null;`);
    this.addSql(`alter table "escrow_rooms" add constraint "escrow_rooms_seller_id_foreign" foreign key ("seller_id") references "users" ("id") on update cascade on delete set null;`);
    this.addSql(`alter table "escrow_rooms" add constraint "escrow_rooms_conversation_id_foreign" foreign key ("conversation_id") references "conversations" ("id") on update cascade;`);
    this.addSql(`alter table "escrow_rooms" add constraint "escrow_rooms_money_check" check ("amount" > 0 and "fee" >= 0 and "total" = "amount" + "fee");`);
    this.addSql(`alter table "escrow_rooms" add constraint "escrow_rooms_parties_check" check ("buyer_id" is null or "seller_id" is null or "buyer_id" <> "seller_id");`);
    this.addSql(`create index "escrow_rooms_buyer_id_index" on "escrow_rooms" ("buyer_id");`);
    this.addSql(`create index "escrow_rooms_seller_id_index" on "escrow_rooms" ("seller_id");`);
    this.addSql(`alter table "payments" add constraint "payments_amount_check" check ("amount" > 0);`);
    this.addSql(`create index "ledger_postings_transaction_id_index" on "ledger_postings" ("transaction_id");`);
    this.addSql(`alter table "ledger_postings" add constraint "ledger_postings_amount_check" check ("amount" <> 0);`);
    this.addSql(`create index "refresh_tokens_created_at_index" on "refresh_tokens" ("created_at");`);
  }

  override async down(): Promise<void> {
    this.addSql('drop table if exists "ledger_postings" cascade;');
    this.addSql('drop table if exists "ledger_transactions" cascade;');
    this.addSql('drop table if exists "payment_events" cascade;');
    this.addSql('drop table if exists "payments" cascade;');
    this.addSql('drop table if exists "escrow_rooms" cascade;');
    this.addSql('drop table if exists "fee_schedules" cascade;');
  }
}
