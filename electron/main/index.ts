import { app, BrowserWindow, ipcMain, Menu, dialog, powerMonitor, protocol, session } from 'electron';
import { join } from 'node:path';
import { KeyholderError } from '../../shared/contract';
import { createCore, type Core } from '../core/create-core';
import { createKeytarStore } from '../vault/keytar-store';
import { createElectronPlatform } from './electron-platform';
import { registerIpc } from './ipc';
import { menuTemplate } from './menu';
import { electronSqliteBinding } from './native';
import { registerAppScheme, serveRenderer } from './protocol';
import { APP_ORIGIN, hardenSession, hardenWebContents } from './security';
import { mainWindowOptions } from './window';

/**
 * The Electron main process: app lifecycle, one window, security wiring and
 * IPC registration. All behaviour lives in createCore; this file only
 * connects it to Electron.
 */
let mainWindow: BrowserWindow | null = null;
let core: Core | null = null;

if (!app.requestSingleInstanceLock()) {
  // A second copy would open the same database; hand over to the first one.
  app.quit();
} else {
  registerAppScheme(protocol);
  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents, { allowDevTools: !app.isPackaged }));
  app.on('window-all-closed', () => app.quit());
  app.on('will-quit', () => core?.close());
  app.whenReady().then(start).catch(fail);
}

async function start(): Promise<void> {
  const appRoot = app.getAppPath();
  hardenSession(session.defaultSession);
  serveRenderer(protocol, join(appRoot, 'dist', 'renderer'));
  Menu.setApplicationMenu(
    Menu.buildFromTemplate(menuTemplate({ isPackaged: app.isPackaged, isMac: process.platform === 'darwin' })),
  );

  core = createCore({
    dataDir: app.getPath('userData'),
    secretStore: createKeytarStore(),
    platform: createElectronPlatform(() => mainWindow),
    appVersion: app.getVersion(),
    nativeBinding: electronSqliteBinding(appRoot, app.isPackaged),
  });
  registerIpc(ipcMain, core.dispatch);
  await core.start();
  // Auto-lock: idle time is checked every 15 s; locking the screen or
  // sleeping locks at once.
  setInterval(() => core?.tick(), 15_000).unref();
  powerMonitor.on('lock-screen', () => core?.osLocked());
  powerMonitor.on('suspend', () => core?.osLocked());

  mainWindow = new BrowserWindow(
    mainWindowOptions(join(__dirname, 'preload.cjs'), join(appRoot, 'assets', 'icon.png')),
  );
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
