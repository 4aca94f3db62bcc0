import { useState } from 'react';
import { useVault } from '../vault/VaultProvider';

/** Shown while the vault is locked: why, what to do, and the Unlock button. */
export function LockBanner() {
  const { status, unlock } = useVault();
  const [busy, setBusy] = useState(false);
  if (!status || status.state !== 'locked') return null;
  return (
    <section className="lock-banner" role="status" aria-labelledby="lock-title" data-reason={status.reason ?? ''}>
      <div>
        <h2 id="lock-title">The vault is locked</h2>
        <p>{status.message}</p>
        <p className="hint">You can still look through the register; passwords stay hidden until you unlock.</p>
      </div>
      <button
        type="button"
        className="primary"
        disabled={busy}
        onClick={() => {
          setBusy(true);
          unlock().finally(() => setBusy(false));
        }}
      >
        {busy ? 'Unlocking…' : 'Unlock'}
      </button>
    </section>
  );
}
