import { useMutation } from '@tanstack/react-query';
import { useVault } from '../vault/VaultProvider';

/** Shown while the vault is locked: why, what to do, and the Unlock button. */
export function LockBanner() {
  const { status, unlock } = useVault();
  // Unlocking goes through the vault (it also refreshes every cached answer); this only tracks it for the button.
  const unlocking = useMutation({ mutationFn: unlock });
  if (!status || status.state !== 'locked') return null;
  return (
    <section className="lock-banner" role="status" aria-labelledby="lock-title" data-reason={status.reason ?? ''}>
      <div>
        <h2 id="lock-title">The vault is locked</h2>
        <p>{status.message}</p>
        <p className="hint">You can still look through the register; passwords stay hidden until you unlock.</p>
      </div>
      <button type="button" className="primary" disabled={unlocking.isPending} onClick={() => unlocking.mutate()}>
        {unlocking.isPending ? 'Unlocking…' : 'Unlock'}
      </button>
    </section>
  );
}
