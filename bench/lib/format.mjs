/** Text formatting shared by the benches' printed reports. */

/** `x` with `d` decimals, or `x` as it is when it is not a finite number. */
export const fmt = (x, d = 1) => (Number.isFinite(x) ? x.toFixed(d) : String(x));

/** A text table; columns in `left` (indices) are left-aligned, the others right-aligned. */
export function table(head, rows, left = [0]) {
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((b) => b[i].length)));
  const line = (cells) => cells.map((c, i) => (left.includes(i) ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join(' | ');
  return [line(head), widths.map((w) => '-'.repeat(w)).join('-|-'), ...rows.map(line)].join('\n');
}
