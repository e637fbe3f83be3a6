import { ArgsType, Field, Float, ID, InputType, Int, ObjectType } from 'type-graphql';
import { MoneyScalar } from '../core/graphql/scalars.js';
import { ItemCondition, ListingKind, ListingSort, ListingStatus } from './listing.enums.js';
import { Listing } from './listing.entity.js';

@ObjectType({ description: 'Weights of the four valuation factors; they sum to 1 (PRODUCT §3).' })
export class ValuationWeights {
  @Field(() => Float) utility!: number;
  @Field(() => Float) scarcity!: number;
  @Field(() => Float) durability!: number;
  @Field(() => Float) portability!: number;
}

@ObjectType({ description: 'The multiplier a condition applies to barter points.' })
export class ConditionMultiplier {
  @Field(() => ItemCondition) condition!: ItemCondition;
  @Field(() => Float) multiplier!: number;
}

@ObjectType('BarterConfig', { description: 'The admin-set barter valuation configuration in force (PRODUCT §3).' })
export class BarterConfigView {
  @Field(() => ValuationWeights) weights!: ValuationWeights;
  @Field(() => [ConditionMultiplier]) conditionMultipliers!: ConditionMultiplier[];
  @Field(() => Float, { description: 'An offer is balanced when |offered − wanted| ≤ tolerance × wanted.' })
  balanceTolerance!: number;
}

@ObjectType({ description: 'Valuation factors of a barter listing, each 1–5.' })
export class BarterValuation {
  @Field(() => Int) utility!: number;
  @Field(() => Int) scarcity!: number;
  @Field(() => Int) durability!: number;
  @Field(() => Int) portability!: number;
}

@ObjectType({
  description: 'How a barter listing\'s points were computed: points = max(1, round half up(basePoints × score × conditionMultiplier × seasonalMultiplier)), score = Σ(weight × factor) / 3 (PRODUCT §3).',
})
export class PointsBreakdown {
  @Field(() => Int) basePoints!: number;
  @Field(() => ValuationWeights) weights!: ValuationWeights;
  @Field(() => Float) score!: number;
  @Field(() => Float) conditionMultiplier!: number;
  @Field(() => Float) seasonalMultiplier!: number;
  @Field(() => Float, { description: 'The product before rounding.' }) raw!: number;
  @Field(() => Int) points!: number;
}

@ObjectType()
export class PageInfo {
  @Field() hasNextPage!: boolean;
  @Field(() => String, { nullable: true, description: 'Pass as `after` to get the next page.' })
  endCursor!: string | null;
}

@ObjectType()
export class ListingEdge {
  @Field() cursor!: string;
  @Field(() => Listing) node!: Listing;
}

@ObjectType({ description: 'A page of listings (cursor pagination).' })
export class ListingConnection {
  @Field(() => [ListingEdge]) edges!: ListingEdge[];
  @Field(() => PageInfo) pageInfo!: PageInfo;
  /** Counts all matches (ignoring the cursor); run only when the field is selected. */
  countTotal!: () => Promise<number>;
}

@InputType({ description: 'Search filters; all optional and combined with AND.' })
export class ListingFilter {
  @Field(() => String, { nullable: true, description: 'Words matched in title, brand, model and description (Indonesian stemming, prefix match).' })
  query?: string | null;
  @Field(() => ListingKind, { nullable: true }) kind?: ListingKind | null;
  @Field(() => ID, { nullable: true }) categoryId?: string | null;
  @Field(() => ItemCondition, { nullable: true }) condition?: ItemCondition | null;
  @Field(() => ID, { nullable: true, description: 'Kemendagri city code, e.g. "32.73".' }) cityCode?: string | null;
  @Field(() => MoneyScalar, { nullable: true, description: 'Minimum SALE price or SERVICE hourly rate, rupiah.' }) minPrice?: number | null;
  @Field(() => MoneyScalar, { nullable: true, description: 'Maximum SALE price or SERVICE hourly rate, rupiah.' }) maxPrice?: number | null;
  @Field(() => Int, { nullable: true }) minPoints?: number | null;
  @Field(() => Int, { nullable: true }) maxPoints?: number | null;
  @Field(() => ID, { nullable: true }) sellerId?: string | null;
}

