import Database from 'better-sqlite3';
import keytar from 'keytar';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../electron/main/security';
import { channelNames } from '../../shared/contract';
import { createElectronStandin, createPreloadStandin, type StandinOptions } from '../support/electron-standin';
import { loadBundle, type LoadedBundle } from '../support/load-bundle';

/**
 * The real main-process bundle (dist-electron/main.cjs, built by the e2e
 * global set-up exactly as `npm start` and the installer build it), loaded in
 * Node with a stand-in `electron` module and driven through the handlers it
 * registers: the real core, the real SQLite and the real keychain behind them.
 */
const root = join(import.meta.dirname, '..', '..');
const mainBundle = join(root, 'dist-electron', 'main.cjs');
const trustedFrame = { url: 'app://keyholder/index.html', parent: null };

interface Started {
  standin: ReturnType<typeof createElectronStandin>;
  bundle: LoadedBundle;
  appData: string;
}

const running: Started[] = [];

// Each load is a fresh copy of the bundle, and a bundled library (tmp, inside
// exceljs) adds one process 'exit' listener per copy: expected here, once in the app.
const maxListeners = process.getMaxListeners();
beforeAll(() => void process.setMaxListeners(50));
afterAll(() => void process.setMaxListeners(maxListeners));

afterEach(async () => {
  for (const { standin, bundle, appData } of running.splice(0)) {
    // Quits through the app's own will-quit handler, which closes the core and
    // then quits again; a bundle that never started has nothing to close.
    const expected = standin.record.quits + (standin.record.windows.length > 0 ? 2 : 1);
    standin.electron.app.quit();
    await vi.waitFor(() => expect(standin.record.quits).toBe(expected));
    bundle.restore();
    await forgetVaultKey(join(appData, 'Keyholder'));
    await forgetVaultKey(join(appData, 'Keyholder-dev'));
    rmSync(appData, { recursive: true, force: true });
  }
});

/** Removes the keychain entry a test's vault made, so runs leave nothing behind. */
async function forgetVaultKey(dataDir: string): Promise<void> {
  const file = join(dataDir, 'keyholder.db');
  if (!existsSync(file)) return;
  const db = new Database(file, { readonly: true });
  const row = db.prepare('SELECT id FROM vault').get() as { id: string } | undefined;
  db.close();
  if (row) await keytar.deletePassword('Keyholder', row.id);
}

function load(options: Partial<StandinOptions> = {}): Started {
  const appData = mkdtempSync(join(tmpdir(), 'keyholder-bundle-'));
  const standin = createElectronStandin({ isPackaged: true, appData, appPath: root, ...options });
  const bundle = loadBundle(mainBundle, standin.electron, standin.argv);
  const started = { standin, bundle, appData };
  running.push(started);
  return started;
}

/** Loads the bundle, lets Electron become ready and waits for the window to load. */
async function start(options: Partial<StandinOptions> = {}): Promise<Started> {
  const started = load(options);
  started.standin.becomeReady();
  await vi.waitFor(() => {
    const { windows, errorBoxes } = started.standin.record;
    expect(errorBoxes).toEqual([]);
    expect(windows[0]?.loaded).toEqual(['app://keyholder/index.html']);
  });
  return started;
}

async function invoke(started: Started, channel: string, payload: unknown, senderFrame: unknown = trustedFrame) {
  const handler = started.standin.record.ipcHandlers.get(channel);
  if (!handler) throw new Error(`No handler for ${channel}`);
  return handler({ senderFrame }, payload) as Promise<{ ok: boolean; value?: unknown; error?: { code: string } }>;
}

