import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

// Read from disk: Vitest does not load CSS (a `?raw` import comes back empty).
const css = readFileSync(resolve(__dirname, 'main.css'), 'utf8');

/** The `--name: #rrggbb` tokens of the first rule whose selector starts with `selector`. */
function tokens(selector: string): Record<string, string> {
  const start = css.indexOf(`${selector} {`);
  const body = css.slice(start, css.indexOf('}', start));
  return Object.fromEntries([...body.matchAll(/--([\w-]+):\s*(#[0-9a-f]{6})\b/gi)].map((m) => [m[1], m[2]]));
}

/** WCAG 2 relative luminance and contrast ratio. */
function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}
function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

const light = tokens(':root');
const dark = { ...light, ...tokens(":root[data-theme='dark']") };

// Text colour on the background it is drawn on: chips, badges, alerts, muted text.
const PAIRS: [text: string, background: string][] = [
  ['color-success', 'color-primary-soft'], // "Aktif" / "Selesai" chips
  ['color-success', 'color-surface'],
  ['color-accent', 'color-accent-soft'],
  ['color-barter', 'color-barter-soft'],
  ['color-service', 'color-service-soft'],
  ['color-danger', 'color-danger-soft'],
  ['color-primary', 'color-primary-soft'],
  ['color-primary', 'color-surface'],
  ['color-on-primary', 'color-primary'],
  ['color-muted', 'color-surface'],
  ['color-muted', 'color-surface-2'],
  ['color-muted', 'color-bg'],
];

describe('design tokens', () => {
  for (const [theme, t] of [['light', light], ['dark', dark]] as const) {
    it(`reach 4.5:1 for text in ${theme} mode`, () => {
      const low = PAIRS.map(([fg, bg]) => ({ pair: `${fg} on ${bg}`, ratio: Math.round(contrast(t[fg], t[bg]) * 100) / 100 })).filter((p) => !(p.ratio >= 4.5));
      expect(low).toEqual([]);
    });
  }
});
