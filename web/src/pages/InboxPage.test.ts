import { describe, expect, it } from 'vitest';
import { ConversationDocument } from '@/composables/useConversation';
import { ConversationsDocument, ConversationTradeDocument, INBOX_SIZE } from '@/composables/useInbox';
import { useSessionStore } from '@/stores/session';
import { conversationFixture, messageFixture, participantFixture, userA, userB } from '@/test/fixtures';
import { createLiveApollo } from '@/test/liveApollo';
import { authPayload, mountWithApp, settle } from '@/test/mountWithApp';
import InboxPage from './InboxPage.vue';

const summary = (id: string, title: string) => ({
  __typename: 'Conversation' as const,
  id,
  kind: 'BARTER' as const,
  title,
  createdAt: '2026-11-21T03:00:00.000Z',
  lastMessageAt: '2026-11-21T03:00:00.000Z',
  unreadCount: 0,
  lastMessage: messageFixture({ conversationId: id }),
  participants: [participantFixture(userA, null), participantFixture(userB, null, 'SELLER')],
});
const trade = (offer: { id: string; status: string } | null, deal: { id: string; status: string } | null) => ({
  __typename: 'Conversation' as const,
  id: 'c1',
  offer: offer && { __typename: 'Offer' as const, ...offer },
  deal: deal && { __typename: 'Deal' as const, ...deal },
});

describe('InboxPage', () => {
  it("links the selected conversation's trade from Conversation.offer/deal and follows it live", async () => {
    const live = createLiveApollo([
      { request: { query: ConversationsDocument, variables: { first: INBOX_SIZE } }, result: { data: { conversations: [summary('c1', 'Sepeda lipat')] } } },
      { request: { query: ConversationDocument, variables: { id: 'c1', first: 30 } }, result: { data: { conversation: conversationFixture([messageFixture()]) } } },
      { request: { query: ConversationTradeDocument, variables: { id: 'c1' } }, result: { data: { conversation: trade({ id: 'o1', status: 'PENDING' }, null) } } },
      // fetched again once the offer became a deal
      { request: { query: ConversationTradeDocument, variables: { id: 'c1' } }, result: { data: { conversation: trade({ id: 'o1', status: 'ACCEPTED' }, { id: 'd1', status: 'AWAITING_SHIPMENT' }) } } },
    ]);
    const { wrapper } = await mountWithApp(InboxPage, {
      client: live.client,
      route: '/inbox/c1',
      before: () => useSessionStore().login(authPayload()),
    });
    await settle(8);

    const box = () => wrapper.get('[data-testid="inbox-linked"]');
    expect(box().get('[data-testid="inbox-offer-link"]').attributes('href')).toBe('/offers/o1');
    expect(box().find('[data-status]').attributes('data-status')).toBe('PENDING');
    expect(box().find('[data-testid="inbox-deal-link"]').exists()).toBe(false);

    live.emit('TradeOfferUpdated', { offerUpdated: { __typename: 'Offer', id: 'o1', status: 'ACCEPTED', deal: { __typename: 'Deal', id: 'd1', status: 'AWAITING_SHIPMENT' } } });
    await settle(8);
    expect(box().get('[data-testid="inbox-deal-link"]').attributes('href')).toBe('/deals/d1');
    expect(box().findAll('[data-status]').map((c) => c.attributes('data-status'))).toEqual(['ACCEPTED', 'AWAITING_SHIPMENT']);

    live.emit('TradeDealUpdated', { dealUpdated: { __typename: 'Deal', id: 'd1', status: 'SHIPPED' } });
    await settle();
    expect(box().findAll('[data-status]').map((c) => c.attributes('data-status'))).toEqual(['ACCEPTED', 'SHIPPED']);
  });

  it('shows no linked trade for a conversation without one', async () => {
    const live = createLiveApollo([
      { request: { query: ConversationsDocument, variables: { first: INBOX_SIZE } }, result: { data: { conversations: [summary('c1', 'Bantuan')] } } },
      { request: { query: ConversationDocument, variables: { id: 'c1', first: 30 } }, result: { data: { conversation: conversationFixture([messageFixture()]) } } },
      { request: { query: ConversationTradeDocument, variables: { id: 'c1' } }, result: { data: { conversation: trade(null, null) } } },
    ]);
    const { wrapper } = await mountWithApp(InboxPage, { client: live.client, route: '/inbox/c1', before: () => useSessionStore().login(authPayload()) });
    await settle(8);
    expect(wrapper.findAll('[data-testid="inbox-item"]')).toHaveLength(1);
    expect(wrapper.find('[data-testid="inbox-linked"]').exists()).toBe(false);
  });
});
