import type { FileFilter, Platform } from '../../electron/core/platform';

/**
 * The platform for tests: the clipboard is a variable, dialogs are answered
 * from queues the test fills, notifications are recorded, PDFs come from a
 * function the e2e harness points at Chromium's page.pdf.
 */
export interface TestPlatform extends Platform {
  clipboard: string;
  notifications: { title: string; body: string }[];
  opened: string[];
  savePaths: (string | null)[];
  openPaths: (string | null)[];
  dialogs: { kind: 'save' | 'open'; title: string; filters: FileFilter[] }[];
  pdfRenderer: ((html: string) => Promise<Uint8Array>) | null;
  /** null: the system cannot tell (as on some Linux desktops). */
  idleSeconds: number | null;
  screenIsLocked: boolean;
  events: string[];
  onEmit: ((event: string) => void) | null;
}

export function createTestPlatform(): TestPlatform {
  const platform: TestPlatform = {
    name: 'test',
    clipboard: '',
    notifications: [],
    opened: [],
    savePaths: [],
    openPaths: [],
    dialogs: [],
    pdfRenderer: null,
    idleSeconds: 0,
    screenIsLocked: false,
    events: [],
    onEmit: null,
    writeClipboard: async (text) => {
      platform.clipboard = text;
    },
    readClipboard: async () => platform.clipboard,
    clearClipboard: () => {
      platform.clipboard = '';
    },
    notify: (title, body) => {
      platform.notifications.push({ title, body });
    },
    chooseSavePath: async ({ title, filters }) => {
      platform.dialogs.push({ kind: 'save', title, filters });
      return platform.savePaths.shift() ?? null;
    },
    chooseOpenPath: async ({ title, filters }) => {
      platform.dialogs.push({ kind: 'open', title, filters });
      return platform.openPaths.shift() ?? null;
    },
    printToPdf: async (html) => {
      if (!platform.pdfRenderer) throw new Error('No PDF renderer set for this test');
      return platform.pdfRenderer(html);
    },
    openExternal: async (url) => {
      platform.opened.push(url);
    },
    systemIdleSeconds: () => platform.idleSeconds,
    screenLocked: () => platform.screenIsLocked,
    emit: (event) => {
      platform.events.push(event);
      platform.onEmit?.(event);
    },
  };
  return platform;
}
