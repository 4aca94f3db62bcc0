import { mkdirSync, readFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { emergencyKitItems, kitNeeded } from '../../../shared/policy/emergency-kit';
import { manualClock, passphrase, seed, useBackupCores, type Vault } from './backup-harness';

/**
 * The emergency kit (issue 16 item 12): printed for the school safe, with
 * the computer, the backup folder and the restore steps, and a blank box for
 * the passphrase (never printed). Keyholder records when it was printed and
 * asks for a new one after the backups' folder or passphrase changes.
 */
const { open, tempDir } = useBackupCores('keyholder-kit-');

/** Prints the kit, capturing the document the platform would render to PDF. */
async function printKit(v: Vault, name = 'kit.pdf'): Promise<{ html: string; path: string }> {
  let html = '';
  v.platform.pdfRenderer = async (document) => {
    html = document;
    return new TextEncoder().encode('%PDF-1.7 kit');
  };
  const path = join(tempDir(), name);
  v.platform.savePaths.push(path);
  const result = await v.call('backup.printKit', {});
  expect(result).toEqual({ cancelled: false, path });
  return { html, path };
}

async function setUpAutomatic(
  v: Vault,
  secret = passphrase,
  folder = join(tempDir(), 'OneDrive - St Marys', 'Keyholder backups'),
): Promise<string> {
  mkdirSync(folder, { recursive: true });
  v.platform.savePaths.push(join(folder, 'first.khbackup'));
  await v.call('backup.setAutomatic', { passphrase: secret, keep: 5 });
  return folder;
}

describe('whether a kit is needed (pure)', () => {
  const printed = { printedAt: '2026-01-05T09:00:00.000Z', host: 'OFFICE-PC' };
  it('asks for one while none has been printed, after a backup change, and after a move to another computer', () => {
    expect(kitNeeded({ kit: null, backupChangedAt: null, host: 'OFFICE-PC' })).toContain(
      'No emergency kit has been printed',
    );
    expect(kitNeeded({ kit: printed, backupChangedAt: '2026-01-04T09:00:00.000Z', host: 'OFFICE-PC' })).toBeNull();
    expect(kitNeeded({ kit: printed, backupChangedAt: '2026-02-01T09:00:00.000Z', host: 'OFFICE-PC' })).toBe(
      "The automatic backups' folder or passphrase changed on 01/02/2026, after the emergency kit was printed on 05/01/2026. Print a new kit and replace the one in the safe.",
    );
    expect(kitNeeded({ kit: printed, backupChangedAt: null, host: 'NEW-LAPTOP' })).toContain(
      'names the computer OFFICE-PC',
    );
  });

  it('gives the Dashboard one item for the backup page, or none', () => {
    expect(emergencyKitItems(null)).toEqual([]);
    expect(emergencyKitItems('Print one.')).toEqual([
      { kind: 'emergency-kit-needed', message: 'Print one.', dueOn: null, screen: '#/settings/backup' },
    ]);
  });
});

describe('backup.printKit', () => {
  it('prints the computer, the backup folder and the restore steps, with a blank box for the passphrase', async () => {
    const v = await open({ clock: manualClock('2026-01-05T09:00:00Z') });
    await seed(v);
    const folder = await setUpAutomatic(v);
    const { html, path } = await printKit(v);
    expect(readFileSync(path, 'utf8')).toBe('%PDF-1.7 kit');
    // The document, as text: which computer, where the backups go, how to restore.
    const text = html
      .replace(/<wbr>/g, '')
      .replace(/<[^>]+>/g, ' ')
      .replace(/\s+/g, ' ');
    expect(text).toContain(`Computer ${hostname()}`);
    expect(text).toContain(`Backup folder ${folder}`);
    expect(text).toContain('The newest 5, one a day while Keyholder runs');
    expect(text).toContain('Last backup 05/01/2026 09:00');
    expect(text).toMatch(/for example keyholder-backup-2026-01-05-090000-[0-9a-f]{8}\.khbackup/);
    expect(text).toContain('Choose Restore from a backup…');
    expect(text).toContain('Choose Open the restored vault');
    expect(text).toContain('Keyholder never prints it');
    // The passphrase itself is never on it.
    expect(html).not.toContain(passphrase);
    // Recorded: when, for which computer, audited.
    expect(await v.call('backup.kitStatus', {})).toEqual({ printedAt: '2026-01-05T09:00:00.000Z', needed: null });
    const [entry] = await v.call('audit.list', { action: 'backup.kit-printed' });
    expect(entry?.details).toEqual({ path, host: hostname(), backupFolder: folder });
  });

  it('reminds until a kit is printed, and again after the backup folder or passphrase changes', async () => {
    const clock = manualClock('2026-01-05T09:00:00Z');
    const v = await open({ clock });
    expect((await v.call('backup.kitStatus', {})).needed).toContain('No emergency kit has been printed');
    await printKit(v);
    expect((await v.call('backup.kitStatus', {})).needed).toBeNull();

    clock.set('2026-01-06T09:00:00Z');
    const folder = await setUpAutomatic(v);
    expect((await v.call('backup.kitStatus', {})).needed).toContain('changed on 06/01/2026');
    clock.set('2026-01-07T09:00:00Z');
    await printKit(v, 'kit-2.pdf');
    expect((await v.call('backup.kitStatus', {})).needed).toBeNull();

    // The same passphrase for the same folder again changes nothing the kit says.
    clock.set('2026-01-08T09:00:00Z');
    await setUpAutomatic(v, passphrase, folder);
    expect((await v.call('backup.kitStatus', {})).needed).toBeNull();
    // A new passphrase does.
    clock.set('2026-01-09T09:00:00Z');
    await setUpAutomatic(v, 'Different-Lantern#Harbour-9931', folder);
    expect((await v.call('backup.kitStatus', {})).needed).toContain('changed on 09/01/2026');
    await printKit(v, 'kit-3.pdf');
    // Turning automatic backups off: the kit's folder is no longer where the backups go.
    clock.set('2026-01-10T09:00:00Z');
    await v.call('backup.stopAutomatic', {});
    expect((await v.call('backup.kitStatus', {})).needed).toContain('changed on 10/01/2026');
  });

  it('records nothing when the save dialog is cancelled, and the renderer cannot set the bookkeeping', async () => {
    const v = await open();
    v.platform.savePaths.push(null);
    expect(await v.call('backup.printKit', {})).toEqual({ cancelled: true });
    expect((await v.call('backup.kitStatus', {})).printedAt).toBeNull();
    await v.refused(
      'settings.update',
      { emergencyKit: { printedAt: '2026-01-05T09:00:00.000Z', host: 'x' } },
      'INVALID_INPUT',
    );
  });
});
