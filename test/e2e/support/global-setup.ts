import { build } from 'vite';

/**
 * Builds the renderer once per e2e run, so the tests always drive the same
 * bundle Electron would load (with its CSP meta tag), never a stale one.
 */
export default async function setup(): Promise<void> {
  await build({ configFile: 'vite.config.ts', logLevel: 'warn' });
}
