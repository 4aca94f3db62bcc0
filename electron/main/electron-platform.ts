import { BrowserWindow, clipboard, dialog, Notification, powerMonitor, shell } from 'electron';
import type { Platform } from '../core/platform';
import { isSafeExternalUrl, secureWebPreferences } from './security';

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
    printToPdf: async (html) => {
      // A hidden, sandboxed window with no preload renders the document; the
      // HTML is ours (built from escaped data), loaded as a data URL.
      const printer = new BrowserWindow({
        show: false,
        webPreferences: { ...secureWebPreferences(''), preload: undefined },
      });
      try {
        await printer.loadURL(`data:text/html;charset=utf-8,${encodeURIComponent(html)}`);
        // preferCSSPageSize: a document's own @page size (the register is A4 landscape) wins over the default A4 portrait.
        const pdf = await printer.webContents.printToPDF({
          pageSize: 'A4',
          printBackground: true,
          preferCSSPageSize: true,
        });
        return new Uint8Array(pdf);
      } finally {
        printer.destroy();
      }
    },
    openExternal: async (url) => {
      if (!isSafeExternalUrl(url)) throw new Error('Refused to open a link that is not https');
      await shell.openExternal(url);
    },
    systemIdleSeconds: () => powerMonitor.getSystemIdleTime(),
    emit: (event) => getWindow()?.webContents.send(`event:${event}`),
  };
}
