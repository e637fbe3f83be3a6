import 'reflect-metadata';
import { loadConfig } from '../core/config.js';
import { startEmbeddedPostgres } from '../core/db/embedded.js';
import { connectOrm } from '../core/db/orm.js';
import { join } from 'node:path';
import { LedgerService } from '../ledger/ledger.service.js';

/**
 * `npm run ledger:check`: verifies the ledger of DATABASE_URL (or the embedded database of
 * DATA_DIR): every transaction sums to zero; holding = funded − released − refunded − split;
 * order holding = paid − released − refunded; each room's and each store order's bookings
 * match its status; each payment owed back (UNMATCHED_PAYMENT) matches its PAID payment.
 * Prints the result; exits 1 on any violation.
 */
const config = loadConfig();
const embedded = config.databaseUrl ? undefined : await startEmbeddedPostgres({ dir: join(config.dataDir, 'pg'), port: config.embeddedPgPort });
const orm = await connectOrm(config.databaseUrl ?? embedded!.urlFor('pasar'));
try {
  const em = orm.em.fork();
  const [counts] = await em.getConnection().execute<{ transactions: string; postings: string; rooms: string; orders: string }[]>(
    `select (select count(*) from ledger_transactions) as transactions, (select count(*) from ledger_postings) as postings, (select count(*) from escrow_rooms) as rooms,
       (select count(*) from orders) as orders`);
  const violations = await new LedgerService().check(em);
  console.log(`ledger: ${counts.transactions} transactions, ${counts.postings} postings, ${counts.rooms} rooms, ${counts.orders} orders; ${violations.length} violations`);
  for (const v of violations) console.log(`  ✗ ${v}`);
  process.exitCode = violations.length ? 1 : 0;
} finally {
  await orm.close(true);
  await embedded?.stop();
}
