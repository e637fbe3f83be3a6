import { COURIERS, type Courier as DomainCourier } from '@pasar/domain';
import { Field, Float, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { enumOf } from '../core/graphql/enums.js';
import { Listing } from '../catalog/listing.entity.js';
import { TradeParty } from './offer.entity.js';

/** Couriers accepted for a resi: packages/domain's COURIERS (PRODUCT §3). */
export const Courier = enumOf(COURIERS);
export type Courier = DomainCourier;
registerEnumType(Courier, { name: 'Courier', description: 'JNE, J&T (JNT), SiCepat, AnterAja, POS Indonesia, Ninja Xpress, ID Express, Lion Parcel, or OTHER.' });

export enum DisputeOutcome {
  COMPLETE = 'COMPLETE',
  CANCEL = 'CANCEL',
}
registerEnumType(DisputeOutcome, { name: 'DisputeOutcome', description: 'COMPLETE: the trade stands (listings closed). CANCEL: it is undone (listings active again).' });

@InputType({ description: 'Terms of an offer or counter-offer: the seller\'s listings wanted and the buyer\'s listings offered (1–10 each), with an optional note.' })
export class OfferTermsInput {
  @Field(() => [ID]) wantedListingIds!: string[];
  @Field(() => [ID]) offeredListingIds!: string[];
  @Field(() => String, { nullable: true, description: 'A chat message sent with the offer (≤ 4000 characters).' }) message?: string | null;
}

@InputType({ description: 'A parcel sent: courier and tracking number (resi, 6–40 letters and digits; spaces and dashes are removed).' })
export class ShipmentInput {
  @Field(() => Courier) courier!: Courier;
  @Field() trackingNumber!: string;
}

@ObjectType({ description: 'A listing in an offer with its points when proposed (the snapshot).' })
export class OfferLine {
  @Field(() => Listing) listing!: Listing;
  @Field(() => Int) points!: number;
}

@ObjectType({ description: 'Points of both sides and whether they balance: |offered − wanted| ≤ tolerance × wanted (PRODUCT §3).' })
export class OfferBalanceView {
  @Field(() => Int) offered!: number;
  @Field(() => Int) wanted!: number;
  @Field(() => Int, { description: 'offered − wanted.' }) difference!: number;
  @Field(() => Float, { description: 'tolerance × wanted, in points.' }) tolerancePoints!: number;
  @Field() balanced!: boolean;
}

@ObjectType({ description: 'One round of a negotiation.' })
export class OfferRound {
  @Field(() => Int) round!: number;
  @Field(() => TradeParty, { description: 'Who proposed these terms.' }) proposedBy!: TradeParty;
  @Field(() => [OfferLine]) wanted!: OfferLine[];
  @Field(() => [OfferLine]) offered!: OfferLine[];
  @Field(() => OfferBalanceView) balance!: OfferBalanceView;
}

@ObjectType({ description: 'A preview of an offer before making it, with the "add items" suggestion.' })
export class BarterQuote {
  @Field(() => OfferBalanceView) balance!: OfferBalanceView;
  @Field(() => [Listing], {
    description: 'When short: the fewest of the offering party\'s other ACTIVE barter listings that bring the offer into balance (least overshoot on ties). Empty when balanced or impossible.',
  })
  suggestion!: Listing[];
  @Field(() => OfferBalanceView, { nullable: true, description: 'The balance with the suggestion added.' })
  balanceWithSuggestion!: OfferBalanceView | null;
}
