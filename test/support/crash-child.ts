import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';

/**
 * The machinery of the crash tests: build a child process once with Vite (as
 * the app's main process is built, so each run starts in well under a second
 * where `node bench/launch.mjs` would transform it afresh every time), run it
 * until it prints the step the test is after, and SIGKILL it there.
 */
const repoRoot = fileURLToPath(new URL('../..', import.meta.url));

/** Builds `entry` (relative to the repository) to a bundle and returns the bundle's path. */
export async function buildCrashChild(entry: string, name: string): Promise<string> {
  // Inside the repository, so the bundle's imports of better-sqlite3 and the rest resolve.
  const outDir = mkdtempSync(join(repoRoot, 'node_modules', '.tmp', `${name}-`));
  await build({
    configFile: false,
    root: repoRoot,
    logLevel: 'error',
    build: {
      ssr: entry,
      outDir,
      emptyOutDir: true,
      minify: false,
      target: 'node20',
      rollupOptions: { output: { format: 'es', entryFileNames: `${name}.mjs` } },
    },
  });
  return join(outDir, `${name}.mjs`);
}

/** Deletes a bundle made by buildCrashChild, with the folder it was built in. */
export function removeCrashChild(bundle: string): void {
  if (bundle) rmSync(dirname(bundle), { recursive: true, force: true });
}

export interface ChildRun {
  stdout: string;
  killed: boolean;
  code: number | null;
}

/**
 * Runs the child; `killWhen` sees the output so far and returns true to
 * SIGKILL the child at once, or a number of milliseconds to kill it after.
 * A child that neither exits nor is killed within `limitMs` is killed and the
 * run fails, so a missed marker shows the output rather than hanging the suite.
 */
export function runCrashChild(
  bundle: string,
  env: Record<string, string>,
  killWhen: (stdout: string) => boolean | number,
  limitMs: number,
): Promise<ChildRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bundle], {
      cwd: repoRoot,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    let killed = false;
    let scheduled = false;
    const kill = () => {
      if (killed) return;
      killed = true;
      child.kill('SIGKILL');
    };
    const limit = setTimeout(() => {
      kill();
      reject(new Error(`The child did not reach its kill point in time.\n${stdout}\n${stderr}`));
    }, limitMs);
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      stdout += chunk;
      if (killed || scheduled) return;
      const decision = killWhen(stdout);
      if (decision === true) kill();
      else if (typeof decision === 'number') {
        scheduled = true;
        setTimeout(kill, decision);
      }
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      stderr += chunk;
    });
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(limit);
      if (!killed && code !== 0) reject(new Error(`The child failed (exit ${code}).\n${stdout}\n${stderr}`));
      else resolve({ stdout, killed, code });
    });
  });
}
