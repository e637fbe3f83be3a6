import { describe, expect, it } from 'vitest';
import { jakartaDate } from './time.js';

describe('jakartaDate', () => {
  it.each([
    ['2026-11-30T16:59:59Z', { year: 2026, month: 11, day: 30 }],
    ['2026-11-30T17:00:00Z', { year: 2026, month: 12, day: 1 }],
    ['2026-12-31T17:00:00Z', { year: 2027, month: 1, day: 1 }],
  ])('%s is %o in WIB', (iso, expected) => expect(jakartaDate(new Date(iso))).toEqual(expected));
});
