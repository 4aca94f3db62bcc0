import type { BrowserWindow } from 'electron';
import { beforeEach, describe, expect, it, vi, type Mock } from 'vitest';
import { createElectronPlatform } from '../../../electron/main/electron-platform';

type AnyMock = Mock<(...args: unknown[]) => unknown>;

/** Fakes for the few Electron APIs the platform calls; rebuilt before each test. */
const fakes = vi.hoisted(() => ({
  openExternal: null as unknown as AnyMock,
  showSaveDialog: null as unknown as AnyMock,
  printers: [] as { options: Record<string, unknown>; loadURL: ReturnType<typeof vi.fn>; destroy: () => void }[],
  printToPDF: null as unknown as AnyMock,
  destroyed: 0,
  idleSeconds: 0,
}));

vi.mock('electron', () => ({
  shell: { openExternal: (...args: unknown[]) => fakes.openExternal(...args) },
  dialog: { showSaveDialog: (...args: unknown[]) => fakes.showSaveDialog(...args) },
  clipboard: {},
  Notification: class {},
  powerMonitor: { getSystemIdleTime: () => fakes.idleSeconds },
  BrowserWindow: class {
    readonly loadURL = vi.fn(async () => undefined);
    readonly webContents = { printToPDF: (...args: unknown[]) => fakes.printToPDF(...args) };
    constructor(readonly options: Record<string, unknown>) {
      fakes.printers.push(this);
    }
    destroy(): void {
      fakes.destroyed += 1;
    }
  },
}));

beforeEach(() => {
  fakes.openExternal = vi.fn(async () => undefined);
  fakes.showSaveDialog = vi.fn(async () => ({ canceled: true, filePath: '' }));
  fakes.printToPDF = vi.fn(async () => Buffer.from('%PDF-1.7'));
  fakes.printers = [];
  fakes.destroyed = 0;
});

const platform = () => createElectronPlatform(() => null);

describe('openExternal', () => {
  it.each(['http://x.com/school', 'javascript:alert(1)', 'file:///etc/passwd', 'https://user:pass@x.com/'])(
    'refuses %s without asking the operating system',
    async (url) => {
      await expect(platform().openExternal(url)).rejects.toThrow(/not https/);
      expect(fakes.openExternal).not.toHaveBeenCalled();
    },
  );

  it('hands a safe https link to the operating system', async () => {
    await platform().openExternal('https://x.com/school');
    expect(fakes.openExternal).toHaveBeenCalledWith('https://x.com/school');
  });
});

describe('printToPdf', () => {
  it('renders in a hidden, sandboxed window with no preload and destroys it', async () => {
    const pdf = await platform().printToPdf('<p>Report</p>');
    expect(new TextDecoder().decode(pdf)).toBe('%PDF-1.7');
    expect(fakes.printers).toHaveLength(1);
    const printer = fakes.printers[0]!;
    expect(printer.options).toMatchObject({
      show: false,
      webPreferences: { sandbox: true, contextIsolation: true, nodeIntegration: false },
    });
    expect((printer.options.webPreferences as { preload?: string }).preload).toBeUndefined();
    expect(String(printer.loadURL.mock.calls[0]?.[0])).toMatch(/^data:text\/html;charset=utf-8,/);
    expect(fakes.destroyed).toBe(1);
  });

  it('destroys the window even when printing fails', async () => {
    fakes.printToPDF = vi.fn(async () => {
      throw new Error('printer on fire');
    });
    await expect(platform().printToPdf('<p>Report</p>')).rejects.toThrow('printer on fire');
    expect(fakes.destroyed).toBe(1);
  });
});

describe('chooseSavePath', () => {
  const request = { title: 'Save', defaultName: 'report.pdf', filters: [] };

  it('returns null when the person cancels', async () => {
    await expect(platform().chooseSavePath(request)).resolves.toBeNull();
  });

  it('returns the chosen path and parents the dialog on the window', async () => {
    const window = {} as BrowserWindow;
    fakes.showSaveDialog = vi.fn(async () => ({ canceled: false, filePath: '/home/head/report.pdf' }));
    await expect(createElectronPlatform(() => window).chooseSavePath(request)).resolves.toBe('/home/head/report.pdf');
    expect(fakes.showSaveDialog.mock.calls[0]?.[0]).toBe(window);
  });
});

describe('push events and idleness', () => {
  it('sends an event to the window on the channel the preload listens to', () => {
    const send = vi.fn();
    const window = { webContents: { send } } as unknown as BrowserWindow;
    createElectronPlatform(() => window).emit('vault.locked');
    expect(send).toHaveBeenCalledTimes(1);
    expect(send).toHaveBeenCalledWith('event:vault.locked');
  });

  it('drops an event quietly when there is no window', () => {
    expect(() => platform().emit('vault.locked')).not.toThrow();
  });

  it("reports the operating system's idle time", () => {
    fakes.idleSeconds = 312;
    expect(platform().systemIdleSeconds()).toBe(312);
  });
});
