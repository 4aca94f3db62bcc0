import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { kdfLimits } from '../../../electron/backup/backup-file';
import { passphrase, seed, useBackupCores, type Vault } from './backup-harness';
import { withKdf } from '../../support/backup-files';

/**
 * What a crafted or damaged file cannot do to a backup or a restore: make
 * Keyholder spend minutes deriving a key, smuggle a trigger into the vault,
 * or (one damaged password) stop a backup exactly when it is needed.
 */
const { open, tempDir } = useBackupCores('keyholder-backup-hardening-');

async function backupOf(source: Vault, name = 'school.khbackup'): Promise<{ file: string; bytes: Buffer }> {
  const file = join(tempDir(), name);
  source.platform.savePaths.push(file);
  await source.call('backup.create', { passphrase });
  return { file, bytes: readFileSync(file) };
}

async function openBackup(target: Vault, bytes: Buffer) {
  const file = join(tempDir(), 'attempt.khbackup');
  writeFileSync(file, bytes);
  target.platform.openPaths.push(file);
  return target.core.dispatch('restore.open', {});
}

describe('a crafted backup header', () => {
  it.each([
    ['1 GiB of memory', { memoryKiB: 1024 * 1024 }],
    ['20 passes', { iterations: 20 }],
    ['16 lanes', { parallelism: 16 }],
    ['too little memory to be one of ours', { memoryKiB: 8192 }],
  ])('asking for %s is refused before the passphrase is even asked for', async (_name, kdf) => {
    const source = await open();
    const { bytes } = await backupOf(source);
    const target = await open();
    const opened = await openBackup(target, withKdf(bytes, kdf));
    expect(opened).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  });

  it('accepts only what Keyholder itself writes, with room to raise it a little', () => {
    expect(kdfLimits.memoryKiB[1]).toBeLessThanOrEqual(256 * 1024);
    expect(kdfLimits.iterations[1]).toBeLessThanOrEqual(8);
  });
});

describe('a backup carrying a planted trigger', () => {
  it('is refused at the passphrase step, before anything is replaced', async () => {
    const source = await open();
    await seed(source);
    source.core.context.db.exec(
      "CREATE TRIGGER forget_reveals AFTER INSERT ON audit_log WHEN NEW.action = 'secret.revealed' BEGIN SELECT 1; END",
    );
    const { bytes } = await backupOf(source);
    const target = await open();
    const opened = await openBackup(target, bytes);
    expect(opened.ok).toBe(true);
    const restoreId = (opened as { value: { restoreId: string } }).value.restoreId;
    const inspected = await target.core.dispatch('restore.inspect', { restoreId, passphrase });
    expect(inspected).toMatchObject({ ok: false, error: { code: 'VAULT_DAMAGED' } });
    expect((inspected as { error: { message: string } }).error.message).toMatch(/forget_reveals/);
  });
});

describe('one damaged password', () => {
  it('does not stop a backup: it is carried as it was and named, and the restore says so too', async () => {
    const source = await open();
    const { pe, fb } = await seed(source);
    source.core.context.db
      .prepare(
        'UPDATE account_secrets SET envelope = \'{"v":1,"alg":"A256GCM","iv":"AAAA","ct":"","tag":""}\' WHERE account_id = ? AND field = \'password\'',
      )
      .run(pe);
    const file = join(tempDir(), 'damaged.khbackup');
    source.platform.savePaths.push(file);
    const written = await source.call('backup.create', { passphrase });
    expect(written).toMatchObject({ cancelled: false, unreadable: ['@stmaryspe: password'] });
    const [entry] = await source.call('audit.list', { action: 'backup.created' });
    expect(entry?.details).toMatchObject({ unreadable: ['@stmaryspe: password'] });

    // The password can be set again (the damaged one cannot go into the history), and the account reveals it.
    await source.call('secrets.set', {
      accountId: pe,
      field: 'password',
      value: 'Juniper#Falcon-9931-Meadow',
      source: 'typed',
      reason: 'The stored one was damaged',
    });
    expect((await source.call('secrets.reveal', { accountId: pe, field: 'password' })).value).toBe(
      'Juniper#Falcon-9931-Meadow',
    );

    const target = await open({ setUp: false });
    target.platform.openPaths.push(file);
    const opened = await target.call('restore.open', {});
    if (opened.cancelled) throw new Error('not opened');
    const inspected = await target.call('restore.inspect', { restoreId: opened.restoreId, passphrase });
    expect(inspected.unreadable).toEqual(['@stmaryspe: password']);
    expect(inspected.explanation).toMatch(/already damaged when the backup was made/);
    await target.call('restore.commit', { restoreId: opened.restoreId });
    expect((await target.call('secrets.reveal', { accountId: fb, field: 'password' })).value).toBeTruthy();
    await target.refused('secrets.reveal', { accountId: pe, field: 'password' }, 'VAULT_DAMAGED');
    expect(await target.call('audit.verify', {})).toMatchObject({ ok: true });
  });
});
