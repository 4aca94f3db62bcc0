import { rmSync } from 'node:fs';
import { build } from 'vite';

/**
 * Builds everything once per e2e run, exactly as `npm run build` does: the
 * renderer (so the tests drive the bundle Electron would load, with its CSP
 * meta tag) and the main-process and preload bundles (loaded by
 * test/electron/ with a stand-in Electron). Never a stale build.
 */
export default async function setup(): Promise<void> {
  await build({ configFile: 'vite.config.ts', logLevel: 'warn' });
  rmSync('dist-electron', { recursive: true, force: true });
  for (const mode of ['main', 'preload']) {
    await build({ configFile: 'vite.electron.config.ts', mode, logLevel: 'warn' });
  }
}
