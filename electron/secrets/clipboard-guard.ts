import { createHash } from 'node:crypto';
import type { Log } from '../core/logger';
import type { Platform } from '../core/platform';

/**
 * A copied secret is cleared from the clipboard after a while, and when the
 * vault locks or Keyholder closes, but only if the clipboard still holds it:
 * whatever the person copied since is left alone. Only a hash of the value
 * is kept to recognise it; the plaintext is dropped at once.
 */
export class ClipboardGuard {
  private timer: ReturnType<typeof setTimeout> | null = null;
  private hash: string | null = null;

  constructor(
    private readonly platform: Pick<Platform, 'writeClipboard' | 'readClipboard' | 'clearClipboard'>,
    private readonly log: Log,
  ) {}

  async copy(value: string, clearAfterSeconds: number): Promise<void> {
    await this.platform.writeClipboard(value);
    this.hash = sha256(value);
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.clearIfOurs(), clearAfterSeconds * 1000);
    this.timer.unref?.();
  }

  /**
   * Forgets our copy at once (so a later copy is never cleared by this call),
   * then clears the clipboard if it still holds that value. Never throws: a
   * clipboard the system will not read is logged, not fatal.
   */
  async clearIfOurs(): Promise<void> {
    const hash = this.hash;
    this.hash = null;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    if (!hash) return;
    try {
      if (sha256(await this.platform.readClipboard()) === hash) this.platform.clearClipboard();
    } catch (error) {
      this.log(`Could not check the clipboard: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
}

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}
