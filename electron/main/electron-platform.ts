import { BrowserWindow, clipboard, dialog, Notification, powerMonitor, shell } from 'electron';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Platform } from '../core/platform';
import { isSafeExternalUrl, printWebPreferences } from './security';

/** The real platform: each method is a thin call into Electron. */
export function createElectronPlatform(getWindow: () => BrowserWindow | null): Platform {
  return {
    name: process.platform,
    writeClipboard: (text) => clipboard.writeText(text),
    readClipboard: () => clipboard.readText(),
    clearClipboard: () => clipboard.clear(),
    notify: (title, body) => {
      if (Notification.isSupported()) new Notification({ title, body }).show();
    },
    chooseSavePath: async ({ title, defaultName, filters }) => {
      const window = getWindow();
      const options = { title, defaultPath: defaultName, filters };
      const result = window ? await dialog.showSaveDialog(window, options) : await dialog.showSaveDialog(options);
      return result.canceled || !result.filePath ? null : result.filePath;
    },
    chooseOpenPath: async ({ title, filters }) => {
      const window = getWindow();
      const options = { title, filters, properties: ['openFile' as const] };
      const result = window ? await dialog.showOpenDialog(window, options) : await dialog.showOpenDialog(options);
      return result.canceled ? null : (result.filePaths[0] ?? null);
    },
    printToPdf,
    openExternal: async (url) => {
      if (!isSafeExternalUrl(url)) throw new Error('Refused to open a link that is not https');
      await shell.openExternal(url);
    },
    // 'unknown' means this desktop cannot report idle time (some Wayland
    // sessions): the core then falls back to Keyholder's own inactivity timer.
    systemIdleSeconds: () =>
      powerMonitor.getSystemIdleState(1) === 'unknown' ? null : powerMonitor.getSystemIdleTime(),
    screenLocked: () => powerMonitor.getSystemIdleState(1) === 'locked',
    emit: (event) => getWindow()?.webContents.send(`event:${event}`),
  };
}

/**
 * A hidden window with JavaScript off renders the document. The HTML is ours
 * (built from escaped data, never a secret) and goes through a private temp
 * file rather than a data: URL, which Chromium refuses above 2 MB (a register
 * of a few thousand accounts). The file is deleted whatever happens.
 */
async function printToPdf(html: string): Promise<Uint8Array> {
  const folder = await mkdtemp(join(tmpdir(), 'keyholder-print-'));
  const file = join(folder, 'document.html');
  const printer = new BrowserWindow({ show: false, webPreferences: printWebPreferences() });
  try {
    await writeFile(file, html, { encoding: 'utf8', mode: 0o600 });
    await printer.loadFile(file);
    // preferCSSPageSize: a document's own @page size (the register is A4
    // landscape) wins; tagged so screen readers and search see the words.
    const pdf = await printer.webContents.printToPDF({
      pageSize: 'A4',
      printBackground: true,
      preferCSSPageSize: true,
      generateTaggedPDF: true,
    });
    return new Uint8Array(pdf);
  } finally {
    printer.destroy();
    await rm(folder, { recursive: true, force: true });
  }
}
