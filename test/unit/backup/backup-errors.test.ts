import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { backupMagic } from '../../../electron/backup/backup-file';
import { dumpTables, passphrase, revealAll, seed, useBackupCores, type Vault } from './backup-harness';

/**
 * What goes wrong with backups in real life: a mistyped passphrase, a file
 * damaged on a USB stick or half-synced by OneDrive, a header someone edited,
 * a file that is not a backup at all, and a weak passphrase. Each gets its
 * own clear message, and the vault it was restored onto is left exactly as it was.
 */
const { open, tempDir } = useBackupCores('keyholder-backup-errors-');

async function backupFile(): Promise<{ source: Vault; file: string; bytes: Buffer }> {
  const source = await open();
  await seed(source);
  const file = join(tempDir(), 'school.khbackup');
  source.platform.savePaths.push(file);
  await source.call('backup.create', { passphrase });
  return { source, file, bytes: readFileSync(file) };
}

/** Tries to restore `bytes` onto a seeded vault; returns the error and checks nothing changed. */
async function tryRestore(bytes: Buffer, phrase = passphrase) {
  const target = await open();
  await target.call('accounts.create', { platform: 'x', handle: '@stays.here' });
  const before = dumpTables(target.core);
  const secretsBefore = revealAll(target.core);
  const file = join(tempDir(), 'attempt.khbackup');
  writeFileSync(file, bytes);
  target.platform.openPaths.push(file);
  const opened = await target.core.dispatch('restore.open', {});
  let error = opened.ok ? null : opened.error;
  if (opened.ok) {
    const restoreId = (opened.value as { restoreId: string }).restoreId;
    const inspected = await target.core.dispatch('restore.inspect', { restoreId, passphrase: phrase });
    error = inspected.ok ? null : inspected.error;
    if (inspected.ok) {
      const committed = await target.core.dispatch('restore.commit', { restoreId });
      error = committed.ok ? null : committed.error;
    }
  }
  expect(dumpTables(target.core)).toEqual(before);
  expect(revealAll(target.core)).toEqual(secretsBefore);
  return error;
}

describe('restoring a bad backup changes nothing and says why', () => {
  it('a wrong passphrase is named as such', async () => {
    const { bytes } = await backupFile();
    const error = await tryRestore(bytes, 'Wrong-Passphrase#2024-Otter');
    expect(error).toMatchObject({ code: 'INVALID_INPUT' });
    expect(error!.message).toMatch(/^That passphrase does not open attempt\.khbackup\./);
  });

  it('a changed byte in the encrypted part is reported as damage, not a wrong passphrase', async () => {
    const { bytes } = await backupFile();
    const damaged = Buffer.from(bytes);
    damaged[damaged.length - 100]! ^= 0x01;
    const error = await tryRestore(damaged);
    expect(error!.message).toMatch(/attempt\.khbackup is damaged \(its contents fail the integrity check\)/);
  });

  it('a cut-short file (an interrupted copy) is reported as damage', async () => {
    const { bytes } = await backupFile();
    const error = await tryRestore(bytes.subarray(0, Math.floor(bytes.length / 2)));
    expect(error!.message).toMatch(/is damaged/);
    const tiny = await tryRestore(bytes.subarray(0, 40));
    expect(tiny!.message).toMatch(/is damaged \(it is cut short\)/);
  });

  it('an edited header (another school name) fails the integrity check', async () => {
    const { bytes } = await backupFile();
    const text = bytes.toString('latin1').replace("St Mary's Primary", "St Marx's Primary");
    const error = await tryRestore(Buffer.from(text, 'latin1'));
    expect(error!.message).toMatch(/is damaged \(its contents fail the integrity check\)/);
  });

  it('a file that is not a backup is named as such', async () => {
    const error = await tryRestore(Buffer.from('Platform,Handle,Password\nX,@a,secret\n'));
    expect(error!.message).toMatch(/^attempt\.khbackup is not a Keyholder backup\./);
  });

  it('a backup from a newer Keyholder asks for an update', async () => {
    const { bytes } = await backupFile();
    const prefix = Buffer.from(backupMagic, 'ascii').length;
    const length = bytes.readUInt32BE(prefix);
    const header = JSON.parse(bytes.subarray(prefix + 4, prefix + 4 + length).toString('utf8')) as Record<
      string,
      unknown
    >;
    const json = Buffer.from(JSON.stringify({ ...header, formatVersion: 99 }), 'utf8');
    const size = Buffer.alloc(4);
    size.writeUInt32BE(json.length);
    const newer = Buffer.concat([bytes.subarray(0, prefix), size, json, bytes.subarray(prefix + 4 + length)]);
    const error = await tryRestore(newer);
    expect(error).toMatchObject({ code: 'DATABASE_TOO_NEW' });
    expect(error!.message).toContain('newer version of Keyholder');
  });

  it('the same untouched file restores, so the failures above are the damage and nothing else', async () => {
    const { bytes } = await backupFile();
    const target = await open();
    const file = join(tempDir(), 'good.khbackup');
    writeFileSync(file, bytes);
    target.platform.openPaths.push(file);
    const opened = await target.call('restore.open', {});
    if (opened.cancelled) throw new Error('cancelled');
    await target.call('restore.inspect', { restoreId: opened.restoreId, passphrase });
    await expect(target.call('restore.commit', { restoreId: opened.restoreId })).resolves.toMatchObject({
      mode: 'replace',
    });
  });
});

describe('passphrases', () => {
  it('refuses a weak passphrase before anything is written or a dialog opens', async () => {
    const source = await open();
    for (const weak of ['short#1A', 'password12345678', "St Mary's Primary 2025!"]) {
      const error = await source.refused('backup.create', { passphrase: weak }, 'POLICY');
      expect(error.message).toMatch(/^Choose a stronger passphrase\./);
    }
    await source.refused('migrate.exportKeepass', { passphrase: 'password12345678' }, 'POLICY');
    await source.refused('backup.setAutomatic', { passphrase: 'password12345678', keep: 5 }, 'POLICY');
    expect(source.platform.dialogs).toEqual([]);
  });

  it('needs the vault unlocked to make a backup', async () => {
    const source = await open();
    await source.call('vault.lock', {});
    await source.refused('backup.create', { passphrase }, 'VAULT_LOCKED');
  });

  it('writes nothing when the save dialog is cancelled', async () => {
    const source = await open();
    source.platform.savePaths.push(null);
    expect(await source.call('backup.create', { passphrase })).toEqual({ cancelled: true });
    expect((await source.call('backup.status', {})).lastBackupAt).toBeNull();
  });
});
