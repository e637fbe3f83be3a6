import { useQuery, useSubscription } from '@vue/apollo-composable';
import { computed } from 'vue';
import { graphql } from '@/gql';
import type { DisputedDealsQuery } from '@/gql/graphql';

export const DisputedDealsDocument = graphql(`
  query DisputedDeals {
    disputedDeals {
      ...DealSummaryFields
      dispute {
        ...DisputeFields
      }
    }
  }
`);

const DisputedDealUpdatedDocument = graphql(`
  subscription DisputedDealUpdated {
    dealUpdated {
      ...DealSummaryFields
      dispute {
        ...DisputeFields
      }
    }
  }
`);

/**
 * Admins: deals with an open dispute, oldest first, live. The API sends admins dealUpdated
 * when a dispute is opened and when one is resolved: a newly disputed deal, or a listed
 * one no longer disputed, refetches the list.
 */
export function useAdminDisputes() {
  const { result, loading, error, refetch } = useQuery(DisputedDealsDocument);
  const deals = computed<DisputedDealsQuery['disputedDeals']>(() => result.value?.disputedDeals ?? []);
  const sub = useSubscription(DisputedDealUpdatedDocument);
  sub.onResult((r) => {
    const d = r.data?.dealUpdated;
    if (!d) return;
    const listed = deals.value.some((x) => x.id === d.id);
    if (listed !== (d.status === 'DISPUTED')) void refetch()?.catch(() => undefined);
  });
  return { deals, loading, initialLoading: computed(() => loading.value && !result.value), error, refetch };
}
