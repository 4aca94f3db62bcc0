import { EventEmitter } from 'node:events';
import { join } from 'node:path';

/**
 * A stand-in for the `electron` module, faithful where the main process and
 * preload depend on it: the same names and call shapes, Electron's own
 * refusals (a second ipcMain handler for one channel, privileged schemes
 * registered after ready), a `web-contents-created` event for every window,
 * and an asynchronous clipboard. It records what the code under test did
 * (windows, protocol handlers, session handlers, IPC handlers, power-monitor
 * listeners) so a test can look and then act as the operating system would.
 */
export interface StandinOptions {
  isPackaged: boolean;
  appData: string;
  appPath: string;
  argv?: string[];
  singleInstance?: boolean;
  idleState?: 'active' | 'idle' | 'locked' | 'unknown';
}

export type IpcHandler = (event: unknown, ...args: unknown[]) => unknown;
export type ProtocolHandler = (request: Request) => Promise<Response> | Response;

class StandinWebContents extends EventEmitter {
  readonly sent: string[] = [];
  windowOpenHandler: ((details: { url: string }) => { action: string }) | null = null;
  send(channel: string): void {
    this.sent.push(channel);
  }
  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }): void {
    this.windowOpenHandler = handler;
  }
  closeDevTools(): void {}
  async printToPDF(): Promise<Buffer> {
    return Buffer.from('%PDF-1.7 stand-in');
  }
}

class StandinSession extends EventEmitter {
  permissionRequest: ((contents: unknown, permission: string, callback: (ok: boolean) => void) => void) | null = null;
  permissionCheck: ((...args: unknown[]) => boolean) | null = null;
  devicePermission: ((...args: unknown[]) => boolean) | null = null;
  setPermissionRequestHandler(handler: StandinSession['permissionRequest']): void {
    this.permissionRequest = handler;
  }
  setPermissionCheckHandler(handler: StandinSession['permissionCheck']): void {
    this.permissionCheck = handler;
  }
  setDevicePermissionHandler(handler: StandinSession['devicePermission']): void {
    this.devicePermission = handler;
  }
}

export interface StandinRecord {
  windows: StandinWindow[];
  ipcHandlers: Map<string, IpcHandler>;
  protocolHandlers: Map<string, ProtocolHandler>;
  privilegedSchemes: { scheme: string; privileges: Record<string, boolean> }[];
  errorBoxes: { title: string; content: string }[];
  exitCodes: number[];
  quits: number;
  userModelIds: string[];
  clipboard: string;
  notifications: { title: string; body: string }[];
}

export class StandinWindow extends EventEmitter {
  readonly webContents = new StandinWebContents();
  readonly loaded: string[] = [];
  destroyed = false;
  shown = false;
  constructor(readonly options: Record<string, unknown>) {
    super();
  }
  async loadURL(url: string): Promise<void> {
    this.loaded.push(url);
  }
  async loadFile(path: string): Promise<void> {
    this.loaded.push(`file://${path}`);
  }
  show(): void {
    this.shown = true;
  }
  destroy(): void {
    this.destroyed = true;
  }
  isMinimized(): boolean {
    return false;
  }
  restore(): void {}
  focus(): void {}
}

class StandinApp extends EventEmitter {
  private readonly paths: Map<string, string>;
  ready = false;
  private resolveReady: () => void = () => undefined;
  private readonly readyPromise = new Promise<void>((resolve) => (this.resolveReady = resolve));
  readonly isPackaged: boolean;

  constructor(
    private readonly options: StandinOptions,
    private readonly record: StandinRecord,
  ) {
    super();
    this.isPackaged = options.isPackaged;
    this.paths = new Map([
      ['appData', options.appData],
      ['userData', join(options.appData, 'Keyholder')],
      ['temp', join(options.appData, 'temp')],
    ]);
  }
  getPath(name: string): string {
    const path = this.paths.get(name);
    if (!path) throw new Error(`Failed to get '${name}' path`);
    return path;
  }
  setPath(name: string, path: string): void {
    this.paths.set(name, path);
  }
  getAppPath(): string {
    return this.options.appPath;
  }
  getVersion(): string {
    return '0.1.0';
  }
  requestSingleInstanceLock(): boolean {
    return this.options.singleInstance ?? true;
  }
  setAppUserModelId(id: string): void {
    this.record.userModelIds.push(id);
  }
  whenReady(): Promise<void> {
    return this.readyPromise;
  }
  isReady(): boolean {
    return this.ready;
  }
  /** As Electron: will-quit goes to the listeners, and a listener may prevent the quit. */
  quit(): void {
    this.record.quits += 1;
    const event = { defaultPrevented: false, preventDefault: () => (event.defaultPrevented = true) };
    this.emit('will-quit', event);
  }
  exit(code = 0): void {
    this.record.exitCodes.push(code);
  }
  becomeReady(): void {
    this.ready = true;
    this.resolveReady();
  }
}

