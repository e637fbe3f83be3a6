import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { ApolloServer } from '@apollo/server';
import { expressMiddleware } from '@as-integrations/express5';
import express, { type Express, type Request } from 'express';
import { bearer } from '../../identity/tokens.js';
import type { Config } from '../config.js';
import type { Context } from '../context.js';
import type { Logger } from '../logger.js';
import { playgroundRouter } from './playground.js';
import { orderDocumentsRouter } from './order-documents.js';
import { uploadsRouter } from './uploads.js';

/**
 * Builds an operation's Context: from a bearer token (HTTP, and a WebSocket at connect), or
 * from the user id a WebSocket authenticated at connect (`{ userId }`; null = anonymous).
 */
export type ContextFactory = (auth: string | undefined | { userId: string | null }, ip: string, requestId: string) => Promise<Context>;

const REQUEST_ID = /^[A-Za-z0-9._-]{8,64}$/;

/**
 * The one express app on PORT: /graphql (Apollo), /uploads, /media, /playground, /healthz,
 * and the built web app with SPA fallback.
 */
export function createHttpApp(opts: {
  config: Config;
  log: Logger;
  apollo: ApolloServer<Context>;
  contextFor: ContextFactory;
  webhooks: express.Router;
}): Express {
  const { config, log, apollo, contextFor } = opts;
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', process.env.TRUST_PROXY ?? 'loopback');
  app.use((req, res, next) => {
    const given = req.header('x-request-id');
    res.locals.requestId = given && REQUEST_ID.test(given) ? given : randomUUID();
    res.setHeader('x-request-id', res.locals.requestId);
    res.setHeader('x-content-type-options', 'nosniff');
    next();
  });
  const ctxOf = (req: Request, requestId: string) =>
    contextFor(bearer(req.header('authorization')), req.ip ?? 'unknown', requestId);

  app.get('/healthz', (_req, res) => void res.json({ ok: true }));
  app.use(opts.webhooks);
  app.use(
    '/graphql',
    express.json({ limit: config.bodyLimitBytes }),
    expressMiddleware(apollo, { context: async ({ req, res }) => ctxOf(req, res.locals.requestId) }),
  );
  app.use(uploadsRouter(config, log, (req) => ctxOf(req, String(req.res?.locals.requestId))));
  app.use(orderDocumentsRouter((req) => ctxOf(req, String(req.res?.locals.requestId)), config.publicUrl, log));
  app.use('/media', express.static(config.uploadDir, { immutable: true, maxAge: '365d', fallthrough: false, index: false }));
  app.use(playgroundRouter());

  if (existsSync(join(config.webDist, 'index.html'))) {
    app.use(express.static(config.webDist, { index: false, maxAge: '1h' }));
    app.get(/^\/(?!graphql|uploads|media|playground|healthz|webhooks).*/, (_req, res) => {
      res.set('Cache-Control', 'no-cache').sendFile(join(config.webDist, 'index.html'));
    });
  } else {
    log.warn({ webDist: config.webDist }, 'web app not built: only the API is served');
  }

  // Body too large, bad JSON, and anything unexpected: a JSON error, never a stack trace.
  app.use((err: { status?: number; type?: string; message?: string }, _req: Request, res: express.Response, _next: express.NextFunction) => {
    const status = err.status ?? 500;
    if (status >= 500) log.error({ err, requestId: res.locals.requestId }, 'http error');
    const code = status === 413 ? 'BAD_USER_INPUT' : status < 500 ? 'BAD_REQUEST' : 'INTERNAL_SERVER_ERROR';
    const message = status === 413 ? 'The request body is too large.' : status < 500 ? (err.message ?? 'Bad request') : 'Internal server error';
    res.status(status).json({ errors: [{ message, extensions: { code, requestId: res.locals.requestId } }] });
  });
  return app;
}
