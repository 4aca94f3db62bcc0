import type { ReportData } from '../../shared/contract';
import { chartCaption, engagementColours, engagementKeys } from '../../shared/policy/engagement';
import { escapeHtml } from '../lib/print-html';

/**
 * The printed chart above the Appendix 1 table: engagement per term as
 * grouped bars, followers at the end of each term as a line on its own
 * scale. Plain SVG with a title and description, because the printed page
 * has no scripts; on screen the same data is drawn with Recharts.
 */
const width = 640;
const height = 190;
const margin = { top: 14, right: 48, bottom: 40, left: 40 };
/** Okabe-Ito hues, darkened to 3:1 on white: told apart with any colour vision, and in greyscale by their order. */
export const seriesColours = engagementColours;

function niceMax(value: number): number {
  if (value <= 0) return 1;
  const magnitude = 10 ** Math.floor(Math.log10(value));
  const step = [1, 2, 5, 10].find((s) => s * magnitude >= value) ?? 10;
  return step * magnitude;
}

export function chartSvg(data: ReportData): string {
  const points = data.history;
  const plotW = width - margin.left - margin.right;
  const plotH = height - margin.top - margin.bottom;
  const maxCount = niceMax(Math.max(0, ...points.flatMap((p) => engagementKeys.map((k) => p[k] ?? 0))));
  const maxFollowers = niceMax(Math.max(0, ...points.map((p) => p.followersEnd ?? 0)));
  const band = plotW / Math.max(1, points.length);
  const barW = (band * 0.7) / engagementKeys.length;
  const y = (v: number, max: number) => margin.top + plotH - (v / max) * plotH;
  const parts: string[] = [];
  for (const tick of [0, 0.5, 1]) {
    const ty = y(tick * maxCount, maxCount);
    parts.push(
      `<line x1="${margin.left}" x2="${width - margin.right}" y1="${ty}" y2="${ty}" stroke="#ccc" stroke-width="0.5"/>`,
      `<text x="${margin.left - 4}" y="${ty + 3}" text-anchor="end" class="axis">${tick * maxCount}</text>`,
      `<text x="${width - margin.right + 4}" y="${ty + 3}" class="axis">${tick * maxFollowers}</text>`,
    );
  }
  points.forEach((p, i) => {
    const x0 = margin.left + i * band + band * 0.15;
    engagementKeys.forEach((key, k) => {
      const v = p[key];
      if (v === null) return;
      const top = y(v, maxCount);
      parts.push(
        `<rect x="${(x0 + k * barW).toFixed(1)}" y="${top.toFixed(1)}" width="${(barW - 1).toFixed(1)}" height="${(margin.top + plotH - top).toFixed(1)}" fill="${seriesColours[key]}"><title>${escapeHtml(`${p.label}: ${v} ${data.words[key].toLowerCase()}`)}</title></rect>`,
      );
    });
    parts.push(
      `<text x="${(margin.left + i * band + band / 2).toFixed(1)}" y="${height - margin.bottom + 13}" text-anchor="middle" class="axis">${escapeHtml(p.label)}</text>`,
    );
  });
  const line = points
    .map((p, i) =>
      p.followersEnd === null ? null : [margin.left + i * band + band / 2, y(p.followersEnd, maxFollowers)],
    )
    .filter((pt): pt is number[] => pt !== null);
  if (line.length > 1)
    parts.push(
      `<polyline points="${line.map(([x, py]) => `${x!.toFixed(1)},${py!.toFixed(1)}`).join(' ')}" fill="none" stroke="#000" stroke-width="1.5"/>`,
    );
  for (const [x, py] of line) parts.push(`<circle cx="${x!.toFixed(1)}" cy="${py!.toFixed(1)}" r="2.5" fill="#000"/>`);
  const legend = [
    ...engagementKeys.map((key) => ({ label: data.words[key], colour: seriesColours[key] })),
    { label: 'Followers (right scale)', colour: '#000' },
  ];
  legend.forEach((item, i) => {
    const lx = margin.left + i * 110;
    const ly = height - 10;
    parts.push(
      `<rect x="${lx}" y="${ly - 8}" width="9" height="9" fill="${item.colour}"/>`,
      `<text x="${lx + 13}" y="${ly}" class="legend">${escapeHtml(item.label)}</text>`,
    );
  });
  const desc = points
    .map((p) =>
      p.posts === null
        ? `${p.label}: no figures`
        : `${p.label}: ${engagementKeys.map((k) => `${p[k]} ${data.words[k].toLowerCase()}`).join(', ')}, ${p.followersEnd} followers`,
    )
    .join('; ');
  return `<svg class="chart" role="img" aria-labelledby="chart-title chart-desc" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" xmlns="http://www.w3.org/2000/svg">
<title id="chart-title">${chartCaption(points.length)}</title>
<desc id="chart-desc">${escapeHtml(desc)}</desc>
${parts.join('\n')}
</svg>`;
}
