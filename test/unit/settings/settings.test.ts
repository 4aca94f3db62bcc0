import { describe, expect, it } from 'vitest';
import type { Core } from '../../../electron/core/create-core';
import { readSettings, writeSettings } from '../../../electron/settings/settings-store';
import { defaultSettings } from '../../../shared/policy/settings';
import { useTempDirs } from '../../support/temp-dir';
import { administrator, call, refused, school, setUpVault, useCores } from '../vault/core-harness';

/**
 * The school's settings: the DOMAIN.md policy values as defaults, partial
 * updates that are validated and audited, and a damaged stored value that
 * falls back to its default instead of stopping the app.
 */
const tempDir = useTempDirs('keyholder-settings-');
const openCore = useCores();

async function setUp() {
  const harness = openCore(tempDir());
  await setUpVault(harness.core);
  return harness;
}

function storedRows(core: Core): unknown[] {
  return core.context.db.prepare('SELECT key, value FROM settings ORDER BY key').all();
}

function auditCount(core: Core): number {
  return (core.context.db.prepare('SELECT COUNT(*) AS n FROM audit_log').get() as { n: number }).n;
}

describe('settings defaults', () => {
  it('starts from the policy values in DOMAIN.md, before and after setup', async () => {
    const { core } = openCore(tempDir());
    const before = await call(core, 'settings.get', {});
    expect(before).toMatchObject({
      maxHolders: 3,
      minRunners: 2,
      generatedPasswordLength: 20,
      minGeneratedPasswordLength: 16,
      minTypedPasswordLength: 12,
      lockAfterMinutes: 5,
      clipboardSeconds: 30,
      avoidLookAlikes: true,
      schoolName: '',
    });
    expect(before).toEqual(defaultSettings);
    expect(storedRows(core)).toEqual([]);

    await setUpVault(core);
    expect(await call(core, 'settings.get', {})).toEqual({
      ...defaultSettings,
      schoolName: school,
      administratorName: administrator,
    });
  });
});

describe('settings.update', () => {
  it('changes only the keys sent and keeps the rest, including the names from setup', async () => {
    const { core } = await setUp();
    const updated = await call(core, 'settings.update', { maxHolders: 4 });
    const expected = { ...defaultSettings, schoolName: school, administratorName: administrator, maxHolders: 4 };
    expect(updated).toEqual(expected);
    expect(await call(core, 'settings.get', {})).toEqual(expected);
    await call(core, 'settings.update', { lockAfterMinutes: 10, schoolEmailDomain: 'StMarys.Sch.UK' });
    expect(readSettings(core.context.db)).toEqual({
      ...expected,
      lockAfterMinutes: 10,
      schoolEmailDomain: 'stmarys.sch.uk',
    });
  });

  it("audits one 'settings.changed' entry listing each change from and to", async () => {
    const { core } = await setUp();
    await call(core, 'settings.update', { clipboardSeconds: 60, minRunners: 3, maxHolders: 3 });
    const entries = await call(core, 'audit.list', { action: 'settings.changed' });
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ actor: administrator, targetType: null });
    // maxHolders was sent unchanged, so it is not listed.
    expect(entries[0]?.details).toEqual({ clipboardSeconds: { from: 30, to: 60 }, minRunners: { from: 2, to: 3 } });
  });

  it('writes no audit entry when nothing actually changes', async () => {
    const { core } = await setUp();
    const before = auditCount(core);
    await call(core, 'settings.update', { maxHolders: 3, lockAfterMinutes: 5 });
    await call(core, 'settings.update', {});
    expect(auditCount(core)).toBe(before);
  });

  it.each([
    ['maxHolders 0', { maxHolders: 0 }],
    ['clipboardSeconds "x"', { clipboardSeconds: 'x' }],
    ['clipboardSeconds 301', { clipboardSeconds: 301 }],
    ['lockAfterMinutes 1.5', { lockAfterMinutes: 1.5 }],
    ['generatedPasswordLength 15', { generatedPasswordLength: 15 }],
    ['an unknown key', { colourScheme: 'purple' }],
    ['a valid key beside an unknown one', { maxHolders: 5, colourScheme: 'purple' }],
    ['a list of numbers as mailbox names', { genericMailboxNames: [1, 2] }],
  ])('refuses %s with INVALID_INPUT and changes nothing', async (_label, patch) => {
    const { core } = await setUp();
    const rows = storedRows(core);
    const entries = auditCount(core);
    const error = await refused(core, 'settings.update', patch, 'INVALID_INPUT');
    expect(error.message).toMatch(/nothing was changed/);
    expect(storedRows(core)).toEqual(rows);
    expect(auditCount(core)).toBe(entries);
  });

  it('keeps changes after the vault is closed and opened again', async () => {
    const dataDir = tempDir();
    const first = openCore(dataDir);
    await setUpVault(first.core);
    await call(first.core, 'settings.update', { avoidLookAlikes: false, minTypedPasswordLength: 14 });
    first.core.close();
    const second = openCore(dataDir);
    expect(await call(second.core, 'settings.get', {})).toMatchObject({
      avoidLookAlikes: false,
      minTypedPasswordLength: 14,
      schoolName: school,
    });
  });
});

describe('damaged stored settings', () => {
  it('falls back to the default for a value that is not JSON or not valid, and keeps the rest', async () => {
    const { core } = await setUp();
    const db = core.context.db;
    writeSettings(db, { lockAfterMinutes: 15 });
    const put = db.prepare(
      'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
    );
    put.run('maxHolders', '{not json');
    put.run('clipboardSeconds', '"thirty"');
    put.run('minRunners', '0');
    put.run('somethingOld', '"ignored"');

    const settings = await call(core, 'settings.get', {});
    expect(settings).toMatchObject({
      maxHolders: 3,
      clipboardSeconds: 30,
      minRunners: 2,
      lockAfterMinutes: 15,
      schoolName: school,
    });
    expect(settings).not.toHaveProperty('somethingOld');
    expect((await call(core, 'vault.status', {})).clipboardSeconds).toBe(30);

    // Saving a good value over the damaged one mends it.
    writeSettings(db, { maxHolders: 2 });
    expect(db.prepare("SELECT value FROM settings WHERE key = 'maxHolders'").get()).toEqual({ value: '2' });
  });
});
