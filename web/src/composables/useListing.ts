import { useQuery } from '@vue/apollo-composable';
import { computed, type Ref } from 'vue';
import { graphql } from '@/gql';
import { useQueryError } from './useBusy';
import type { ListingDetailFieldsFragment } from '@/gql/graphql';

export const ListingDocument = graphql(`
  query Listing($id: ID!) {
    listing(id: $id) {
      ...ListingDetailFields
    }
  }
`);

/** One listing with photos, seller and points breakdown. `notFound` when the API says NOT_FOUND. */
export function useListing(id: Ref<string>, enabled: Ref<boolean> | (() => boolean) = () => true) {
  const { result, loading, error, refetch } = useQuery(
    ListingDocument,
    () => ({ id: id.value }),
    () => ({ enabled: !!id.value && (typeof enabled === 'function' ? enabled() : enabled.value) }),
  );
  const listing = computed<ListingDetailFieldsFragment | null>(() => result.value?.listing ?? null);
  const { appError, notFound } = useQueryError(error, ['NOT_FOUND']);
  return { listing, loading, error, appError, notFound, refetch };
}