describe('the main-process bundle', () => {
  it('requires only electron, the two native modules and Node built-ins', async () => {
    const { bundle } = await start();
    const allowed = new Set(['electron', 'better-sqlite3', 'keytar', ...builtinModules]);
    const outside = bundle.requests.filter((name) => !allowed.has(name.replace(/^node:/, '')));
    expect(outside).toEqual([]);
    expect(bundle.requests).toEqual(expect.arrayContaining(['electron', 'better-sqlite3']));
  });

  it('registers every contract channel exactly once, and nothing else', async () => {
    const { standin } = await start();
    expect([...standin.record.ipcHandlers.keys()].sort()).toEqual([...channelNames].sort());
  });

  it('opens one hardened, hidden window with the preload it ships, sized for a 1366x768 laptop', async () => {
    const { standin } = await start();
    const [window] = standin.record.windows;
    expect(standin.record.windows).toHaveLength(1);
    const options = window!.options as { width: number; height: number; show: boolean; webPreferences: object };
    expect(options.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      webviewTag: false,
      devTools: false,
      preload: join(root, 'dist-electron', 'preload.cjs'),
    });
    expect(existsSync(join(root, 'dist-electron', 'preload.cjs'))).toBe(true);
    expect([options.width, options.height, options.show]).toEqual([1280, 728, false]);
    window!.emit('ready-to-show');
    expect(window!.shown).toBe(true);
  });

  it('denies navigation, new windows, permissions and downloads', async () => {
    const { standin } = await start();
    const contents = standin.record.windows[0]!.webContents;
    const navigation = { preventDefault: vi.fn() };
    contents.emit('will-navigate', navigation, 'https://evil.example/');
    expect(navigation.preventDefault).toHaveBeenCalled();
    expect(contents.windowOpenHandler?.({ url: 'https://evil.example/' })).toEqual({ action: 'deny' });
    const session = standin.electron.session.defaultSession;
    const answers: boolean[] = [];
    session.permissionRequest?.({}, 'media', (ok) => answers.push(ok));
    expect(answers).toEqual([false]);
    expect(session.permissionCheck?.()).toBe(false);
    const download = { preventDefault: vi.fn() };
    session.emit('will-download', download);
    expect(download.preventDefault).toHaveBeenCalled();
    expect(standin.record.privilegedSchemes.map((s) => s.scheme)).toEqual(['app']);
  });

  it('serves the built renderer over app:// with the CSP and nosniff, and refuses to leave its folder', async () => {
    const { standin } = await start();
    const serve = standin.record.protocolHandlers.get('app')!;
    const page = await serve(new Request('app://keyholder/index.html'));
    expect(page.status).toBe(200);
    expect(page.headers.get('Content-Security-Policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(page.headers.get('X-Content-Type-Options')).toBe('nosniff');
    expect(await page.text()).toContain('<div id="root">');
    for (const url of [
      'app://keyholder/..%2f..%2fpackage.json',
      'app://keyholder/%2e%2e%2f%2e%2e%2fpackage.json',
      'app://keyholder/assets%5c..%5c..%5c..%5cpackage.json',
      'app://evil/index.html',
    ]) {
      expect((await serve(new Request(url))).status, url).toBe(404);
    }
  });

  it('refuses a call from another page, a sub-frame or a closed frame, and changes nothing', async () => {
    const started = await start();
    const frames = [
      { url: 'https://evil.example/', parent: null },
      { url: 'app://keyholder/index.html', parent: trustedFrame },
      null,
    ];
    for (const frame of frames) {
      const answer = await invoke(started, 'vault.setup', { schoolName: 'Evil', administratorName: 'Mallory' }, frame);
      expect(answer).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    }
    expect(await invoke(started, 'vault.status', {})).toMatchObject({ ok: true, value: { state: 'setup-required' } });
  });

  it('sets up the vault on the real keychain through a call from its own window, and locks with the screen', async () => {
    const started = await start();
    const info = await invoke(started, 'app.info', {});
    expect(info).toMatchObject({ ok: true, value: { name: 'Keyholder' } });
    const setup = await invoke(started, 'vault.setup', {
      schoolName: 'Bundle Test Primary',
      administratorName: 'Ms Test',
    });
    expect(setup).toMatchObject({ ok: true, value: { state: 'unlocked' } });
    expect(existsSync(join(started.appData, 'Keyholder', 'keyholder.db'))).toBe(true);

    started.standin.electron.powerMonitor.emit('lock-screen');
    expect(await invoke(started, 'vault.status', {})).toMatchObject({ ok: true, value: { reason: 'os-lock' } });
    expect(started.standin.record.windows[0]!.webContents.sent).toContain('event:vault.locked');
  });
});

describe('the bundle at start-up', () => {
  it('refuses to start a packaged build with a debugging switch', () => {
    for (const flag of ['--remote-debugging-port=9222', '--inspect=9229', '--js-flags=--expose-gc']) {
      const { standin } = load({ argv: ['/opt/Keyholder/keyholder', flag] });
      expect(standin.record.exitCodes, flag).toEqual([1]);
      expect(standin.record.privilegedSchemes, flag).toEqual([]);
      expect(standin.record.ipcHandlers.size, flag).toBe(0);
    }
  });

  it('keeps a development run in its own data folder, with DevTools', async () => {
    const started = await start({ isPackaged: false });
    expect(started.standin.electron.app.getPath('userData')).toBe(join(started.appData, 'Keyholder-dev'));
    await invoke(started, 'vault.setup', { schoolName: 'Dev Primary', administratorName: 'Dev' });
    expect(existsSync(join(started.appData, 'Keyholder-dev', 'keyholder.db'))).toBe(true);
    expect(existsSync(join(started.appData, 'Keyholder'))).toBe(false);
    const options = started.standin.record.windows[0]!.options as { webPreferences: { devTools: boolean } };
    expect(options.webPreferences.devTools).toBe(true);
  });

  it('leaves a second copy to the first: it quits and registers nothing', () => {
    const { standin } = load({ singleInstance: false });
    expect(standin.record.quits).toBe(1);
    expect(standin.record.privilegedSchemes).toEqual([]);
    expect(standin.electron.app.listenerCount('web-contents-created')).toBe(0);
  });

  it('registers the app:// scheme before ready and names the app for Windows notifications', async () => {
    const { standin } = await start();
    expect(standin.record.privilegedSchemes[0]).toMatchObject({
      scheme: 'app',
      privileges: { standard: true, secure: true },
    });
    expect(standin.record.userModelIds).toEqual(process.platform === 'win32' ? ['uk.sch.keyholder'] : []);
  });
});

describe('the preload bundle', () => {
  it('needs only electron, and exposes invoke and onEvent for the contract alone', async () => {
    const standin = createPreloadStandin();
    const bundle = loadBundle(join(root, 'dist-electron', 'preload.cjs'), standin.electron);
    try {
      expect(bundle.requests).toEqual(['electron']);
      expect([...standin.exposed.keys()]).toEqual(['keyholder']);
      const bridge = standin.exposed.get('keyholder') as {
        invoke(channel: string, payload: unknown): Promise<unknown>;
        onEvent(name: string, listener: () => void): () => void;
      };
      expect(Object.keys(bridge).sort()).toEqual(['invoke', 'onEvent']);
      expect(await bridge.invoke('app.info', {})).toEqual({ ok: true, value: null });
      expect(await bridge.invoke('fs.readFile', '/etc/passwd')).toMatchObject({
        ok: false,
        error: { code: 'UNKNOWN_CHANNEL' },
      });
      expect(standin.invoked).toEqual([{ channel: 'app.info', payload: {} }]);
      let locked = 0;
      const stop = bridge.onEvent('vault.locked', () => (locked += 1));
      standin.listeners.emit('event:vault.locked', {});
      stop();
      standin.listeners.emit('event:vault.locked', {});
      expect(locked).toBe(1);
    } finally {
      bundle.restore();
    }
  });
});
