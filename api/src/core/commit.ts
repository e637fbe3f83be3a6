import type { EntityManager } from '@mikro-orm/postgresql';
import type { Jobs } from './jobs.js';
import type { Live, LiveEvent } from './live.js';

/** What a trade operation produced: its value, live events, and jobs to schedule (name, subject id, when). */
export interface Outcome<T> {
  value: T;
  events: LiveEvent[];
  jobs?: [string, string, Date][];
}

/**
 * Runs `work` in one database transaction; only after it commits, publishes the live events
 * and schedules the jobs (ARCHITECTURE, "How a request flows"). A failed transaction
 * publishes and schedules nothing.
 */
export async function commit<T>(em: EntityManager, live: Live, jobs: Jobs, work: (tx: EntityManager) => Promise<Outcome<T>>): Promise<T> {
  const out = await em.fork().transactional(async (tx) => {
    const result = await work(tx);
    await tx.flush();
    return result;
  });
  live.publish(out.events);
  for (const [name, id, at] of out.jobs ?? []) await jobs.at(name, id, at);
  return out.value;
}
