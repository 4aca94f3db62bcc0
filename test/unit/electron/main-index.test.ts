import { beforeEach, describe, expect, it, vi, type Mock } from 'vitest';
import { channelNames } from '../../../shared/contract';
import { fakeEmitter, fakeEvent, fakeSession, fakeWebContents } from './fakes';

type AnyMock = Mock<(...args: unknown[]) => unknown>;

/**
 * electron/main/index.ts does its work as soon as it is imported, so each
 * test builds a fresh fake Electron, resets the module registry and imports
 * it again. `ready()` resolves app.whenReady() when a test wants start() to run.
 */
const holder = vi.hoisted(() => ({
  electron: null as unknown as FakeElectron,
  createCore: null as unknown as AnyMock,
}));

vi.mock('electron', () => {
  const names = ['app', 'BrowserWindow', 'ipcMain', 'Menu', 'dialog', 'powerMonitor', 'protocol', 'session'] as const;
  const extras = ['clipboard', 'Notification', 'shell'] as const;
  const exports: Record<string, unknown> = {};
  for (const name of [...names, ...extras]) {
    Object.defineProperty(exports, name, { enumerable: true, get: () => holder.electron[name] });
  }
  return exports;
});
vi.mock('../../../electron/core/create-core', () => ({
  createCore: (...args: unknown[]) => holder.createCore(...args),
}));
vi.mock('../../../electron/vault/keytar-store', () => ({
  createKeytarStore: () => ({ kind: 'fake-keychain' }),
}));

type FakeElectron = ReturnType<typeof makeElectron>;

function makeElectron(options: { lock: boolean; isPackaged: boolean }) {
  let ready: () => void = () => undefined;
  const readyPromise = new Promise<void>((resolve) => (ready = resolve));
  const app = {
    ...fakeEmitter(),
    requestSingleInstanceLock: vi.fn(() => options.lock),
    quit: vi.fn(),
    exit: vi.fn(),
    whenReady: vi.fn(() => readyPromise),
    getAppPath: vi.fn(() => '/nonexistent/keyholder'),
    getPath: vi.fn((name: string) => `/nonexistent/${name}`),
    getVersion: vi.fn(() => '9.8.7'),
    isPackaged: options.isPackaged,
  };
  const windows: FakeWindow[] = [];
  class FakeWindow {
    readonly once = vi.fn();
    readonly on = vi.fn();
    readonly show = vi.fn();
    readonly focus = vi.fn();
    readonly restore = vi.fn();
    readonly isMinimized = vi.fn(() => true);
    readonly loadURL = vi.fn(async () => undefined);
    constructor(readonly options: Record<string, unknown>) {
      windows.push(this);
    }
  }
  return {
    ready,
    windows,
    app,
    BrowserWindow: FakeWindow,
    ipcMain: { handle: vi.fn() },
    Menu: { buildFromTemplate: vi.fn((template: unknown) => ({ template })), setApplicationMenu: vi.fn() },
    dialog: { showErrorBox: vi.fn() },
    powerMonitor: fakeEmitter(),
    protocol: { registerSchemesAsPrivileged: vi.fn(), handle: vi.fn() },
    session: { defaultSession: fakeSession() },
    clipboard: {},
    Notification: class {},
    shell: {},
  };
}

async function loadMain(options: { lock?: boolean; isPackaged?: boolean } = {}): Promise<FakeElectron> {
  holder.electron = makeElectron({ lock: options.lock ?? true, isPackaged: options.isPackaged ?? true });
  vi.resetModules();
  await import('../../../electron/main/index');
  return holder.electron;
}

/** Resolves whenReady and waits until start() has loaded the window or failed. */
async function startApp(electron: FakeElectron): Promise<void> {
  electron.ready();
  await vi.waitFor(() => {
    const loaded = electron.windows.some((window) => window.loadURL.mock.calls.length > 0);
    expect(loaded || electron.app.exit.mock.calls.length > 0).toBe(true);
  });
}

function appListener(electron: FakeElectron, name: string): (...args: unknown[]) => unknown {
  const listeners = electron.app.listeners.get(name) ?? [];
  expect(listeners, `app.on('${name}')`).toHaveLength(1);
  return listeners[0] as (...args: unknown[]) => unknown;
}

