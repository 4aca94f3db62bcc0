import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { keychainService } from '../../../electron/vault/vault-service';
import { createTrackedKeychain } from '../../support/keychain';
import {
  auditRows,
  dumpTables,
  passphrase,
  revealAll,
  seed,
  seedSecrets,
  useBackupCores,
  type Vault,
} from './backup-harness';

/**
 * The promise of a backup: everything comes back on another computer. A
 * seeded vault is backed up, then restored into a fresh data folder whose
 * key goes into the real OS keychain (GNOME Keyring in CI), and compared
 * table by table and secret by secret; then restored over an existing vault.
 */
const { open, tempDir } = useBackupCores();
const keychain = createTrackedKeychain();
afterEach(() => keychain.cleanup());

async function backUp(source: Vault): Promise<string> {
  const file = join(tempDir(), 'school.khbackup');
  source.platform.savePaths.push(file);
  const made = await source.call('backup.create', { passphrase });
  expect(made).toMatchObject({ cancelled: false, path: file });
  return file;
}

async function restore(target: Vault, file: string) {
  target.platform.openPaths.push(file);
  const opened = await target.call('restore.open', {});
  if (opened.cancelled) throw new Error('cancelled');
  const inspected = await target.call('restore.inspect', { restoreId: opened.restoreId, passphrase });
  const done = await target.call('restore.commit', { restoreId: opened.restoreId });
  return { opened, inspected, done };
}

describe('backup, then restore on a new computer', () => {
  it('brings back every row, every secret and the audit chain, under a new key in the keychain', async () => {
    const source = await open();
    await seed(source);
    const tables = dumpTables(source.core);
    const secrets = revealAll(source.core);
    const audit = auditRows(source.core);
    const file = await backUp(source);

    const target = await open({ store: keychain, setUp: false });
    expect(target.core.vault.status().state).toBe('setup-required');
    const { opened, inspected, done } = await restore(target, file);
    expect(opened.header).toMatchObject({ schoolName: "St Mary's Primary", createdBy: 'Alex Admin', automatic: false });
    expect(opened.header.counts).toEqual({
      accounts: 3,
      people: 3,
      holders: 2,
      passwords: 3,
      passwordHistory: 2,
      rotations: 2,
      auditEntries: audit.length,
    });
    expect(inspected).toMatchObject({ mode: 'new-vault', auditOk: true, currentAccounts: null });
    expect(done).toMatchObject({ mode: 'new-vault', snapshotPath: null });

    // A new vault identity, whose key is in the real keychain; the old vault's is untouched.
    const newId = target.core.vault.vaultId();
    expect(newId).not.toBe(source.core.vault.vaultId());
    expect(await keychain.get(keychainService, newId)).toBe(target.core.vault.key().toString('base64'));
    expect(target.core.vault.isUnlocked()).toBe(true);

    const check = (vault: Vault) => {
      const restored = dumpTables(vault.core);
      // The log and its sealed head grow by the restore's own entries; checked below and by audit.verify.
      const { audit_log: restoredAudit, audit_head: _restoredHead, ...rest } = restored;
      const { audit_log: _sourceAudit, audit_head: _sourceHead, ...expected } = tables;
      expect(rest).toEqual(expected);
      expect(revealAll(vault.core)).toEqual(secrets);
      // The source's entries exactly (hashes included), then the restore's own record.
      const after = auditRows(vault.core);
      expect(after.slice(0, audit.length)).toEqual(audit);
      expect(after.slice(audit.length).map((row) => row.action)[0]).toBe('backup.restored');
      expect(restoredAudit!.length).toBe(after.length);
    };
    check(target);
    expect(await target.call('audit.verify', {})).toMatchObject({ ok: true, firstBadId: null });
    expect(Object.values(revealAll(target.core))).toEqual(expect.arrayContaining(Object.values(seedSecrets)));
    const pe = (await target.call('accounts.list', {})).find((a) => a.handle === '@stmaryspe')!;
    expect(await target.call('secrets.reveal', { accountId: pe.id, field: 'password' })).toMatchObject({
      value: seedSecrets.peRotated,
    });

    // After a restart it opens from the keychain alone.
    target.core.close();
    const again = await open({ dir: target.dataDir, store: keychain, setUp: false });
    expect(again.core.vault.isUnlocked()).toBe(true);
    check(again);
    expect(await again.call('audit.verify', {})).toMatchObject({ ok: true });
  });

  it('replaces an existing vault, keeping its key and a copy of what was there', async () => {
    const source = await open();
    await seed(source);
    const secrets = revealAll(source.core);
    const file = await backUp(source);

    const target = await open();
    const keyBefore = target.core.vault.key().toString('base64');
    const idBefore = target.core.vault.vaultId();
    await target.call('accounts.create', { platform: 'tiktok', handle: '@replaced.soon' });
    const { inspected, done } = await restore(target, file);
    expect(inspected).toMatchObject({ mode: 'replace', currentAccounts: 1 });
    expect(inspected.explanation).toContain('A copy of the current vault is kept');
    expect(target.core.vault.vaultId()).toBe(idBefore);
    expect(target.core.vault.key().toString('base64')).toBe(keyBefore);
    expect(revealAll(target.core)).toEqual(secrets);
    expect((await target.call('accounts.list', {})).map((a) => a.handle).sort()).toEqual([
      '@stmarys.music',
      '@stmaryspe',
      'StMarysSchool',
    ]);
    expect(done.snapshotPath).not.toBeNull();
    expect(existsSync(done.snapshotPath!)).toBe(true);
    expect(readdirSync(target.dataDir).filter((name) => name.includes('before-restore'))).toHaveLength(1);

    // The copy is the replaced vault, and opens as it was.
    const copyDir = tempDir();
    const { copyFileSync } = await import('node:fs');
    copyFileSync(done.snapshotPath!, join(copyDir, 'keyholder.db'));
    const copy = await open({ dir: copyDir, store: target.store, setUp: false });
    expect(copy.core.vault.isUnlocked()).toBe(true);
    expect((await copy.call('accounts.list', {})).map((a) => a.handle)).toEqual(['@replaced.soon']);
  });

  it('is the way back when the keychain lost the key: a new key, the old file kept', async () => {
    const source = await open();
    await seed(source);
    const file = await backUp(source);
    const target = await open();
    const oldId = target.core.vault.vaultId();
    target.core.close();
    await target.store.delete(keychainService, oldId);
    const reopened = await open({ dir: target.dataDir, store: target.store, setUp: false });
    expect(reopened.core.vault.status()).toMatchObject({ state: 'locked', reason: 'key-missing' });
    const { inspected, done } = await restore(reopened, file);
    expect(inspected.mode).toBe('new-vault');
    expect(done.snapshotPath).not.toBeNull();
    expect(reopened.core.vault.isUnlocked()).toBe(true);
    expect(reopened.core.vault.vaultId()).not.toBe(oldId);
    expect(revealAll(reopened.core)).toEqual(revealAll(source.core));
  });

  it('refuses to restore over a vault that is merely locked, until it is unlocked', async () => {
    const source = await open();
    await seed(source);
    const file = await backUp(source);
    const target = await open();
    await target.call('vault.lock', {});
    target.platform.openPaths.push(file);
    const opened = await target.call('restore.open', {});
    if (opened.cancelled) throw new Error('cancelled');
    const error = await target.refused('restore.inspect', { restoreId: opened.restoreId, passphrase }, 'VAULT_LOCKED');
    expect(error.message).toContain('Unlock it first');
  });
});
