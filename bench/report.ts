import { fixed, targetText, verdict, type Row } from './measure';

/**
 * The summary parts of bench/results/latest.md: each target with its
 * verdict, and how each cost grows from one register size to the next.
 */
export function targetList(rows: Row[]): string {
  return rows
    .filter((row) => row.target)
    .map(
      (row) =>
        `- ${row.name}: ${fixed(row.value)} ${row.unit ?? 'ms'} (target ${targetText(row)}): **${verdict(row)}**`,
    )
    .join('\n');
}

/** Within half to double the growth in accounts counts as linear; much less means fixed costs dominate. */
function shape(ratio: number, growth: number): string {
  if (ratio < growth / 2) return 'less than linear';
  if (ratio <= growth * 2) return 'linear';
  return 'worse than linear';
}

export function growthTable(before: Record<string, number>, after: Record<string, number>, growth: number): string {
  const lines = [
    `| measure | at ${growth === 10 ? '10,000' : 'the smaller size'} | at ${growth}x the accounts | grew | shape |`,
    '| --- | ---: | ---: | ---: | --- |',
  ];
  for (const [name, value] of Object.entries(before)) {
    const next = after[name];
    if (next === undefined) continue;
    const ratio = next / value;
    const unit = name.endsWith('bytes') ? ' MB' : name === 'rss' ? ' MiB' : ' ms';
    const label = name === 'rss' ? 'Node peak RSS' : name;
    lines.push(
      `| ${label} | ${fixed(value)}${unit} | ${fixed(next)}${unit} | ${ratio.toFixed(1)}x | ${shape(ratio, growth)} |`,
    );
  }
  return lines.join('\n');
}
