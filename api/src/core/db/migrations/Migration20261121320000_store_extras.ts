import { Migration } from '@mikro-orm/migrations';

/** A product's supplier and a store's logo (PRODUCT §6: "supplier"; "logo"). */
export class Migration20261121320000_store_extras extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "listings" add column "supplier_id" uuid null references "suppliers" ("id") on delete set null;`);
    this.addSql(`create index "listings_supplier_id_index" on "listings" ("supplier_id") where "supplier_id" is not null;`);
    this.addSql(`alter table "stores" add column "logo_id" uuid null references "photos" ("id") on delete set null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "listings" drop column if exists "supplier_id";`);
    this.addSql(`alter table "stores" drop column if exists "logo_id";`);
  }
}
