import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { createCore, type Core } from '../../../electron/core/create-core';
import type { IpcResult } from '../../../shared/contract';
import { buildCrashChild, removeCrashChild, runCrashChild } from '../../support/crash-child';
import { createTestPlatform, type TestPlatform } from '../../support/test-platform';
import { createFileStore } from '../../support/file-store';
import { passphrase, revealAll, seed, type Vault } from './backup-harness';

/**
 * An interrupted restore never costs the school its vault. A child process
 * restores a backup over an existing vault and is killed with SIGKILL at each
 * step (including in the middle of copying pages into the live file) and at
 * random moments. After every kill a fresh core opens the folder as the next
 * start-up would: it must unlock, pass SQLite's integrity check and the audit
 * chain, and hold exactly the vault as it was or exactly the restored one.
 */
let root = '';
let child = '';
let template = '';
let backupFile = '';
let original = '';
let restored = '';
let copyMid = '';
let fullRunMs = 0;

function openCore(dir: string): { core: Core; platform: TestPlatform } {
  const platform = createTestPlatform();
  const core = createCore({
    dataDir: dir,
    secretStore: createFileStore(join(dir, 'keychain.json')),
    platform,
    log: () => undefined,
  });
  return { core, platform };
}

function asVault(core: Core, platform: TestPlatform): Vault {
  const call = async (channel: string, input: unknown) => {
    const result = (await core.dispatch(channel, input)) as IpcResult<never>;
    if (!result.ok) throw new Error(`${channel} was refused: ${result.error.message}`);
    return result.value;
  };
  return {
    core,
    platform,
    dataDir: '',
    store: createFileStore(''),
    call,
    refused: async () => ({ code: 'INTERNAL', message: '' }),
  };
}

/** Opens the folder as the next start-up would and describes everything a restore could change. */
async function fingerprint(dir: string): Promise<string> {
  const { core } = openCore(dir);
  try {
    await core.start();
    const status = core.vault.status();
    if (status.state === 'setup-required') return 'setup-required';
    if (status.state !== 'unlocked') return `locked: ${status.message}`;
    const db = core.context.db;
    const integrity = db.pragma('integrity_check', { simple: true });
    const audit = await core.dispatch('audit.verify', {});
    const accounts = db.prepare('SELECT id, platform, handle, status FROM accounts ORDER BY id').all();
    return JSON.stringify({
      integrity,
      audit: audit.ok && (audit.value as { ok: boolean }).ok,
      accounts,
      secrets: revealAll(core),
    });
  } finally {
    core.close();
  }
}

function prepare(name: string, empty = false): string {
  const dir = mkdtempSync(join(root, `${name.replace(/[^a-z0-9]+/gi, '-')}-`));
  if (!empty) for (const file of ['keyholder.db', 'keychain.json']) copyFileSync(join(template, file), join(dir, file));
  return dir;
}

const env = (dir: string, pause: string) => ({
  CRASH_DIR: dir,
  CRASH_BACKUP: backupFile,
  CRASH_PASSPHRASE: passphrase,
  CRASH_PAUSE: pause,
});

/** Runs the restore child, failing the run if it has not reached its kill point within 45 s. */
const runChild = (env: Record<string, string>, killWhen: (stdout: string) => boolean | number) =>
  runCrashChild(child, env, killWhen, 45_000);

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'keyholder-restore-crash-'));
  child = await buildCrashChild('test/unit/backup/restore-crash-child.ts', 'restore-crash-child');
  template = join(root, 'template');
  mkdirSync(template);
  const { core, platform } = openCore(template);
  try {
    await core.start();
    const v = asVault(core, platform);
    await v.call('vault.setup', { schoolName: "St Mary's Primary", administratorName: 'Alex Admin' });
    const ids = await seed(v);
    backupFile = join(root, 'school.khbackup');
    platform.savePaths.push(backupFile);
    await v.call('backup.create', { passphrase });
    // Changes after the backup, so the vault as it was and the restored one differ.
    const late = await v.call('accounts.create', { platform: 'tiktok', handle: '@after.backup' });
    const set = (accountId: number, value: string) =>
      v.call('secrets.set', { accountId, field: 'password', value, source: 'typed', reason: 'After the backup' });
    await set(late.id, 'Pebble#Lagoon-4471-Crane');
    await set(ids.fb, 'Marble!Orchard-9035-Finch');
    const pages = core.context.db.pragma('page_count', { simple: true }) as number;
    copyMid = `copy:${Math.max(2, Math.floor(pages / 2))}`;
  } finally {
    core.close(); // checkpoints the WAL: the database file alone holds everything
  }
  original = await fingerprint(prepare('original'));
  const dir = prepare('complete');
  const started = Date.now();
  const run = await runChild(env(dir, ''), () => false);
  fullRunMs = Date.now() - started;
  if (!run.stdout.includes('STEP closed')) throw new Error(`The full restore did not finish:\n${run.stdout}`);
  restored = await fingerprint(dir);
}, 120_000);

afterAll(() => {
  if (root) rmSync(root, { recursive: true, force: true });
  removeCrashChild(child);
});

describe('killed at each step of a restore over an existing vault', { concurrent: true, timeout: 60_000 }, () => {
  it('the two outcomes differ and are both sound, so the checks below mean something', ({ expect }) => {
    expect(original).not.toBe(restored);
    expect(JSON.parse(original)).toMatchObject({ integrity: 'ok', audit: true });
    expect(JSON.parse(restored)).toMatchObject({ integrity: 'ok', audit: true });
    expect(restored).not.toContain('@after.backup');
  });

  it.for<[string, 'original' | 'restored']>([
    ['core-created', 'original'],
    ['started', 'original'],
    ['opened', 'original'],
    ['inspected', 'original'],
    ['snapshot-written', 'original'],
    ['copy:1', 'original'],
    ['copy:mid', 'original'],
    ['committed', 'restored'],
  ])('at %s the vault is the %s one', async ([pause, expected], { expect }) => {
    const step = pause === 'copy:mid' ? copyMid : pause;
    const dir = prepare(pause);
    const run = await runChild(env(dir, step), (out) => out.includes(`STEP ${step}\n`));
    expect(run.killed).toBe(true);
    expect(run.stdout.trim().split('\n').at(-1)).toBe(`STEP ${step}`);
    expect(await fingerprint(dir)).toBe(expected === 'original' ? original : restored);
  });
});

describe('killed at random moments', { concurrent: true, timeout: 60_000 }, () => {
  it.for([1, 2, 3, 4, 5, 6])('over an existing vault, run %i', async (n, { expect }) => {
    const dir = prepare(`random-${n}`);
    const delay = Math.floor(Math.random() * fullRunMs);
    const run = await runChild(env(dir, ''), (out) => (out.includes('STEP core-created\n') ? delay : false));
    const after = await fingerprint(dir);
    expect([original, restored], `killed ${delay} ms in (killed: ${run.killed}) after:\n${run.stdout}`).toContain(
      after,
    );
  });

  it.for([1, 2, 3])('into an empty folder, run %i', async (n, { expect }) => {
    const dir = prepare(`empty-${n}`, true);
    const delay = Math.floor(Math.random() * fullRunMs);
    const run = await runChild(env(dir, ''), (out) => (out.includes('STEP core-created\n') ? delay : false));
    const after = await fingerprint(dir);
    // Nothing yet (set it up or restore again), or the whole backup: never half of it.
    expect(['setup-required', restored], `killed ${delay} ms in after:\n${run.stdout}`).toContain(after);
  });
});
