import { randomUUID } from 'node:crypto';
import { BigIntType, Collection, Entity, Index, ManyToOne, OneToMany, PrimaryKey, Property, type Ref } from '@mikro-orm/core';

/**
 * One balanced movement of money (PRODUCT §4: "every rupiah is in a double-entry platform
 * ledger"; store orders, §6, too). `idempotencyKey` is unique: the same movement (e.g.
 * "release:<room>", "order-pay:<order>") can never be booked twice, whatever retries or races
 * happen. `subjectType` is ESCROW_ROOM or ORDER, `subjectId` that room's or order's id; or
 * PAYMENT (an UNMATCHED_PAYMENT, "unmatched:<payment>": a provider payment its room or order
 * could no longer take, owed back to the payer), `subjectId` the payment's id.
 */
@Entity({ tableName: 'ledger_transactions' })
@Index({ properties: ['subjectType', 'subjectId'] })
export class LedgerTransaction {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: 'text', unique: true })
  idempotencyKey: string;

  /** Escrow rooms: FUND, RELEASE, REFUND or SPLIT; store orders: ORDER_PAY, ORDER_RELEASE or ORDER_REFUND; payments: UNMATCHED_PAYMENT. */
  @Property({ type: 'text' })
  kind: string;

  @Property({ type: 'text' })
  subjectType: string;

  @Property({ type: 'uuid' })
  subjectId: string;

  @Property({ type: 'timestamptz' })
  createdAt: Date = new Date();

  @OneToMany(() => LedgerPosting, (p) => p.transaction)
  postings = new Collection<LedgerPosting>(this);

  constructor(idempotencyKey: string, kind: string, subjectType: string, subjectId: string) {
    this.idempotencyKey = idempotencyKey;
    this.kind = kind;
    this.subjectType = subjectType;
    this.subjectId = subjectId;
  }
}

/** One line of a transaction: signed rupiah on an account (debit positive, credit negative). */
@Entity({ tableName: 'ledger_postings' })
@Index({ properties: ['account'] })
export class LedgerPosting {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne(() => LedgerTransaction, { ref: true })
  transaction: Ref<LedgerTransaction>;

  @Property({ type: 'text' })
  account: string;

  @Property({ type: new BigIntType('number') })
  amount: number;

  constructor(transaction: Ref<LedgerTransaction>, account: string, amount: number) {
    this.transaction = transaction;
    this.account = account;
    this.amount = amount;
  }
}
