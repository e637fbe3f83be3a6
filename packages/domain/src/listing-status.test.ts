import { describe, expect, it } from 'vitest';
import { canMoveListing, isPubliclyVisible, type ListingActor, type ListingStatus } from './listing-status.js';

const S: ListingStatus[] = ['DRAFT', 'ACTIVE', 'RESERVED', 'CLOSED', 'REMOVED'];

describe('listing status table', () => {
  const allowed: [ListingStatus, ListingStatus, ListingActor][] = [
    ['DRAFT', 'ACTIVE', 'owner'], ['DRAFT', 'CLOSED', 'owner'], ['ACTIVE', 'DRAFT', 'owner'],
    ['ACTIVE', 'CLOSED', 'owner'], ['CLOSED', 'ACTIVE', 'owner'],
    ['ACTIVE', 'RESERVED', 'trade'], ['RESERVED', 'ACTIVE', 'trade'], ['RESERVED', 'CLOSED', 'trade'],
    ['DRAFT', 'REMOVED', 'admin'], ['ACTIVE', 'REMOVED', 'admin'], ['CLOSED', 'REMOVED', 'admin'], ['REMOVED', 'ACTIVE', 'admin'],
  ];
  it.each(allowed)('%s → %s by %s is allowed', (from, to, by) => expect(canMoveListing(from, to, by)).toBe(true));

  it('refuses every move the table does not list', () => {
    let refused = 0;
    for (const from of S) for (const to of S) for (const by of ['owner', 'trade', 'admin'] as ListingActor[]) {
      if (from === to) continue;
      const listed = allowed.some(([f, t, b]) => f === from && t === to && b === by);
      expect(canMoveListing(from, to, by)).toBe(listed);
      if (!listed) refused++;
    }
    expect(refused).toBe(5 * 4 * 3 - allowed.length);
  });

  it('an owner cannot free a reserved listing or undo a removal', () => {
    expect(canMoveListing('RESERVED', 'ACTIVE', 'owner')).toBe(false);
    expect(canMoveListing('RESERVED', 'CLOSED', 'owner')).toBe(false);
    expect(canMoveListing('REMOVED', 'ACTIVE', 'owner')).toBe(false);
  });

  it('drafts and removed listings are private', () => {
    expect(S.filter(isPubliclyVisible)).toEqual(['ACTIVE', 'RESERVED', 'CLOSED']);
  });
});
