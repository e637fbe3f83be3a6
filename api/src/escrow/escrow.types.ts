import { Field, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Courier } from '../barter/barter.types.js';
import { enumOf } from '../core/graphql/enums.js';
import { MoneyScalar } from '../core/graphql/scalars.js';
import { EscrowRole } from './escrow-room.entity.js';

@ObjectType({ description: 'The fee for an escrow amount (PRODUCT §4): total = amount + fee, paid by the buyer.' })
export class EscrowFeeQuote {
  @Field(() => MoneyScalar) amount!: number;
  @Field(() => MoneyScalar) fee!: number;
  @Field(() => MoneyScalar) total!: number;
  @Field(() => Int, { description: 'Version of the fee schedule used.' }) scheduleVersion!: number;
}

@InputType({ description: 'A new escrow room. The counterparty joins by email (an existing member) or by the invite link.' })
export class CreateEscrowRoomInput {
  @Field(() => EscrowRole, { description: 'Your side.' }) role!: EscrowRole;
  @Field(() => String, { nullable: true, description: 'The other party\'s email, if they are a member.' }) counterpartyEmail?: string | null;
  @Field({ description: '3–120 characters.' }) title!: string;
  @Field({ defaultValue: '', description: 'At most 2000 characters.' }) description!: string;
  @Field(() => MoneyScalar, { description: 'The price, rupiah: 10.000–20.000.000 with the default schedule.' }) amount!: number;
}

@InputType({ description: 'A parcel sent by the seller.' })
export class EscrowShipmentInput {
  @Field(() => Courier) courier!: Courier;
  @Field() trackingNumber!: string;
}

export const EscrowOutcome = enumOf(['RELEASE', 'REFUND', 'SPLIT'] as const);
export type EscrowOutcome = keyof typeof EscrowOutcome;
registerEnumType(EscrowOutcome, { name: 'EscrowDisputeOutcome', description: 'RELEASE to the seller, REFUND to the buyer, or SPLIT the amount.' });

@InputType({ description: 'An admin\'s decision. SPLIT needs toSeller + toBuyer = the room amount; the fee is earned on RELEASE and SPLIT, refunded on REFUND.' })
export class ResolveEscrowDisputeInput {
  @Field(() => EscrowOutcome) outcome!: EscrowOutcome;
  @Field(() => MoneyScalar, { nullable: true }) toSeller?: number | null;
  @Field(() => MoneyScalar, { nullable: true }) toBuyer?: number | null;
  @Field() note!: string;
}

@InputType({ description: 'One tier: amounts up to `upTo` (inclusive) pay `fixed` rupiah or `basisPoints` ÷ 100 percent.' })
export class FeeTierInput {
  @Field(() => MoneyScalar) upTo!: number;
  @Field(() => MoneyScalar, { nullable: true }) fixed?: number | null;
  @Field(() => Int, { nullable: true, description: '250 = 2.5 %.' }) basisPoints?: number | null;
}

@ObjectType()
export class FeeTier {
  @Field(() => MoneyScalar) upTo!: number;
  @Field(() => MoneyScalar, { nullable: true }) fixed!: number | null;
  @Field(() => Int, { nullable: true }) basisPoints!: number | null;
}

@ObjectType({ description: 'A version of the escrow fee schedule.' })
export class FeeScheduleView {
  @Field(() => Int) version!: number;
  @Field(() => MoneyScalar) min!: number;
  @Field(() => [FeeTier]) tiers!: FeeTier[];
}

@ObjectType()
export class DailyAmount {
  @Field({ description: 'Jakarta date, YYYY-MM-DD (or YYYY-MM for months).' }) period!: string;
  @Field(() => MoneyScalar) amount!: number;
}

@ObjectType()
export class DailyCount {
  @Field({ description: 'Jakarta date, YYYY-MM-DD.' }) period!: string;
  @Field(() => Int) count!: number;
}

@ObjectType({ description: 'The admin dashboard (PRODUCT §9): income and activity, Jakarta days.' })
export class AdminDashboard {
  @Field(() => [DailyAmount], { description: 'Escrow fee income per day, last 30 days.' }) feeIncomeByDay!: DailyAmount[];
  @Field(() => [DailyAmount], { description: 'Escrow fee income per month, last 12 months.' }) feeIncomeByMonth!: DailyAmount[];
  @Field(() => [DailyCount], { description: 'Rooms released (successful transactions) per day, last 30 days.' }) successfulByDay!: DailyCount[];
  @Field(() => [DailyCount], { description: 'Members who signed in or refreshed a session, per day, last 30 days.' }) activeUsersByDay!: DailyCount[];
  @Field(() => MoneyScalar, { description: 'All fee income so far.' }) feeIncomeTotal!: number;
  @Field(() => MoneyScalar, { description: 'Held for rooms right now (escrow holding balance).' }) heldNow!: number;
  @Field(() => Int) pendingRooms!: number;
  @Field(() => Int, { description: 'Disputed rooms and deals.' }) problemRooms!: number;
  @Field(() => Int) totalUsers!: number;
  @Field(() => Int, { description: 'Accounts created in the last 7 days.' }) newUsers!: number;
}
