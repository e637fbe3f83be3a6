import { describe, expect, it } from 'vitest';
import { DomainError, badInput } from './errors.js';

describe('DomainError', () => {
  it('carries code, field and message and is an Error', () => {
    const e = new DomainError('CONFLICT', 'already taken', 'email');
    expect(e).toBeInstanceOf(Error);
    expect(e).toBeInstanceOf(DomainError);
    expect(e.name).toBe('DomainError');
    expect(e.code).toBe('CONFLICT');
    expect(e.field).toBe('email');
    expect(e.message).toBe('already taken');
  });

  it('leaves field undefined when not given', () => {
    const e = new DomainError('INVALID_STATE', 'listing is closed');
    expect(e.field).toBeUndefined();
    expect('field' in e).toBe(false);
  });

  it('FORBIDDEN is a code (an actor may not make a move that exists)', () => {
    expect(new DomainError('FORBIDDEN', 'only STAFF may').code).toBe('FORBIDDEN');
  });

  it('badInput builds a BAD_USER_INPUT error', () => {
    const e = badInput('x must be 1..5', 'x');
    expect(e.code).toBe('BAD_USER_INPUT');
    expect(e.field).toBe('x');
  });
});
