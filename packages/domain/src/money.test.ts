import { describe, expect, it } from 'vitest';
import { formatPoints, formatRupiah, groupThousands, isMoney, roundHalfUp } from './money.js';

describe('roundHalfUp', () => {
  it.each([
    [5, 2, 3], // 2.5 → 3 (half goes up)
    [7, 2, 4], // 3.5 → 4
    [3, 2, 2], // 1.5 → 2
    [1, 2, 1], // 0.5 → 1
    [1, 3, 0], // 0.333 → 0
    [2, 3, 1], // 0.667 → 1
    [4, 3, 1], // 1.333 → 1
    [0, 7, 0],
    [6, 3, 2], // exact
    [-5, 2, -2], // −2.5 → −2 (toward +∞)
    [-7, 2, -3], // −3.5 → −3
    [-4, 3, -1], // −1.333 → −1
    [-5, 3, -2], // −1.667 → −2
    [5, -2, -2], // negative denominator: −2.5 → −2
    [-5, -2, 3], // 2.5 → 3
  ])('roundHalfUp(%d, %d) = %d', (n, d, want) => {
    expect(roundHalfUp(n, d)).toBe(want);
  });

  it('works with bigint and returns bigint', () => {
    expect(roundHalfUp(10n, 4n)).toBe(3n); // 2.5 → 3
    expect(roundHalfUp(9n, 4n)).toBe(2n); // 2.25 → 2
    // 10^30 + 5 over 10 = 10^29 + 0.5 → 10^29 + 1, far beyond float precision
    expect(roundHalfUp(10n ** 30n + 5n, 10n)).toBe(10n ** 29n + 1n);
    expect(roundHalfUp(10n ** 30n + 4n, 10n)).toBe(10n ** 29n);
  });

  it('rejects a zero denominator and non-integers', () => {
    expect(() => roundHalfUp(1, 0)).toThrow(RangeError);
    expect(() => roundHalfUp(1n, 0n)).toThrow(RangeError);
    expect(() => roundHalfUp(1.5, 2)).toThrow(RangeError);
    expect(() => roundHalfUp(3, 2.5)).toThrow(RangeError);
    expect(() => roundHalfUp(Number.MAX_SAFE_INTEGER + 1, 1)).toThrow(RangeError);
  });
});

describe('isMoney', () => {
  it.each([
    [0, true],
    [1, true],
    [1_250_000, true],
    [Number.MAX_SAFE_INTEGER, true],
    [Number.MAX_SAFE_INTEGER + 1, false],
    [-1, false],
    [1.5, false],
    [NaN, false],
    [Infinity, false],
    ['1000', false],
    [null, false],
    [1000n, false],
  ])('isMoney(%s) = %s', (n, want) => {
    expect(isMoney(n)).toBe(want);
  });
});

describe('formatRupiah', () => {
  it.each([
    [0, 'Rp 0'],
    [5, 'Rp 5'],
    [999, 'Rp 999'],
    [1000, 'Rp 1.000'],
    [10000, 'Rp 10.000'],
    [100000, 'Rp 100.000'],
    [1250000, 'Rp 1.250.000'],
    [20000000, 'Rp 20.000.000'],
    [10_000_000_000, 'Rp 10.000.000.000'],
    [-5000, '-Rp 5.000'],
  ])('formatRupiah(%d) = %s', (n, want) => {
    expect(formatRupiah(n)).toBe(want);
  });

  it('rejects non-integers', () => {
    expect(() => formatRupiah(1.5)).toThrow(/safe integer/);
    expect(() => formatRupiah(NaN)).toThrow(/safe integer/);
  });
});

describe('groupThousands / formatPoints', () => {
  it.each([
    [0, '0'],
    [123, '123'],
    [1234, '1.234'],
    [12345, '12.345'],
    [123456, '123.456'],
    [1234567, '1.234.567'],
    [-1234, '-1.234'],
  ])('groupThousands(%d) = %s', (n, want) => {
    expect(groupThousands(n)).toBe(want);
  });

  it.each([
    [0, '0 poin'],
    [1, '1 poin'],
    [999, '999 poin'],
    [1234, '1.234 poin'],
    [1666667, '1.666.667 poin'],
  ])('formatPoints(%d) = %s', (n, want) => {
    expect(formatPoints(n)).toBe(want);
  });
});
