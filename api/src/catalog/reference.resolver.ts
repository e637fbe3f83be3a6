import { Arg, Ctx, FieldResolver, Float, Int, Query, Resolver, Root } from 'type-graphql';
import { ITEM_CONDITIONS } from '@pasar/domain';
import { memo, type Context } from '../core/context.js';
import { Category } from './category.entity.js';
import { City } from './city.entity.js';
import type { ItemCondition } from './listing.enums.js';
import { BarterConfigView } from './listing.types.js';

/** Categories, cities and the barter configuration (PRODUCT §2, §3). */
@Resolver(() => Category)
export class ReferenceResolver {
  @Query(() => [Category], { description: 'All categories in display order.' })
  categories(@Ctx() ctx: Context): Promise<Category[]> {
    return ctx.services.reference.categories(ctx.em);
  }

  @Query(() => [City], { description: 'Indonesian cities and regencies whose name contains `search` (case-insensitive), at most `first` (1–100).' })
  cities(
    @Ctx() ctx: Context,
    @Arg('search', () => String, { nullable: true }) search?: string | null,
    @Arg('first', () => Int, { defaultValue: 20 }) first = 20,
  ): City[] {
    return ctx.services.reference.searchCities(search, first);
  }

  @Query(() => BarterConfigView, { description: 'The valuation weights, condition multipliers and balance tolerance in force.' })
  async barterConfig(@Ctx() ctx: Context): Promise<BarterConfigView> {
    const config = await memo(ctx, 'barterConfig', () => ctx.services.reference.barterConfig(ctx.em));
    return {
      weights: { ...config.weights },
      conditionMultipliers: ITEM_CONDITIONS.map((c) => ({ condition: c as ItemCondition, multiplier: config.conditionMultipliers[c] })),
      balanceTolerance: config.balanceTolerance,
    };
  }

  @FieldResolver(() => Float, { description: 'Seasonal multiplier of this category for the current Jakarta month (0.8–1.2).' })
  async seasonalMultiplier(@Root() category: Category, @Ctx() ctx: Context): Promise<number> {
    const config = await memo(ctx, 'barterConfig', () => ctx.services.reference.barterConfig(ctx.em));
    return ctx.services.reference.seasonalMultiplier(config, category);
  }
}
