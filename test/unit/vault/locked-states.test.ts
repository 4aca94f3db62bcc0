import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { SecretStore } from '../../../electron/core/platform';
import { createMemoryStore } from '../../../electron/vault/keytar-store';
import { buildCrashChild, removeCrashChild } from '../../support/crash-child';
import { useTempDirs } from '../../support/temp-dir';
import { addAccount, call, refused, setUpVault, sha256File, useCores } from './core-harness';

/**
 * A vault whose key cannot be had stays locked with a reason and a fix, keeps
 * the register viewable, refuses every change, and leaves the database file
 * exactly as it was.
 */
const tempDir = useTempDirs('keyholder-locked-');
const openCore = useCores();
const repoRoot = fileURLToPath(new URL('../../..', import.meta.url));
const password = 'Lynx@Saffron-5127-Quarry';

/** A vault with one account and a password, closed (and so checkpointed) again. */
async function closedVault(store: ReturnType<typeof createMemoryStore>) {
  const dataDir = tempDir();
  const { core } = openCore(dataDir, { store });
  await setUpVault(core);
  const account = await addAccount(core, '@stmarysnews');
  await call(core, 'secrets.set', {
    accountId: account.id,
    field: 'password',
    value: password,
    source: 'typed',
    reason: 'Set up',
  });
  const vaultId = (core.context.db.prepare('SELECT id FROM vault').get() as { id: string }).id;
  core.close();
  const dbPath = join(dataDir, 'keyholder.db');
  expect(existsSync(`${dbPath}-wal`)).toBe(false);
  return { dataDir, dbPath, hash: sha256File(dbPath), accountId: account.id, entry: `Keyholder/${vaultId}` };
}

/** The database may only be read while the key is wrong: no new bytes anywhere. */
function expectUnchanged(dbPath: string, hash: string): void {
  expect(sha256File(dbPath)).toBe(hash);
  if (existsSync(`${dbPath}-wal`)) expect(statSync(`${dbPath}-wal`).size).toBe(0);
}

/** Reopens the vault, checks it is locked for `reason`, and tries what a locked vault must refuse. */
async function reopenLocked(dataDir: string, store: SecretStore, accountId: number, reason: string) {
  const harness = openCore(dataDir, { store });
  await harness.core.start();
  const status = await call(harness.core, 'vault.status', {});
  expect(status).toMatchObject({ state: 'locked', reason, schoolName: "St Mary's Primary School" });
  await refused(harness.core, 'secrets.reveal', { accountId, field: 'password' }, 'VAULT_LOCKED');
  await refused(harness.core, 'secrets.copy', { accountId, field: 'password' }, 'VAULT_LOCKED');
  const accounts = await call(harness.core, 'accounts.list', {});
  expect(accounts.map((account) => account.handle)).toEqual(['@stmarysnews']);
  await refused(harness.core, 'accounts.create', { platform: 'x', handle: '@another' }, 'VAULT_LOCKED');
  await refused(harness.core, 'settings.update', { maxHolders: 4 }, 'VAULT_LOCKED');
  const secret = { accountId, field: 'password', value: 'Moth+Violet-8812-Canyon', source: 'typed', reason: 'x' };
  await refused(harness.core, 'secrets.set', secret, 'VAULT_LOCKED');
  expect(harness.platform.clipboard).toBe('');
  return { ...harness, status };
}

describe('a vault whose key is wrong or missing', () => {
  it('locks with key-mismatch when the keychain holds another key, and changes nothing', async () => {
    const store = createMemoryStore();
    const vault = await closedVault(store);
    store.entries.set(vault.entry, randomBytes(32).toString('base64'));

    const { core, status } = await reopenLocked(vault.dataDir, store, vault.accountId, 'key-mismatch');
    expect(status.message).toMatch(/backup/i);
    core.close();
    expectUnchanged(vault.dbPath, vault.hash);
  });

  it('treats a key of the wrong length as a mismatch', async () => {
    const store = createMemoryStore();
    const vault = await closedVault(store);
    store.entries.set(vault.entry, randomBytes(16).toString('base64'));
    const { core } = await reopenLocked(vault.dataDir, store, vault.accountId, 'key-mismatch');
    core.close();
    expectUnchanged(vault.dbPath, vault.hash);
  });

  it('locks with key-missing when the keychain has no key, and changes nothing', async () => {
    const store = createMemoryStore();
    const vault = await closedVault(store);
    store.entries.delete(vault.entry);

    const { core, status } = await reopenLocked(vault.dataDir, store, vault.accountId, 'key-missing');
    expect(status.message).toMatch(/not in this computer keychain/);
    expect(store.entries.size).toBe(0);
    core.close();
    expectUnchanged(vault.dbPath, vault.hash);
  });

  it('unlocks with vault.unlock once the right key is back, and audits it', async () => {
    const store = createMemoryStore();
    const vault = await closedVault(store);
    const rightKey = store.entries.get(vault.entry) ?? '';
    store.entries.set(vault.entry, randomBytes(32).toString('base64'));
    const { core } = await reopenLocked(vault.dataDir, store, vault.accountId, 'key-mismatch');
    const unlocksBefore = await call(core, 'audit.list', { action: 'vault.unlocked' });
    expect((await call(core, 'vault.unlock', {})).reason).toBe('key-mismatch');

    store.entries.set(vault.entry, rightKey);
    const status = await call(core, 'vault.unlock', {});
    expect(status).toMatchObject({ state: 'unlocked', reason: null, message: null });
    const unlocks = await call(core, 'audit.list', { action: 'vault.unlocked' });
    expect(unlocks).toHaveLength(unlocksBefore.length + 1);
    expect(unlocks[0]?.actor).toBe('Ms Priya Okafor');
    expect((await call(core, 'secrets.reveal', { accountId: vault.accountId, field: 'password' })).value).toBe(
      password,
    );
  });
});

