import { describe, expect, it } from 'vitest';
import type { EscrowRole, EscrowStatus } from '@/gql/graphql';
import { checkSplit, escrowActions, formatRupiahInput, localFeePreview, parseRupiahInput, toFeeSchedule, type EscrowActions } from './escrow';

const buyer = { id: 'u1' };
const seller = { id: 'u2' };
const room = (status: EscrowStatus, myRole: EscrowRole | null, both = true, payment: { provider: 'MANUAL_TRANSFER'; status: 'PENDING' } | null = null) => ({
  status,
  myRole,
  buyer,
  seller: both ? seller : null,
  payment,
});
const on = (a: EscrowActions) => (Object.keys(a) as (keyof EscrowActions)[]).filter((k) => a[k]).sort();

describe('escrowActions: only what the viewer may do now', () => {
  it.each([
    // status, role, both parties joined, expected actions
    ['AWAITING_PAYMENT', 'BUYER', false, ['cancel', 'invite']],
    ['AWAITING_PAYMENT', 'SELLER', false, ['cancel', 'invite']],
    ['AWAITING_PAYMENT', 'BUYER', true, ['cancel', 'pay']],
    ['AWAITING_PAYMENT', 'SELLER', true, ['cancel']],
    ['FUNDED', 'BUYER', true, ['dispute']],
    ['FUNDED', 'SELLER', true, ['dispute', 'ship']],
    ['SHIPPED', 'BUYER', true, ['dispute', 'receive']],
    ['SHIPPED', 'SELLER', true, ['dispute']],
    ['DISPUTED', 'BUYER', true, []],
    ['DISPUTED', 'SELLER', true, []],
    ['RELEASED', 'BUYER', true, []],
    ['RELEASED', 'SELLER', true, []],
    ['CANCELLED', 'BUYER', true, []],
    ['REFUNDED', 'SELLER', true, []],
  ] as const)('%s as %s (both joined: %s) → %j', (status, role, both, expected) => {
    expect(on(escrowActions(room(status, role, both)))).toEqual([...expected].sort());
  });

  it('admins confirm a pending manual transfer and resolve disputes, nothing else', () => {
    expect(on(escrowActions(room('AWAITING_PAYMENT', null, true, { provider: 'MANUAL_TRANSFER', status: 'PENDING' }), true))).toEqual(['confirmPayment']);
    expect(on(escrowActions(room('AWAITING_PAYMENT', null, true), true))).toEqual([]);
    expect(on(escrowActions(room('DISPUTED', null), true))).toEqual(['resolve']);
    expect(on(escrowActions(room('FUNDED', null), true))).toEqual([]);
    // a non-admin stranger sees nothing
    expect(on(escrowActions(room('DISPUTED', null), false))).toEqual([]);
  });
});

describe('fee preview, rupiah input, split', () => {
  it('quotes inside the inclusive bounds and refuses outside them', () => {
    expect(localFeePreview(null)).toEqual({ state: 'empty' });
    expect(localFeePreview(10_000)).toMatchObject({ state: 'ok', fee: 5_000, total: 15_000 });
    expect(localFeePreview(250_000)).toMatchObject({ state: 'ok', fee: 10_000, total: 260_000 });
    expect(localFeePreview(20_000_000)).toMatchObject({ state: 'ok', fee: 840_000, total: 20_840_000 });
    expect(localFeePreview(9_999)).toEqual({ state: 'outOfRange', min: 10_000, max: 20_000_000 });
    expect(localFeePreview(20_000_001)).toEqual({ state: 'outOfRange', min: 10_000, max: 20_000_000 });
  });

  it('uses the server schedule when given', () => {
    const schedule = toFeeSchedule({ version: 2, min: 5_000, tiers: [{ upTo: 1_000_000, fixed: 2_000, basisPoints: null }, { upTo: 5_000_000, fixed: null, basisPoints: 100 }] });
    expect(localFeePreview(5_000, schedule)).toMatchObject({ state: 'ok', fee: 2_000, scheduleVersion: 2 });
    expect(localFeePreview(2_000_000, schedule)).toMatchObject({ state: 'ok', fee: 20_000 });
    expect(localFeePreview(5_000_001, schedule)).toEqual({ state: 'outOfRange', min: 5_000, max: 5_000_000 });
  });

  it('parses and formats typed rupiah', () => {
    expect(parseRupiahInput('Rp 250.000')).toBe(250_000);
    expect(parseRupiahInput('00120')).toBe(120);
    expect(parseRupiahInput('abc')).toBeNull();
    expect(formatRupiahInput(1_250_000)).toBe('1.250.000');
    expect(formatRupiahInput(null)).toBe('');
  });

  it('checks that the split adds up to the amount', () => {
    expect(checkSplit(250_000, 150_000, 100_000)).toEqual({ ok: true, sum: 250_000 });
    expect(checkSplit(250_000, 0, 250_000)).toEqual({ ok: true, sum: 250_000 });
    expect(checkSplit(250_000, 150_000, 90_000)).toEqual({ ok: false, sum: 240_000, difference: 10_000, problem: 'mismatch' });
    expect(checkSplit(250_000, 150_000, null)).toMatchObject({ ok: false, problem: 'missing' });
  });
});
