import type { Clock, Platform } from '../core/platform';

export type AutoLockReason = 'idle' | 'os-lock';

/**
 * Decides when the vault locks itself. The computer's own idle time is the
 * measure where the system reports it, because the administrator may be
 * working in another program with Keyholder open. Two gaps are covered:
 *
 * - Linux has no `lock-screen` event, so a screen the system reports as
 *   locked locks the vault on the next check.
 * - Some desktops (Wayland sessions, remote desktops) report no idle time, or
 *   0 for ever. There the time since the last key press or mouse use in
 *   Keyholder's own window is the floor: a system reading that stayed at 0
 *   through a whole lock period of regular checks is not believed. A gap
 *   between checks (the computer slept) starts the count again.
 */
const regularCheckMs = 60_000;

export class AutoLock {
  private lastAppActivity: number;
  /** When the system idle time first read 0 in the current run of zeros. */
  private zeroSince: number | null = null;
  private lastCheck: number | null = null;

  constructor(
    private readonly clock: Clock,
    private readonly platform: Pick<Platform, 'systemIdleSeconds' | 'screenLocked'>,
  ) {
    this.lastAppActivity = clock.now().getTime();
  }

  /** The person used Keyholder's window, or unlocked the vault. */
  activity(): void {
    this.lastAppActivity = this.clock.now().getTime();
  }

  /** Why the vault should lock now, or null to leave it unlocked. */
  check(limitSeconds: number): AutoLockReason | null {
    if (this.platform.screenLocked()) return 'os-lock';
    return this.idleSeconds(limitSeconds) >= limitSeconds ? 'idle' : null;
  }

  private idleSeconds(limitSeconds: number): number {
    const now = this.clock.now().getTime();
    const appIdle = Math.max(0, (now - this.lastAppActivity) / 1000);
    const system = this.platform.systemIdleSeconds();
    if (system === null || !Number.isFinite(system)) return appIdle;
    const irregular = this.lastCheck !== null && now - this.lastCheck > regularCheckMs;
    this.lastCheck = now;
    if (system > 0 || irregular) this.zeroSince = null;
    if (system > 0) return system;
    this.zeroSince ??= now;
    const stuck = now - this.zeroSince >= limitSeconds * 1000;
    return stuck ? appIdle : 0;
  }
}
