import { afterEach, describe, expect, it } from 'vitest';
import { keychainService } from '../../../electron/vault/vault-service';
import { createTrackedKeychain } from '../../support/keychain';
import { useTempDirs } from '../../support/temp-dir';
import { addAccount, call, readTree, setUpVault, useCores } from './core-harness';

/**
 * The vault key in the real OS keychain (GNOME Keyring through the Secret
 * Service; run under scripts/with-keyring.sh). Every entry written is
 * removed again after each test.
 */
const tempDir = useTempDirs('keyholder-keychain-');
const openCore = useCores();
const keychains: ReturnType<typeof createTrackedKeychain>[] = [];
afterEach(async () => {
  for (const keychain of keychains.splice(0)) await keychain.cleanup();
});

function trackedKeychain(): ReturnType<typeof createTrackedKeychain> {
  const keychain = createTrackedKeychain();
  keychains.push(keychain);
  return keychain;
}

function vaultIdOf(harness: ReturnType<typeof openCore>): string {
  const row = harness.core.context.db.prepare('SELECT id FROM vault').get() as { id: string } | undefined;
  if (!row) throw new Error('There is no vault row');
  return row.id;
}

describe('the vault key in the real keychain', () => {
  it('stores a 32-byte base64 key under "Keyholder" and the vault id on setup', async () => {
    const keychain = trackedKeychain();
    const harness = openCore(tempDir(), { store: keychain });
    await setUpVault(harness.core);

    expect(keychainService).toBe('Keyholder');
    const id = vaultIdOf(harness);
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    const stored = await keychain.get('Keyholder', id);
    expect(stored).not.toBeNull();
    const key = Buffer.from(stored ?? '', 'base64');
    expect(key).toHaveLength(32);
    // Canonical base64: decoding and encoding again gives the same text.
    expect(key.toString('base64')).toBe(stored);
    expect(await keychain.get('Keyholder', `${id}-other`)).toBeNull();
    expect(harness.core.context.secretStore.kind).toBe('keychain');
    expect((await call(harness.core, 'vault.status', {})).keyStore).toBe('keychain');
  });

  it('gives two vaults two different keys', async () => {
    const keychain = trackedKeychain();
    const first = openCore(tempDir(), { store: keychain });
    const second = openCore(tempDir(), { store: keychain });
    await setUpVault(first.core);
    await setUpVault(second.core);
    const firstKey = await keychain.get('Keyholder', vaultIdOf(first));
    const secondKey = await keychain.get('Keyholder', vaultIdOf(second));
    expect(vaultIdOf(first)).not.toBe(vaultIdOf(second));
    expect(firstKey).not.toBe(secondKey);
  });

  it('starts unlocked after a restart and decrypts a password set before', async () => {
    const keychain = trackedKeychain();
    const dataDir = tempDir();
    const first = openCore(dataDir, { store: keychain });
    await setUpVault(first.core);
    const account = await addAccount(first.core, '@stmarysnews');
    const password = 'Heron!Copper-4417-Meadow';
    await call(first.core, 'secrets.set', {
      accountId: account.id,
      field: 'password',
      value: password,
      source: 'typed',
      reason: 'First password',
    });
    first.core.close();

    const second = openCore(dataDir, { store: keychain });
    expect((await call(second.core, 'vault.status', {})).state).toBe('locked');
    await second.core.start();
    const status = await call(second.core, 'vault.status', {});
    expect(status).toMatchObject({ state: 'unlocked', reason: null, schoolName: "St Mary's Primary School" });
    const revealed = await call(second.core, 'secrets.reveal', { accountId: account.id, field: 'password' });
    expect(revealed.value).toBe(password);
  });

  it('never writes the key, as text or as bytes, into the data folder', async () => {
    const keychain = trackedKeychain();
    const dataDir = tempDir();
    const harness = openCore(dataDir, { store: keychain });
    await setUpVault(harness.core);
    const account = await addAccount(harness.core, '@stmaryspe');
    await call(harness.core, 'secrets.set', {
      accountId: account.id,
      field: 'password',
      value: 'Falcon?Basalt-2290-Orchard',
      source: 'typed',
      reason: 'Set up',
    });
    const encoded = (await keychain.get('Keyholder', vaultIdOf(harness))) ?? '';
    const raw = Buffer.from(encoded, 'base64');
    expect(raw).toHaveLength(32);

    const scan = (): string[] =>
      readTree(dataDir)
        .filter(({ bytes }) => bytes.includes(encoded) || bytes.includes(raw) || bytes.includes(raw.toString('hex')))
        .map(({ path }) => path);
    const whileOpen = readTree(dataDir).map(({ path }) => path);
    expect(whileOpen.some((path) => path.endsWith('keyholder.db'))).toBe(true);
    expect(scan()).toEqual([]);
    harness.core.close();
    expect(scan()).toEqual([]);
  });
});
