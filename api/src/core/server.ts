import { createServer, type Server } from 'node:http';
import { join } from 'node:path';
import type { MikroORM } from '@mikro-orm/postgresql';
import { hashPassword } from '../identity/password.js';
import { Role, User } from '../identity/user.entity.js';
import type { Config } from './config.js';
import type { Context } from './context.js';
import { ensureDatabase, withDatabase } from './db/ensure-database.js';
import { startEmbeddedPostgres, type EmbeddedDatabase } from './db/embedded.js';
import { seedDemo, type DemoSeedResult } from './db/demo/seed-demo.js';
import { connectOrm, migrate, type QueryCounter } from './db/orm.js';
import { syncReferenceData } from './db/reference-data.js';
import { createApollo, formatError, protection } from './graphql/apollo.js';
import { buildAppSchema } from './graphql/schema.js';
import { attachGraphqlWs } from './graphql/ws.js';
import { createHttpApp, type ContextFactory } from './http/app.js';
import { webhooksRouter } from './http/webhooks.js';
import { createLogger, type Logger } from './logger.js';
import { Jobs } from './jobs.js';
import { createServices, registerJobs, type Services } from './services.js';
import { createAppPubSub } from './pubsub.js';
import { LocalDiskStorage } from './storage.js';

/** A running API: its URL, ORM and services (tests and benchmarks use them), and close(). */
export interface RunningServer {
  url: string;
  port: number;
  orm: MikroORM;
  services: Services;
  databaseUrl: string;
  demo?: DemoSeedResult;
  close(): Promise<void>;
}

/**
 * Boots the API (ARCHITECTURE, main.ts): database (embedded when DATABASE_URL is unset) →
 * migrations → reference data → demo data into an empty database → schema → HTTP and
 * graphql-ws on one port.
 */
export async function startServer(config: Config, opts: { log?: Logger; counter?: QueryCounter } = {}): Promise<RunningServer> {
  const log = opts.log ?? createLogger(config.logLevel);
  let embedded: EmbeddedDatabase | undefined;
  let databaseUrl = config.databaseUrl;
  if (!databaseUrl) {
    embedded = await startEmbeddedPostgres({ dir: join(config.dataDir, 'pg'), port: config.embeddedPgPort, log });
    await ensureDatabase(embedded.adminUrl, 'pasar');
    databaseUrl = embedded.urlFor('pasar');
    log.info({ port: config.embeddedPgPort }, 'embedded PostgreSQL started');
  }

  const orm = await connectOrm(databaseUrl, { log, counter: opts.counter });
  const applied = await migrate(orm);
  if (applied.length) log.info({ applied }, 'migrations applied');
  await syncReferenceData(orm.em.fork());

  const storage = new LocalDiskStorage(config.uploadDir, `${config.publicUrl}/media`);
  const live = createAppPubSub(config.redisUrl, log);
  const jobs = new Jobs(databaseUrl, log, config.jobPollSeconds);
  const services = createServices(config, storage, live.pubsub, jobs);
  registerJobs(services, () => orm.em.fork());
  await jobs.start(config.runJobs, async () => {
    await services.barter.sweep(orm.em.fork());
    await services.escrow.sweep(orm.em.fork());
    await services.commerce.sweep(orm.em.fork());
  });
  let demo: DemoSeedResult | undefined;
  if (config.seedDemo && (await orm.em.fork().count(User)) === 0) {
    log.info('loading demo data (first start)…');
    demo = await seedDemo(orm.em.fork(), storage, services.reference);
    log.info({ users: demo.users, listings: demo.listings, photos: demo.photos }, 'demo data loaded');
  }

  if (config.bootstrapAdmin) await bootstrapAdmin(orm.em.fork(), config.bootstrapAdmin, config.termsVersion, log);

  const schema = await buildAppSchema();
  const contextFor: ContextFactory = async (auth, ip, requestId): Promise<Context> => {
    const em = orm.em.fork();
    const user = typeof auth === 'object'
      ? (auth.userId ? await services.auth.userById(em, auth.userId) : null)
      : await services.auth.authenticate(em, auth);
    return { em, user, ip, requestId, services, cache: new Map(), loaders: new Map() };
  };

  const httpServer: Server = createServer();
  const ws = attachGraphqlWs({
    httpServer, schema, contextFor, log,
    validationRules: protection(config).validationRules,
    formatError,
    production: config.nodeEnv === 'production',
  });
  const apollo = createApollo(schema, config, log, [{
    async serverWillStart() {
      return { async drainServer() { await ws.close(); } };
    },
  }]);
  await apollo.start();
  httpServer.on('request', createHttpApp({ config, log, apollo, contextFor, webhooks: webhooksRouter(services, () => orm.em.fork(), log) }));
  httpServer.keepAliveTimeout = 65_000;
  await new Promise<void>((resolve, reject) => {
    httpServer.once('error', reject);
    httpServer.listen(config.port, config.host, () => resolve());
  });
  const address = httpServer.address();
  const port = typeof address === 'object' && address ? address.port : config.port;

  return {
    url: `http://localhost:${port}`,
    port,
    orm,
    services,
    databaseUrl,
    demo,
    async close() {
      await apollo.stop();
      httpServer.closeAllConnections();
      await new Promise<void>((resolve) => httpServer.close(() => resolve()));
      await jobs.stop();
      await live.close();
      await orm.close(true);
      await embedded?.stop();
    },
  };
}

/** Creates the configured first admin unless an account with that email exists (BOOTSTRAP_ADMIN_EMAIL). */
async function bootstrapAdmin(em: import('@mikro-orm/postgresql').EntityManager, admin: { email: string; password: string }, termsVersion: string, log: Logger): Promise<void> {
  if (await em.count(User, { email: admin.email })) return;
  if (admin.password.length < 8) throw new Error('BOOTSTRAP_ADMIN_PASSWORD must be at least 8 characters');
  await em.persistAndFlush(new User({ email: admin.email, passwordHash: await hashPassword(admin.password), displayName: 'Admin', termsVersion, role: Role.ADMIN }));
  log.info({ email: admin.email }, 'bootstrap admin created');
}
