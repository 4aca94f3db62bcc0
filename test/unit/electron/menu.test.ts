import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { menuTemplate } from '../../../electron/main/menu';

// Electron's binary is not installed here; nothing in this file may load it.
vi.mock('electron', () => ({}));

/** Every role in the menu, however deeply it is nested. */
function roles(items: MenuItemConstructorOptions[]): string[] {
  return items.flatMap((item) => [
    ...(item.role ? [item.role.toLowerCase()] : []),
    ...(Array.isArray(item.submenu) ? roles(item.submenu) : []),
  ]);
}

function submenu(items: MenuItemConstructorOptions[], label: string): MenuItemConstructorOptions[] {
  const menu = items.find((item) => item.label === label)?.submenu;
  return Array.isArray(menu) ? menu : [];
}

const developerRoles = ['toggledevtools', 'reload', 'forcereload'];
const platforms = [{ isMac: false }, { isMac: true }];

describe('menuTemplate', () => {
  it.each(platforms)('has no DevTools or reload anywhere when packaged (isMac: $isMac)', ({ isMac }) => {
    const all = roles(menuTemplate({ isPackaged: true, isMac }));
    expect(all.length).toBeGreaterThan(5);
    for (const role of developerRoles) expect(all).not.toContain(role);
  });

  it.each(platforms)('offers DevTools and reload in development (isMac: $isMac)', ({ isMac }) => {
    const all = roles(menuTemplate({ isPackaged: false, isMac }));
    expect(all).toContain('toggledevtools');
    expect(all).toContain('reload');
  });

  it.each([true, false])('has copy and paste in the Edit menu (isPackaged: %s)', (isPackaged) => {
    const edit = roles(submenu(menuTemplate({ isPackaged, isMac: false }), 'Edit'));
    for (const role of ['copy', 'paste', 'cut', 'selectall', 'undo']) expect(edit).toContain(role);
  });

  it('quits from the File menu on Windows and Linux, and has the app menu only on macOS', () => {
    const other = menuTemplate({ isPackaged: true, isMac: false });
    const mac = menuTemplate({ isPackaged: true, isMac: true });
    expect(roles(submenu(other, 'File'))).toContain('quit');
    expect(roles(other)).not.toContain('appmenu');
    expect(roles(mac)).toContain('appmenu');
  });
});
