import { useQuery } from '@vue/apollo-composable';
import { computed, ref, type Ref } from 'vue';
import { graphql } from '@/gql';
import type { ListingCardFieldsFragment, ListingStatus } from '@/gql/graphql';

export const MyListingsDocument = graphql(`
  query MyListings($status: ListingStatus, $first: Int!, $after: String) {
    myListings(status: $status, first: $first, after: $after) {
      edges {
        cursor
        node {
          ...ListingCardFields
          updatedAt
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
      totalCount
    }
  }
`);

/** The member's own listings, optionally of one status, newest first. */
export function useMyListings(status: Ref<ListingStatus | null>, pageSize = 20) {
  const { result, loading, error, refetch, fetchMore } = useQuery(
    MyListingsDocument,
    () => ({ status: status.value, first: pageSize }),
    { fetchPolicy: 'cache-and-network' },
  );
  const connection = computed(() => result.value?.myListings ?? null);
  const listings = computed<ListingCardFieldsFragment[]>(() => connection.value?.edges.map((e) => e.node) ?? []);
  const hasMore = computed(() => !!connection.value?.pageInfo.hasNextPage);
  const loadingMore = ref(false);
  async function loadMore(): Promise<void> {
    const after = connection.value?.pageInfo.endCursor;
    if (!after || loadingMore.value) return;
    loadingMore.value = true;
    try {
      await fetchMore({ variables: { after } });
    } finally {
      loadingMore.value = false;
    }
  }
  return {
    listings,
    totalCount: computed(() => connection.value?.totalCount ?? 0),
    hasMore,
    loading,
    initialLoading: computed(() => loading.value && !connection.value),
    error,
    refetch,
    loadMore,
    loadingMore,
  };
}
