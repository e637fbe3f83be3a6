/**
 * What the API under test runs against in a bench: a throw-away database (`database.mjs`)
 * and a temp data directory, both removed at teardown, and the production-like environment
 * the chat and checkout benches give the API process.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { provisionDatabase } from './database.mjs';
import { cleanups } from './teardown.mjs';

/** Provisions the bench database and a temp data dir, registers their removal, logs where the database is. */
export async function provisionWorkspace() {
  const db = await provisionDatabase();
  cleanups.push(() => db.drop());
  console.log(`database ${db.name} on ${db.where}`);
  const dataDir = mkdtempSync(join(tmpdir(), 'pasar-bench-data-'));
  cleanups.push(() => rmSync(dataDir, { recursive: true, force: true }));
  return { db, dataDir };
}

/**
 * The API's environment (as listings.bench.mjs passes it to loadConfig): production, fresh
 * secrets for this run, no demo data, no job runner, warnings only.
 */
export function productionApiEnv({ databaseUrl, dataDir }) {
  return {
    ...process.env,
    NODE_ENV: 'production',
    JWT_SECRET: randomBytes(30).toString('base64url'),
    MESSAGE_KEYS: `bench:${randomBytes(32).toString('base64')}`,
    ACCESS_TOKEN_TTL: '3600',
    HOST: '127.0.0.1',
    PORT: '0',
    DATABASE_URL: databaseUrl,
    DATA_DIR: dataDir,
    SEED_DEMO: 'false',
    RUN_JOBS: 'false',
    LOG_LEVEL: 'warn',
  };
}
