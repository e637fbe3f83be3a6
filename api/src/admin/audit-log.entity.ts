import { randomUUID } from 'node:crypto';
import { Entity, Index, ManyToOne, PrimaryKey, Property, type Ref } from '@mikro-orm/core';
import { User } from '../identity/user.entity.js';

/** Every admin action, e.g. reading a disputed conversation or deciding a dispute (PRODUCT §1, §8). */
@Entity({ tableName: 'audit_log' })
@Index({ properties: ['subjectType', 'subjectId'] })
export class AuditLog {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne(() => User, { ref: true })
  actor: Ref<User>;

  /** e.g. CONVERSATION_READ, DISPUTE_RESOLVED. */
  @Property({ type: 'text' })
  action: string;

  @Property({ type: 'text' })
  subjectType: string;

  @Property({ type: 'uuid' })
  subjectId: string;

  @Property({ type: 'jsonb', nullable: true })
  details?: Record<string, unknown>;

  @Property({ type: 'timestamptz' })
  createdAt: Date = new Date();

  constructor(actor: Ref<User>, action: string, subjectType: string, subjectId: string, details?: Record<string, unknown>) {
    this.actor = actor;
    this.action = action;
    this.subjectType = subjectType;
    this.subjectId = subjectId;
    this.details = details;
  }
}
