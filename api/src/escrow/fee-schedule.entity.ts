import { Entity, ManyToOne, PrimaryKey, Property, type Ref } from '@mikro-orm/core';
import type { FeeSchedule } from '@pasar/domain';
import { User } from '../identity/user.entity.js';

/** One version of the escrow fee schedule (PRODUCT §4: admin-editable and versioned). The highest version is in force. */
@Entity({ tableName: 'fee_schedules' })
export class FeeScheduleVersion {
  @PrimaryKey({ type: 'integer', autoincrement: false })
  version: number;

  @Property({ type: 'jsonb' })
  schedule: FeeSchedule;

  @ManyToOne(() => User, { ref: true, nullable: true })
  createdBy?: Ref<User>;

  @Property({ type: 'timestamptz' })
  createdAt: Date = new Date();

  constructor(schedule: FeeSchedule, createdBy?: Ref<User>) {
    this.version = schedule.version;
    this.schedule = schedule;
    this.createdBy = createdBy;
  }
}
