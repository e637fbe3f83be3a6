import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { Entity, Enum, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';
import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';

/** Account roles (PRODUCT §1). */
export enum Role {
  MEMBER = 'MEMBER',
  STAFF = 'STAFF',
  ADMIN = 'ADMIN',
}
registerEnumType(Role, { name: 'Role', description: 'MEMBER trades; STAFF runs store orders and support; ADMIN is the platform owner.' });

/** Sanction status, enforced on every request (PRODUCT §1). */
export enum UserStatus {
  ACTIVE = 'ACTIVE',
  SUSPENDED = 'SUSPENDED',
  BANNED = 'BANNED',
}
registerEnumType(UserStatus, { name: 'UserStatus', description: 'SUSPENDED members can read but not act; BANNED members cannot log in.' });

/** A member, staff or admin account. One account buys and sells (PRODUCT §1). */
@Entity({ tableName: 'users' })
@ObjectType({ description: 'A member, staff or admin account. One account buys and sells.' })
export class User {
  [OptionalProps]?: 'role' | 'status' | 'createdAt' | 'updatedAt' | 'version';

  @PrimaryKey({ type: 'uuid' })
  @Field(() => ID)
  id: string = randomUUID();

  /** Lower-cased email, unique. Exposed through a field resolver (owner and admins only). */
  @Property({ type: 'text', unique: true })
  email: string;

  @Property({ type: 'text', hidden: true, lazy: true })
  passwordHash: string;

  @Property({ type: 'text' })
  @Field({ description: 'Public name shown on listings and in chat.' })
  displayName: string;

  /** E.164-ish phone, optional. Exposed through a field resolver (owner and admins only). */
  @Property({ type: 'text', nullable: true })
  phone?: string;

  @Enum({ items: () => Role, type: 'text' })
  @Field(() => Role)
  role: Role = Role.MEMBER;

  @Enum({ items: () => UserStatus, type: 'text' })
  @Field(() => UserStatus)
  status: UserStatus = UserStatus.ACTIVE;

  /** Kemendagri code of the member's city (cities.code), optional. */
  @Property({ type: 'text', nullable: true })
  cityCode?: string;

  /** When the member accepted the terms and privacy policy, and which version. */
  @Property({ type: 'timestamptz' })
  termsAcceptedAt: Date;

  @Property({ type: 'text' })
  termsVersion: string;

  @Property({ type: 'timestamptz' })
  @Field()
  createdAt: Date = new Date();

  @Property({ type: 'timestamptz', onUpdate: () => new Date() })
  updatedAt: Date = new Date();

  @Property({ version: true })
  version!: number;

  constructor(init: { email: string; passwordHash: string; displayName: string; phone?: string; termsVersion: string; role?: Role; cityCode?: string }) {
    this.email = init.email;
    this.passwordHash = init.passwordHash;
    this.displayName = init.displayName;
    this.phone = init.phone;
    this.termsVersion = init.termsVersion;
    this.termsAcceptedAt = new Date();
    if (init.role) this.role = init.role;
    this.cityCode = init.cityCode;
  }
}

/** Ids of every admin (to notify them, or to let them follow a disputed trade live). */
export async function adminIds(em: EntityManager): Promise<string[]> {
  return (await em.find(User, { role: Role.ADMIN }, { fields: ['id'] })).map((u) => u.id);
}
