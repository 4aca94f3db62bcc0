import { describe, expect, it, vi } from 'vitest';
import { secureWebPreferences } from '../../../electron/main/security';
import { mainWindowOptions } from '../../../electron/main/window';

// Electron's binary is not installed here; nothing in this file may load it.
vi.mock('electron', () => ({}));

describe('mainWindowOptions', () => {
  const laptop = { width: 1366, height: 728 };
  const options = mainWindowOptions('/app/dist-electron/preload.cjs', '/app/assets/icon.png', {
    devTools: false,
    workArea: laptop,
  });

  it('uses the secure web preferences with the given preload', () => {
    expect(options.webPreferences).toEqual(secureWebPreferences('/app/dist-electron/preload.cjs', { devTools: false }));
    expect(options.webPreferences?.sandbox).toBe(true);
    expect(options.webPreferences?.contextIsolation).toBe(true);
    expect(options.webPreferences?.nodeIntegration).toBe(false);
    expect(options.webPreferences?.preload).toBe('/app/dist-electron/preload.cjs');
  });

  it('stays hidden until the renderer is ready to show', () => {
    expect(options.show).toBe(false);
  });

  it('uses the given icon and a usable minimum size', () => {
    expect(options.icon).toBe('/app/assets/icon.png');
    expect(options.minWidth).toBeGreaterThanOrEqual(800);
    expect(options.minHeight).toBeGreaterThanOrEqual(600);
  });

  it('fits the work area of a 1366x768 laptop and is not larger than 1280x820 on a big screen', () => {
    expect(options.width).toBe(1280);
    expect(options.height).toBe(728);
    const big = mainWindowOptions('/p', '/i', { devTools: false, workArea: { width: 2560, height: 1400 } });
    expect([big.width, big.height]).toEqual([1280, 820]);
  });

  it('passes the DevTools choice to the renderer', () => {
    const dev = mainWindowOptions('/p', '/i', { devTools: true, workArea: laptop });
    expect(dev.webPreferences?.devTools).toBe(true);
    expect(options.webPreferences?.devTools).toBe(false);
  });
});
