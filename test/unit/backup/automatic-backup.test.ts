import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { automaticAccount } from '../../../electron/backup/backup-service';
import { keychainService } from '../../../electron/vault/vault-service';
import { passphrase, seed, useBackupCores, type Vault, manualClock } from './backup-harness';

/**
 * Automatic backups: set up once (folder and passphrase), then one a day
 * from the core's tick while the vault is unlocked, keeping the newest N.
 * The passphrase is in the keychain and nowhere in the database.
 */
const { open, tempDir } = useBackupCores('keyholder-auto-');

/** Runs the core's tick and waits for the automatic backup it starts (or a moment, when none is expected). */
async function tick(v: Vault, folder: string, expectBackup = true): Promise<string[]> {
  const before = (await v.call('backup.status', {})).lastBackupAt;
  v.core.tick();
  for (let i = 0; i < (expectBackup ? 400 : 8); i += 1) {
    if ((await v.call('backup.status', {})).lastBackupAt !== before) break;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  return readdirSync(folder).filter((name) => name.endsWith('.khbackup'));
}

async function setUp(keep = 3) {
  const clock = manualClock('2026-01-05T09:00:00Z');
  const v = await open({ clock });
  await seed(v);
  const folder = join(tempDir(), 'OneDrive - St Marys', 'Keyholder backups');
  mkdirSync(folder, { recursive: true });
  v.platform.savePaths.push(join(folder, 'whatever-name-was-typed.khbackup'));
  const first = await v.call('backup.setAutomatic', { passphrase, keep });
  return { v, clock, folder, first };
}

describe('automatic backups', () => {
  it('saves the first backup in the chosen folder and keeps the passphrase only in the keychain', async () => {
    const { v, folder, first } = await setUp();
    expect(first).toMatchObject({ cancelled: false });
    expect(readdirSync(folder)).toEqual([
      expect.stringMatching(/^keyholder-backup-2026-01-05-090000-[0-9a-f]{8}\.khbackup$/),
    ]);
    expect(await v.store.get(keychainService, automaticAccount(v.core.vault.vaultId()))).toBe(passphrase);
    expect(readFileSync(join(v.dataDir, 'keyholder.db')).includes(Buffer.from(passphrase))).toBe(false);
    const status = await v.call('backup.status', {});
    expect(status).toMatchObject({
      lastBackupAt: '2026-01-05T09:00:00.000Z',
      warning: null,
      automatic: { folder, keep: 3, passphraseStored: true, active: true, lastError: null },
    });
    expect(status.automatic.files).toHaveLength(1);
    expect((await v.call('audit.list', { action: 'backup.automatic-on' }))[0]?.details).toEqual({ folder, keep: 3 });
  });

  it('makes one backup a day from the tick and keeps only the newest N of its own files', async () => {
    const { v, clock, folder } = await setUp(3);
    const stranger = join(folder, 'keyholder-backup-2020-01-01-000000-deadbeef.khbackup');
    writeFileSync(stranger, 'another vault');
    writeFileSync(join(folder, 'notes.txt'), 'not ours');

    clock.set('2026-01-05T15:00:00Z');
    expect(await tick(v, folder, false)).toHaveLength(2); // the same day: nothing new (ours + the stranger's)
    for (const [day, expected] of [
      ['2026-01-06', 3],
      ['2026-01-07', 4],
      ['2026-01-08', 4],
    ] as const) {
      clock.set(`${day}T08:30:00Z`);
      expect(await tick(v, folder)).toHaveLength(expected);
    }
    const ours = readdirSync(folder).filter((name) => !name.includes('deadbeef') && name.endsWith('.khbackup'));
    expect(ours.map((name) => name.slice(17, 27)).sort()).toEqual(['2026-01-06', '2026-01-07', '2026-01-08']);
    // Files another vault wrote, and anything else, are never deleted.
    expect(readdirSync(folder)).toEqual(expect.arrayContaining([stranger.split('/').pop(), 'notes.txt']));
    expect(await v.call('audit.list', { action: 'backup.created' })).toHaveLength(4);
  });

  it('reports an unreachable folder once, and tries again later', async () => {
    const { v, clock, folder } = await setUp();
    rmSync(folder, { recursive: true });
    clock.set('2026-01-06T08:00:00Z');
    v.core.tick();
    for (let i = 0; i < 100 && !(await v.call('backup.status', {})).automatic.lastError; i += 1)
      await new Promise((resolve) => setTimeout(resolve, 25));
    const status = await v.call('backup.status', {});
    expect(status.automatic.lastError).toMatch(/cannot be reached.*network share or OneDrive/);
    expect(v.platform.notifications).toEqual([
      { title: 'Keyholder: the automatic backup failed', body: status.automatic.lastError },
    ]);
    mkdirSync(folder, { recursive: true });
    clock.set('2026-01-06T08:30:00Z');
    v.core.tick(); // within the hour: not retried yet
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(readdirSync(folder)).toEqual([]);
    clock.set('2026-01-06T09:10:00Z');
    expect(await tick(v, folder)).toHaveLength(1);
    expect((await v.call('backup.status', {})).automatic.lastError).toBeNull();
  });

  it('does nothing while the vault is locked, and stops when turned off', async () => {
    const { v, clock, folder } = await setUp();
    await v.call('vault.lock', {});
    clock.set('2026-01-07T08:00:00Z');
    v.core.tick();
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(readdirSync(folder)).toHaveLength(1);
    await v.call('vault.unlock', {});
    const stopped = await v.call('backup.stopAutomatic', {});
    expect(stopped.automatic).toMatchObject({ folder: '', passphraseStored: false, active: false });
    expect(await v.store.get(keychainService, automaticAccount(v.core.vault.vaultId()))).toBeNull();
    v.core.tick();
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(readdirSync(folder)).toHaveLength(1);
  });
});

describe('the Dashboard warning', () => {
  it('warns with no backup, is quiet for 7 days after one, then warns with the date', async () => {
    const clock = manualClock('2026-03-02T10:00:00Z');
    const v = await open({ clock });
    expect((await v.call('backup.status', {})).warning).toMatch(/^No backup of the vault has been made yet\./);
    v.platform.savePaths.push(join(tempDir(), 'manual.khbackup'));
    await v.call('backup.create', { passphrase });
    clock.set('2026-03-09T09:00:00Z');
    expect((await v.call('backup.status', {})).warning).toBeNull();
    clock.set('2026-03-10T11:00:00Z');
    expect((await v.call('backup.status', {})).warning).toBe(
      'The last backup was made on 02/03/2026, 8 days ago. Make a backup now, and check that automatic backups are working.',
    );
  });
});
