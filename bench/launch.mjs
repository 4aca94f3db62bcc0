// Builds a TypeScript bench file into one Node bundle with Vite, as the app's
// main process is built (vite.electron.config.ts: import.meta.glob for the
// migrations, the packages' Node builds), then runs the bundle with plain
// Node. So the bench's process holds the app's code and its own, not Vite's
// module loader, and its memory figures are the app's and the bench's.
// The build runs in a process of its own (Rollup holds several hundred MiB
// while it bundles), and the bundle goes to a temp folder, deleted afterwards.
// Usage: node [flags] bench/launch.mjs bench/run.ts [arguments for the bench]
// Node's flags (such as --trace-gc for looking into memory) go to the bench.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const buildTo = process.env.KEYHOLDER_BENCH_BUILD_TO;
const entry = process.argv[2] ?? 'bench/run.ts';
const bundleName = 'bench.mjs';

// Native modules load from node_modules; Playwright and Vite (the Chromium
// part builds the renderer) are imported by the bench only when that part runs.
const packages = ['better-sqlite3', 'keytar', 'playwright-core', 'vite', 'electron'];
const builtins = new Set([...builtinModules, ...builtinModules.map((m) => `node:${m}`)]);
const isPackage = (id) => packages.some((name) => id === name || id.startsWith(`${name}/`));

async function bundle(outDir) {
  const { build } = await import('vite');
  await build({
    configFile: false,
    root: process.cwd(),
    logLevel: 'error',
    ssr: { noExternal: true, target: 'node' },
    build: {
      ssr: entry,
      outDir,
      emptyOutDir: true,
      target: 'node22',
      minify: false,
      sourcemap: false,
      rollupOptions: {
        external: (id) => builtins.has(id) || isPackage(id),
        output: {
          format: 'es',
          entryFileNames: bundleName,
          chunkFileNames: '[name]-[hash].mjs',
          // The bundle is outside the repository: its imports of the
          // packages left out point at the repository's node_modules.
          paths: (id) => (isPackage(id) ? import.meta.resolve(id) : id),
        },
        // zod ships comments rollup cannot place; they are harmless.
        onwarn(warning, warn) {
          if (warning.code !== 'INVALID_ANNOTATION') warn(warning);
        },
      },
    },
  });
}

/** Runs Node on `args` with this terminal; returns its exit status. */
function node(args, env = process.env) {
  const run = spawnSync(process.execPath, args, { stdio: 'inherit', env });
  if (run.error) throw run.error;
  return run.status ?? 1;
}

if (buildTo) {
  await bundle(buildTo);
} else {
  const outDir = mkdtempSync(join(tmpdir(), 'keyholder-bench-build-'));
  try {
    const built = node([fileURLToPath(import.meta.url), entry], { ...process.env, KEYHOLDER_BENCH_BUILD_TO: outDir });
    process.exitCode =
      built === 0 ? node([...process.execArgv, join(outDir, bundleName), ...process.argv.slice(3)]) : built;
  } finally {
    rmSync(outDir, { recursive: true, force: true });
  }
}
