import type { BrowserWindowConstructorOptions } from 'electron';
import { secureWebPreferences } from './security';

/** Window options in one pure function so the unit tests can read them without Electron. */
export function mainWindowOptions(preloadPath: string, iconPath: string): BrowserWindowConstructorOptions {
  return {
    width: 1280,
    height: 820,
    minWidth: 960,
    minHeight: 640,
    title: 'Keyholder',
    icon: iconPath,
    show: false,
    backgroundColor: '#f6f7f9',
    autoHideMenuBar: false,
    webPreferences: secureWebPreferences(preloadPath),
  };
}
