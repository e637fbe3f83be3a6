import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import { AppError } from './graphql/errors.js';

/**
 * A named limiter: `points` attempts per `durationSeconds` per key, in process memory.
 * (rate-limiter-flexible has a Redis store with the same API for several replicas.)
 */
export class Limiter {
  private readonly impl: RateLimiterMemory;

  constructor(readonly name: string, points: number, durationSeconds: number) {
    this.impl = new RateLimiterMemory({ keyPrefix: name, points, duration: durationSeconds });
  }

  /** Throws RATE_LIMITED (with retryAfterSeconds) when `key` has no attempts left. */
  async check(key: string): Promise<void> {
    const res = await this.impl.get(key);
    if (res && res.remainingPoints <= 0) throw limited(res);
  }

  /** Spends one attempt of `key`; throws RATE_LIMITED when none was left. */
  async consume(key: string): Promise<void> {
    try {
      await this.impl.consume(key);
    } catch (e) {
      if (e instanceof RateLimiterRes) throw limited(e);
      throw e;
    }
  }

  /** Forgets `key` (e.g. after a successful login). */
  async reset(key: string): Promise<void> {
    await this.impl.delete(key);
  }
}

function limited(res: RateLimiterRes): AppError {
  const retryAfterSeconds = Math.max(1, Math.ceil(res.msBeforeNext / 1000));
  return new AppError('RATE_LIMITED', `Too many attempts. Try again in ${retryAfterSeconds} seconds.`, { retryAfterSeconds });
}
