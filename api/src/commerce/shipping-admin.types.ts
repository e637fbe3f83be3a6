import { Field, InputType, Int } from 'type-graphql';
import { MoneyScalar } from '../core/graphql/scalars.js';

/**
 * A new courier service (PRODUCT §6, §9). The rules (BAD_USER_INPUT with `extensions.field`
 * the field's name) are the domain's validateShippingService and normalizeShippingServiceCode.
 */
@InputType({ description: 'Admins: a new shipping service. Shipping cost = base + perKg × chargeable kg + perKm × distance km.' })
export class CreateShippingServiceInput {
  @Field({ description: 'Unique code, 3–40 characters: letters, digits and single hyphens, stored upper-case, e.g. "JNE-REG". Cannot be changed later. BAD_USER_INPUT (field "code") when malformed; CONFLICT (field "code") when taken.' })
  code!: string;

  @Field({ description: 'Courier code, 2–20 letters or digits, stored upper-case, e.g. "JNE", "SICEPAT". BAD_USER_INPUT (field "courier").' })
  courier!: string;

  @Field({ description: 'Name shown to buyers, 3–80 characters, e.g. "JNE Reguler". BAD_USER_INPUT (field "name").' })
  name!: string;

  @Field(() => String, { nullable: true, description: 'Typical delivery time shown to buyers, at most 40 characters, e.g. "2–3 hari"; empty or null for none. BAD_USER_INPUT (field "eta").' })
  eta?: string | null;

  @Field(() => MoneyScalar, { description: 'Flat charge per shipment, whole rupiah 0–10,000,000. BAD_USER_INPUT (field "base").' })
  base!: number;

  @Field(() => MoneyScalar, { description: 'Whole rupiah per chargeable kg, 0–10,000,000. BAD_USER_INPUT (field "perKg").' })
  perKg!: number;

  @Field(() => MoneyScalar, { description: 'Whole rupiah per km of distance (great circle, rounded up), 0–10,000,000. BAD_USER_INPUT (field "perKm").' })
  perKm!: number;

  @Field(() => Int, { description: 'cm³ per kg for the volumetric weight (L×W×H cm ÷ volumeFactor), a whole number 1–1,000,000; couriers use 6000. BAD_USER_INPUT (field "volumeFactor").' })
  volumeFactor!: number;

  @Field(() => Boolean, { nullable: true, description: 'Offered to buyers; default true.' })
  active?: boolean | null;
}

/** Changes to a shipping service: omitted (or null) fields stay as they are, except `eta`. */
@InputType({ description: 'Admins: changes to a shipping service; every field is optional and an omitted field keeps its value. The code cannot change.' })
export class UpdateShippingServiceInput {
  @Field(() => String, { nullable: true, description: 'Courier code, 2–20 letters or digits, stored upper-case. BAD_USER_INPUT (field "courier"), also when null.' })
  courier?: string | null;

  @Field(() => String, { nullable: true, description: 'Name shown to buyers, 3–80 characters. BAD_USER_INPUT (field "name"), also when null.' })
  name?: string | null;

  @Field(() => String, { nullable: true, description: 'Typical delivery time, at most 40 characters; empty string or null clears it. BAD_USER_INPUT (field "eta").' })
  eta?: string | null;

  @Field(() => MoneyScalar, { nullable: true, description: 'Flat charge per shipment, whole rupiah 0–10,000,000. BAD_USER_INPUT (field "base"), also when null.' })
  base?: number | null;

  @Field(() => MoneyScalar, { nullable: true, description: 'Whole rupiah per chargeable kg, 0–10,000,000. BAD_USER_INPUT (field "perKg"), also when null.' })
  perKg?: number | null;

  @Field(() => MoneyScalar, { nullable: true, description: 'Whole rupiah per km of distance, 0–10,000,000. BAD_USER_INPUT (field "perKm"), also when null.' })
  perKm?: number | null;

  @Field(() => Int, { nullable: true, description: 'cm³ per kg for the volumetric weight, 1–1,000,000. BAD_USER_INPUT (field "volumeFactor"), also when null.' })
  volumeFactor?: number | null;

  @Field(() => Boolean, { nullable: true, description: 'false withdraws the service from buyers (shippingServices, quotes, checkout); orders that used it keep it. INVALID_STATE when it is the last active service. BAD_USER_INPUT (field "active") when null.' })
  active?: boolean | null;
}
