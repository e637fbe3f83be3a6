import { describe, expect, it } from 'vitest';
import ChatMessage from '@/components/chat/ChatMessage.vue';
import en from '@/i18n/en';
import id from '@/i18n/id';
import { messageFixture } from '@/test/fixtures';
import { mountWithApp } from '@/test/mountWithApp';
import { appLink, canOpenDispute, dealStep, NOTIFICATION_KINDS, notificationKindKey, SYSTEM_EVENTS, systemEventKey } from './trade';

describe('system message wording', () => {
  it.each(SYSTEM_EVENTS.flatMap((code) => (['id', 'en'] as const).map((locale) => ({ code, locale }))))('words $code in $locale', async ({ code, locale }) => {
    const { wrapper } = await mountWithApp(ChatMessage, {
      props: { message: messageFixture({ kind: 'SYSTEM', text: null, sender: null, systemEvent: code }), mine: false },
      locale,
    });
    const note = wrapper.get('[data-testid="chat-message"]');
    const expected = (locale === 'id' ? id : en).systemEvent[code];
    expect(note.attributes('data-kind')).toBe('SYSTEM');
    expect(note.get('.system-text').text()).toBe(expected);
    expect(expected).not.toBe((locale === 'id' ? id : en).systemEvent.UNKNOWN);
  });

  it('has a distinct wording per code and a neutral one for unknown codes', () => {
    for (const messages of [id, en]) {
      const words = SYSTEM_EVENTS.map((c) => messages.systemEvent[c]);
      expect(new Set(words).size).toBe(SYSTEM_EVENTS.length);
    }
    expect(systemEventKey('SOMETHING_NEW')).toBe('systemEvent.UNKNOWN');
    expect(systemEventKey(null)).toBe('systemEvent.UNKNOWN');
  });

  it('titles every notification kind in both languages', () => {
    for (const kind of NOTIFICATION_KINDS) {
      expect(notificationKindKey(kind)).toBe(`notifications.kind.${kind}`);
      expect(id.notifications.kind[kind]).toBeTruthy();
      expect(en.notifications.kind[kind]).toBeTruthy();
    }
    expect(notificationKindKey('SOMETHING_NEW')).toBeNull();
  });
});

describe('trade rules for the UI', () => {
  const ship = (sender: string, recipient: string, receivedAt: string | null = null) => ({ sender: { id: sender }, recipient: { id: recipient }, receivedAt });

  it('finds my next step in a deal', () => {
    const deal = (status: 'AWAITING_SHIPMENT' | 'SHIPPED' | 'COMPLETED', shipments: ReturnType<typeof ship>[]) => ({ status, myRole: 'BUYER' as const, shipments });
    expect(dealStep(deal('AWAITING_SHIPMENT', []), 'u1')).toBe('SHIP');
    expect(dealStep(deal('AWAITING_SHIPMENT', [ship('u2', 'u1')]), 'u1')).toBe('SHIP');
    expect(dealStep(deal('AWAITING_SHIPMENT', [ship('u1', 'u2')]), 'u1')).toBe('WAIT_SHIPMENT');
    expect(dealStep(deal('SHIPPED', [ship('u1', 'u2'), ship('u2', 'u1')]), 'u1')).toBe('CONFIRM');
    expect(dealStep(deal('SHIPPED', [ship('u1', 'u2'), ship('u2', 'u1', '2026-11-21T00:00:00Z')]), 'u1')).toBe('WAIT_RECEIPT');
    expect(dealStep(deal('COMPLETED', []), 'u1')).toBe('NONE');
    expect(dealStep({ status: 'SHIPPED', myRole: null, shipments: [] }, 'admin')).toBe('NONE');
  });

  it('allows a dispute before completion only, for a party', () => {
    expect(canOpenDispute({ status: 'AWAITING_SHIPMENT', myRole: 'SELLER' })).toBe(true);
    expect(canOpenDispute({ status: 'SHIPPED', myRole: 'BUYER' })).toBe(true);
    expect(canOpenDispute({ status: 'DISPUTED', myRole: 'BUYER' })).toBe(false);
    expect(canOpenDispute({ status: 'COMPLETED', myRole: 'BUYER' })).toBe(false);
    expect(canOpenDispute({ status: 'SHIPPED', myRole: null })).toBe(false);
  });

  it('follows only app paths from notifications', () => {
    expect(appLink('/offers/1')).toBe('/offers/1');
    expect(appLink('//evil.example/x')).toBeNull();
    expect(appLink('https://evil.example')).toBeNull();
    expect(appLink(null)).toBeNull();
  });
});
