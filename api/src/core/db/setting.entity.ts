import { Entity, PrimaryKey, Property } from '@mikro-orm/core';

/**
 * Versioned admin configuration as JSON, one row per key (e.g. "barter" → BarterConfig).
 * Each change bumps `version`, so a trade can record which version it was quoted with.
 */
@Entity({ tableName: 'settings' })
export class Setting {
  @PrimaryKey({ type: 'text' })
  key: string;

  @Property({ type: 'jsonb' })
  value: unknown;

  @Property({ version: true })
  version!: number;

  @Property({ type: 'timestamptz', onUpdate: () => new Date() })
  updatedAt: Date = new Date();

  constructor(key: string, value: unknown) {
    this.key = key;
    this.value = value;
  }
}
