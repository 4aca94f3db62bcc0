import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCore } from '../electron/core/create-core';
import { createMemoryStore } from '../electron/vault/keytar-store';
import { createTestPlatform } from '../test/support/test-platform';

/**
 * Speed and size targets, measured outside the unit tests so a slow CI
 * machine never makes a test flaky. Prints a table; see README.
 */
interface Row {
  name: string;
  median: number;
  target: number;
}

function median(samples: number[]): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

async function time(runs: number, work: () => unknown | Promise<unknown>): Promise<number> {
  const samples: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    const start = performance.now();
    await work();
    samples.push(performance.now() - start);
  }
  return median(samples);
}

async function main(): Promise<void> {
  const rows: Row[] = [];
  const dirs: string[] = [];
  const fresh = () => {
    const dir = mkdtempSync(join(tmpdir(), 'keyholder-bench-'));
    dirs.push(dir);
    return dir;
  };
  const options = () => ({
    dataDir: fresh(),
    secretStore: createMemoryStore(),
    platform: createTestPlatform(),
    log: () => undefined,
  });

  rows.push({
    name: 'open and migrate a new vault (ms)',
    median: await time(10, () => createCore(options()).close()),
    target: 200,
  });

  const core = createCore(options());
  rows.push({
    name: 'IPC dispatch round trip, app.info (ms)',
    median: await time(2000, () => core.dispatch('app.info', {})),
    target: 1,
  });
  rows.push({
    name: 'rejected payload (ms)',
    median: await time(2000, () => core.dispatch('app.info', { junk: 'x'.repeat(1000) })),
    target: 1,
  });
  core.close();

  console.log('\n| measure | median | target | ok |\n| --- | ---: | ---: | --- |');
  for (const row of rows) {
    console.log(
      `| ${row.name} | ${row.median.toFixed(3)} | ${row.target} | ${row.median <= row.target ? 'yes' : 'NO'} |`,
    );
  }
  console.log(`\npeak RSS: ${(process.memoryUsage().rss / 1024 / 1024).toFixed(1)} MiB`);
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
}

await main();
