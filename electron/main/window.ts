import type { BrowserWindowConstructorOptions } from 'electron';
import { secureWebPreferences } from './security';

/**
 * Window options in one pure function so the unit tests can read them without
 * Electron. The window opens at 1280x820, or smaller to fit the screen's work
 * area (a 1366x768 school laptop has about 1366x728 above the taskbar).
 */
export function mainWindowOptions(
  preloadPath: string,
  iconPath: string,
  options: { devTools: boolean; workArea: { width: number; height: number } },
): BrowserWindowConstructorOptions {
  return {
    width: Math.min(1280, options.workArea.width),
    height: Math.min(820, options.workArea.height),
    minWidth: 960,
    minHeight: 600,
    title: 'Keyholder',
    icon: iconPath,
    show: false,
    backgroundColor: '#f6f7f9',
    autoHideMenuBar: false,
    webPreferences: secureWebPreferences(preloadPath, { devTools: options.devTools }),
  };
}
