import { describe, expect, it, vi } from 'vitest';
import { secureWebPreferences } from '../../../electron/main/security';
import { mainWindowOptions } from '../../../electron/main/window';

// Electron's binary is not installed here; nothing in this file may load it.
vi.mock('electron', () => ({}));

describe('mainWindowOptions', () => {
  const options = mainWindowOptions('/app/dist-electron/preload.cjs', '/app/assets/icon.png');

  it('uses the secure web preferences with the given preload', () => {
    expect(options.webPreferences).toEqual(secureWebPreferences('/app/dist-electron/preload.cjs'));
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
});
