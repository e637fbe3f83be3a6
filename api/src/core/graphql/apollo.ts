import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { unwrapResolverError } from '@apollo/server/errors';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import { OptimisticLockError } from '@mikro-orm/core';
import { DomainError } from '@pasar/domain';
import type { GraphQLError, GraphQLFormattedError, GraphQLSchema, ValidationRule } from 'graphql';
import type { Config } from '../config.js';
import type { Context } from '../context.js';
import type { Logger } from '../logger.js';
import { AppError, PUBLIC_CODES } from './errors.js';
import { assertIntrospectionAllowed } from './introspection.js';

/** Depth, cost, alias, token and directive limits (graphql-armor), shared by HTTP and graphql-ws. */
export function protection(config: Config) {
  const { maxDepth, maxCost, maxAliases, maxTokens } = config.graphqlLimits;
  return new ApolloArmor({
    maxDepth: { n: maxDepth, ignoreIntrospection: true },
    costLimit: { maxCost, ignoreIntrospection: true },
    maxAliases: { n: maxAliases },
    maxTokens: { n: maxTokens },
    maxDirectives: { n: 20 },
    blockFieldSuggestion: { enabled: config.nodeEnv === 'production' },
  }).protect();
}

/** True for failures we expect and explain; anything else is a bug to log and mask. */
function isExpected(error: unknown, code: unknown): boolean {
  if (error instanceof AppError || error instanceof DomainError || error instanceof OptimisticLockError) return true;
  return typeof code === 'string' && PUBLIC_CODES.has(code);
}

/**
 * Maps errors to the public contract: AppError as is; domain errors keep their code and
 * field; optimistic-lock failures become CONFLICT; anything unexpected is masked as
 * INTERNAL_SERVER_ERROR (logged with the request id by the plugin below).
 */
export function formatError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const original = unwrapResolverError(error);
  const base = { locations: formatted.locations, path: formatted.path };
  if (original instanceof OptimisticLockError) {
    return { ...base, message: 'Someone changed this at the same time. Reload and try again.', extensions: { code: 'CONFLICT' } };
  }
  if (original instanceof DomainError) {
    return { ...base, message: original.message, extensions: { code: original.code, ...(original.field ? { field: original.field } : {}) } };
  }
  const code = formatted.extensions?.code;
  if (isExpected(original, code)) {
    const { stacktrace: _s, http: _h, ...extensions } = (formatted.extensions ?? {}) as Record<string, unknown>;
    return { ...formatted, extensions };
  }
  return { ...base, message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } };
}

/** Logs unexpected errors with the request id and adds the id to every error sent. */
function errorLogging(log: Logger): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      return {
        async didEncounterErrors({ errors, contextValue, operationName }) {
          for (const e of errors as readonly GraphQLError[]) {
            const original = unwrapResolverError(e);
            if (!isExpected(original, e.extensions?.code)) {
              log.error({ err: original, requestId: contextValue?.requestId, operationName, path: e.path }, 'unexpected GraphQL error');
            }
          }
        },
        async willSendResponse({ response, contextValue }) {
          if (response.body.kind === 'single' && response.body.singleResult.errors && contextValue?.requestId) {
            for (const e of response.body.singleResult.errors) {
              (e as { extensions?: Record<string, unknown> }).extensions = { ...e.extensions, requestId: contextValue.requestId };
            }
          }
        },
      };
    },
  };
}

function introspectionGuard(production: boolean): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ document, contextValue }) {
          assertIntrospectionAllowed(document, contextValue.user, production);
        },
      };
    },
  };
}

/** The Apollo Server of /graphql: limits, masking, no CDN landing page. */
export function createApollo(schema: GraphQLSchema, config: Config, log: Logger, extraPlugins: ApolloServerPlugin<Context>[] = []) {
  const armor = protection(config);
  return new ApolloServer<Context>({
    schema,
    plugins: [
      ...(armor.plugins as ApolloServerPlugin<Context>[]),
      errorLogging(log),
      introspectionGuard(config.nodeEnv === 'production'),
      ApolloServerPluginLandingPageDisabled(),
      ...extraPlugins,
    ],
    validationRules: armor.validationRules as ValidationRule[],
    allowBatchedHttpRequests: false,
    includeStacktraceInErrorResponses: false,
    introspection: true,
    formatError,
  });
}
