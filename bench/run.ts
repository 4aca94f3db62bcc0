import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCore, type Core, type CoreOptions } from '../electron/core/create-core';
import type { SecretStore } from '../electron/core/platform';
import { createMemoryStore } from '../electron/vault/keytar-store';
import { ukDateTime } from '../shared/time';
import { createTestPlatform, type TestPlatform } from '../test/support/test-platform';
import { measureChannels } from './channels';
import { growthTable, targetList } from './report';
import { measureHardening } from './hardening';
import { count, formatTable, MemorySampler, time, type Row } from './measure';
import { chooseNeedles, measureSearch } from './register';
import { seedRegister, type SeedCounts } from './seed';
import { dashboardChannels, measureStartup } from './startup';

/**
 * Speed and size targets (issue 17), measured outside the unit tests so a
 * slow CI machine never makes a test flaky: `npm run bench`, results in
 * bench/results/latest.md. Needs no keychain (an in-memory key store).
 * Three registers: a 30-account school (start-up only), 10,000 accounts
 * (everything, Chromium included) and 100,000 once, to show how each cost
 * grows. Set KEYHOLDER_BENCH_RENDERER=dist/renderer to use an existing
 * renderer build instead of building one into a temp folder.
 */
// KEYHOLDER_BENCH_ACCOUNTS: a smaller register for trying the bench itself out quickly.
const large = Number(process.env.KEYHOLDER_BENCH_ACCOUNTS ?? 10_000);
const huge = large * 10;
const runs = 7;
const warmup = 2;
const dirs: string[] = [];
/** The process before any vault: Node and the bundle of the app's modules and the bench's (bench/launch.mjs). */
const baselineMiB = process.memoryUsage().rss / 1024 / 1024;
const baselineHeapMiB = process.memoryUsage().heapUsed / 1024 / 1024;

function options(
  dataDir?: string,
  secretStore: SecretStore = createMemoryStore(),
): CoreOptions & { platform: TestPlatform } {
  if (!dataDir) dirs.push((dataDir = mkdtempSync(join(tmpdir(), 'keyholder-bench-'))));
  return { dataDir, secretStore, platform: createTestPlatform(), log: () => undefined };
}

/** A vault set up the normal way, with `accounts` seeded (a fifth as many people); left open. */
async function vault(accounts: number): Promise<{ core: Core; reopen: () => CoreOptions; seeded: SeedCounts }> {
  const opened = options();
  const core = createCore(opened);
  await core.start();
  const setup = await core.dispatch('vault.setup', { schoolName: 'Bench Academy', administratorName: 'Bench Admin' });
  if (!setup.ok) throw new Error(`Vault setup failed: ${setup.error.message}`);
  await core.dispatch('settings.update', { schoolEmailDomain: 'school.sch.uk' });
  const seeded = seedRegister(core.context.db, accounts, Math.max(20, accounts / 5));
  console.log(`Seeded ${count(seeded.accounts)} accounts, ${count(seeded.people)} people.`);
  return { core, seeded, reopen: () => options(opened.dataDir, opened.secretStore) };
}

async function general(): Promise<Row[]> {
  const rows: Row[] = [
    { name: 'open and migrate a new vault', value: await time(10, () => createCore(options()).close()) },
  ];
  const small = createCore(options());
  rows.push(
    { name: 'IPC dispatch round trip, app.info', value: await time(2000, () => small.dispatch('app.info', {})) },
    {
      name: 'rejected payload',
      value: await time(2000, () => small.dispatch('app.info', { junk: 'x'.repeat(1000) })),
    },
  );
  await small.close();
  const hostile = options();
  const guarded = createCore(hostile);
  await guarded.dispatch('vault.setup', { schoolName: 'Bench Academy', administratorName: 'Bench Admin' });
  rows.push(...(await measureHardening(guarded, hostile.platform, hostile.dataDir)));
  await guarded.close();
  return rows;
}

