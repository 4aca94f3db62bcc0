import type { BrowserWindow } from 'electron';
import { beforeEach, describe, expect, it, vi, type Mock } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createElectronPlatform } from '../../../electron/main/electron-platform';

type AnyMock = Mock<(...args: unknown[]) => unknown>;

/** Fakes for the few Electron APIs the platform calls; rebuilt before each test. */
const fakes = vi.hoisted(() => ({
  openExternal: null as unknown as AnyMock,
  showSaveDialog: null as unknown as AnyMock,
  printers: [] as { options: Record<string, unknown>; loadFile: ReturnType<typeof vi.fn>; destroy: () => void }[],
  printedHtml: [] as string[],
  printToPDF: null as unknown as AnyMock,
  destroyed: 0,
  idleSeconds: 0,
  idleState: 'active' as string,
}));

vi.mock('electron', () => ({
  shell: { openExternal: (...args: unknown[]) => fakes.openExternal(...args) },
  dialog: { showSaveDialog: (...args: unknown[]) => fakes.showSaveDialog(...args) },
  clipboard: {},
  Notification: class {},
  powerMonitor: { getSystemIdleTime: () => fakes.idleSeconds, getSystemIdleState: () => fakes.idleState },
  BrowserWindow: class {
    readonly loadFile = vi.fn(async (path: string) => {
      fakes.printedHtml.push(readFileSync(path, 'utf8'));
    });
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
  fakes.printedHtml = [];
  fakes.destroyed = 0;
  fakes.idleState = 'active';
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
  it('renders from a private temp file in a hidden window with no preload or JavaScript, then deletes both', async () => {
    const pdf = await platform().printToPdf('<p>Report</p>');
    expect(new TextDecoder().decode(pdf)).toBe('%PDF-1.7');
    expect(fakes.printers).toHaveLength(1);
    const printer = fakes.printers[0]!;
    expect(printer.options).toMatchObject({
      show: false,
      webPreferences: { sandbox: true, contextIsolation: true, nodeIntegration: false, javascript: false },
    });
    expect((printer.options.webPreferences as { preload?: string }).preload).toBeUndefined();
    const file = String(printer.loadFile.mock.calls[0]?.[0]);
    expect(file.startsWith(tmpdir())).toBe(true);
    expect(fakes.printedHtml).toEqual(['<p>Report</p>']);
    expect(existsSync(file)).toBe(false);
    expect(fakes.printToPDF.mock.calls[0]?.[0]).toMatchObject({ generateTaggedPDF: true, preferCSSPageSize: true });
    expect(fakes.destroyed).toBe(1);
  });

  it('prints a document larger than the 2 MB a data: URL allows', async () => {
    const big = `<table>${'<tr><td>@account</td></tr>'.repeat(120_000)}</table>`;
    expect(big.length).toBeGreaterThan(2 * 1024 * 1024);
    await platform().printToPdf(big);
    expect(fakes.printedHtml[0]).toBe(big);
  });

  it('destroys the window even when printing fails', async () => {
    fakes.printToPDF = vi.fn(async () => {
      throw new Error('printer on fire');
    });
    await expect(platform().printToPdf('<p>Report</p>')).rejects.toThrow('printer on fire');
    expect(fakes.destroyed).toBe(1);
    expect(existsSync(String(fakes.printers[0]?.loadFile.mock.calls[0]?.[0]))).toBe(false);
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

  it('reports no idle time where the system cannot tell, so the in-app timer is used', () => {
    fakes.idleState = 'unknown';
    expect(platform().systemIdleSeconds()).toBeNull();
  });

  it('says the screen is locked when the system reports it (Linux has no lock-screen event)', () => {
    expect(platform().screenLocked()).toBe(false);
    fakes.idleState = 'locked';
    expect(platform().screenLocked()).toBe(true);
  });
});
