import { useMutation } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { useVault } from '../vault/VaultProvider';
import { ErrorBanner } from './ErrorBanner';

/**
 * The whole window while the vault is locked: why, and one Unlock button.
 * Nothing of the page that was open stays behind it (no greyed buttons, no
 * "Copied…" notice, no answers read before the lock); unlocking brings the
 * same page back, read afresh.
 */
export function LockScreen({ reason, message }: { reason: string | null; message: string }) {
  const { unlock } = useVault();
  // Unlocking goes through the vault (it also refreshes every cached answer); this only tracks it for the button.
  const unlocking = useMutation({ mutationFn: unlock });
  const button = useRef<HTMLButtonElement>(null);
  useEffect(() => button.current?.focus(), []);
  return (
    <main className="lock-screen" data-reason={reason ?? ''}>
      <section className="lock-card" aria-labelledby="lock-title">
        <img src="./keyholder-mark.svg" alt="" width={48} height={48} />
        <h1 id="lock-title">The vault is locked</h1>
        <p role="status">{message}</p>
        <ErrorBanner />
        <button
          ref={button}
          type="button"
          className="primary"
          disabled={unlocking.isPending}
          onClick={() => unlocking.mutate()}
        >
          {unlocking.isPending ? 'Unlocking…' : 'Unlock'}
        </button>
      </section>
    </main>
  );
}
