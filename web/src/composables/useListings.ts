import { useQuery } from '@vue/apollo-composable';
import { computed, ref, type Ref } from 'vue';
import { graphql } from '@/gql';
import type { ListingCardFieldsFragment, ListingFilter, ListingSort } from '@/gql/graphql';

export const ListingsDocument = graphql(`
  query Listings($filter: ListingFilter, $sort: ListingSort!, $first: Int!, $after: String) {
    listings(filter: $filter, sort: $sort, first: $first, after: $after) {
      edges {
        cursor
        node {
          ...ListingCardFields
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

export const PAGE_SIZE = 20;

/** Search results for a filter and a sort, with cursor pagination ("Muat lebih banyak"). */
export function useListings(filter: Ref<ListingFilter>, sort: Ref<ListingSort>, pageSize = PAGE_SIZE) {
  const { result, loading, error, refetch, fetchMore } = useQuery(ListingsDocument, () => ({
    filter: filter.value,
    sort: sort.value,
    first: pageSize,
  }));
  const connection = computed(() => result.value?.listings ?? null);
  const listings = computed<ListingCardFieldsFragment[]>(() => connection.value?.edges.map((e) => e.node) ?? []);
  const totalCount = computed(() => connection.value?.totalCount ?? 0);
  const hasMore = computed(() => !!connection.value?.pageInfo.hasNextPage);
  const loadingMore = ref(false);
  const loadMoreError = ref<unknown>(null);

  async function loadMore(): Promise<void> {
    const after = connection.value?.pageInfo.endCursor;
    if (!hasMore.value || !after || loadingMore.value) return;
    loadingMore.value = true;
    loadMoreError.value = null;
    try {
      await fetchMore({ variables: { after } });
    } catch (e) {
      loadMoreError.value = e;
    } finally {
      loadingMore.value = false;
    }
  }

  /** First load (no data yet); later refreshes keep the old results visible. */
  const initialLoading = computed(() => loading.value && !connection.value);
  return { listings, totalCount, hasMore, loading, initialLoading, error, refetch, loadMore, loadingMore, loadMoreError };
}
