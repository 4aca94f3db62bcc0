import { app, BrowserWindow, dialog, ipcMain, Menu, powerMonitor, protocol, screen, session } from 'electron';
import { join } from 'node:path';
import { KeyholderError } from '../../shared/contract';
import { createCore, type Core } from '../core/create-core';
import { createKeytarStore } from '../vault/keytar-store';
import { createElectronPlatform } from './electron-platform';
import { registerIpc } from './ipc';
import { menuTemplate } from './menu';
import { registerAppScheme, serveRenderer } from './protocol';
import { APP_ID, APP_ORIGIN, forbiddenSwitches, hardenSession, hardenWebContents } from './security';
import { mainWindowOptions } from './window';

/**
 * The Electron main process: app lifecycle, one window, security wiring and
 * IPC registration. All behaviour lives in createCore; this file only
 * connects it to Electron.
 */
let mainWindow: BrowserWindow | null = null;
let core: Core | null = null;

if (app.isPackaged && forbiddenSwitches(process.argv).length > 0) {
  // A debugger attached to the app could read the unlocked vault key.
  console.error(`Keyholder does not start with ${forbiddenSwitches(process.argv).join(' ')}.`);
  app.exit(1);
} else {
  if (!app.isPackaged) {
    // `npm start` on the administrator's own computer must never open the real
    // vault. KEYHOLDER_DEV_DATA (development runs only) points a test at a temp folder.
    app.setPath('userData', process.env.KEYHOLDER_DEV_DATA || join(app.getPath('appData'), 'Keyholder-dev'));
  }
  if (!app.requestSingleInstanceLock()) {
    // A second copy would open the same database; hand over to the first one.
    app.quit();
  } else {
    wireApp();
  }
}

function wireApp(): void {
  registerAppScheme(protocol);
  if (process.platform === 'win32') app.setAppUserModelId(APP_ID); // notifications need it
  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents, { allowDevTools: !app.isPackaged }));
  app.on('window-all-closed', () => app.quit());
  app.on('will-quit', (event) => {
    const closing = core;
    if (!closing) return;
    // Wait for a copied password to be cleared from the clipboard, then quit.
    core = null;
    event.preventDefault();
    void closing.close().finally(() => app.quit());
  });
  app.whenReady().then(start).catch(fail);
}

async function start(): Promise<void> {
  const appRoot = app.getAppPath();
  hardenSession(session.defaultSession);
  serveRenderer(protocol, join(appRoot, 'dist', 'renderer'));
  Menu.setApplicationMenu(
    Menu.buildFromTemplate(menuTemplate({ isPackaged: app.isPackaged, isMac: process.platform === 'darwin' })),
  );

  const started = createCore({
    dataDir: app.getPath('userData'),
    secretStore: createKeytarStore(),
    platform: createElectronPlatform(() => mainWindow),
    appVersion: app.getVersion(),
  });
  core = started;
  registerIpc(ipcMain, started.dispatch);
  await started.start();
  // Auto-lock: checked every 15 s (idle time, or a locked screen on Linux);
  // locking the screen or sleeping locks at once where the OS says so.
  setInterval(() => core?.tick(), 15_000).unref();
  powerMonitor.on('lock-screen', () => core?.osLocked());
  powerMonitor.on('suspend', () => core?.osLocked());

  const workArea = screen.getPrimaryDisplay().workAreaSize;
  mainWindow = new BrowserWindow(
    mainWindowOptions(join(__dirname, 'preload.cjs'), join(appRoot, 'assets', 'icon.png'), {
      devTools: !app.isPackaged,
      workArea,
    }),
  );
  // Key presses and mouse use in the window keep the in-app inactivity timer fresh.
  mainWindow.webContents.on('before-input-event', () => core?.activity());
  mainWindow.webContents.on('before-mouse-event', () => core?.activity());
  mainWindow.once('ready-to-show', () => mainWindow?.show());
  mainWindow.on('closed', () => {
    mainWindow = null;
  });
  await mainWindow.loadURL(`${APP_ORIGIN}/index.html`);
}

function fail(error: unknown): void {
  const message =
    error instanceof KeyholderError
      ? error.message
      : `Keyholder could not start: ${error instanceof Error ? error.message : String(error)}`;
  dialog.showErrorBox('Keyholder could not start', message);
  app.exit(1);
}
