import { offerBalance, OFFER_RULES, type OfferBalance } from '@pasar/domain';
import { useQuery } from '@vue/apollo-composable';
import { computed, onBeforeUnmount, ref, watch, type Ref } from 'vue';
import { graphql } from '@/gql';
import type { TradeListingFieldsFragment } from '@/gql/graphql';
import { useBarterConfig } from './useBarterConfig';

export const SellerBarterListingsDocument = graphql(`
  query SellerBarterListings($sellerId: ID!, $first: Int!) {
    listings(filter: { sellerId: $sellerId, kind: BARTER }, first: $first, sort: NEWEST) {
      edges {
        node {
          ...TradeListingFields
        }
      }
    }
  }
`);

export const MyBarterListingsDocument = graphql(`
  query MyBarterListings($first: Int!) {
    myListings(status: ACTIVE, first: $first) {
      edges {
        node {
          ...TradeListingFields
        }
      }
    }
  }
`);

export const BarterQuoteDocument = graphql(`
  query BarterQuote($wanted: [ID!]!, $offered: [ID!]!) {
    barterQuote(wantedListingIds: $wanted, offeredListingIds: $offered) {
      balance {
        ...BalanceFields
      }
      balanceWithSuggestion {
        ...BalanceFields
      }
      suggestion {
        ...TradeListingFields
      }
    }
  }
`);

/** ACTIVE barter listings of one member (another member's, by search). */
export function useSellerBarterListings(sellerId: Ref<string | null>) {
  const { result, loading, error } = useQuery(SellerBarterListingsDocument, () => ({ sellerId: sellerId.value ?? '', first: 50 }), () => ({ enabled: !!sellerId.value }));
  const listings = computed<TradeListingFieldsFragment[]>(() => result.value?.listings.edges.map((e) => e.node).filter((l) => l.kind === 'BARTER' && l.status === 'ACTIVE') ?? []);
  return { listings, loading, error };
}

/** The member's own ACTIVE barter listings. */
export function useMyBarterListings(enabled: () => boolean = () => true) {
  const { result, loading, error } = useQuery(MyBarterListingsDocument, { first: 100 }, () => ({ enabled: enabled() }));
  const listings = computed<TradeListingFieldsFragment[]>(() => result.value?.myListings.edges.map((e) => e.node).filter((l) => l.kind === 'BARTER' && l.status === 'ACTIVE') ?? []);
  return { listings, loading, error };
}

/** Listings of several sources, each id once (the first copy wins). */
export function uniqueListings(...sources: readonly (readonly TradeListingFieldsFragment[])[]): TradeListingFieldsFragment[] {
  const seen = new Map<string, TradeListingFieldsFragment>();
  for (const source of sources) for (const l of source) if (!seen.has(l.id)) seen.set(l.id, l);
  return [...seen.values()];
}

export interface OfferTermsOptions {
  /** The seller's listings the offer may want. */
  wantedPool: Ref<TradeListingFieldsFragment[]>;
  /** The buyer's listings the offer may offer. */
  offeredPool: Ref<TradeListingFieldsFragment[]>;
  initialWanted?: string[];
  initialOffered?: string[];
  /** Show barterQuote's "add items" suggestion (the offering party's listings: the buyer's, for either side). */
  suggest: () => boolean;
  /** Points of an id when the pool does not have it (e.g. a snapshotted line). */
  fallbackPoints?: (id: string) => number | undefined;
}

const QUOTE_DEBOUNCE_MS = 250;

/**
 * The terms being edited (make-offer and counter-offer): which listings on each side, a
 * balance computed locally with offerBalance as the member clicks, confirmed by the
 * server's barterQuote, and its suggestion of the fewest of the buyer's listings to add when short.
 */
