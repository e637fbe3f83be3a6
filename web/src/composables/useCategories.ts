import { useQuery } from '@vue/apollo-composable';
import { computed } from 'vue';
import { useI18n } from 'vue-i18n';
import { graphql } from '@/gql';
import type { CategoriesQuery } from '@/gql/graphql';

export const CategoriesDocument = graphql(`
  query Categories {
    categories {
      id
      slug
      name
      nameEn
      basePoints
      seasonalMultiplier
    }
  }
`);

export type CategoryItem = CategoriesQuery['categories'][number];

/** All categories (admin-set base points and this month's seasonal multiplier), named in the current locale. */
export function useCategories() {
  const { locale } = useI18n();
  const { result, loading, error, refetch } = useQuery(CategoriesDocument, {}, { fetchPolicy: 'cache-first' });
  const categories = computed<CategoryItem[]>(() => result.value?.categories ?? []);
  const nameOf = (c: { name: string; nameEn: string }) => (locale.value === 'en' ? c.nameEn : c.name);
  const byId = (id: string | null | undefined) => categories.value.find((c) => c.id === id) ?? null;
  return { categories, loading, error, refetch, nameOf, byId };
}
