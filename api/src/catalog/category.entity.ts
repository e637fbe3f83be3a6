import { randomUUID } from 'node:crypto';
import { Entity, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';
import { Field, ID, Int, ObjectType } from 'type-graphql';

/** A listing category with its barter base points (PRODUCT §3; admin-set). */
@Entity({ tableName: 'categories' })
@ObjectType({ description: 'A listing category. basePoints feed the barter valuation (PRODUCT §3).' })
export class Category {
  [OptionalProps]?: 'position';

  @PrimaryKey({ type: 'uuid' })
  @Field(() => ID)
  id: string = randomUUID();

  @Property({ type: 'text', unique: true })
  @Field({ description: 'Stable URL-safe key, e.g. "alat-musik".' })
  slug: string;

  @Property({ type: 'text' })
  @Field({ description: 'Indonesian name.' })
  name: string;

  @Property({ type: 'text' })
  @Field({ description: 'English name.' })
  nameEn: string;

  @Property({ type: 'integer' })
  @Field(() => Int, { description: 'Base points of a barter item in this category.' })
  basePoints: number;

  @Property({ type: 'integer' })
  position: number = 0;

  constructor(slug: string, name: string, nameEn: string, basePoints: number, position = 0) {
    this.slug = slug;
    this.name = name;
    this.nameEn = nameEn;
    this.basePoints = basePoints;
    this.position = position;
  }
}