export function useOfferTerms(options: OfferTermsOptions) {
  const wantedIds = ref<string[]>([...(options.initialWanted ?? [])]);
  const offeredIds = ref<string[]>([...(options.initialOffered ?? [])]);
  const { config } = useBarterConfig();
  const tolerance = computed(() => config.value.balanceTolerance);
  const max = OFFER_RULES.maxItemsPerSide;

  /** Suggested listings added with one click (kept even if the pool does not list them). */
  const adopted = ref<TradeListingFieldsFragment[]>([]);
  const offeredChoices = computed(() => uniqueListings(options.offeredPool.value, adopted.value));

  function pointsOf(id: string): number {
    const l = options.wantedPool.value.find((x) => x.id === id) ?? offeredChoices.value.find((x) => x.id === id);
    const p = l?.points ?? options.fallbackPoints?.(id);
    return typeof p === 'number' && Number.isSafeInteger(p) && p >= 0 ? p : 0;
  }

  function toggle(side: 'wanted' | 'offered', id: string): void {
    const list = side === 'wanted' ? wantedIds : offeredIds;
    if (list.value.includes(id)) list.value = list.value.filter((x) => x !== id);
    else if (list.value.length < max) list.value = [...list.value, id];
  }

  function reset(wanted: string[], offered: string[]): void {
    wantedIds.value = [...wanted];
    offeredIds.value = [...offered];
  }

  const complete = computed(() => wantedIds.value.length > 0 && offeredIds.value.length > 0);
  const localBalance = computed<OfferBalance | null>(() => {
    if (!complete.value) return null;
    try {
      return offerBalance(offeredIds.value.map(pointsOf), wantedIds.value.map(pointsOf), tolerance.value);
    } catch {
      return null;
    }
  });

  // barterQuote follows the selection, a little after the last click.
  const quoted = ref<{ wanted: string[]; offered: string[] }>({ wanted: [], offered: [] });
  let timer: ReturnType<typeof setTimeout> | null = null;
  watch(
    [wantedIds, offeredIds],
    ([w, o]) => {
      if (timer) clearTimeout(timer);
      timer = setTimeout(() => (quoted.value = { wanted: [...w], offered: [...o] }), QUOTE_DEBOUNCE_MS);
    },
    { immediate: true },
  );
  onBeforeUnmount(() => {
    if (timer) clearTimeout(timer);
  });
  const quoteEnabled = computed(() => quoted.value.wanted.length > 0 && quoted.value.offered.length > 0);
  const { result: quoteResult, loading: quoteLoading, error: quoteError } = useQuery(
    BarterQuoteDocument,
    () => ({ wanted: quoted.value.wanted, offered: quoted.value.offered }),
    () => ({ enabled: quoteEnabled.value, fetchPolicy: 'network-only' }),
  );
  const sameIds = (a: string[], b: string[]) => a.length === b.length && a.every((x, i) => x === b[i]);
  const quoteCurrent = computed(
    () => quoteEnabled.value && !!quoteResult.value && sameIds(quoted.value.wanted, wantedIds.value) && sameIds(quoted.value.offered, offeredIds.value),
  );
  const quote = computed(() => (quoteCurrent.value && !quoteLoading.value ? (quoteResult.value?.barterQuote ?? null) : null));

  /** What the meter shows: the server's figures once they match the selection, else the local ones. */
  const balance = computed(() => quote.value?.balance ?? localBalance.value);
  const confirmed = computed(() => !!quote.value);
  const suggestion = computed<TradeListingFieldsFragment[]>(() => (options.suggest() && quote.value ? quote.value.suggestion.filter((l) => !offeredIds.value.includes(l.id)) : []));
  const balanceWithSuggestion = computed(() => (suggestion.value.length ? (quote.value?.balanceWithSuggestion ?? null) : null));

  function applySuggestion(): void {
    adopted.value = uniqueListings(adopted.value, suggestion.value);
    const add = suggestion.value.map((l) => l.id).filter((id) => !offeredIds.value.includes(id));
    offeredIds.value = [...offeredIds.value, ...add].slice(0, max);
  }

  return {
    wantedIds,
    offeredIds,
    offeredChoices,
    toggle,
    reset,
    complete,
    balance,
    localBalance,
    confirmed,
    checking: computed(() => complete.value && !confirmed.value && !quoteError.value),
    quoteError,
    suggestion,
    balanceWithSuggestion,
    applySuggestion,
    tolerance,
    maxItems: max,
  };
}
