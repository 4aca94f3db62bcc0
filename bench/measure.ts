import { GCProfiler } from 'node:v8';

/**
 * Timing, memory sampling and the results tables shared by the bench files.
 */

export type Unit = 'ms' | 'MiB' | 'MB';

export interface Row {
  name: string;
  /** The measured value (in `unit`, ms by default); null when the measure failed. */
  value: number | null;
  unit?: Unit;
  /** SQLite's own work for the same rows (each query stepped to its end), ms, same run. */
  sqlite?: number | null;
  /** The columns the answer needs, read as plain arrays, ms, same run. */
  arrays?: number | null;
  /** At most `max` of the value, or (`ofArrays`) at most `max` times the needed-columns floor. */
  target?: { max: number; ofArrays?: boolean };
  /** Why the measure has no value, or anything the reader should know. */
  note?: string;
}

export function median(samples: number[]): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

/** Median of `runs` timed calls after `warmup` untimed ones; `before` runs untimed ahead of each call. */
export async function time(runs: number, work: () => unknown, warmup = 0, before?: () => unknown): Promise<number> {
  for (let i = 0; i < warmup; i += 1) {
    await before?.();
    await work();
  }
  const samples: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    await before?.();
    const start = performance.now();
    await work();
    samples.push(performance.now() - start);
  }
  return median(samples);
}

/** One timed piece of work, with untimed set-up before it (a write, emptying a cache). */
export interface Work {
  before?: () => unknown;
  work: () => unknown;
}

/** Like time() for several pieces of work, run in turn within each round, so a busy machine slows them alike. */
export async function timeInterleaved(runs: number, warmup: number, works: Work[]): Promise<number[]> {
  const samples = works.map(() => [] as number[]);
  for (let round = 0; round < warmup + runs; round += 1) {
    for (const [i, { before, work }] of works.entries()) {
      await before?.();
      const start = performance.now();
      await work();
      if (round >= warmup) samples[i]!.push(performance.now() - start);
    }
  }
  return samples.map(median);
}

/** V8's heap around its full collections, from its own GC records (no flag, no forced collection). */
export interface HeapAroundGc {
  fullCollections: number;
  /** The most still in use just after a full collection: what the process held, app and bench. */
  heldMiB: number;
  /** The most in use just before one: held plus the garbage V8 let pile up first. */
  beforeMiB: number;
}

/**
 * The highest resident set size seen. A timer samples it, but synchronous
 * work (SQLite reads, the compliance pass) blocks timers, so the measures
 * also call sample() straight after each piece of work. With `heap`, V8's
 * GC records too, to tell memory held from garbage not yet collected.
 */
export class MemorySampler {
  private peakBytes = 0;
  private readonly timer: ReturnType<typeof setInterval>;
  private profiler: GCProfiler | null;
  /** Set by stop() when the sampler was asked to follow the heap. */
  heap: HeapAroundGc | null = null;

  constructor(options: { intervalMs?: number; heap?: boolean } = {}) {
    this.profiler = options.heap ? new GCProfiler() : null;
    this.profiler?.start();
    this.sample();
    this.timer = setInterval(() => this.sample(), options.intervalMs ?? 10);
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
    if (!this.profiler) return;
    const full = this.profiler.stop().statistics.filter((gc) => gc.gcType === 'MarkSweepCompact');
    this.profiler = null;
    const most = (sizes: number[]) => Math.max(0, ...sizes) / 1024 / 1024;
    this.heap = {
      fullCollections: full.length,
      heldMiB: most(full.map((gc) => gc.afterGC.heapStatistics.usedHeapSize)),
      beforeMiB: most(full.map((gc) => gc.beforeGC.heapStatistics.usedHeapSize)),
    };
  }
}

export function fixed(value: number | null | undefined): string {
  if (value === null || value === undefined) return '-';
  return value.toFixed(value < 1 ? 3 : value < 100 ? 2 : 1);
}

/** "met", or by how much the value misses its target. */
export function verdict(row: Row): string {
  if (!row.target) return '-';
  if (row.value === null) return 'not measured';
  const unit = row.unit ?? 'ms';
  if (row.target.ofArrays) {
    if (!row.arrays) return 'not measured';
    const ratio = row.value / row.arrays;
    return ratio <= row.target.max
      ? 'met'
      : `missed: ${ratio.toFixed(2)}x, ${(ratio / row.target.max).toFixed(1)}x over`;
  }
  return row.value <= row.target.max
    ? 'met'
    : `missed by ${fixed(row.value - row.target.max)} ${unit} (${(row.value / row.target.max).toFixed(1)}x)`;
}

export function targetText(row: Row): string {
  if (!row.target) return '-';
  return row.target.ofArrays ? `<= ${row.target.max}x floor` : `< ${row.target.max} ${row.unit ?? 'ms'}`;
}

const ratio = (value: number | null, floor: number | null | undefined) =>
  value !== null && floor ? `${(value / floor).toFixed(2)}x` : '-';

/** One markdown table: the value, both floors with the value's ratio to each, the target and whether it is met; then notes. */
export function formatTable(rows: Row[], notes: string[] = []): string {
  const lines = [
    '| measure | value | unit | SQLite-only floor ms | x SQLite | needed-columns floor ms | x columns | target | verdict |',
    '| --- | ---: | --- | ---: | ---: | ---: | ---: | --- | --- |',
  ];
  for (const row of rows) {
    const marker = row.note ? ` [${notes.push(row.note)}]` : '';
    const value = row.value === null ? 'failed' : fixed(row.value);
    lines.push(
      `| ${row.name}${marker} | ${value} | ${row.unit ?? 'ms'} | ${fixed(row.sqlite)} | ${ratio(row.value, row.sqlite)} | ${fixed(row.arrays)} | ${ratio(row.value, row.arrays)} | ${targetText(row)} | ${verdict(row)} |`,
    );
  }
  if (notes.length > 0) lines.push('', ...notes.map((note, i) => `[${i + 1}] ${note}`));
  return lines.join('\n');
}

export function describeError(error: unknown): string {
  return error instanceof Error ? error.message.split('\n')[0]! : String(error);
}

export const count = (n: number) => new Intl.NumberFormat('en-GB').format(n);