class StandinPowerMonitor extends EventEmitter {
  constructor(private readonly options: StandinOptions) {
    super();
  }
  getSystemIdleTime(): number {
    return 0;
  }
  getSystemIdleState(_threshold: number): string {
    return this.options.idleState ?? 'active';
  }
}

export interface ElectronStandin {
  electron: {
    app: StandinApp;
    powerMonitor: StandinPowerMonitor;
    session: { defaultSession: StandinSession };
    [name: string]: unknown;
  };
  record: StandinRecord;
  argv: string[];
  /** What Electron does once it has initialised: resolves whenReady. */
  becomeReady(): void;
}

export function createElectronStandin(options: StandinOptions): ElectronStandin {
  const record: StandinRecord = {
    windows: [],
    ipcHandlers: new Map(),
    protocolHandlers: new Map(),
    privilegedSchemes: [],
    errorBoxes: [],
    exitCodes: [],
    quits: 0,
    userModelIds: [],
    clipboard: '',
    notifications: [],
  };
  const app = new StandinApp(options, record);
  class BrowserWindow extends StandinWindow {
    constructor(windowOptions: Record<string, unknown>) {
      super(windowOptions);
      record.windows.push(this);
      app.emit('web-contents-created', {}, this.webContents);
    }
  }
  class Notification {
    static isSupported = () => true;
    constructor(readonly note: { title: string; body: string }) {}
    show(): void {
      record.notifications.push(this.note);
    }
  }
  const electron = {
    app,
    BrowserWindow,
    Notification,
    powerMonitor: new StandinPowerMonitor(options),
    session: { defaultSession: new StandinSession() },
    ipcMain: {
      handle: (channel: string, handler: IpcHandler) => {
        if (record.ipcHandlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
        record.ipcHandlers.set(channel, handler);
      },
    },
    protocol: {
      registerSchemesAsPrivileged: (schemes: { scheme: string; privileges: Record<string, boolean> }[]) => {
        if (app.ready) throw new Error('protocol.registerSchemesAsPrivileged should be called before app is ready');
        record.privilegedSchemes.push(...schemes);
      },
      handle: (scheme: string, handler: ProtocolHandler) => void record.protocolHandlers.set(scheme, handler),
    },
    Menu: {
      buildFromTemplate: (template: unknown[]) => ({ items: template }),
      setApplicationMenu: () => undefined,
    },
    dialog: {
      showErrorBox: (title: string, content: string) => void record.errorBoxes.push({ title, content }),
      showSaveDialog: async () => ({ canceled: true, filePath: '' }),
      showOpenDialog: async () => ({ canceled: true, filePaths: [] }),
    },
    screen: { getPrimaryDisplay: () => ({ workAreaSize: { width: 1366, height: 728 } }) },
    clipboard: {
      readText: async () => record.clipboard,
      writeText: async (text: string) => void (record.clipboard = text),
      clear: () => void (record.clipboard = ''),
    },
    shell: { openExternal: async () => undefined },
  };
  return {
    electron,
    record,
    argv: options.argv ?? ['/opt/Keyholder/keyholder'],
    becomeReady: () => app.becomeReady(),
  };
}

/** The preload's side: contextBridge and ipcRenderer. */
export function createPreloadStandin() {
  const exposed = new Map<string, unknown>();
  const invoked: { channel: string; payload: unknown }[] = [];
  const listeners = new EventEmitter();
  return {
    exposed,
    invoked,
    listeners,
    electron: {
      contextBridge: { exposeInMainWorld: (key: string, value: unknown) => void exposed.set(key, value) },
      ipcRenderer: {
        invoke: async (channel: string, payload: unknown) => {
          invoked.push({ channel, payload });
          return { ok: true, value: null };
        },
        on: (channel: string, listener: (...args: unknown[]) => void) => void listeners.on(channel, listener),
        removeListener: (channel: string, listener: (...args: unknown[]) => void) =>
          void listeners.removeListener(channel, listener),
      },
    },
  };
}
