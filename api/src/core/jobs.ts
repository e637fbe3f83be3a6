import PgBoss from 'pg-boss';
import type { Logger } from './logger.js';

/** A job handler: must be idempotent (a job may run twice, or after its subject moved on). */
export type JobHandler = (data: { id: string }) => Promise<void>;

/**
 * Scheduled jobs on the same PostgreSQL with pg-boss (its own schema `pgboss`). Timeouts are
 * scheduled after commit as delayed jobs; a sweep every minute catches any that were lost
 * (a crash between commit and scheduling). Handlers re-check state, so repeats change nothing.
 */
export class Jobs {
  private boss?: PgBoss;
  private readonly handlers = new Map<string, JobHandler>();
  /** Jobs waiting for the insert in flight to finish; sent together in one insert (see at()). */
  private queued: { job: PgBoss.JobInsert; sent: () => void }[] = [];
  private sending = false;

  constructor(private readonly databaseUrl: string, private readonly log: Logger, private readonly pollSeconds: number) {}

  /** Registers a handler before start(). */
  on(name: string, handler: JobHandler): void {
    this.handlers.set(name, handler);
  }

  /** Starts pg-boss; with `work`, this process also runs the handlers (and the minute sweep `sweep`). */
  async start(work: boolean, sweep?: () => Promise<void>): Promise<void> {
    const boss = new PgBoss({ connectionString: this.databaseUrl, schema: 'pgboss', max: 4, supervise: work, schedule: work });
    boss.on('error', (err) => this.log.error({ err }, 'pg-boss'));
    await boss.start();
    this.boss = boss;
    for (const name of [...this.handlers.keys(), 'sweep']) await boss.createQueue(name);
    if (!work) return;
    for (const [name, handler] of this.handlers) {
      await boss.work<{ id: string }>(name, { pollingIntervalSeconds: this.pollSeconds, batchSize: 5 }, async (jobs) => {
        for (const job of jobs) await handler(job.data);
      });
    }
    if (sweep) {
      await boss.work('sweep', { pollingIntervalSeconds: Math.max(this.pollSeconds, 5) }, async () => sweep());
      await boss.schedule('sweep', '* * * * *');
    }
  }

  /**
   * Runs job `name` for subject `id` at `at` (after commit); resolves once the job is stored.
   * Jobs asked for while an insert is in flight go together in the next one (one statement
   * for many checkouts under load, none added when idle). Never throws: the sweep is the fallback.
   */
  at(name: string, id: string, at: Date): Promise<void> {
    if (!this.boss) return Promise.resolve();
    return new Promise((sent) => {
      this.queued.push({ job: { name, data: { id }, startAfter: at, retryLimit: 5, retryBackoff: true }, sent });
      if (!this.sending) void this.send();
    });
  }

  private async send(): Promise<void> {
    this.sending = true;
    while (this.queued.length) {
      const batch = this.queued.splice(0, 500);
      try {
        await this.boss!.insert(batch.map((b) => b.job));
      } catch (err) {
        this.log.warn({ err, jobs: batch.map((b) => [b.job.name, (b.job.data as { id: string }).id]) }, 'could not schedule jobs; the sweep will catch them');
      }
      for (const b of batch) b.sent();
    }
    this.sending = false;
  }

  async stop(): Promise<void> {
    await this.boss?.stop({ graceful: true, wait: true, timeout: 5000 });
  }
}
