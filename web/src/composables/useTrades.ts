import { useQuery, useSubscription } from '@vue/apollo-composable';
import { computed } from 'vue';
import { graphql } from '@/gql';
import type { DealSummaryFieldsFragment, OfferSummaryFieldsFragment } from '@/gql/graphql';

export const MyTradesDocument = graphql(`
  query MyTrades($first: Int!) {
    myOffers(first: $first) {
      ...OfferSummaryFields
      balance {
        ...BalanceFields
      }
    }
    myDeals(first: $first) {
      ...DealSummaryFields
    }
  }
`);

const OfferListUpdatedDocument = graphql(`
  subscription OfferListUpdated {
    offerUpdated {
      ...OfferSummaryFields
      balance {
        ...BalanceFields
      }
    }
  }
`);

const DealListUpdatedDocument = graphql(`
  subscription DealListUpdated {
    dealUpdated {
      ...DealSummaryFields
    }
  }
`);

export const TRADES_SIZE = 100;

/**
 * The member's offers and deals (latest activity first), live: known ones update in the
 * cache; an unknown one (a new offer or deal) refetches the lists.
 */
export function useTrades(enabled: () => boolean = () => true) {
  const { result, loading, error, refetch } = useQuery(MyTradesDocument, { first: TRADES_SIZE }, () => ({ enabled: enabled() }));
  const offers = computed<OfferSummaryFieldsFragment[]>(() => result.value?.myOffers ?? []);
  const deals = computed<DealSummaryFieldsFragment[]>(() => result.value?.myDeals ?? []);

  const offerSub = useSubscription(OfferListUpdatedDocument, {}, () => ({ enabled: enabled() }));
  offerSub.onResult((r) => {
    const o = r.data?.offerUpdated;
    if (o && !offers.value.some((x) => x.id === o.id)) void refetch()?.catch(() => undefined);
    if (o?.deal && !deals.value.some((d) => d.id === o.deal?.id)) void refetch()?.catch(() => undefined);
  });
  const dealSub = useSubscription(DealListUpdatedDocument, {}, () => ({ enabled: enabled() }));
  dealSub.onResult((r) => {
    const d = r.data?.dealUpdated;
    if (d && !deals.value.some((x) => x.id === d.id)) void refetch()?.catch(() => undefined);
  });

  return { offers, deals, loading, initialLoading: computed(() => loading.value && !result.value), error, refetch };
}
