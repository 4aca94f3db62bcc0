import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCore } from '../electron/core/create-core';
import { createMemoryStore } from '../electron/vault/keytar-store';
import { createTestPlatform } from '../test/support/test-platform';
import { measureChromium } from './chromium';
import { measureHardening } from './hardening';
import { formatTable, MemorySampler, time, type Row } from './measure';
import { measureRegister } from './register';
import { seedRegister } from './seed';

/**
 * Speed and size targets, measured outside the unit tests so a slow CI
 * machine never makes a test flaky. Needs no keychain (an in-memory key
 * store). Prints one table and writes it to bench/results/latest.md.
 * Set KEYHOLDER_BENCH_RENDERER=dist/renderer to use an existing renderer
 * build instead of building one into a temp folder.
 */
const accountCount = 10_000;
const peopleCount = 2_000;
const runs = 7;
const warmup = 2;

async function main(): Promise<void> {
  const memory = new MemorySampler();
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

  try {
    rows.push({
      name: 'open and migrate a new vault',
      median: await time(10, () => createCore(options()).close()),
      target: 200,
    });
    const small = createCore(options());
    rows.push({
      name: 'IPC dispatch round trip, app.info',
      median: await time(2000, () => small.dispatch('app.info', {})),
      target: 1,
    });
    rows.push({
      name: 'rejected payload',
      median: await time(2000, () => small.dispatch('app.info', { junk: 'x'.repeat(1000) })),
      target: 1,
    });
    await small.close();

    // Hostile input, in a small vault set up the normal way.
    const hostile = { ...options(), platform: createTestPlatform() };
    const guarded = createCore(hostile);
    await guarded.dispatch('vault.setup', { schoolName: 'Bench Academy', administratorName: 'Bench Admin' });
    rows.push(...(await measureHardening(guarded, hostile.platform, hostile.dataDir)));
    await guarded.close();

    // The large register, in a vault set up the normal way.
    const vault = options();
    const core = createCore(vault);
    await core.start();
    const setup = await core.dispatch('vault.setup', { schoolName: 'Bench Academy', administratorName: 'Bench Admin' });
    if (!setup.ok) throw new Error(`Vault setup failed: ${setup.error.message}`);
    await core.dispatch('settings.update', { schoolEmailDomain: 'school.sch.uk' });
    const seedStart = performance.now();
    const seeded = seedRegister(core.context.db, accountCount, peopleCount);
    const seedMs = performance.now() - seedStart;
    memory.sample();
    console.log(
      `Seeded ${seeded.accounts} accounts, ${seeded.people} people, ${seeded.currentHolders} current and ${seeded.pastHolders} past holders, ${seeded.runners} runners, ${seeded.secrets} secrets in ${Math.round(seedMs)} ms.`,
    );
    const register = await measureRegister(core, memory, { runs, warmup, needle: 'chess' });
    rows.push(...register.rows);
    const registerPeak = memory.peakMiB;
    core.close();

    rows.push(
      ...(await measureChromium({
        dataDir: vault.dataDir,
        secretStore: vault.secretStore,
        accounts: register.accounts,
        runs,
        warmup,
        memory,
      })),
    );
    memory.stop();
    rows.push(
      {
        name: 'Node peak RSS, seeding to compliance.list (MiB)',
        median: registerPeak,
        note: 'process.memoryUsage().rss, sampled every 10 ms and after each measured call.',
      },
      {
        name: 'Node peak RSS, whole bench (MiB)',
        median: memory.peakMiB,
        note: 'Adds the renderer build (Vite) and the e2e bridge serving the page; Chromium runs in its own processes.',
      },
    );

    const table = formatTable(rows);
    console.log(`\n${table}\n`);
    const header = [
      '# Latest benchmark',
      '',
      `${new Date().toISOString()}, Node ${process.version}, ${cpus()[0]?.model ?? 'unknown CPU'} x${cpus().length}, ${process.platform}, 1-minute load average ${loadavg()[0]!.toFixed(1)} at the end.`,
      `Register: ${seeded.accounts} accounts, ${seeded.people} people, ${seeded.currentHolders} current holders, ${seeded.runners} runners, ${seeded.secrets} secrets. Medians of ${runs} runs after ${warmup} warm-up. Produced by \`npm run bench\`.`,
      '',
    ];
    const resultsDir = join(process.cwd(), 'bench', 'results');
    mkdirSync(resultsDir, { recursive: true });
    writeFileSync(join(resultsDir, 'latest.md'), `${header.join('\n')}\n${table}\n`);
    console.log('Written to bench/results/latest.md');
  } finally {
    memory.stop();
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  }
}

await main();