const core = {
  dispatch: vi.fn(),
  start: vi.fn(async () => undefined),
  tick: vi.fn(),
  osLocked: vi.fn(),
  close: vi.fn(),
  context: {},
};

beforeEach(() => {
  for (const method of [core.start, core.tick, core.osLocked, core.close]) method.mockClear();
  holder.createCore = vi.fn(() => core);
});

describe('a second copy of the app', () => {
  it('quits at once and sets nothing up', async () => {
    const electron = await loadMain({ lock: false });
    expect(electron.app.quit).toHaveBeenCalledTimes(1);
    expect(electron.protocol.registerSchemesAsPrivileged).not.toHaveBeenCalled();
    expect(electron.app.on).not.toHaveBeenCalled();
    expect(electron.app.whenReady).not.toHaveBeenCalled();
  });
});

describe('the first copy of the app, before ready', () => {
  it('registers the app scheme before waiting for ready', async () => {
    const electron = await loadMain();
    const register = electron.protocol.registerSchemesAsPrivileged;
    expect(register).toHaveBeenCalledTimes(1);
    expect(register.mock.calls[0]?.[0]).toEqual([expect.objectContaining({ scheme: 'app' })]);
    expect(electron.app.whenReady).toHaveBeenCalledTimes(1);
    expect(register.mock.invocationCallOrder[0]).toBeLessThan(electron.app.whenReady.mock.invocationCallOrder[0] ?? 0);
    expect(electron.protocol.handle).not.toHaveBeenCalled();
    expect(electron.app.quit).not.toHaveBeenCalled();
  });

  it('hardens every WebContents Electron creates', async () => {
    const electron = await loadMain({ isPackaged: true });
    const contents = fakeWebContents();
    appListener(electron, 'web-contents-created')(fakeEvent(), contents);
    expect(contents.setWindowOpenHandler).toHaveBeenCalledTimes(1);
    const navigation = fakeEvent();
    contents.emit('will-navigate', navigation, 'https://evil.example');
    expect(navigation.preventDefault).toHaveBeenCalled();
    contents.emit('devtools-opened');
    expect(contents.closeDevTools).toHaveBeenCalledTimes(1);
  });

  it('allows DevTools only when not packaged', async () => {
    const electron = await loadMain({ isPackaged: false });
    const contents = fakeWebContents();
    appListener(electron, 'web-contents-created')(fakeEvent(), contents);
    expect(contents.setWindowOpenHandler).toHaveBeenCalledTimes(1);
    contents.emit('devtools-opened');
    expect(contents.closeDevTools).not.toHaveBeenCalled();
  });

  it('quits when the last window closes', async () => {
    const electron = await loadMain();
    appListener(electron, 'window-all-closed')();
    expect(electron.app.quit).toHaveBeenCalledTimes(1);
  });
});