describe('a locked keychain', () => {
  it('is told apart from a missing key: it says the key is still there, and does not point to a backup', async () => {
    const store = createMemoryStore();
    const vault = await closedVault(store);
    store.locked = true; // as a locked Secret Service: reads say "nothing here", writes are refused
    const { core, status } = await reopenLocked(vault.dataDir, store, vault.accountId, 'keychain-locked');
    expect(status.message).toMatch(/keychain is locked.*vault key is still there/);
    expect(status.message).not.toMatch(/backup/i);
    core.close();
    expectUnchanged(vault.dbPath, vault.hash);
    store.locked = false;
    expect(store.entries.has(vault.entry)).toBe(true);
  });

  it('is reported as locked by the real GNOME Keyring when it is locked', { timeout: 60_000 }, async () => {
    const bundle = await buildCrashChild('test/unit/vault/locked-keyring-child.ts', 'locked-keyring-child');
    try {
      const result = spawnSync(join(repoRoot, 'scripts', 'with-keyring.sh'), [process.execPath, bundle], {
        cwd: repoRoot,
        env: { ...process.env, KEYHOLDER_IN_KEYRING: '', DATA_DIR: tempDir() },
        encoding: 'utf8',
        timeout: 45_000,
      });
      const line = result.stdout.split('\n').find((l) => l.startsWith('{'));
      expect(line, result.stderr).toBeDefined();
      const { setup, status } = JSON.parse(line!) as { setup: boolean; status: { reason: string; message: string } };
      expect(setup).toBe(true);
      expect(status).toMatchObject({ reason: 'keychain-locked' });
    } finally {
      removeCrashChild(bundle);
    }
  });

  it("names keytar's dbus-launch failure as no keychain service", async () => {
    const inner = createMemoryStore();
    const vault = await closedVault(inner);
    inner.failWith = new Error(
      'Error spawning command line “dbus-launch --autolaunch=1a2b --binary-syntax --close-stderr”: Child process exited with code 1',
    );
    const { core, status } = await reopenLocked(vault.dataDir, inner, vault.accountId, 'keychain-unavailable');
    expect(status.message).toContain('Secret Service');
    core.close();
  });
});

describe('a computer with no Secret Service', () => {
  /** What keytar really throws when there is no session bus, from a clean child process. */
  function realNoBusError(): string {
    const env = { ...process.env };
    delete env.DBUS_SESSION_BUS_ADDRESS;
    delete env.DISPLAY;
    const script =
      "require('keytar').getPassword('Keyholder','probe').then(()=>console.log('OK')).catch(e=>console.log('ERR:'+e.message))";
    const child = spawnSync(process.execPath, ['-e', script], {
      cwd: repoRoot,
      env,
      encoding: 'utf8',
      timeout: 15_000,
    });
    const output = child.stdout.trim();
    if (output.startsWith('OK')) {
      throw new Error('keytar reached a keychain without a session bus, so this machine cannot show the real error');
    }
    expect(output).toMatch(/^ERR:/);
    expect(output).toContain('D-Bus');
    return output.slice('ERR:'.length);
  }

  /** A memory store that throws `message` until it is mended. */
  function brokenStore(inner: ReturnType<typeof createMemoryStore>, message: string) {
    const state = { broken: true };
    const fail = (): never => {
      throw new Error(message);
    };
    const store: SecretStore = {
      kind: 'keychain',
      get: async (service, account) => (state.broken ? fail() : inner.get(service, account)),
      set: async (service, account, secret) => (state.broken ? fail() : inner.set(service, account, secret)),
      delete: async (service, account) => (state.broken ? fail() : inner.delete(service, account)),
    };
    return { store, mend: () => (state.broken = false) };
  }

  it('locks with keychain-unavailable, names the fix, changes nothing, then unlocks once mended', async () => {
    const message = realNoBusError();
    const inner = createMemoryStore();
    const vault = await closedVault(inner);
    const { store, mend } = brokenStore(inner, message);

    const { core, status } = await reopenLocked(vault.dataDir, store, vault.accountId, 'keychain-unavailable');
    expect(status.message).toContain('Secret Service');
    expect(status.message).toMatch(/GNOME Keyring|KWallet/);
    expect(status.message).not.toContain(message);
    core.close();
    expectUnchanged(vault.dbPath, vault.hash);

    // Once the keychain answers again, Unlock works (and, being audited, does change the file).
    const mended = openCore(vault.dataDir, { store });
    await mended.core.start();
    expect((await call(mended.core, 'vault.status', {})).reason).toBe('keychain-unavailable');
    mend();
    expect((await call(mended.core, 'vault.unlock', {})).state).toBe('unlocked');
    mended.core.close();
    expect(sha256File(vault.dbPath)).not.toBe(vault.hash);
  });

  it('refuses vault.setup with KEYCHAIN_UNAVAILABLE and writes no vault row', async () => {
    const message = realNoBusError();
    const { core } = openCore(tempDir(), { store: brokenStore(createMemoryStore(), message).store });
    const error = await refused(
      core,
      'vault.setup',
      { schoolName: 'St Anne', administratorName: 'Mr Jones' },
      'KEYCHAIN_UNAVAILABLE',
    );
    expect(error.message).toMatch(/could not be set up/);
    expect(error.message).toContain('Secret Service');
    expect(core.context.db.prepare('SELECT COUNT(*) AS n FROM vault').get()).toEqual({ n: 0 });
    expect(core.context.db.prepare('SELECT COUNT(*) AS n FROM audit_log').get()).toEqual({ n: 0 });
    expect((await call(core, 'vault.status', {})).state).toBe('setup-required');
  });
});
