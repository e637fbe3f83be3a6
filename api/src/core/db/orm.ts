import 'reflect-metadata';
import { Migrator } from '@mikro-orm/migrations';
import { DataloaderType, MikroORM, ReflectMetadataProvider, defineConfig, type Options } from '@mikro-orm/postgresql';
import type { Logger } from '../logger.js';
import { ENTITIES } from './entities.js';
import { MIGRATIONS } from './migrations/index.js';

/** Counts SQL statements when attached (benchmarks and tests read it). */
export interface QueryCounter {
  count: number;
}

/**
 * MikroORM options for `url`. Schema changes go through migrations only (no auto-sync).
 * The dataloader batches reference and collection loads (ARCHITECTURE, "No N+1").
 */
export function ormOptions(url: string, opts: { log?: Logger; counter?: QueryCounter; poolMax?: number } = {}): Options {
  return defineConfig({
    clientUrl: url,
    entities: ENTITIES,
    metadataProvider: ReflectMetadataProvider,
    discovery: { disableDynamicFileAccess: true, requireEntitiesArray: true },
    extensions: [Migrator],
    migrations: { migrationsList: MIGRATIONS, transactional: true, allOrNothing: true, snapshot: false },
    dataloader: DataloaderType.ALL,
    forceUtcTimezone: true,
    allowGlobalContext: false,
    pool: { min: 0, max: opts.poolMax ?? 10 },
    debug: opts.counter ? ['query'] : false,
    logger: (message) => {
      if (opts.counter && message.startsWith('[query]')) opts.counter.count++;
      else opts.log?.debug(message);
    },
    colors: false,
  });
}

/** Connects MikroORM to `url`. */
export async function connectOrm(url: string, opts: Parameters<typeof ormOptions>[1] = {}): Promise<MikroORM> {
  return MikroORM.init(ormOptions(url, opts));
}

/** Advisory lock key held while migrating, so replicas booting together migrate once. */
const MIGRATION_LOCK = 727_2026;

/** Applies pending migrations under a PostgreSQL advisory lock; returns the names applied. */
export async function migrate(orm: MikroORM): Promise<string[]> {
  const em = orm.em.fork();
  return em.transactional(async (tx) => {
    await tx.execute('select pg_advisory_xact_lock(?)', [MIGRATION_LOCK]);
    const applied = await orm.getMigrator().up();
    return applied.map((m) => m.name);
  });
}
