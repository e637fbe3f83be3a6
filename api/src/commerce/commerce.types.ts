import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Listing } from '../catalog/listing.entity.js';
import { enumOf } from '../core/graphql/enums.js';
import { MoneyScalar } from '../core/graphql/scalars.js';
import { ShippingService } from './shipping-service.entity.js';

@ObjectType()
export class CartLineView {
  @Field(() => Listing) listing!: Listing;
  @Field(() => Int) quantity!: number;
  @Field(() => MoneyScalar, { description: 'price × quantity, rupiah.' }) lineTotal!: number;
}

@ObjectType({ description: 'Your cart (persisted per member).' })
export class Cart {
  @Field(() => [CartLineView]) lines!: CartLineView[];
  @Field(() => MoneyScalar) subtotal!: number;
  @Field(() => Int, { description: 'Number of items (sum of quantities).' }) items!: number;
}

@ObjectType({ description: 'Shipping cost: base + perKg × chargeableKg + perKm × distanceKm (PRODUCT §6).' })
export class ShippingQuoteView {
  @Field(() => ShippingService) service!: ShippingService;
  @Field(() => Int, { description: 'ceil(max(actual kg, L×W×H ÷ volume factor)), at least 1.' }) chargeableKg!: number;
  @Field(() => Int, { description: 'Great-circle distance between the store\'s city and the destination, km (rounded up).' }) distanceKm!: number;
  @Field(() => MoneyScalar) base!: number;
  @Field(() => MoneyScalar) weightCost!: number;
  @Field(() => MoneyScalar) distanceCost!: number;
  @Field(() => MoneyScalar) total!: number;
}

@InputType({ description: 'Where to ship.' })
export class ShipToInput {
  @Field() recipient!: string;
  @Field() phone!: string;
  @Field() address!: string;
  @Field(() => ID, { description: 'Kemendagri city code.' }) cityCode!: string;
  @Field(() => String, { nullable: true }) postalCode?: string | null;
}

@InputType({ description: 'Checkout of your cart lines from one store.' })
export class CheckoutInput {
  @Field(() => ID) storeId!: string;
  @Field(() => ID) shippingServiceId!: string;
  @Field(() => ShipToInput) shipTo!: ShipToInput;
}

export const OrderAction = enumOf(['START_PROCESSING', 'SHIP', 'DELIVER', 'COMPLETE', 'CANCEL', 'REFUND'] as const);
export type OrderAction = keyof typeof OrderAction;
registerEnumType(OrderAction, { name: 'OrderAction', description: 'Staff: START_PROCESSING, SHIP (with a tracking number), DELIVER, CANCEL, REFUND. Buyer: COMPLETE, CANCEL (unpaid).' });

@InputType({ description: 'A store profile.' })
export class StoreInput {
  @Field({ description: '3–80 characters.' }) name!: string;
  @Field({ description: 'URL key: 3–40 lower-case letters, digits and dashes.' }) slug!: string;
  @Field() address!: string;
  @Field(() => ID, { description: 'Kemendagri city code: where parcels leave from.' }) cityCode!: string;
  @Field(() => String, { nullable: true }) phone?: string | null;
  @Field(() => String, { nullable: true }) hours?: string | null;
  @Field(() => String, { nullable: true, description: 'Hex colour, e.g. "#b91c1c".' }) color?: string | null;
  @Field(() => ID, { nullable: true, description: 'Logo: the id of a photo you uploaded (POST /uploads) that no listing uses. On update, omitted keeps the logo and null removes it. BAD_USER_INPUT otherwise.' })
  logoPhotoId?: string | null;
}

@ObjectType()
export class BestSeller {
  @Field(() => ID) listingId!: string;
  @Field() title!: string;
  @Field(() => Int) quantity!: number;
  @Field(() => MoneyScalar) revenue!: number;
}

@ObjectType({ description: 'Sales of paid orders (Jakarta day and month), rupiah.' })
export class StoreAnalyticsView {
  @Field(() => MoneyScalar) todaySales!: number;
  @Field(() => Int) todayOrders!: number;
  @Field(() => MoneyScalar) monthSales!: number;
  @Field(() => Int) monthOrders!: number;
  @Field(() => [BestSeller], { description: 'Top 5 this month by quantity.' }) bestSellers!: BestSeller[];
}
