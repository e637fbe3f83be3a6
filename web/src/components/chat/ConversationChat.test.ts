import type { MockedResponse } from '@apollo/client/testing/core';
import { describe, expect, it, vi } from 'vitest';
import { ConversationDocument, MarkConversationReadDocument, SendMessageDocument, SendTypingDocument } from '@/composables/useConversation';
import { useSessionStore } from '@/stores/session';
import { conversationFixture, messageFixture, participantFixture, userA, userB } from '@/test/fixtures';
import { createLiveApollo } from '@/test/liveApollo';
import { authPayload, mountWithApp, settle } from '@/test/mountWithApp';
import ConversationChat from './ConversationChat.vue';

const T = (s: string) => `2026-11-21T03:00:${s}.000Z`;

function setup(extra: MockedResponse[] = [], participants = [participantFixture(userA, T('05')), participantFixture(userB, T('01'), 'SELLER')]) {
  const messages = [
    messageFixture({ id: 'm1', text: 'Halo, masih ada?', createdAt: T('01') }),
    messageFixture({ id: 's1', kind: 'SYSTEM', text: null, sender: null, systemEvent: 'OFFER_MADE', createdAt: T('02') }),
    messageFixture({ id: 'm2', text: 'Masih, kak', sender: userA, createdAt: T('03') }),
  ];
  const live = createLiveApollo([
    { request: { query: ConversationDocument, variables: { id: 'c1', first: 30 } }, result: { data: { conversation: conversationFixture(messages, participants) } } },
    ...extra,
    { request: { query: SendTypingDocument, variables: { conversationId: 'c1' } }, result: { data: { sendTyping: true } } },
    { request: { query: MarkConversationReadDocument, variables: { conversationId: 'c1' } }, result: { data: { markConversationRead: T('58') } }, maxUsageCount: 5 },
  ]);
  return live;
}

async function mountChat(live: ReturnType<typeof createLiveApollo>, locale: 'id' | 'en' = 'id') {
  const mounted = await mountWithApp(ConversationChat, {
    client: live.client,
    props: { conversationId: 'c1' },
    locale,
    before: () => useSessionStore().login(authPayload({ id: 'u1', displayName: 'Siti Aminah' })),
  });
  await settle(6);
  return mounted;
}

const texts = (w: Awaited<ReturnType<typeof mountChat>>['wrapper']) => w.findAll('[data-testid="chat-message"]').map((m) => m.text());