async function startupRows(accounts: number, reps: number, memory: MemorySampler) {
  const { core, reopen } = await vault(accounts);
  await core.close();
  const result = await measureStartup(reopen, reps, memory);
  return { result, reopen };
}

/**
 * A register's channels measured on a vault seeded with `accounts`, which is
 * then closed. Only what later parts need is returned: not the core (its
 * caches) nor the register's rows, so the start-up measure and the parts
 * after it do not carry them.
 */
async function measureRegister(accounts: number, memory: MemorySampler, counts: { runs: number; warmup: number }) {
  const { core, reopen, seeded } = await vault(accounts);
  const channels = await measureChannels(core, memory, { ...counts, size: accounts });
  // The search (here and in Chromium) only at the targets' size.
  const browse =
    accounts === large
      ? {
          search: await measureSearch(core.context.db, channels.accounts, { ...counts, needle: 'chess' }),
          needles: chooseNeedles(channels.accounts, counts.runs + counts.warmup),
        }
      : null;
  await core.close();
  return { rows: channels.rows, values: channels.values, browse, reopen, seeded };
}

/** What the 10,000-account RSS figure is made of, from this run's own numbers. */
function rssNote(memory: MemorySampler): string {
  const heap = memory.heap;
  const gc = heap
    ? ` V8's own records (${heap.fullCollections} full collections, no flag set and none forced): just after a full collection the heap still held at most ${heap.heldMiB.toFixed(0)} MiB (the code, the open vault's caches, any read in progress and the bench's own), and just before one it had reached ${heap.beforeMiB.toFixed(0)} MiB (${(heap.beforeMiB / heap.heldMiB).toFixed(1)}x): the rest of the peak is garbage not yet collected, mostly from the cold reads (the caches emptied and the whole register read again, ${runs + warmup} times a channel, and at each of the ${runs + 1} start-ups), which V8 with its default settings lets pile up before it collects; Electron's main process runs V8 with the same defaults.`
    : '';
  return `process.memoryUsage().rss, sampled every 10 ms and after each measured call; before the renderer build and Chromium. The bench runs as one Node bundle, built as the main process is (bench/launch.mjs), with no module loader: before any vault was opened the process had ${baselineMiB.toFixed(0)} MiB (Node, and the app's and the bench's code, a ${baselineHeapMiB.toFixed(0)} MiB heap).${gc} The bench's own floors, structured clones and seeding add to the garbage. Electron's V8 compresses pointers (since Electron 14) and plain Node's does not, so the same objects take less room in the app: this figure errs high.`;
}

