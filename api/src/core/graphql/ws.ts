import { randomUUID } from 'node:crypto';
import type { Server } from 'node:http';
import { GraphQLError, parse, validate, type GraphQLSchema, type ValidationRule } from 'graphql';
import { useServer } from 'graphql-ws/use/ws';
import { WebSocketServer } from 'ws';
import { bearer } from '../../identity/tokens.js';
import type { ContextFactory } from '../http/app.js';
import type { Logger } from '../logger.js';
import { AppError } from './errors.js';
import { assertIntrospectionAllowed } from './introspection.js';
import { sharedSubscribe } from './shared-execution.js';

/**
 * graphql-ws on /graphql (same port). The access token comes in
 * connectionParams.authorization ("Bearer …"); a bad token refuses the connection (4403).
 * Every operation gets its own context with a fresh EntityManager fork, the same limits
 * as HTTP, and the same error masking.
 */
export function attachGraphqlWs(opts: {
  httpServer: Server;
  schema: GraphQLSchema;
  contextFor: ContextFactory;
  validationRules: ValidationRule[];
  formatError: (formatted: ReturnType<GraphQLError['toJSON']>, error: unknown) => ReturnType<GraphQLError['toJSON']>;
  production: boolean;
  log: Logger;
}) {
  const wss = new WebSocketServer({ server: opts.httpServer, path: '/graphql', maxPayload: 64 * 1024 });
  const tokenOf = (params: Record<string, unknown> | undefined) =>
    bearer(params?.authorization ?? params?.Authorization);

  const cleanup = useServer(
    {
      schema: opts.schema,
      subscribe: sharedSubscribe,
      onConnect: async (ctx) => {
        try {
          // The token is checked once, at connect; the socket then acts as that user (operations
          // keep working after the short-lived token expires), re-read per operation so
          // sanctions apply at once.
          const probe = await opts.contextFor(tokenOf(ctx.connectionParams), ipOf(ctx.extra.request), randomUUID());
          (ctx.extra as { userId?: string | null }).userId = probe.user?.id ?? null;
          return true;
        } catch {
          return false;
        }
      },
      onSubscribe: async (ctx, _id, payload) => {
        let document;
        try {
          document = parse(payload.query, { maxTokens: 2000 });
        } catch (e) {
          return [e instanceof GraphQLError ? e : new GraphQLError('Syntax error')];
        }
        const errors = validate(opts.schema, document, opts.validationRules);
        if (errors.length) return errors;
        try {
          const context = await opts.contextFor({ userId: (ctx.extra as { userId?: string | null }).userId ?? null }, ipOf(ctx.extra.request), randomUUID());
          assertIntrospectionAllowed(document, context.user, opts.production);
          return { schema: opts.schema, document, variableValues: payload.variables, operationName: payload.operationName, contextValue: context };
        } catch (e) {
          if (e instanceof AppError) return [e];
          throw e;
        }
      },
      onNext: (_ctx, _id, _payload, _args, result) => {
        if ('errors' in result && result.errors) {
          return { ...result, errors: result.errors.map((e) => opts.formatError(e.toJSON(), e)) } as unknown as typeof result;
        }
        return result;
      },
    },
    wss,
  );
  return { wss, close: async () => { await cleanup.dispose(); wss.close(); } };
}

function ipOf(req: { socket: { remoteAddress?: string } }): string {
  return req.socket.remoteAddress ?? 'unknown';
}
