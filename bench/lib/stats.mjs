/**
 * Small statistics helpers for latencies recorded by the bench itself (the raw SQL loop).
 * autocannon computes its own percentiles with an HDR histogram; these use the exact
 * nearest-rank method over every recorded sample, which is what an HDR histogram
 * approximates.
 */

/** Nearest-rank percentile `p` (0–100) of an ascending-sorted array. */
export function percentile(sorted, p) {
  if (sorted.length === 0) return NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1];
}

/** Summary of latencies (ms) recorded over `seconds`: throughput and percentiles. */
export function summarize(latenciesMs, seconds) {
  const sorted = Float64Array.from(latenciesMs).sort();
  const sum = sorted.reduce((a, b) => a + b, 0);
  return {
    requests: sorted.length,
    seconds,
    rps: sorted.length / seconds,
    mean: sorted.length ? sum / sorted.length : NaN,
    p50: percentile(sorted, 50),
    p90: percentile(sorted, 90),
    p99: percentile(sorted, 99),
    max: sorted.length ? sorted[sorted.length - 1] : NaN,
  };
}

/** Rounds to `digits` decimals (for printing and JSON). */
export const round = (x, digits = 2) => (Number.isFinite(x) ? Math.round(x * 10 ** digits) / 10 ** digits : x);
