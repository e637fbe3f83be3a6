import { useQuery } from '@vue/apollo-composable';
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

/** Admins: deals with an open dispute, oldest first (refreshed every minute). */
export function useAdminDisputes() {
  const { result, loading, error, refetch } = useQuery(DisputedDealsDocument, {}, { pollInterval: 60_000 });
  const deals = computed<DisputedDealsQuery['disputedDeals']>(() => result.value?.disputedDeals ?? []);
  return { deals, loading, initialLoading: computed(() => loading.value && !result.value), error, refetch };
}
