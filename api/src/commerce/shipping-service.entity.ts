import { randomUUID } from 'node:crypto';
import { BigIntType, Entity, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { MoneyScalar } from '../core/graphql/scalars.js';

/** A courier service with its rate (PRODUCT §6), managed by admins. */
@Entity({ tableName: 'shipping_services' })
@ObjectType({ description: 'A courier service and its rate: base + perKg × chargeable kg + perKm × distance.' })
export class ShippingService {
  [OptionalProps]?: 'active';

  @PrimaryKey({ type: 'uuid' })
  @Field(() => ID)
  id: string = randomUUID();

  @Property({ type: 'text', unique: true })
  @Field({ description: 'e.g. "JNE-REG".' })
  code: string;

  @Property({ type: 'text' })
  @Field({ description: 'Courier code (JNE, JNT, SICEPAT, …).' })
  courier: string;

  @Property({ type: 'text' })
  @Field({ description: 'e.g. "JNE Reguler".' })
  name: string;

  @Property({ type: new BigIntType('number') }) @Field(() => MoneyScalar, { description: 'Flat charge per shipment, whole rupiah.' }) base: number;
  @Property({ type: new BigIntType('number') }) @Field(() => MoneyScalar, { description: 'Rupiah per chargeable kg.' }) perKg: number;
  @Property({ type: new BigIntType('number') }) @Field(() => MoneyScalar, { description: 'Rupiah per km.' }) perKm: number;
  @Property({ type: 'integer' }) @Field(() => Int, { description: 'cm³ per kg for volumetric weight, e.g. 6000.' }) volumeFactor: number;
  @Property({ type: 'text', nullable: true }) @Field(() => String, { nullable: true, description: 'Typical delivery time, e.g. "2–3 hari".' }) eta?: string;

  @Property({ type: 'boolean' })
  @Field({ description: 'Offered to buyers (shippingServices, quotes, checkout). Admins deactivate a service instead of deleting it: orders keep theirs.' })
  active: boolean = true;

  constructor(init: { code: string; courier: string; name: string; base: number; perKg: number; perKm: number; volumeFactor: number; eta?: string }) {
    this.code = init.code;
    this.courier = init.courier;
    this.name = init.name;
    this.base = init.base;
    this.perKg = init.perKg;
    this.perKm = init.perKm;
    this.volumeFactor = init.volumeFactor;
    this.eta = init.eta;
  }
}
