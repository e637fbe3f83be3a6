import type { MigrationObject } from '@mikro-orm/core';
import { Migration20261121000000_init } from './Migration20261121000000_init.js';
import { Migration20261121100000_barter } from './Migration20261121100000_barter.js';
import { Migration20261121200000_escrow } from './Migration20261121200000_escrow.js';
import { Migration20261121300000_commerce } from './Migration20261121300000_commerce.js';
import { Migration20261121310000_restock } from './Migration20261121310000_restock.js';
import { Migration20261121320000_store_extras } from './Migration20261121320000_store_extras.js';
import { Migration20261121330000_order_confirm } from './Migration20261121330000_order_confirm.js';
import { Migration20261121340000_order_shipped_index } from './Migration20261121340000_order_shipped_index.js';

/** Ordered list of migrations (explicit, so the same list runs from src/ and dist/). */
export const MIGRATIONS: MigrationObject[] = [
  { name: 'Migration20261121000000_init', class: Migration20261121000000_init },
  { name: 'Migration20261121100000_barter', class: Migration20261121100000_barter },
  { name: 'Migration20261121200000_escrow', class: Migration20261121200000_escrow },
  { name: 'Migration20261121300000_commerce', class: Migration20261121300000_commerce },
  { name: 'Migration20261121310000_restock', class: Migration20261121310000_restock },
  { name: 'Migration20261121320000_store_extras', class: Migration20261121320000_store_extras },
  { name: 'Migration20261121330000_order_confirm', class: Migration20261121330000_order_confirm },
  { name: 'Migration20261121340000_order_shipped_index', class: Migration20261121340000_order_shipped_index },
];
