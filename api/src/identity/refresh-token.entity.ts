import { randomUUID } from 'node:crypto';
import { Entity, Index, ManyToOne, PrimaryKey, Property, type Ref } from '@mikro-orm/core';
import { User } from './user.entity.js';

/**
 * One refresh token of a rotation family (PRODUCT §1). Only its SHA-256 hash is stored.
 * Using a token marks it used and issues the next one in the same family; presenting a
 * used token again revokes the whole family.
 */
@Entity({ tableName: 'refresh_tokens' })
export class RefreshToken {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne(() => User, { ref: true, deleteRule: 'cascade' })
  user: Ref<User>;

  @Property({ type: 'uuid' })
  @Index()
  familyId: string;

  @Property({ type: 'text', unique: true })
  tokenHash: string;

  @Property({ type: 'timestamptz' })
  expiresAt: Date;

  @Property({ type: 'timestamptz', nullable: true })
  usedAt?: Date;

  @Property({ type: 'timestamptz', nullable: true })
  revokedAt?: Date;

  @Property({ type: 'timestamptz' })
  createdAt: Date = new Date();

  constructor(user: Ref<User>, familyId: string, tokenHash: string, expiresAt: Date) {
    this.user = user;
    this.familyId = familyId;
    this.tokenHash = tokenHash;
    this.expiresAt = expiresAt;
  }
}
