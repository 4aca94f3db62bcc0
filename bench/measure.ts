/**
 * Timing, memory sampling and the results table shared by the bench files.
 */

export interface Row {
  name: string;
  /** The measured value (ms unless the name says otherwise); null when the measure failed. */
  median: number | null;
  /** The same rows read with plain SQL, for comparison. */
  raw?: number | null;
  target?: number;
  /** Why the measure has no value, or anything the reader should know. */
  note?: string;
}

export function median(samples: number[]): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

/** Median of `runs` timed calls after `warmup` untimed ones. */
export async function time(runs: number, work: () => unknown, warmup = 0): Promise<number> {
  for (let i = 0; i < warmup; i += 1) await work();
  const samples: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    const start = performance.now();
    await work();
    samples.push(performance.now() - start);
  }
  return median(samples);
}

/** Like time() for several pieces of work, run in turn within each round; one median each. */
export async function timeInterleaved(runs: number, warmup: number, works: (() => unknown)[]): Promise<number[]> {
  const samples = works.map(() => [] as number[]);
  for (let round = 0; round < warmup + runs; round += 1) {
    for (const [i, work] of works.entries()) {
      const start = performance.now();
      await work();
      if (round >= warmup) samples[i]!.push(performance.now() - start);
    }
  }
  return samples.map(median);
}

/**
 * The highest resident set size seen. A timer samples it, but synchronous
 * work (SQLite reads, the compliance pass) blocks timers, so the measures
 * also call sample() straight after each piece of work.
 */
export class MemorySampler {
  private peakBytes = 0;
  private readonly timer: ReturnType<typeof setInterval>;

  constructor(intervalMs = 10) {
    this.sample();
    this.timer = setInterval(() => this.sample(), intervalMs);
    this.timer.unref();
  }

  sample(): void {
    this.peakBytes = Math.max(this.peakBytes, process.memoryUsage().rss);
  }

  get peakMiB(): number {
    return this.peakBytes / 1024 / 1024;
  }

  stop(): void {
    this.sample();
    clearInterval(this.timer);
  }
}

const ms = (value: number | null | undefined, digits: number) =>
  value === null || value === undefined ? '-' : value.toFixed(digits);

function digitsFor(value: number | null | undefined): number {
  if (value === null || value === undefined) return 0;
  return value < 1 ? 3 : value < 100 ? 2 : 1;
}

/** One markdown table: measure | median ms | raw SQL ms | ratio | target | ok, then any notes. */
export function formatTable(rows: Row[]): string {
  const lines = [
    '| measure | median ms | raw SQL ms | ratio | target | ok |',
    '| --- | ---: | ---: | ---: | ---: | --- |',
  ];
  const notes: string[] = [];
  for (const row of rows) {
    const ratio = row.median !== null && row.raw ? `${(row.median / row.raw).toFixed(1)}x` : '-';
    const ok = row.target === undefined ? '-' : row.median !== null && row.median <= row.target ? 'yes' : 'NO';
    const marker = row.note ? ` [${notes.push(row.note)}]` : '';
    const value = row.median === null ? 'failed' : ms(row.median, digitsFor(row.median));
    lines.push(
      `| ${row.name}${marker} | ${value} | ${ms(row.raw, digitsFor(row.raw))} | ${ratio} | ${row.target ?? '-'} | ${ok} |`,
    );
  }
  if (notes.length > 0) lines.push('', ...notes.map((note, i) => `[${i + 1}] ${note}`));
  return lines.join('\n');
}

export function describeError(error: unknown): string {
  return error instanceof Error ? error.message.split('\n')[0]! : String(error);
}
