import { describe, expect, it } from 'vitest';
import { applyRestockEvent, validateReceived, type RestockEvent, type RestockStatus } from './restock.js';

describe('restock table', () => {
  it.each([['ORDERED', 'RECEIVE', 'RECEIVED'], ['ORDERED', 'CANCEL', 'CANCELLED']] as const)('%s + %s → %s', (from, event, to) => {
    expect(applyRestockEvent(from, event)).toBe(to);
  });
  it('refuses every other move (4 of 6)', () => {
    let refused = 0;
    for (const from of ['ORDERED', 'RECEIVED', 'CANCELLED'] as RestockStatus[]) {
      for (const event of ['RECEIVE', 'CANCEL'] as RestockEvent[]) {
        if (from === 'ORDERED') continue;
        expect(() => applyRestockEvent(from, event)).toThrow(expect.objectContaining({ code: 'INVALID_STATE' }));
        refused++;
      }
    }
    expect(refused).toBe(4);
  });
  it('received quantities are 0..ordered', () => {
    expect(() => validateReceived([{ ordered: 5, received: 5 }, { ordered: 3, received: 0 }])).not.toThrow();
    expect(() => validateReceived([{ ordered: 5, received: 6 }])).toThrow(expect.objectContaining({ field: 'lines.0.received' }));
    expect(() => validateReceived([{ ordered: 5, received: 1 }, { ordered: 2, received: -1 }])).toThrow(expect.objectContaining({ field: 'lines.1.received' }));
    expect(() => validateReceived([{ ordered: 5, received: 1.5 }])).toThrow(expect.objectContaining({ code: 'BAD_USER_INPUT' }));
  });
});
