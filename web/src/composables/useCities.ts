import { useQuery } from '@vue/apollo-composable';
import { computed, ref, watch, type Ref } from 'vue';
import { graphql } from '@/gql';
import type { CitiesQuery } from '@/gql/graphql';

export const CitiesDocument = graphql(`
  query Cities($search: String, $first: Int!) {
    cities(search: $search, first: $first) {
      code
      name
      province
    }
  }
`);

export type CityItem = CitiesQuery['cities'][number];

/** City suggestions for a typed text, debounced; runs only while `enabled` and the text is non-empty. */
export function useCities(search: Ref<string>, enabled: Ref<boolean> = ref(true), debounceMs = 200) {
  const debounced = ref(search.value.trim());
  let timer: ReturnType<typeof setTimeout> | undefined;
  watch(search, (value) => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      debounced.value = value.trim();
    }, debounceMs);
  });
  const { result, loading, error } = useQuery(
    CitiesDocument,
    () => ({ search: debounced.value, first: 8 }),
    () => ({ enabled: enabled.value && debounced.value.length > 0, fetchPolicy: 'cache-first' }),
  );
  const cities = computed<CityItem[]>(() => (debounced.value ? (result.value?.cities ?? []) : []));
  const pending = computed(() => loading.value || debounced.value !== search.value.trim());
  return { cities, loading: pending, error };
}
