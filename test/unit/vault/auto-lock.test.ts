import { afterEach, describe, expect, it, vi } from 'vitest';
import { writeSettings } from '../../../electron/settings/settings-store';
import { useTempDirs } from '../../support/temp-dir';
import { addAccount, call, setUpVault, useCores } from './core-harness';

/**
 * Locking on idle, on the OS lock and by hand, and clearing the clipboard:
 * only ever when it still holds the value Keyholder put there.
 */
const tempDir = useTempDirs('keyholder-autolock-');
const openCore = useCores();
afterEach(() => {
  vi.useRealTimers();
});

const password = 'Badger%Amber-7364-Cobble';

/** An unlocked vault with one account whose password is set. */
async function unlockedVault() {
  const harness = openCore(tempDir());
  await setUpVault(harness.core);
  const account = await addAccount(harness.core, '@stmarysnews');
  await call(harness.core, 'secrets.set', {
    accountId: account.id,
    field: 'password',
    value: password,
    source: 'typed',
    reason: 'Set up',
  });
  return { ...harness, accountId: account.id };
}

describe('auto-lock on idle', () => {
  it('does nothing below lockAfterMinutes of idle time and locks with reason idle at it', async () => {
    const { core, platform } = await unlockedVault();
    const settings = await call(core, 'settings.get', {});
    expect(settings.lockAfterMinutes).toBe(5);

    platform.idleSeconds = 5 * 60 - 1;
    core.tick();
    expect((await call(core, 'vault.status', {})).state).toBe('unlocked');
    expect(platform.events).toEqual([]);
    expect(await call(core, 'audit.list', { action: 'vault.locked' })).toEqual([]);

    platform.idleSeconds = 5 * 60;
    core.tick();
    const status = await call(core, 'vault.status', {});
    expect(status).toMatchObject({ state: 'locked', reason: 'idle' });
    expect(status.message).toMatch(/period without use/);
    expect(platform.events).toEqual(['vault.locked']);
    const locked = await call(core, 'audit.list', { action: 'vault.locked' });
    expect(locked.map((entry) => entry.details)).toEqual([{ reason: 'idle' }]);

    // Already locked: later ticks neither lock again nor emit again.
    platform.idleSeconds = 3600;
    core.tick();
    expect(platform.events).toEqual(['vault.locked']);
  });

  it('uses the lockAfterMinutes setting', async () => {
    const { core, platform } = await unlockedVault();
    writeSettings(core.context.db, { lockAfterMinutes: 2 });
    platform.idleSeconds = 119;
    core.tick();
    expect(core.vault.isUnlocked()).toBe(true);
    platform.idleSeconds = 121;
    core.tick();
    expect(core.vault.status().reason).toBe('idle');
  });

  it('clears the clipboard on lock if it still holds the copied secret', async () => {
    const { core, platform, accountId } = await unlockedVault();
    await call(core, 'secrets.copy', { accountId, field: 'password' });
    expect(platform.clipboard).toBe(password);
    platform.idleSeconds = 600;
    core.tick();
    expect(platform.clipboard).toBe('');
  });

  it('leaves the clipboard alone on lock if the person copied something else', async () => {
    const { core, platform, accountId } = await unlockedVault();
    await call(core, 'secrets.copy', { accountId, field: 'password' });
    platform.clipboard = 'Sports day: Friday 2pm';
    platform.idleSeconds = 600;
    core.tick();
    expect(core.vault.isUnlocked()).toBe(false);
    expect(platform.clipboard).toBe('Sports day: Friday 2pm');
  });
});

describe('other ways to lock', () => {
  it('locks with os-lock when the computer locks or sleeps', async () => {
    const { core, platform, accountId } = await unlockedVault();
    await call(core, 'secrets.copy', { accountId, field: 'password' });
    core.osLocked();
    expect((await call(core, 'vault.status', {})).reason).toBe('os-lock');
    expect(platform.events).toEqual(['vault.locked']);
    expect(platform.clipboard).toBe('');
  });

  it('locks with reason manual through vault.lock, and refuses secrets afterwards', async () => {
    const { core, platform, accountId } = await unlockedVault();
    await call(core, 'secrets.copy', { accountId, field: 'password' });
    const status = await call(core, 'vault.lock', {});
    expect(status).toMatchObject({ state: 'locked', reason: 'manual' });
    expect(platform.events).toEqual(['vault.locked']);
    expect(platform.clipboard).toBe('');
    const reveal = await core.dispatch('secrets.reveal', { accountId, field: 'password' });
    expect(reveal).toMatchObject({ ok: false, error: { code: 'VAULT_LOCKED' } });
  });
});

describe('clearing the clipboard after clipboardSeconds', () => {
  it('clears our value once the time is up, not before', async () => {
    const { core, platform, accountId } = await unlockedVault();
    vi.useFakeTimers();
    const { clearAfterSeconds } = await call(core, 'secrets.copy', { accountId, field: 'password' });
    expect(clearAfterSeconds).toBe(30);
    vi.advanceTimersByTime(clearAfterSeconds * 1000 - 1);
    expect(platform.clipboard).toBe(password);
    vi.advanceTimersByTime(1);
    expect(platform.clipboard).toBe('');
    expect(core.vault.isUnlocked()).toBe(true);
  });

  it('leaves the clipboard alone if it no longer holds our value', async () => {
    const { core, platform, accountId } = await unlockedVault();
    vi.useFakeTimers();
    await call(core, 'secrets.copy', { accountId, field: 'password' });
    vi.advanceTimersByTime(10_000);
    platform.clipboard = 'Minutes of the governors meeting';
    vi.advanceTimersByTime(30_000);
    expect(platform.clipboard).toBe('Minutes of the governors meeting');
  });

  it('uses the clipboardSeconds setting and restarts the wait on a second copy', async () => {
    const { core, platform, accountId } = await unlockedVault();
    writeSettings(core.context.db, { clipboardSeconds: 10 });
    vi.useFakeTimers();
    expect((await call(core, 'secrets.copy', { accountId, field: 'password' })).clearAfterSeconds).toBe(10);
    vi.advanceTimersByTime(8_000);
    await call(core, 'secrets.copy', { accountId, field: 'password' });
    vi.advanceTimersByTime(8_000);
    expect(platform.clipboard).toBe(password);
    vi.advanceTimersByTime(2_000);
    expect(platform.clipboard).toBe('');
  });

  it('clears our value when the core closes', async () => {
    const { core, platform, accountId } = await unlockedVault();
    await call(core, 'secrets.copy', { accountId, field: 'password' });
    core.close();
    expect(platform.clipboard).toBe('');
  });
});
