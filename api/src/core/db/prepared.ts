import type { EntityManager } from '@mikro-orm/postgresql';

/** The part of a node-postgres client this helper uses. */
interface PgClient {
  query(config: { name: string; text: string; values: unknown[] }): Promise<{ rows: unknown[] }>;
}

/**
 * Runs `text` as the named prepared statement `name` with `$n` parameters on a connection of
 * MikroORM's pool, outside any transaction (the statement is its own transaction), and
 * returns its rows as node-postgres parses them. PostgreSQL parses and plans a named
 * statement once per connection, and no SQL text is formatted in JavaScript: for the few hot
 * statements (checkout) where that per-request cost matters. Counted and logged like
 * MikroORM's own queries. Errors are node-postgres errors (with the SQLSTATE `code`).
 */
export async function runPrepared<T>(em: EntityManager, name: string, text: string, values: unknown[]): Promise<T[]> {
  em.config.getLogger().log('query', `${name} (prepared)`);
  const client = em.getConnection().getKnex().client;
  const conn = (await client.acquireConnection()) as PgClient;
  try {
    return (await conn.query({ name, text, values })).rows as T[];
  } finally {
    await client.releaseConnection(conn);
  }
}
