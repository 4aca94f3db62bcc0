import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditKeyIfUnlocked } from '../../../electron/audit/audit-seal';
import { buildCrashChild, removeCrashChild, runCrashChild } from '../../support/crash-child';
import { useTempDirs } from '../../support/temp-dir';
import { call, setUpVault, useCores } from '../vault/core-harness';

/**
 * One writer per vault: a second Keyholder on the same folder (another
 * window, another Windows log-in) is refused by the core itself, and even
 * two processes that get past that (a share whose locks do not work) cannot
 * fork the audit chain, because each append reads the end of the chain and
 * extends it inside one IMMEDIATE transaction.
 */
const tempDir = useTempDirs('keyholder-writer-');
const openCore = useCores();
let child = '';
beforeAll(async () => {
  child = await buildCrashChild('test/unit/db/writer-child.ts', 'writer-child');
}, 60_000);
afterAll(() => removeCrashChild(child));

const run = (env: Record<string, string>) => runCrashChild(child, env, () => false, 60_000);

describe('one Keyholder per vault', () => {
  it('refuses a second core on the same folder in this process, and allows one once the first has closed', async () => {
    const dataDir = tempDir();
    const first = openCore(dataDir);
    await setUpVault(first.core);
    expect(() => openCore(dataDir)).toThrow(/Keyholder is already open on this vault/);
    await first.core.close();
    expect(() => openCore(dataDir, { store: first.store })).not.toThrow();
  });

  it('refuses another process on the same folder while this one has it open, with a message that says so', async () => {
    const dataDir = tempDir();
    const first = openCore(dataDir);
    await setUpVault(first.core);
    const refused = await run({ MODE: 'open', DATA_DIR: dataDir });
    expect(refused.stdout).toMatch(/^refused ALREADY_OPEN .*already open on this vault/);
    await first.core.close();
    expect((await run({ MODE: 'open', DATA_DIR: dataDir })).stdout.trim()).toBe('opened');
  });

  it('never forks the chain, even with two processes past the lock appending 600 entries at once', async () => {
    const dataDir = tempDir();
    const first = openCore(dataDir);
    await setUpVault(first.core);
    const auditKey = auditKeyIfUnlocked(first.core.context.db)!.toString('hex');
    const before = (await call(first.core, 'audit.verify', {})).checked;
    await first.core.close();
    const start = String(Date.now() + 1500);
    const writers = ['1', '2'].map((writer) =>
      run({ MODE: 'append', DATA_DIR: dataDir, AUDIT_KEY: auditKey, START: start, APPENDS: '300', WRITER: writer }),
    );
    for (const result of await Promise.all(writers)) expect(result.stdout.trim()).toBe('done');
    const again = openCore(dataDir, { store: first.store });
    await again.core.start();
    const verify = await call(again.core, 'audit.verify', {});
    expect(verify).toMatchObject({ ok: true, damage: null });
    // 600 appended, plus the unlock just now.
    expect(verify.checked).toBe(before + 600 + 1);
    const writers2 = await call(again.core, 'audit.list', { action: 'secret.revealed' });
    expect(new Set(writers2.map((e) => e.actor))).toEqual(new Set(['writer 1', 'writer 2']));
  });
});
