/**
 * Error codes a domain rule can raise. They match the GraphQL `extensions.code`
 * values of the API contract (docs/contract-draft.graphql). FORBIDDEN means the move
 * exists but this kind of actor may not make it (e.g. a buyer cancelling a paid order).
 */
export type DomainErrorCode = 'BAD_USER_INPUT' | 'INVALID_STATE' | 'CONFLICT' | 'FORBIDDEN';

/**
 * A broken business rule. `code` is the GraphQL error code the API should report,
 * `field` (when known) is the dotted path of the offending input, e.g. `"barter.utility"`.
 * The message is plain English and names the field and the allowed range.
 */
export class DomainError extends Error {
  readonly code: DomainErrorCode;
  /** Dotted path of the offending input; absent (not even an own property) when unknown. */
  declare readonly field?: string;

  constructor(code: DomainErrorCode, message: string, field?: string) {
    super(message);
    this.name = 'DomainError';
    this.code = code;
    if (field !== undefined) this.field = field;
  }
}

/** Shorthand for `new DomainError('BAD_USER_INPUT', message, field)`. */
export function badInput(message: string, field?: string): DomainError {
  return new DomainError('BAD_USER_INPUT', message, field);
}
