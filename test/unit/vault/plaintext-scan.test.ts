import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Core } from '../../../electron/core/create-core';
import { createMemoryStore } from '../../../electron/vault/keytar-store';
import { useTempDirs } from '../../support/temp-dir';
import { addAccount, call, readTree, setUpVault, useCores } from './core-harness';

/**
 * A whole working session through the dispatcher, then every byte in the
 * data folder (database, WAL, shared memory, logs, backups) is searched for
 * every secret used, as UTF-8, UTF-16 and base64.
 */
const tempDir = useTempDirs('keyholder-scan-');
const openCore = useCores();

/** The forms a secret could take on disk. Base64 is taken at all three byte alignments. */
function forms(secret: string): Buffer[] {
  const utf8 = Buffer.from(secret, 'utf8');
  const found = [utf8, Buffer.from(secret, 'utf16le')];
  for (let shift = 0; shift < 3; shift += 1) {
    const encoded = Buffer.concat([Buffer.alloc(shift), utf8]).toString('base64');
    // Drop the groups that hold padding bytes; the middle is what any encoding of the secret contains.
    found.push(Buffer.from(encoded.slice(shift === 0 ? 0 : 4, -4), 'latin1'));
  }
  return found;
}

/** Every (file, secret) pair where the file holds the secret in some form. */
function leaks(dir: string, secrets: string[]): string[] {
  const hits: string[] = [];
  for (const { path, bytes } of readTree(dir)) {
    for (const secret of secrets) {
      if (forms(secret).some((form) => bytes.includes(form))) hits.push(`${path}: ${secret}`);
    }
  }
  return hits;
}

async function setSecret(
  core: Core,
  accountId: number,
  field: 'password' | 'recoveryCodes' | 'twoFactorNotes',
  value: string,
  source: 'typed' | 'generated' = 'typed',
) {
  await call(core, 'secrets.set', { accountId, field, value, source, reason: `Scan session: ${field}` });
}

describe('plaintext scan of the data folder', () => {
  it('finds a planted secret in each form, so a clean scan means something', () => {
    const dir = tempDir();
    const secret = 'Zebra#Quartz-9931-Lantern';
    writeFileSync(join(dir, 'utf8.bin'), Buffer.concat([Buffer.from('prefix '), Buffer.from(secret)]));
    writeFileSync(join(dir, 'utf16.bin'), Buffer.from(`xx${secret}yy`, 'utf16le'));
    for (const pad of ['', 'a', 'ab']) {
      writeFileSync(join(dir, `b64-${pad.length}.txt`), Buffer.from(`${pad}${secret} and more`).toString('base64'));
    }
    writeFileSync(join(dir, 'clean.txt'), 'nothing to see');
    expect(leaks(dir, [secret]).map((hit) => hit.slice(dir.length + 1, hit.indexOf(':')))).toEqual([
      'b64-0.txt',
      'b64-1.txt',
      'b64-2.txt',
      'utf16.bin',
      'utf8.bin',
    ]);
  });

  it('leaves no secret on disk after a full session, while open and after closing', { timeout: 60_000 }, async () => {
    const dataDir = tempDir();
    const store = createMemoryStore();
    const { core, platform } = openCore(dataDir, { store });
    await setUpVault(core);
    const news = await addAccount(core, '@stmarysnews');
    const pe = await addAccount(core, 'St Marys PE', 'facebook');
    const choir = await addAccount(core, '@stmaryschoir', 'instagram');
    const secrets: string[] = [];

    // Typed passwords: 12 for one account, so its history fills past 10.
    const words = [
      'Lantern',
      'Harbour',
      'Meadow',
      'Beacon',
      'Orchard',
      'Canyon',
      'Thistle',
      'Glacier',
      'Pebble',
      'Quarry',
      'Willow',
      'Falcon',
    ];
    for (const [index, word] of words.entries()) {
      const typed = `Zebra#Quartz-${9931 + index * 7}-${word}`;
      secrets.push(typed);
      await setSecret(core, news.id, 'password', typed);
    }
    expect(
      core.context.db.prepare('SELECT COUNT(*) AS n FROM password_history WHERE account_id = ?').get(news.id),
    ).toEqual({ n: 10 });

    // Generated passwords, twice for each of the other two accounts.
    for (const account of [pe, choir, pe, choir]) {
      const { password } = await call(core, 'vault.generatePassword', {});
      secrets.push(password);
      await setSecret(core, account.id, 'password', password, 'generated');
    }
    const extras = [
      [news.id, 'recoveryCodes', 'RC-48213-90671-Kestrel'],
      [news.id, 'twoFactorNotes', 'Authenticator on the office iPad, PIN Walrus-7730'],
      [pe.id, 'recoveryCodes', 'RC-11502-63348-Heather'],
      [choir.id, 'twoFactorNotes', 'SMS to the choir phone, backup code Mango-2214'],
    ] as const;
    for (const [accountId, field, value] of extras) {
      secrets.push(value);
      await setSecret(core, accountId, field, value);
    }

    for (const account of [news, pe, choir]) {
      expect(secrets).toContain(
        (await call(core, 'secrets.reveal', { accountId: account.id, field: 'password' })).value,
      );
    }
    expect((await call(core, 'secrets.reveal', { accountId: news.id, field: 'twoFactorNotes' })).value).toBe(
      extras[1][2],
    );
    await call(core, 'secrets.copy', { accountId: choir.id, field: 'twoFactorNotes' });
    expect(platform.clipboard).toBe(extras[3][2]);
    await call(core, 'vault.lock', {});
    expect(platform.clipboard).toBe('');
    // One unlock fails (the key is briefly missing) so the session writes to the log file too.
    const [entry, key] = [...store.entries][0] ?? ['', ''];
    store.entries.delete(entry);
    expect((await call(core, 'vault.unlock', {})).reason).toBe('key-missing');
    store.entries.set(entry, key);
    expect((await call(core, 'vault.unlock', {})).state).toBe('unlocked');
    // A refused reuse and a refused bad input take the error paths as well.
    const reuse = { accountId: news.id, field: 'password', value: secrets[5], source: 'typed', reason: 'Reuse' };
    expect((await core.dispatch('secrets.set', reuse)).ok).toBe(false);
    expect((await core.dispatch('secrets.set', { ...reuse, value: secrets[6], source: 'sneaky' })).ok).toBe(false);

    const wal = join(dataDir, 'keyholder.db-wal');
    expect(existsSync(wal) && statSync(wal).size > 0).toBe(true);
    const logFile = join(dataDir, 'logs', 'keyholder.log');
    expect(readFileSync(logFile, 'utf8')).toContain('Unlock failed: the vault key is not in the keychain');
    expect(readTree(dataDir).map(({ path }) => path)).toEqual(
      expect.arrayContaining([join(dataDir, 'keyholder.db'), wal, `${join(dataDir, 'keyholder.db')}-shm`, logFile]),
    );
    expect(leaks(dataDir, secrets)).toEqual([]);

    core.close();
    expect(existsSync(wal)).toBe(false);
    expect(readTree(dataDir).map(({ path }) => path)).toEqual(
      expect.arrayContaining([join(dataDir, 'keyholder.db'), logFile]),
    );
    expect(leaks(dataDir, secrets)).toEqual([]);
    expect(secrets).toHaveLength(20);
    expect(new Set(secrets).size).toBe(20);
  });
});
