import { Migration } from '@mikro-orm/migrations';

/** When an order was delivered and when a job completes it unless the buyer confirms first (ORDER_RULES.confirmHours). */
export class Migration20261121330000_order_confirm extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "orders" add column "delivered_at" timestamptz null, add column "confirm_by" timestamptz null;`);
    this.addSql(`create index "orders_delivered_confirm_by_index" on "orders" ("confirm_by") where "status" = 'DELIVERED';`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "orders" drop column if exists "delivered_at", drop column if exists "confirm_by";`);
  }
}
