import { Migration } from '@mikro-orm/migrations';

/** The minute sweep finds SHIPPED orders nobody marked delivered by their shipping time (ORDER_RULES.deliveredAfterDays). */
export class Migration20261121340000_order_shipped_index extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create index "orders_shipped_at_index" on "orders" ("shipped_at") where "status" = 'SHIPPED';`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index if exists "orders_shipped_at_index";`);
  }
}
