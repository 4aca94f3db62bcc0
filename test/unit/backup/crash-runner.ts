import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';

/**
 * Builds a crash child once with Vite (as the app's main process is built),
 * so each run starts in well under a second, and runs it with a kill switch,
 * as test/unit/rotation/crash-safety.test.ts does.
 */
export const repoRoot = fileURLToPath(new URL('../../..', import.meta.url));

export async function buildChild(entry: string, name: string): Promise<string> {
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

export interface ChildRun {
  stdout: string;
  killed: boolean;
  code: number | null;
}

/**
 * Runs the child; `killWhen` sees the output so far and returns true to
 * SIGKILL the child at once, or a number of milliseconds to kill it after.
 */
export function runChild(
  bundle: string,
  env: Record<string, string>,
  killWhen: (stdout: string) => boolean | number,
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
    }, 45_000);
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
