import { DEFAULT_BARTER_CONFIG, type BarterConfig, type ItemCondition } from '@pasar/domain';
import { useQuery } from '@vue/apollo-composable';
import { computed } from 'vue';
import { graphql } from '@/gql';
import type { BarterConfigQuery } from '@/gql/graphql';

export const BarterConfigDocument = graphql(`
  query BarterConfig {
    barterConfig {
      weights {
        utility
        scarcity
        durability
        portability
      }
      conditionMultipliers {
        condition
        multiplier
      }
      balanceTolerance
    }
  }
`);

/** Converts the API's barter configuration to @pasar/domain's shape (seasonal comes per category). */
export function toDomainBarterConfig(api: BarterConfigQuery['barterConfig'] | null | undefined): BarterConfig {
  if (!api) return DEFAULT_BARTER_CONFIG;
  const conditionMultipliers = { ...DEFAULT_BARTER_CONFIG.conditionMultipliers };
  for (const { condition, multiplier } of api.conditionMultipliers) {
    conditionMultipliers[condition as ItemCondition] = multiplier;
  }
  return {
    weights: {
      utility: api.weights.utility,
      scarcity: api.weights.scarcity,
      durability: api.weights.durability,
      portability: api.weights.portability,
    },
    conditionMultipliers,
    balanceTolerance: api.balanceTolerance,
    seasonal: {},
  };
}

/** The admin's barter configuration (weights, condition multipliers), defaults until loaded. */
export function useBarterConfig() {
  const { result, loading, error } = useQuery(BarterConfigDocument, {}, { fetchPolicy: 'cache-first' });
  const config = computed(() => toDomainBarterConfig(result.value?.barterConfig));
  return { config, loading, error, loaded: computed(() => !!result.value?.barterConfig) };
}
