import { expect } from 'vitest';
import { DomainError } from './errors.js';

/** Runs fn and returns the DomainError it throws (fails the test if it does not throw one). */
export function domainError(fn: () => unknown): DomainError {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(DomainError);
    return e as DomainError;
  }
  throw new Error('expected a DomainError to be thrown');
}
