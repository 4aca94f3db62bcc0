import { rmSync } from 'node:fs';
import { build } from 'vite';

/**
 * Builds everything once per e2e run, exactly as `npm run build` does: the
 * renderer (so the tests drive the bundle Electron would load, with its CSP
 * meta tag) and the main-process and preload bundles (loaded by
 * test/electron/ with a stand-in Electron). Never a stale build.
 */
export default async function setup(): Promise<void> {
  // vitest sets NODE_ENV to "test", and Vite builds for whatever NODE_ENV says: React's development
  // build, and without library code that runs only in production (react-aria's inline style, which the
  // CSP blocks). The tests drive the production bundle, as `npm run build` makes it.
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({ configFile: 'vite.config.ts', logLevel: 'warn' });
    rmSync('dist-electron', { recursive: true, force: true });
    for (const mode of ['main', 'preload']) {
      await build({ configFile: 'vite.electron.config.ts', mode, logLevel: 'warn' });
    }
  } finally {
    process.env.NODE_ENV = nodeEnv;
  }
}
