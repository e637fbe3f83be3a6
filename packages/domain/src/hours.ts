import { badInput } from './errors.js';

/**
 * The instant `hours` whole hours after `from` (internal helper of the offer and deal
 * deadlines; not exported from the package). Hours are elapsed time, so the Jakarta
 * calendar plays no part (WIB has no daylight saving anyway).
 * @throws DomainError BAD_USER_INPUT when `from` is not a valid Date (field "from") or
 *   `hours` is not a positive integer (field `field`).
 */
export function hoursAfter(from: Date, hours: number, field: string): Date {
  if (!(from instanceof Date) || Number.isNaN(from.getTime())) {
    throw badInput(`from must be a valid date, got ${String(from)}`, 'from');
  }
  if (typeof hours !== 'number' || !Number.isSafeInteger(hours) || hours < 1) {
    throw badInput(`${field} must be a positive whole number of hours, got ${String(hours)}`, field);
  }
  return new Date(from.getTime() + hours * 3_600_000);
}
