import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { _electron as electron } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';

/**
 * Launches the real Electron app where the Electron binary exists (a
 * developer's machine with internet). On CI and these offline machines the
 * binary is never downloaded, so the test reports itself skipped with the
 * reason; there the same bundle is driven by main-bundle.test.ts with a
 * stand-in Electron, and the renderer by the Chromium e2e suite.
 */
function electronBinary(): string | null {
  // Not require('electron'): Electron's entry point downloads a missing binary.
  const folder = dirname(createRequire(import.meta.url).resolve('electron/package.json'));
  const pathFile = join(folder, 'path.txt');
  if (!existsSync(pathFile)) return null;
  const binary = join(folder, 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(binary) ? binary : null;
}

const notInstalled =
  'Electron binary not installed (npm ci ran with ELECTRON_SKIP_BINARY_DOWNLOAD=1). Run "npm install" with internet access to run this smoke test.';
const root = join(import.meta.dirname, '..', '..');

describe('Electron smoke test', () => {
  const binary = electronBinary();

  beforeAll(() => {
    // The e2e global set-up has built the renderer, main process and preload.
    for (const file of ['dist/renderer/index.html', 'dist-electron/main.cjs', 'dist-electron/preload.cjs']) {
      if (!existsSync(join(root, file))) throw new Error(`${file} is missing: run "npm run build" first`);
    }
  }, 120_000);

  it('opens the hardened window on the first-run screen and answers app.info', async (context) => {
    if (!binary) {
      console.warn(`Skipped: ${notInstalled}`);
      return context.skip(notInstalled);
    }
    const dataDir = mkdtempSync(join(tmpdir(), 'keyholder-electron-'));
    // A development run's own data folder, pointed at a fresh temp folder.
    const app = await electron.launch({
      executablePath: binary,
      args: [root],
      cwd: root,
      env: { ...process.env, KEYHOLDER_DEV_DATA: dataDir },
    });
    try {
      const window = await app.firstWindow();
      await window.getByRole('heading', { level: 1, name: 'Welcome to Keyholder' }).waitFor();
      expect(window.url()).toBe('app://keyholder/index.html');
      const exposed = await window.evaluate(() => Object.keys((window as unknown as { keyholder: object }).keyholder));
      expect(exposed.sort()).toEqual(['invoke', 'onEvent']);
      const globals = await window.evaluate(() => [typeof globalThis.require, typeof globalThis.process]);
      expect(globals).toEqual(['undefined', 'undefined']);
      const info = await window.evaluate(() =>
        (window as unknown as { keyholder: { invoke(c: string, p: unknown): Promise<unknown> } }).keyholder.invoke(
          'app.info',
          {},
        ),
      );
      expect(info).toMatchObject({ ok: true, value: { name: 'Keyholder' } });
    } finally {
      await app.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
