import { computeBarterPoints, type BarterConfig, type ItemCondition, type PointsBreakdown, type Valuation } from '@pasar/domain';
import { computed, toValue, type MaybeRefOrGetter } from 'vue';

export interface PointsPreviewInput {
  category: { basePoints: number; seasonalMultiplier: number } | null | undefined;
  condition: ItemCondition | '' | null | undefined;
  valuation: Partial<Valuation>;
  config: BarterConfig;
}

/** Same rule as the API (@pasar/domain): the breakdown, or null while something is missing or out of range. */
export function previewPoints(input: PointsPreviewInput): PointsBreakdown | null {
  const { category, condition, valuation, config } = input;
  if (!category || !condition) return null;
  try {
    return computeBarterPoints(
      {
        basePoints: category.basePoints,
        seasonalMultiplier: category.seasonalMultiplier,
        condition,
        valuation: {
          utility: Number(valuation.utility),
          scarcity: Number(valuation.scarcity),
          durability: Number(valuation.durability),
          portability: Number(valuation.portability),
        },
      },
      config,
    );
  } catch {
    return null;
  }
}

/** Live barter points preview for the listing form. */
export function usePointsPreview(input: MaybeRefOrGetter<PointsPreviewInput>) {
  return computed(() => previewPoints(toValue(input)));
}
