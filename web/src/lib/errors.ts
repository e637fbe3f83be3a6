import { ApolloError } from '@apollo/client/core';
import type { GraphQLFormattedError } from 'graphql';

/** Stable error codes of the Pasar API (`extensions.code`). */
export const ERROR_CODES = [
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'BAD_USER_INPUT',
  'NOT_FOUND',
  'CONFLICT',
  'INVALID_STATE',
  'RATE_LIMITED',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number] | 'NETWORK' | 'UNKNOWN';

/** A failure reduced to what the UI shows: a code, the server's message and field errors. */
export interface AppError {
  code: ErrorCode;
  message: string;
  /** BAD_USER_INPUT errors that name an input field (dotted path as the server sent it). */
  fields: Record<string, string>;
}

function codeOf(e: GraphQLFormattedError): ErrorCode {
  const code = e.extensions?.code;
  return typeof code === 'string' && (ERROR_CODES as readonly string[]).includes(code)
    ? (code as ErrorCode)
    : 'UNKNOWN';
}

/** Reads the GraphQL errors of an ApolloError, a plain `{ errors }` response or anything else. */
export function toAppError(error: unknown): AppError {
  const fields: Record<string, string> = {};
  let graphQLErrors: readonly GraphQLFormattedError[] = [];
  if (error instanceof ApolloError) {
    graphQLErrors = error.graphQLErrors;
    if (!graphQLErrors.length && error.networkError) {
      const result = (error.networkError as { result?: { errors?: GraphQLFormattedError[] } }).result;
      if (result?.errors?.length) graphQLErrors = result.errors;
      else return { code: 'NETWORK', message: error.networkError.message, fields };
    }
  } else if (error && typeof error === 'object' && Array.isArray((error as { errors?: unknown }).errors)) {
    graphQLErrors = (error as { errors: GraphQLFormattedError[] }).errors;
  } else if (error instanceof TypeError) {
    return { code: 'NETWORK', message: error.message, fields };
  }
  if (!graphQLErrors.length) {
    return { code: 'UNKNOWN', message: error instanceof Error ? error.message : String(error), fields };
  }
  for (const e of graphQLErrors) {
    const field = e.extensions?.field;
    if (codeOf(e) === 'BAD_USER_INPUT' && typeof field === 'string' && !(field in fields)) fields[field] = e.message;
  }
  const first = graphQLErrors[0];
  return { code: codeOf(first), message: first.message, fields };
}

/** True when a GraphQL error list holds an UNAUTHENTICATED error. */
export function hasCode(errors: readonly GraphQLFormattedError[] | undefined, code: ErrorCode): boolean {
  return !!errors?.some((e) => e.extensions?.code === code);
}

/**
 * Maps server field paths ("input.sale.price", "barter.utility", "photoIds") to the form's
 * field names through `aliases`; the last path segment is used when no alias matches.
 */
export function mapFieldErrors(
  fields: Record<string, string>,
  aliases: Record<string, string> = {},
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [path, message] of Object.entries(fields)) {
    const clean = path.replace(/^input\./, '');
    const key = aliases[clean] ?? aliases[clean.split('.').pop() ?? clean] ?? clean.split('.').pop() ?? clean;
    out[key] ??= message;
  }
  return out;
}