async function main(): Promise<void> {
  const loadAtStart = loadavg()[0]!;
  const whole = new MemorySampler();
  const rows = await general();

  const small = await startupRows(30, runs, whole);
  const start30: Row = {
    name: 'start-up to a loaded Dashboard, 30 accounts',
    value: small.result.startup,
    target: { max: 50 },
  };

  // 10,000 accounts: the targets.
  const memory = new MemorySampler({ heap: true });
  const big = await measureRegister(large, memory, { runs, warmup });
  const startup = await measureStartup(big.reopen, runs, memory);
  memory.stop();
  // Loaded only now: Playwright and Vite (which builds the renderer) are not the app's and stay out of the measure above.
  const { measureChromium } = await import('./chromium');
  const chromium = await measureChromium({
    ...big.reopen(),
    size: large,
    needles: big.browse?.needles ?? [],
    runs,
    warmup,
    memory: whole,
  });
  const realPath =
    chromium.renderMs === null ? null : startup.openAccounts + big.values['accounts.list clone']! + chromium.renderMs;
  const largeRows: Row[] = [
    start30,
    { name: `start-up to a loaded Dashboard, ${count(large)} accounts`, value: startup.startup, target: { max: 300 } },
    ...big.rows,
    ...(big.browse ? [big.browse.search] : []),
    ...chromium.rows,
    {
      name: `opening Accounts, ${count(large)}: to first painted rows over the real path`,
      value: realPath,
      target: { max: 300 },
      note: `The app's own parts, measured apart and added up: the first accounts.list after the Dashboard (${startup.openAccounts.toFixed(1)} ms, through the dispatcher), a structured clone of the answer for the IPC hop (${big.values['accounts.list clone']!.toFixed(1)} ms) and the renderer from answer to first painted rows in Chromium (${chromium.renderMs?.toFixed(1) ?? '-'} ms). The e2e bridge's own time is reported apart, above.`,
    },
    {
      name: `Node peak RSS, ${count(large)}: seeding, every channel and start-up`,
      value: memory.peakMiB,
      unit: 'MiB',
      target: { max: 450 },
      note: rssNote(memory),
    },
  ];
  const firstLoad = [...new Set(chromium.firstLoad)];
  const sameChannels =
    firstLoad.length === dashboardChannels.length && dashboardChannels.every((c) => firstLoad.includes(c));

  // 100,000 accounts, once: how each cost grows.
  const hugeMemory = new MemorySampler();
  const giant = await measureRegister(huge, hugeMemory, { runs: 3, warmup: 1 });
  const hugeStartup = await measureStartup(giant.reopen, 3, hugeMemory);
  hugeMemory.stop();
  whole.stop();

  const growth = growthTable(
    { ...big.values, startup: startup.startup, 'open Accounts': startup.openAccounts, rss: memory.peakMiB },
    {
      ...giant.values,
      startup: hugeStartup.startup,
      'open Accounts': hugeStartup.openAccounts,
      rss: hugeMemory.peakMiB,
    },
    huge / large,
  );
  const header = [
    '# Latest benchmark',
    '',
    `${ukDateTime(new Date())} (London), Node ${process.version}, ${cpus()[0]?.model ?? 'unknown CPU'} x${cpus().length}, ${process.platform}. 1-minute load average ${loadAtStart.toFixed(1)} at the start and ${loadavg()[0]!.toFixed(1)} at the end (the machine is shared: other work ran alongside).`,
    `Registers: 30 accounts; ${count(large)} accounts, ${count(big.seeded.people)} people, ${count(big.seeded.currentHolders)} current holders; ${count(huge)} accounts, ${count(giant.seeded.people)} people. Medians of ${runs} runs after ${warmup} warm-up (3 after 1 at ${count(huge)}). Produced by \`npm run bench\`.`,
    `The Dashboard's first load (recorded in Chromium): ${firstLoad.join(', ') || 'not recorded'}${sameChannels ? ', the channels the start-up measure calls.' : `; the start-up measure calls ${dashboardChannels.join(', ')}.`}`,
    '',
  ];
  const document = [
    ...header,
    '## Targets (issue 17)',
    '',
    targetList([...largeRows]),
    '',
    `## ${count(large)} accounts`,
    '',
    formatTable(largeRows),
    '',
    `## Growth to ${count(huge)} accounts`,
    '',
    growth,
    '',
    '## Other measures',
    '',
    formatTable([
      ...rows,
      {
        name: `Node peak RSS, whole bench (MiB)`,
        // The parts' samplers also sample straight after each call, which the whole bench's timer can miss.
        value: Math.max(whole.peakMiB, memory.peakMiB, hugeMemory.peakMiB),
        unit: 'MiB',
        note: 'Adds the renderer build (Vite), the e2e bridge and the 100,000-account register.',
      },
    ]),
    '',
  ].join('\n');
  console.log(`\n${document}`);
  const resultsDir = join(process.cwd(), 'bench', 'results');
  mkdirSync(resultsDir, { recursive: true });
  writeFileSync(join(resultsDir, 'latest.md'), document);
  console.log('Written to bench/results/latest.md');
}

try {
  await main();
} finally {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
}
