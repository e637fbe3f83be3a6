import { describe, expect, it } from 'vitest';
import { checkoutTotal, deskActions, formatCountdown, groupCartByStore, movesMoney, orderStepIndex, paymentMsLeft } from './shop';

const line = (id: string, store: string, quantity: number, lineTotal: number) => ({
  quantity,
  lineTotal,
  listing: { id, store: { id: store, slug: `${store}-slug`, name: `Toko ${store}` } },
});

describe('shop rules', () => {
  it('groups cart lines per store with subtotals and item counts', () => {
    const groups = groupCartByStore([line('l1', 's1', 2, 300_000), line('l2', 's2', 1, 50_000), line('l3', 's1', 1, 25_000)]);
    expect(groups.map((g) => [g.storeId, g.subtotal, g.items, g.lines.length])).toEqual([
      ['s1', 325_000, 3, 2],
      ['s2', 50_000, 1, 1],
    ]);
  });

  it('composes the checkout total only once shipping is quoted', () => {
    expect(checkoutTotal(325_000, null)).toBeNull();
    expect(checkoutTotal(325_000, 0)).toBe(325_000);
    expect(checkoutTotal(325_000, 18_500)).toBe(343_500);
  });

  it('knows the desk actions per status and the timeline step', () => {
    expect(deskActions('PENDING_PAYMENT')).toEqual(['CONFIRM', 'CANCEL']);
    expect(deskActions('PROCESSING')).toContain('SHIP');
    expect(deskActions('COMPLETED')).toEqual([]);
    expect(orderStepIndex('SHIPPED')).toBe(3);
    expect(orderStepIndex('CANCELLED')).toBe(-1);
  });

  it('counts down the payment deadline', () => {
    const now = Date.parse('2026-11-21T10:00:00Z');
    expect(formatCountdown(paymentMsLeft('2026-11-21T10:29:05Z', now))).toBe('29:05');
    expect(paymentMsLeft('2026-11-21T09:00:00Z', now)).toBe(0);
  });

  it('confirms the desk actions that give money back: a refund, or cancelling a paid order', () => {
    expect(movesMoney('REFUND', 'PAID')).toBe(true);
    expect(movesMoney('REFUND', 'PROCESSING')).toBe(true);
    expect(movesMoney('CANCEL', 'PAID')).toBe(true);
    expect(movesMoney('CANCEL', 'PROCESSING')).toBe(true);
    expect(movesMoney('CANCEL', 'PENDING_PAYMENT')).toBe(false);
    expect(movesMoney('START_PROCESSING', 'PAID')).toBe(false);
  });
});
