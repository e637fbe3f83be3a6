import { describe, expect, it } from 'vitest';
import { hasUnreadFromOthers, laterInstant, mergeMessages, readMarkMessageId, throttle } from './chat';

const me = { id: 'u1' };
const other = { id: 'u2' };
const msg = (id: string, at: string, sender: { id: string } | null) => ({ id, createdAt: `2026-11-21T03:00:${at}.000Z`, sender });

describe('chat helpers', () => {
  it('merges pages, mutation answers and subscription events: each id once, oldest first', () => {
    const page = [msg('b', '02', other), msg('a', '01', me)];
    const fromMutation = msg('c', '03', me);
    const fromSubscription = { ...msg('c', '03', me) };
    const merged = mergeMessages(page, [fromMutation], [fromSubscription], [msg('b', '02', other)]);
    expect(merged.map((m) => m.id)).toEqual(['a', 'b', 'c']);
    // same instant: ordered by id, like the server's (createdAt, id) cursor
    expect(mergeMessages([msg('z', '05', me), msg('y', '05', other)]).map((m) => m.id)).toEqual(['y', 'z']);
  });

  it('marks my last message read once the other participant read up to it', () => {
    const messages = [msg('a', '01', me), msg('b', '02', other), msg('c', '03', me)];
    const participants = (otherRead: string | null) => [
      { user: me, lastReadAt: '2026-11-21T03:00:59.000Z' },
      { user: other, lastReadAt: otherRead },
    ];
    expect(readMarkMessageId(messages, 'u1', participants(null))).toBeNull();
    expect(readMarkMessageId(messages, 'u1', participants('2026-11-21T03:00:02.500Z'))).toBeNull(); // read 'a', not 'c'
    expect(readMarkMessageId(messages, 'u1', participants('2026-11-21T03:00:03.000Z'))).toBe('c'); // ≥ createdAt
    expect(readMarkMessageId(messages, 'u1', participants('2026-11-21T04:00:00.000Z'))).toBe('c');
    // my own read position never counts, and without messages of mine there is no mark
    expect(readMarkMessageId(messages, 'u1', [{ user: me, lastReadAt: '2026-11-22T00:00:00.000Z' }])).toBeNull();
    expect(readMarkMessageId([msg('b', '02', other)], 'u1', participants('2026-11-22T00:00:00.000Z'))).toBeNull();
    expect(readMarkMessageId(messages, null, participants('2026-11-22T00:00:00.000Z'))).toBeNull();
  });

  it('knows when something from others (system notes included) is unread', () => {
    const messages = [msg('a', '01', me), msg('s', '02', null), msg('b', '03', other)];
    expect(hasUnreadFromOthers(messages, 'u1', null)).toBe(true);
    expect(hasUnreadFromOthers(messages, 'u1', '2026-11-21T03:00:02.000Z')).toBe(true);
    expect(hasUnreadFromOthers(messages, 'u1', '2026-11-21T03:00:03.000Z')).toBe(false);
    expect(hasUnreadFromOthers([msg('a', '01', me)], 'u1', null)).toBe(false);
  });

  it('keeps the later of two instants', () => {
    expect(laterInstant(null, '2026-01-01T00:00:00Z')).toBe('2026-01-01T00:00:00Z');
    expect(laterInstant('2026-01-02T00:00:00Z', '2026-01-01T00:00:00Z')).toBe('2026-01-02T00:00:00Z');
    expect(laterInstant(undefined, null)).toBeNull();
  });

  it('throttles typing notices to one per window', () => {
    let now = 0;
    let calls = 0;
    const notify = throttle(() => calls++, 3000, () => now);
    notify();
    now = 1000;
    notify();
    now = 2999;
    notify();
    expect(calls).toBe(1);
    now = 3000;
    notify();
    expect(calls).toBe(2);
  });
});
