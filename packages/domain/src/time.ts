/** Asia/Jakarta (WIB) is UTC+7 all year, with no daylight saving (PRODUCT.md, intro). */
export const WIB_OFFSET_MINUTES = 7 * 60;

/** The Jakarta calendar date of an instant: year, month 1–12, day 1–31. */
export function jakartaDate(at: Date): { year: number; month: number; day: number } {
  const shifted = new Date(at.getTime() + WIB_OFFSET_MINUTES * 60_000);
  return { year: shifted.getUTCFullYear(), month: shifted.getUTCMonth() + 1, day: shifted.getUTCDate() };
}
