import type { MenuItemConstructorOptions } from 'electron';

/**
 * A minimal menu: quitting, the standard editing commands (so copy and paste
 * work in text fields), zoom for readability, and DevTools only in
 * development builds.
 */
export function menuTemplate(options: { isPackaged: boolean; isMac: boolean }): MenuItemConstructorOptions[] {
  const view: MenuItemConstructorOptions[] = [
    { role: 'resetZoom' },
    { role: 'zoomIn' },
    { role: 'zoomOut' },
    { type: 'separator' },
    { role: 'togglefullscreen' },
  ];
  if (!options.isPackaged) view.push({ type: 'separator' }, { role: 'reload' }, { role: 'toggleDevTools' });
  return [
    ...(options.isMac ? [{ role: 'appMenu' as const }] : []),
    { label: 'File', submenu: [options.isMac ? { role: 'close' } : { role: 'quit', label: 'Exit Keyholder' }] },
    {
      label: 'Edit',
      submenu: [
        { role: 'undo' },
        { role: 'redo' },
        { type: 'separator' },
        { role: 'cut' },
        { role: 'copy' },
        { role: 'paste' },
        { role: 'selectAll' },
      ],
    },
    { label: 'View', submenu: view },
  ];
}
