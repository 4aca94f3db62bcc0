import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { channelAccess, channelNames, type Channel } from '../../../shared/contract';
import { plainDataProblem } from '../../../electron/core/plain-data';
import { useTempDirs } from '../../support/temp-dir';
import { addAccount, call, refused, setUpVault, useCores } from '../vault/core-harness';

/**
 * The rules every channel follows, enforced once in the dispatcher: which
 * channels need the vault unlocked (shared/contract/access.ts), what a
 * payload may be (plain JSON-shaped data, well-formed text), and which
 * settings the renderer may never set.
 */
const tempDir = useTempDirs('keyholder-access-');
const openCore = useCores();

async function lockedVault() {
  const harness = openCore(tempDir());
  await setUpVault(harness.core);
  const account = await addAccount(harness.core, '@stmarysnews');
  await call(harness.core, 'vault.lock', {});
  return { ...harness, account };
}

const needsKey = channelNames.filter((c) => channelAccess[c] === 'write' || channelAccess[c] === 'unlocked');

describe('the access table', () => {
  it('names every channel, and the exports that leaked while locked now need the key', () => {
    expect(Object.keys(channelAccess).sort()).toEqual([...channelNames].sort());
    for (const channel of ['handover.exportPdf', 'rotations.exportRecord', 'calendar.exportCsv'] as Channel[]) {
      expect(channelAccess[channel]).toBe('write');
    }
  });

  it('refuses every channel that needs the key while the vault is locked, whatever the payload, and writes nothing', async () => {
    const { core, dataDir, platform } = await lockedVault();
    // The database and its write-ahead log: in WAL mode a write lands in the log first.
    const files = () => ['keyholder.db', 'keyholder.db-wal'].map((name) => readFileSync(join(dataDir, name)));
    const before = files();
    for (const channel of needsKey) {
      for (const payload of [{}, { accountId: 1, id: 1 }, null]) {
        const error = await refused(core, channel, payload, 'VAULT_LOCKED');
        expect(error.message, channel).toMatch(/locked/);
      }
    }
    expect(platform.dialogs).toEqual([]);
    expect(files()).toEqual(before);
  });

  it('still reads the register while locked', async () => {
    const { core, account } = await lockedVault();
    expect((await call(core, 'accounts.list', {})).map((a) => a.id)).toEqual([account.id]);
    expect((await call(core, 'audit.verify', {})).ok).toBe(true);
  });
});

describe('payloads', () => {
  const big = new Uint8Array(10 * 1024 * 1024);
  class Account {
    handle = '@x';
  }
  it.each([
    ['a typed array', big],
    ['a Map', new Map([['handle', '@x']])],
    ['a Date', new Date()],
    ['a class instance', new Account()],
    ['a function', () => 1],
    ['a nested typed array', { rows: [{ data: big }] }],
    ['a lone surrogate', { name: 'Anna \ud800' }],
    ['a key with a lone surrogate', { ['\udc00']: 1 }],
    ['NaN', { id: Number.NaN }],
  ])('refuses %s before any parsing', (_name, payload) => {
    expect(plainDataProblem(payload)).not.toBeNull();
  });

  it('refuses a payload nested too deeply or with too many values', () => {
    let deep: unknown = 1;
    for (let i = 0; i < 40; i += 1) deep = { deep };
    expect(plainDataProblem(deep)).toMatch(/nested too deeply/);
    expect(plainDataProblem({ rows: Array.from({ length: 60_000 }, () => 1) })).toMatch(/too large/);
  });

  it('accepts plain JSON data, including objects with no prototype', () => {
    expect(plainDataProblem({ a: [1, 'two', null, true, { b: 'é' }] })).toBeNull();
    expect(plainDataProblem(Object.assign(Object.create(null) as object, { a: 1 }))).toBeNull();
  });

  it('answers a typed-array payload with INVALID_INPUT through the dispatcher', async () => {
    const { core } = await lockedVault();
    const error = await refused(core, 'accounts.list', big, 'INVALID_INPUT');
    expect(error.message).toMatch(/not data.*Nothing was changed/);
  });
});

describe('settings the renderer cannot steer', () => {
  it('refuses the backup folder and last backup time in settings.update', async () => {
    const harness = openCore(tempDir());
    await setUpVault(harness.core);
    await refused(harness.core, 'settings.update', { backupFolder: '/tmp' }, 'INVALID_INPUT');
    await refused(harness.core, 'settings.update', { lastBackupAt: '2099-01-01T00:00:00.000Z' }, 'INVALID_INPUT');
    expect(await call(harness.core, 'settings.get', {})).toMatchObject({ backupFolder: '', lastBackupAt: null });
  });

  it('falls back to the default for an unreadable stored value, logs it, and backup status still answers', async () => {
    const dataDir = tempDir();
    const first = openCore(dataDir);
    await setUpVault(first.core);
    first.core.context.db
      .prepare("INSERT INTO settings (key, value) VALUES ('lastBackupAt', ?)")
      .run(JSON.stringify('x'.repeat(40)));
    await first.core.close();
    const again = openCore(dataDir, { store: first.store });
    await again.core.start();
    expect((await call(again.core, 'settings.get', {})).lastBackupAt).toBeNull();
    expect((await call(again.core, 'backup.status', {})).warning).toMatch(/No backup/);
    const log = readFileSync(join(dataDir, 'logs', 'keyholder.log'), 'utf8');
    expect(log).toMatch(/lastBackupAt is invalid/);
  });

  it('warns, rather than trusting it, when the last backup is dated in the future', async () => {
    const harness = openCore(tempDir());
    await setUpVault(harness.core);
    harness.core.context.db
      .prepare("INSERT INTO settings (key, value) VALUES ('lastBackupAt', ?)")
      .run(JSON.stringify('2099-01-01T00:00:00.000Z'));
    expect((await call(harness.core, 'backup.status', {})).warning).toMatch(/later than this computer's clock/);
  });
});
