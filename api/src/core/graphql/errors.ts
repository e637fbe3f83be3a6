import { GraphQLError } from 'graphql';

/**
 * The stable error codes of the public contract (PRODUCT.md, "The public GraphQL contract").
 * Every expected failure is an AppError carrying one of them in `extensions.code`.
 */
export type ErrorCode =
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'BAD_USER_INPUT'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'INVALID_STATE'
  | 'RATE_LIMITED';

const HTTP_STATUS: Partial<Record<ErrorCode, number>> = { UNAUTHENTICATED: 401 };

/** An expected failure with a stable code; `field` names the offending input field when there is one. */
export class AppError extends GraphQLError {
  constructor(code: ErrorCode, message: string, extra: { field?: string; retryAfterSeconds?: number } = {}) {
    super(message, {
      extensions: {
        code,
        ...(extra.field ? { field: extra.field } : {}),
        ...(extra.retryAfterSeconds !== undefined ? { retryAfterSeconds: extra.retryAfterSeconds } : {}),
        ...(HTTP_STATUS[code] ? { http: { status: HTTP_STATUS[code] } } : {}),
      },
    });
    this.name = 'AppError';
  }
}

export const unauthenticated = (message = 'You must be logged in.') => new AppError('UNAUTHENTICATED', message);
export const forbidden = (message = 'You are not allowed to do this.') => new AppError('FORBIDDEN', message);
export const notFound = (what: string) => new AppError('NOT_FOUND', `${what} not found.`);
export const badInput = (message: string, field?: string) => new AppError('BAD_USER_INPUT', message, { field });
export const conflict = (message: string, field?: string) => new AppError('CONFLICT', message, { field });
export const invalidState = (message: string) => new AppError('INVALID_STATE', message);

/** Codes that are safe to show to clients as they are (ours, and Apollo's request-level ones). */
export const PUBLIC_CODES = new Set<string>([
  'UNAUTHENTICATED', 'FORBIDDEN', 'BAD_USER_INPUT', 'NOT_FOUND', 'CONFLICT', 'INVALID_STATE', 'RATE_LIMITED',
  'GRAPHQL_PARSE_FAILED', 'GRAPHQL_VALIDATION_FAILED', 'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED', 'OPERATION_RESOLUTION_FAILURE', 'BAD_REQUEST',
]);