@ArgsType()
export class ListingsArgs {
  @Field(() => ListingFilter, { nullable: true }) filter?: ListingFilter | null;
  @Field(() => ListingSort, { defaultValue: ListingSort.NEWEST }) sort!: ListingSort;
  @Field(() => Int, { defaultValue: 20, description: '1–100.' }) first!: number;
  @Field(() => String, { nullable: true }) after?: string | null;
}

@ArgsType()
export class MyListingsArgs {
  @Field(() => ListingStatus, { nullable: true }) status?: ListingStatus | null;
  @Field(() => Int, { defaultValue: 20, description: '1–100.' }) first!: number;
  @Field(() => String, { nullable: true }) after?: string | null;
}

@InputType({ description: 'SALE details. price in whole rupiah; weight in grams; dimensions in cm.' })
export class SaleDetailsInput {
  @Field(() => MoneyScalar) price!: number;
  @Field(() => Int, { nullable: true, description: 'Units in stock (≥ 0). createListing: omitted is 1. updateListing: omitted keeps the stock (orders and restocks move it); see UpdateListingInput.stockSeen.' })
  stock?: number | null;
  @Field(() => Int, { nullable: true }) weightGrams?: number | null;
  @Field(() => Int, { nullable: true }) lengthCm?: number | null;
  @Field(() => Int, { nullable: true }) widthCm?: number | null;
  @Field(() => Int, { nullable: true }) heightCm?: number | null;
  @Field(() => String, { nullable: true }) brand?: string | null;
  @Field(() => String, { nullable: true }) model?: string | null;
}

@InputType({ description: 'BARTER valuation factors, each an integer 1–5 (PRODUCT §3).' })
export class BarterDetailsInput {
  @Field(() => Int) utility!: number;
  @Field(() => Int) scarcity!: number;
  @Field(() => Int) durability!: number;
  @Field(() => Int) portability!: number;
}

@InputType({ description: 'SERVICE details: the hourly rate in whole rupiah.' })
export class ServiceDetailsInput {
  @Field(() => MoneyScalar) hourlyRate!: number;
}

@InputType({ description: 'A new listing. Exactly the details block of its kind is required.' })
export class CreateListingInput {
  @Field(() => ListingKind) kind!: ListingKind;
  @Field({ description: '5–120 characters.' }) title!: string;
  @Field({ description: '10–5000 characters.' }) description!: string;
  @Field(() => ID) categoryId!: string;
  @Field(() => ItemCondition) condition!: ItemCondition;
  @Field(() => ID, { description: 'Kemendagri city code.' }) cityCode!: string;
  @Field(() => [ID], { description: '1–5 photo ids from POST /uploads, in display order (the first is the cover).' })
  photoIds!: string[];
  @Field({ defaultValue: true, description: 'false saves a DRAFT.' }) publish!: boolean;
  @Field(() => SaleDetailsInput, { nullable: true }) sale?: SaleDetailsInput | null;
  @Field(() => BarterDetailsInput, { nullable: true }) barter?: BarterDetailsInput | null;
  @Field(() => ServiceDetailsInput, { nullable: true }) service?: ServiceDetailsInput | null;
}

@InputType({ description: 'Changes to a listing; omitted fields stay. The kind cannot change.' })
export class UpdateListingInput {
  @Field(() => String, { nullable: true }) title?: string | null;
  @Field(() => String, { nullable: true }) description?: string | null;
  @Field(() => ID, { nullable: true }) categoryId?: string | null;
  @Field(() => ItemCondition, { nullable: true }) condition?: ItemCondition | null;
  @Field(() => ID, { nullable: true }) cityCode?: string | null;
  @Field(() => [ID], { nullable: true, description: 'The new photo list (kept and newly uploaded ids), 1–5, in order.' })
  photoIds?: string[] | null;
  @Field(() => ListingStatus, { nullable: true, description: 'The owner may move between DRAFT, ACTIVE and CLOSED.' })
  status?: ListingStatus | null;
  @Field(() => SaleDetailsInput, { nullable: true }) sale?: SaleDetailsInput | null;
  @Field(() => BarterDetailsInput, { nullable: true }) barter?: BarterDetailsInput | null;
  @Field(() => ServiceDetailsInput, { nullable: true }) service?: ServiceDetailsInput | null;
  @Field(() => Int, {
    nullable: true,
    description: 'The stock the editor showed when sale.stock was typed. If the listing\'s stock is no longer this (units sold or restocked meanwhile), CONFLICT on field "stock" and nothing changes, so a sale is never undone by a stale form.',
  })
  stockSeen?: number | null;
}
