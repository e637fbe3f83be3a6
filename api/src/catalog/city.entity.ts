import { Entity, PrimaryKey, PrimaryKeyProp, Property } from '@mikro-orm/core';
import { Field, Float, ID, ObjectType } from 'type-graphql';

/**
 * An Indonesian kabupaten/kota (514 rows) from api/src/core/data/id-cities.csv
 * (cahyadsn/wilayah_boundaries, MIT). Reference data, loaded at boot.
 */
@Entity({ tableName: 'cities' })
@ObjectType({ description: 'An Indonesian regency (kabupaten) or city (kota).' })
export class City {
  [PrimaryKeyProp]?: 'code';

  /** Kemendagri region code, "PP.RR", e.g. "32.73" for Kota Bandung. */
  @PrimaryKey({ type: 'text' })
  @Field(() => ID, { description: 'Kemendagri region code, e.g. "32.73" (Kota Bandung).' })
  code: string;

  @Property({ type: 'text' })
  @Field({ description: 'Official name with its type, e.g. "Kota Bandung".' })
  name: string;

  @Property({ type: 'text' })
  @Field()
  province: string;

  /** WGS84 degrees, centroid of the region. */
  @Property({ type: 'double' })
  @Field(() => Float)
  latitude: number;

  @Property({ type: 'double' })
  @Field(() => Float)
  longitude: number;

  constructor(code: string, name: string, province: string, latitude: number, longitude: number) {
    this.code = code;
    this.name = name;
    this.province = province;
    this.latitude = latitude;
    this.longitude = longitude;
  }
}
