import type { EventName } from '../../shared/contract';

/**
 * Services that only exist inside Electron (clipboard, notifications,
 * dialogs, printing, opening links). Core code talks to this interface so the
 * same core runs in the Electron main process and in the test process that
 * drives Chromium. Implementations: `electron/main/electron-platform.ts` and
 * `test/support/test-platform.ts`.
 */
export interface FileFilter {
  name: string;
  extensions: string[];
}

export interface Platform {
  readonly name: string;
  /** Electron's clipboard is asynchronous (the W3C clipboard model). */
  writeClipboard(text: string): Promise<void>;
  readClipboard(): Promise<string>;
  clearClipboard(): void;
  notify(title: string, body: string): void;
  /** Resolves to the chosen path, or null when the person cancelled. */
  chooseSavePath(options: { title: string; defaultName: string; filters: FileFilter[] }): Promise<string | null>;
  chooseOpenPath(options: { title: string; filters: FileFilter[] }): Promise<string | null>;
  /** Renders a self-contained HTML document to PDF bytes. */
  printToPdf(html: string): Promise<Uint8Array>;
  /** Opens an https link in the person's browser. Callers validate the URL first. */
  openExternal(url: string): Promise<void>;
  /**
   * Seconds since the person last used the keyboard or mouse anywhere (for
   * auto-lock), or null where the system cannot tell.
   */
  systemIdleSeconds(): number | null;
  /** True when the operating system reports the screen as locked (Linux has no lock-screen event). */
  screenLocked(): boolean;
  /** Tells the renderer something happened (for example that the vault locked). */
  emit(event: EventName): void;
}

export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/**
 * Where the vault key lives. The default is the OS keychain through keytar;
 * an in-memory store exists for unit tests only. Errors thrown here are
 * translated into a locked vault with a message naming the cause.
 */
export interface SecretStore {
  readonly kind: string;
  get(service: string, account: string): Promise<string | null>;
  set(service: string, account: string, secret: string): Promise<void>;
  delete(service: string, account: string): Promise<boolean>;
}
