import { describe, expect, it } from 'vitest';
import type { OfferStatus, TradeParty } from '@/gql/graphql';
import { mountWithApp } from '@/test/mountWithApp';
import OfferActions from './OfferActions.vue';

type Case = { status: OfferStatus; myRole: TradeParty | null; awaiting: TradeParty; round?: number; buttons: string[] };

const BUTTONS = ['offer-accept', 'offer-counter', 'offer-reject', 'offer-withdraw'];

async function shown(c: Omit<Case, 'buttons'>) {
  const myTurn = c.status === 'PENDING' && c.myRole === c.awaiting;
  const { wrapper } = await mountWithApp(OfferActions, {
    props: { offer: { status: c.status, myRole: c.myRole, awaiting: c.awaiting, myTurn, round: c.round ?? 1 } },
  });
  return { wrapper, ids: BUTTONS.filter((id) => wrapper.find(`[data-testid="${id}"]`).exists()) };
}

describe('OfferActions', () => {
  const cases: Case[] = [
    // the seller answers the first offer
    { status: 'PENDING', myRole: 'SELLER', awaiting: 'SELLER', buttons: ['offer-accept', 'offer-counter', 'offer-reject'] },
    // the buyer made it: may only withdraw while waiting
    { status: 'PENDING', myRole: 'BUYER', awaiting: 'SELLER', buttons: ['offer-withdraw'] },
    // after a counter the turns swap
    { status: 'PENDING', myRole: 'BUYER', awaiting: 'BUYER', round: 2, buttons: ['offer-accept', 'offer-counter', 'offer-reject'] },
    { status: 'PENDING', myRole: 'SELLER', awaiting: 'BUYER', round: 2, buttons: ['offer-withdraw'] },
    // round 5 of 5: no more counters
    { status: 'PENDING', myRole: 'SELLER', awaiting: 'SELLER', round: 5, buttons: ['offer-accept', 'offer-reject'] },
    // an admin reading a disputed trade, and every final status: nothing to do
    { status: 'PENDING', myRole: null, awaiting: 'SELLER', buttons: [] },
    ...(['ACCEPTED', 'REJECTED', 'WITHDRAWN', 'EXPIRED', 'CANCELLED'] as const).flatMap((status) => [
      { status, myRole: 'SELLER' as const, awaiting: 'SELLER' as const, buttons: [] },
      { status, myRole: 'BUYER' as const, awaiting: 'SELLER' as const, buttons: [] },
    ]),
  ];

  it.each(cases)('$status, $myRole, awaiting $awaiting, round $round → $buttons', async (c) => {
    const { ids, wrapper } = await shown(c);
    expect(ids).toEqual(c.buttons);
    expect(wrapper.find('[data-testid="offer-last-round"]').exists()).toBe(c.round === 5 && c.myRole === c.awaiting);
  });

  it('emits the chosen action', async () => {
    const { wrapper } = await shown({ status: 'PENDING', myRole: 'SELLER', awaiting: 'SELLER' });
    await wrapper.get('[data-testid="offer-accept"]').trigger('click');
    await wrapper.get('[data-testid="offer-counter"]').trigger('click');
    await wrapper.get('[data-testid="offer-reject"]').trigger('click');
    expect(Object.keys(wrapper.emitted())).toEqual(expect.arrayContaining(['accept', 'counter', 'reject']));
    const buyer = await shown({ status: 'PENDING', myRole: 'BUYER', awaiting: 'SELLER' });
    await buyer.wrapper.get('[data-testid="offer-withdraw"]').trigger('click');
    expect(buyer.wrapper.emitted('withdraw')).toHaveLength(1);
  });

  it('disables the buttons while an action runs', async () => {
    const { wrapper } = await mountWithApp(OfferActions, {
      props: { offer: { status: 'PENDING', myRole: 'SELLER', awaiting: 'SELLER', myTurn: true, round: 1 }, busy: 'accept' },
    });
    expect(wrapper.get('[data-testid="offer-accept"]').attributes('disabled')).toBeDefined();
    expect(wrapper.get('[data-testid="offer-reject"]').attributes('disabled')).toBeDefined();
  });
});