describe('ConversationChat', () => {
  it('shows text bubbles and SYSTEM messages as centred notes', async () => {
    const { wrapper } = await mountChat(setup());
    const all = wrapper.findAll('[data-testid="chat-message"]');
    expect(all).toHaveLength(3);
    expect(all[0].text()).toContain('Halo, masih ada?');
    expect(all[1].attributes('data-kind')).toBe('SYSTEM');
    expect(all[1].text()).toContain('Penawaran barter diajukan');
    expect(all[2].attributes('data-mine')).toBe('true');
  });

  it('shows a message once when both the mutation answer and the subscription deliver it', async () => {
    const sent = messageFixture({ id: 'm3', text: 'Saya kirim besok', sender: userA, createdAt: T('10') });
    const live = setup([
      { request: { query: SendMessageDocument, variables: { conversationId: 'c1', input: { text: 'Saya kirim besok' } } }, result: { data: { sendMessage: sent } } },
    ]);
    const { wrapper } = await mountChat(live);
    expect(live.open('MessageAdded')).toBe(1);
    // the subscription may even be first
    live.emit('MessageAdded', { messageAdded: sent });
    await settle();
    await wrapper.get('[data-testid="chat-input"]').setValue('Saya kirim besok');
    await wrapper.get('form.composer').trigger('submit');
    await settle(6);
    live.emit('MessageAdded', { messageAdded: sent });
    live.emit('MessageAdded', { messageAdded: { ...sent } });
    await settle();
    expect(texts(wrapper).filter((t) => t.includes('Saya kirim besok'))).toHaveLength(1);
    expect(wrapper.findAll('[data-testid="chat-message"]')).toHaveLength(4);
    expect((wrapper.get('[data-testid="chat-input"]').element as HTMLTextAreaElement).value).toBe('');
    // another conversation's message is ignored
    live.emit('MessageAdded', { messageAdded: messageFixture({ id: 'x1', conversationId: 'c2', text: 'Salah kamar', createdAt: T('11') }) });
    await settle();
    expect(texts(wrapper).some((t) => t.includes('Salah kamar'))).toBe(false);
  });

  it('marks my last message "Dibaca" once the other participant has read up to it', async () => {
    const live = setup();
    const { wrapper } = await mountChat(live);
    // Budi read up to 03:00:01, before my message of 03:00:03
    expect(wrapper.find('[data-testid="chat-read"]').exists()).toBe(false);
    // my own READ does not count
    live.emit('ConversationActivity', { conversationActivity: { __typename: 'ConversationActivity', conversationId: 'c1', kind: 'READ', readAt: T('20'), user: userA } });
    await settle();
    expect(wrapper.find('[data-testid="chat-read"]').exists()).toBe(false);
    live.emit('ConversationActivity', { conversationActivity: { __typename: 'ConversationActivity', conversationId: 'c1', kind: 'READ', readAt: T('03'), user: userB } });
    await settle();
    const read = wrapper.get('[data-testid="chat-read"]');
    expect(read.text()).toBe('Dibaca');
    // under my last message only
    expect(wrapper.findAll('[data-testid="chat-read"]')).toHaveLength(1);
    expect(read.element.parentElement?.textContent).toContain('Masih, kak');
  });

  it('starts with the read mark when the other participant had already read, and moves it to a newer message', async () => {
    const live = setup([
      {
        request: { query: SendMessageDocument, variables: { conversationId: 'c1', input: { text: 'Oke' } } },
        result: { data: { sendMessage: messageFixture({ id: 'm4', text: 'Oke', sender: userA, createdAt: T('30') }) } },
      },
    ], [participantFixture(userA, T('05')), participantFixture(userB, T('04'), 'SELLER')]);
    const { wrapper } = await mountChat(live, 'en');
    expect(wrapper.get('[data-testid="chat-read"]').text()).toBe('Read');
    await wrapper.get('[data-testid="chat-input"]').setValue('Oke');
    await wrapper.get('form.composer').trigger('submit');
    await settle(6);
    expect(wrapper.find('[data-testid="chat-read"]').exists()).toBe(false);
    // a reply from Budi means he has read everything before it
    live.emit('MessageAdded', { messageAdded: messageFixture({ id: 'm5', text: 'Sip', createdAt: T('40') }) });
    await settle();
    expect(wrapper.get('[data-testid="chat-read"]').element.parentElement?.textContent).toContain('Oke');
  });

  it('shows who is typing and hides it when their message arrives', async () => {
    const live = setup();
    const { wrapper } = await mountChat(live);
    live.emit('ConversationActivity', { conversationActivity: { __typename: 'ConversationActivity', conversationId: 'c1', kind: 'TYPING', readAt: null, user: userB } });
    await settle();
    expect(wrapper.get('[data-testid="chat-typing"]').text()).toBe('Budi Santoso sedang mengetik…');
    live.emit('MessageAdded', { messageAdded: messageFixture({ id: 'm9', text: 'Sudah', createdAt: T('50') }) });
    await settle();
    expect(wrapper.find('[data-testid="chat-typing"]').exists()).toBe(false);
  });

  it('marks the conversation read when a message from the other side is unread', async () => {
    const marked = vi.fn(() => ({ data: { markConversationRead: T('59') } }));
    const live = setup([{ request: { query: MarkConversationReadDocument, variables: { conversationId: 'c1' } }, result: marked }], [
      participantFixture(userA, null),
      participantFixture(userB, T('01'), 'SELLER'),
    ]);
    await mountChat(live);
    expect(marked).toHaveBeenCalledTimes(1);
  });
});