describe('start-up once ready', () => {
  it('hardens the session, serves the renderer and registers every channel', async () => {
    const electron = await loadMain();
    await startApp(electron);
    expect(electron.session.defaultSession.setPermissionRequestHandler).toHaveBeenCalledTimes(1);
    const download = fakeEvent();
    electron.session.defaultSession.emit('will-download', download);
    expect(download.preventDefault).toHaveBeenCalled();
    expect(electron.protocol.handle).toHaveBeenCalledWith('app', expect.any(Function));
    expect(electron.ipcMain.handle.mock.calls.map(([channel]) => channel).sort()).toEqual([...channelNames].sort());
    expect(electron.app.exit).not.toHaveBeenCalled();
  });

  it('builds the core from the user data folder with no native override when packaged', async () => {
    const electron = await loadMain({ isPackaged: true });
    await startApp(electron);
    expect(holder.createCore).toHaveBeenCalledTimes(1);
    const options = holder.createCore.mock.calls[0]?.[0] as Record<string, unknown>;
    expect(options).toMatchObject({ dataDir: '/nonexistent/userData', appVersion: '9.8.7', nativeBinding: undefined });
    expect(options.secretStore).toEqual({ kind: 'fake-keychain' });
  });

  it('sets a menu without developer items when packaged', async () => {
    const electron = await loadMain({ isPackaged: true });
    await startApp(electron);
    expect(electron.Menu.setApplicationMenu).toHaveBeenCalledTimes(1);
    const template = JSON.stringify(electron.Menu.buildFromTemplate.mock.calls[0]?.[0]);
    expect(template).toContain('"copy"');
    expect(template).not.toContain('toggleDevTools');
  });

  it('opens one sandboxed, hidden window on the app origin and shows it when ready', async () => {
    const electron = await loadMain();
    await startApp(electron);
    expect(electron.windows).toHaveLength(1);
    const window = electron.windows[0]!;
    expect(window.options).toMatchObject({
      show: false,
      webPreferences: { sandbox: true, contextIsolation: true, nodeIntegration: false },
    });
    expect(String((window.options.webPreferences as { preload?: string }).preload)).toMatch(/preload\.cjs$/);
    expect(window.loadURL).toHaveBeenCalledWith('app://keyholder/index.html');
    const [event, show] = window.once.mock.calls[0] as [string, () => void];
    expect(event).toBe('ready-to-show');
    expect(window.show).not.toHaveBeenCalled();
    show();
    expect(window.show).toHaveBeenCalledTimes(1);
  });

  it('brings the window back for a second copy and closes the core on quit', async () => {
    const electron = await loadMain();
    await startApp(electron);
    appListener(electron, 'second-instance')();
    expect(electron.windows[0]?.restore).toHaveBeenCalledTimes(1);
    expect(electron.windows[0]?.focus).toHaveBeenCalledTimes(1);
    appListener(electron, 'will-quit')();
    expect(core.close).toHaveBeenCalledTimes(1);
  });

  it('starts the core before opening the window', async () => {
    const electron = await loadMain();
    await startApp(electron);
    expect(core.start).toHaveBeenCalledTimes(1);
    const started = core.start.mock.invocationCallOrder[0] ?? Infinity;
    expect(started).toBeLessThan(electron.windows[0]?.loadURL.mock.invocationCallOrder[0] ?? 0);
  });

  it('locks the vault when the screen locks or the computer sleeps', async () => {
    const electron = await loadMain();
    await startApp(electron);
    expect(core.osLocked).not.toHaveBeenCalled();
    electron.powerMonitor.emit('lock-screen');
    expect(core.osLocked).toHaveBeenCalledTimes(1);
    electron.powerMonitor.emit('suspend');
    expect(core.osLocked).toHaveBeenCalledTimes(2);
  });

  it('checks for idleness on a timer', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    try {
      const electron = await loadMain();
      await startApp(electron);
      expect(core.tick).not.toHaveBeenCalled();
      vi.advanceTimersByTime(60_000);
      expect(core.tick.mock.calls.length).toBeGreaterThanOrEqual(1);
    } finally {
      vi.useRealTimers();
    }
  });

  it('shows the KeyholderError message and exits when the vault cannot open', async () => {
    const electron = await loadMain();
    // The class from the freshly reset registry, the one index.ts checks against.
    const { KeyholderError } = await import('../../../shared/contract');
    holder.createCore = vi.fn(() => {
      throw new KeyholderError('DATABASE_TOO_NEW', 'This vault was made by a newer Keyholder.');
    });
    await startApp(electron);
    expect(electron.dialog.showErrorBox).toHaveBeenCalledWith(
      'Keyholder could not start',
      'This vault was made by a newer Keyholder.',
    );
    expect(electron.app.exit).toHaveBeenCalledWith(1);
    expect(electron.windows).toHaveLength(0);
  });

  it('explains how to build the Electron SQLite binding when it is missing in development', async () => {
    const electron = await loadMain({ isPackaged: false });
    await startApp(electron);
    expect(holder.createCore).not.toHaveBeenCalled();
    const message = String(electron.dialog.showErrorBox.mock.calls[0]?.[1]);
    expect(message).toMatch(/^Keyholder could not start: /);
    expect(message).toContain('npm run native:electron');
    expect(electron.app.exit).toHaveBeenCalledWith(1);
  });
});
