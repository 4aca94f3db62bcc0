import { afterEach, describe, expect, it, vi } from 'vitest';
import { writeSettings } from '../../../electron/settings/settings-store';
import { useTempDirs } from '../../support/temp-dir';
import { addAccount, call, manualClock, setUpVault, useCores } from './core-harness';

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

/** Lets the asynchronous clipboard check that follows a lock finish. */
const settled = () => new Promise((resolve) => setImmediate(resolve));

/** An unlocked vault with one account whose password is set. */
async function unlockedVault() {
  const clock = manualClock();
  const harness = openCore(tempDir(), { clock });
  await setUpVault(harness.core);
  const account = await addAccount(harness.core, '@stmarysnews');
  await call(harness.core, 'secrets.set', {
    accountId: account.id,
    field: 'password',
    value: password,
    source: 'typed',
    reason: 'Set up',
  });
  return { ...harness, clock, accountId: account.id };
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
    await settled();
    expect(platform.clipboard).toBe('');
  });

  it('leaves the clipboard alone on lock if the person copied something else', async () => {
    const { core, platform, accountId } = await unlockedVault();
    await call(core, 'secrets.copy', { accountId, field: 'password' });
    platform.clipboard = 'Sports day: Friday 2pm';
    platform.idleSeconds = 600;
    core.tick();
    await settled();
    expect(core.vault.isUnlocked()).toBe(false);
    expect(platform.clipboard).toBe('Sports day: Friday 2pm');
  });
});

describe('auto-lock where the system reports no idle time or a locked screen', () => {
  it('locks with os-lock when the system says the screen is locked (Linux has no lock-screen event)', async () => {
    const { core, platform } = await unlockedVault();
    core.tick();
    expect(core.vault.isUnlocked()).toBe(true);
    platform.screenIsLocked = true;
    core.tick();
    expect(core.vault.status()).toMatchObject({ state: 'locked', reason: 'os-lock' });
  });

  it("uses Keyholder's own inactivity when the system cannot tell, and unlocking restarts it", async () => {
    const { core, platform, clock } = await unlockedVault();
    platform.idleSeconds = null;
    clock.advance(4 * 60_000);
    core.activity();
    clock.advance(4 * 60_000);
    core.tick();
    expect(core.vault.isUnlocked()).toBe(true);
    clock.advance(60_000);
    core.tick();
    expect(core.vault.status().reason).toBe('idle');

    await call(core, 'vault.unlock', {});
    core.tick();
    expect(core.vault.isUnlocked()).toBe(true);
  });

  it('stops believing a system idle time stuck at 0 through a whole lock period of checks', async () => {
    const { core, platform, clock } = await unlockedVault();
    platform.idleSeconds = 0;
    for (let check = 0; check < 20; check += 1) {
      core.tick();
      expect(core.vault.isUnlocked(), `check ${check}`).toBe(true);
      clock.advance(15_000); // the main process checks every 15 seconds
    }
    core.tick();
    expect(core.vault.status().reason).toBe('idle');
  });

  it('starts counting again after a gap between checks (the computer slept)', async () => {
    const { core, platform, clock } = await unlockedVault();
    platform.idleSeconds = 0;
    core.tick();
    clock.advance(6 * 60_000);
    core.tick();
    expect(core.vault.isUnlocked()).toBe(true);
  });

  it('trusts a system idle time that moves, even when the window has not been used', async () => {
    const { core, platform, clock } = await unlockedVault();
    for (let minute = 0; minute < 10; minute += 1) {
      platform.idleSeconds = minute % 2 === 0 ? 0 : 20; // working in another program
      core.tick();
      clock.advance(60_000);
    }
    expect(core.vault.isUnlocked()).toBe(true);
  });
});

describe('other ways to lock', () => {
  it('locks with os-lock when the computer locks or sleeps', async () => {
    const { core, platform, accountId } = await unlockedVault();
    await call(core, 'secrets.copy', { accountId, field: 'password' });
    core.osLocked();
    await settled();
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
    await vi.advanceTimersByTimeAsync(clearAfterSeconds * 1000 - 1);
    expect(platform.clipboard).toBe(password);
    await vi.advanceTimersByTimeAsync(1);
    expect(platform.clipboard).toBe('');
    expect(core.vault.isUnlocked()).toBe(true);
  });

  it('leaves the clipboard alone if it no longer holds our value', async () => {
    const { core, platform, accountId } = await unlockedVault();
    vi.useFakeTimers();
    await call(core, 'secrets.copy', { accountId, field: 'password' });
    await vi.advanceTimersByTimeAsync(10_000);
    platform.clipboard = 'Minutes of the governors meeting';
    await vi.advanceTimersByTimeAsync(30_000);
    expect(platform.clipboard).toBe('Minutes of the governors meeting');
  });

  it('uses the clipboardSeconds setting and restarts the wait on a second copy', async () => {
    const { core, platform, accountId } = await unlockedVault();
    writeSettings(core.context.db, { clipboardSeconds: 10 });
    vi.useFakeTimers();
    expect((await call(core, 'secrets.copy', { accountId, field: 'password' })).clearAfterSeconds).toBe(10);
    await vi.advanceTimersByTimeAsync(8_000);
    await call(core, 'secrets.copy', { accountId, field: 'password' });
    await vi.advanceTimersByTimeAsync(8_000);
    expect(platform.clipboard).toBe(password);
    await vi.advanceTimersByTimeAsync(2_000);
    expect(platform.clipboard).toBe('');
  });

  it('clears our value when the core closes', async () => {
    const { core, platform, accountId } = await unlockedVault();
    await call(core, 'secrets.copy', { accountId, field: 'password' });
    await core.close();
    expect(platform.clipboard).toBe('');
  });
});
