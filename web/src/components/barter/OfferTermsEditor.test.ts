import { describe, expect, it } from 'vitest';
import { BarterConfigDocument } from '@/composables/useBarterConfig';
import { BarterQuoteDocument } from '@/composables/useOfferTerms';
import { barterConfigFixture } from '@/test/fixtures';
import { mountWithApp, settle } from '@/test/mountWithApp';
import OfferTermsEditor from './OfferTermsEditor.vue';

const listing = (id: string, points: number) => ({ __typename: 'Listing' as const, id, title: `Barang ${id}`, kind: 'BARTER' as const, status: 'ACTIVE' as const, points, condition: 'GOOD' as const, thumbnail: null });
const balance = (offered: number, wanted: number) => ({
  __typename: 'OfferBalanceView' as const,
  offered,
  wanted,
  difference: offered - wanted,
  tolerancePoints: wanted / 10,
  balanced: Math.abs(offered - wanted) <= wanted / 10,
});
const quote = (offered: string[], data: Record<string, unknown>) => ({
  request: { query: BarterQuoteDocument, variables: { wanted: ['w1'], offered } },
  result: { data: { barterQuote: { __typename: 'BarterQuote', ...data } } },
});
const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('OfferTermsEditor', () => {
  it('balances locally as items are picked, confirms with barterQuote and adds the suggestion in one click', async () => {
    const { wrapper } = await mountWithApp(OfferTermsEditor, {
      props: {
        wantedPool: [listing('w1', 100)],
        offeredPool: [listing('o1', 40), listing('o2', 60), listing('o3', 500)],
        initialWanted: ['w1'],
        initialOffered: [],
        wantedLegend: 'Diminta',
        offeredLegend: 'Ditawarkan',
        suggestFor: 'BUYER' as const,
        messageLabel: 'Pesan',
        submitLabel: 'Lanjutkan',
        submitTestid: 'offer-submit',
      },
      mocks: [
        { request: { query: BarterConfigDocument }, result: { data: { barterConfig: barterConfigFixture } } },
        quote(['o1'], { balance: balance(40, 100), suggestion: [listing('o2', 60)], balanceWithSuggestion: balance(100, 100) }),
        quote(['o1', 'o2'], { balance: balance(100, 100), suggestion: [], balanceWithSuggestion: null }),
      ],
    });
    await settle();
    const state = () => wrapper.get('[data-testid="offer-balance"]').attributes('data-state');
    const label = () => wrapper.get('[data-testid="offer-balance-label"]').text();
    expect(state()).toBe('empty');
    expect((wrapper.get('[data-testid="offer-pick-wanted-w1"]').element as HTMLInputElement).checked).toBe(true);

    await wrapper.get('[data-testid="offer-pick-offered-o1"]').setValue(true);
    // at once, before the server answers
    expect([state(), label()]).toEqual(['short', 'Kurang 60 poin']);
    expect(wrapper.find('[data-testid="offer-balance-confirmed"]').exists()).toBe(false);

    await wait(300);
    await settle(6);
    expect(wrapper.find('[data-testid="offer-balance-confirmed"]').exists()).toBe(true);
    expect(wrapper.get('[data-testid="offer-suggestion"]').text()).toContain('Barang o2 (60 poin)');

    await wrapper.get('[data-testid="offer-suggestion-apply"]').trigger('click');
    expect((wrapper.get('[data-testid="offer-pick-offered-o2"]').element as HTMLInputElement).checked).toBe(true);
    expect([state(), label()]).toEqual(['balanced', 'Seimbang']);
    expect(wrapper.find('[data-testid="offer-suggestion"]').exists()).toBe(false);

    await wrapper.get('[data-testid="offer-message"]').setValue('  Halo!  ');
    await wrapper.get('form').trigger('submit');
    const [[payload]] = wrapper.emitted('submit') as [[{ input: unknown; balance: { balanced: boolean } }]];
    expect(payload.input).toEqual({ wantedListingIds: ['w1'], offeredListingIds: ['o1', 'o2'], message: 'Halo!' });
    expect(payload.balance.balanced).toBe(true);
  });

  it('asks for an item on each side before submitting', async () => {
    const { wrapper } = await mountWithApp(OfferTermsEditor, {
      props: {
        wantedPool: [listing('w1', 100)],
        offeredPool: [],
        initialWanted: ['w1'],
        initialOffered: [],
        wantedLegend: 'Diminta',
        offeredLegend: 'Ditawarkan',
        suggestFor: 'BUYER' as const,
        messageLabel: 'Pesan',
        submitLabel: 'Lanjutkan',
        submitTestid: 'offer-submit',
      },
      mocks: [{ request: { query: BarterConfigDocument }, result: { data: { barterConfig: barterConfigFixture } } }],
    });
    await wrapper.get('form').trigger('submit');
    expect(wrapper.text()).toContain('Pilih minimal satu barang di tiap sisi.');
    expect(wrapper.emitted('submit')).toBeUndefined();
  });

  it("shows the seller barterQuote's top-up from the buyer's listings as something to ask for", async () => {
    const { wrapper } = await mountWithApp(OfferTermsEditor, {
      props: {
        wantedPool: [listing('w1', 100)],
        offeredPool: [listing('o1', 40)],
        initialWanted: ['w1'],
        initialOffered: ['o1'],
        wantedLegend: 'Diminta',
        offeredLegend: 'Ditawarkan',
        suggestFor: 'SELLER' as const,
        messageLabel: 'Pesan',
        submitLabel: 'Tawar balik',
        submitTestid: 'offer-counter-submit',
      },
      locale: 'en',
      mocks: [
        { request: { query: BarterConfigDocument }, result: { data: { barterConfig: barterConfigFixture } } },
        quote(['o1'], { balance: balance(40, 100), suggestion: [listing('b7', 60)], balanceWithSuggestion: balance(100, 100) }),
      ],
    });
    await wait(300);
    await settle(6);
    expect(wrapper.get('[data-testid="offer-suggestion"]').text()).toContain('Ask for more: Barang b7 (60 points)');

    await wrapper.get('[data-testid="offer-suggestion-apply"]').trigger('click');
    expect((wrapper.get('[data-testid="offer-pick-offered-b7"]').element as HTMLInputElement).checked).toBe(true);
  });
});
