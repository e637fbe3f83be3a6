/**
 * Local placeholder photos for demo listings: an SVG (hue gradient, simple
 * motif, large label) rasterised to JPEG by sharp. No network, no font files
 * beyond the system's generic sans-serif.
 */
import sharp from 'sharp';
import type { DemoPhotoSpec } from './demo-data.js';

/** Drawing is done on a fixed 800x800 canvas and scaled to the requested size. */
const VIEW = 800;

/** HSL (degrees, 0..1, 0..1) to `#rrggbb`. */
function hsl(h: number, s: number, l: number): string {
  const hue = ((h % 360) + 360) % 360;
  const a = s * Math.min(l, 1 - l);
  const f = (n: number) => {
    const k = (n + hue / 30) % 12;
    const c = l - a * Math.max(-1, Math.min(k - 3, 9 - k, 1));
    return Math.round(c * 255)
      .toString(16)
      .padStart(2, '0');
  };
  return `#${f(0)}${f(8)}${f(4)}`;
}

function escapeXml(s: string): string {
  return s.replace(/[<>&'"]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', "'": '&apos;', '"': '&quot;' })[c]!);
}

/** Cheap deterministic pseudo-random numbers from the hue, for motif placement. */
function seq(hue: number): () => number {
  let x = (hue + 1) * 2654435761;
  return () => {
    x = (Math.imul(x ^ (x >>> 13), 1103515245) + 12345) >>> 0;
    return x / 4294967296;
  };
}

function motifSvg(motif: DemoPhotoSpec['motif'], hue: number): string {
  const r = seq(hue);
  const fill = 'fill="#ffffff"';
  switch (motif) {
    case 'box':
      return Array.from({ length: 5 }, () => {
        const s = 120 + r() * 200;
        const x = r() * (VIEW - s);
        const y = r() * (VIEW - s);
        const rot = Math.round(r() * 90 - 45);
        return `<rect x="${x.toFixed(0)}" y="${y.toFixed(0)}" width="${s.toFixed(0)}" height="${s.toFixed(0)}" rx="24" ${fill} fill-opacity="${(0.08 + r() * 0.12).toFixed(2)}" transform="rotate(${rot} ${(x + s / 2).toFixed(0)} ${(y + s / 2).toFixed(0)})"/>`;
      }).join('');
    case 'circle':
      return Array.from({ length: 5 }, () => {
        const cx = r() * VIEW;
        const cy = r() * VIEW;
        const rad = 80 + r() * 220;
        return `<circle cx="${cx.toFixed(0)}" cy="${cy.toFixed(0)}" r="${rad.toFixed(0)}" ${fill} fill-opacity="${(0.07 + r() * 0.12).toFixed(2)}"/>`;
      }).join('');
    case 'stripes': {
      const bars = Array.from({ length: 14 }, (_, i) => `<rect x="${i * 120 - 400}" y="-400" width="54" height="1600" ${fill}/>`).join('');
      return `<g fill-opacity="0.12" transform="rotate(-30 400 400)">${bars}</g>`;
    }
    case 'dots': {
      const dots: string[] = [];
      for (let y = 40; y < VIEW; y += 72) for (let x = 40; x < VIEW; x += 72) dots.push(`<circle cx="${x}" cy="${y}" r="11"/>`);
      return `<g ${fill} fill-opacity="0.16">${dots.join('')}</g>`;
    }
    case 'wave':
      return Array.from({ length: 5 }, (_, i) => {
        const y = 120 + i * 140;
        const a = 40 + r() * 40;
        return `<path d="M-50 ${y} C 100 ${y - a}, 200 ${y - a}, 350 ${y} S 600 ${y + a}, 850 ${y}" fill="none" stroke="#ffffff" stroke-opacity="0.22" stroke-width="${18 + i * 4}" stroke-linecap="round"/>`;
      }).join('');
  }
}

/** Splits a label into at most 2 balanced lines. */
function wrap(label: string): string[] {
  const words = label.trim().split(/\s+/);
  if (label.length <= 13 || words.length === 1) return [label.trim()];
  let best = 1;
  let bestDiff = Infinity;
  for (let i = 1; i < words.length; i++) {
    const diff = Math.abs(words.slice(0, i).join(' ').length - words.slice(i).join(' ').length);
    if (diff < bestDiff) [best, bestDiff] = [i, diff];
  }
  return [words.slice(0, best).join(' '), words.slice(best).join(' ')];
}

/** Builds the SVG source for a demo photo (exported for inspection/tests). */
export function buildDemoPhotoSvg(spec: DemoPhotoSpec, size = VIEW): string {
  const hue = spec.hue;
  const lines = wrap(spec.label);
  const longest = Math.max(...lines.map((l) => l.length));
  // DejaVu Sans Bold averages ~0.68em per character; keep within ~660px.
  const fontSize = Math.round(Math.min(120, 660 / (0.68 * Math.max(longest, 1))));
  const lineH = fontSize * 1.15;
  const top = VIEW / 2 - ((lines.length - 1) * lineH) / 2;
  const text = lines
    .map((l, i) => `<tspan x="400" y="${(top + i * lineH).toFixed(0)}">${escapeXml(l)}</tspan>`)
    .join('');
  const panelH = lines.length * lineH + fontSize * 0.7;
  const font = `font-family="DejaVu Sans, Liberation Sans, Arial, sans-serif" font-weight="bold"`;
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${size}" height="${size}" viewBox="0 0 ${VIEW} ${VIEW}">` +
    `<defs><linearGradient id="g" x1="0" y1="0" x2="1" y2="1">` +
    `<stop offset="0" stop-color="${hsl(hue, 0.7, 0.62)}"/><stop offset="1" stop-color="${hsl(hue + 35, 0.6, 0.36)}"/>` +
    `</linearGradient></defs>` +
    `<rect width="${VIEW}" height="${VIEW}" fill="url(#g)"/>` +
    motifSvg(spec.motif, hue) +
    `<rect x="50" y="${(VIEW / 2 - panelH / 2).toFixed(0)}" width="700" height="${panelH.toFixed(0)}" rx="36" fill="#000000" fill-opacity="0.26"/>` +
    `<text ${font} font-size="${fontSize}" fill="#ffffff" text-anchor="middle" dominant-baseline="central">${text}</text>` +
    `<text ${font} font-size="26" fill="#ffffff" fill-opacity="0.7" x="770" y="765" text-anchor="end">PASAR · DEMO</text>` +
    `</svg>`
  );
}

/** Renders a demo photo as a `size`x`size` JPEG. */
export async function renderDemoPhoto(spec: DemoPhotoSpec, size = 800): Promise<Buffer> {
  return sharp(Buffer.from(buildDemoPhotoSvg(spec, size)))
    .jpeg({ quality: 80 })
    .toBuffer();
}
