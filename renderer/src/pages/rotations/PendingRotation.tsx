import { useEffect, useState, type ReactNode } from 'react';
import type { RotationDetail } from '../../../../shared/contract';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { SavedNotice } from '../../components/SavedNotice';
import { useMutate } from '../../data/queries';
import { useVault } from '../../vault/VaultProvider';

/**
 * A rotation under way: the steps to follow on the platform, the new
 * password (reveal/copy), Confirm and Abandon; after confirming, the holders
 * to tell with a checkbox for how each was told. Every change refreshes the
 * rotation through the query cache; `onConfirmed` and `onAbandoned` only
 * move a walk-through (Rotate all due) along.
 */
export function PendingRotation({
  detail,
  onConfirmed,
  onAbandoned,
}: {
  detail: RotationDetail;
  onConfirmed?: () => void;
  onAbandoned?: () => void;
}) {
  const confirm = useMutate('rotations.confirm');
  const abandon = useMutate('rotations.abandon', { handled: true });
  const [abandoning, setAbandoning] = useState(false);
  if (detail.status === 'confirmed') return <TellHolders detail={detail} />;
  const busy = confirm.isPending || abandon.isPending;
  return (
    <div className="rotation-pending" role="group" aria-labelledby="pending-title">
      <h3 id="pending-title">Password change under way</h3>
      <ol className="steps">
        {detail.steps.map((step) => (
          <li key={step}>{step}</li>
        ))}
      </ol>
      <NewPassword detail={detail}>
        <button
          type="button"
          className="primary"
          disabled={busy}
          onClick={() => confirm.mutate({ rotationId: detail.rotationId }, { onSuccess: onConfirmed })}
        >
          Confirm the change
        </button>
        <button type="button" disabled={busy} onClick={() => setAbandoning(true)}>
          Abandon
        </button>
      </NewPassword>
      <ConfirmDialog
        title="Abandon this password change?"
        isOpen={abandoning}
        confirmLabel="Abandon the change"
        onCancel={() => setAbandoning(false)}
        onConfirm={async () => {
          await abandon.mutateAsync({ rotationId: detail.rotationId, note: 'Abandoned from the account page' });
          setAbandoning(false);
          onAbandoned?.();
        }}
      >
        <p>
          The new password is thrown away and the old one stays stored. Only do this if the password was not changed on
          the platform; if it was, confirm the change instead, or the stored password will be wrong.
        </p>
      </ConfirmDialog>
    </div>
  );
}

/**
 * The new password: revealed for 30 seconds (and hidden at once when the
 * vault locks), or copied; the revealed value is kept only here, never in
 * the query cache.
 */
function NewPassword({ detail, children }: { detail: RotationDetail; children: ReactNode }) {
  const { lockEpoch } = useVault();
  const openProfile = useMutate('accounts.openProfile');
  const reveal = useMutate('secrets.reveal', { forget: true });
  const copy = useMutate('secrets.copy');
  const [shown, setShown] = useState<{ value: string; epoch: number } | null>(null);
  const revealed = shown && shown.epoch === lockEpoch ? shown.value : null;
  useEffect(() => {
    if (!shown) return;
    const timer = setTimeout(() => setShown(null), 30_000);
    return () => clearTimeout(timer);
  }, [shown]);
  const show = async () => {
    const result = await reveal
      .mutateAsync({ accountId: detail.accountId, field: 'pendingPassword' })
      .catch(() => null);
    reveal.reset();
    if (result) setShown({ value: result.value, epoch: lockEpoch });
  };
  return (
    <>
      {revealed ? (
        <p className="revealed">
          New password: <code data-testid="pending-password">{revealed}</code>
        </p>
      ) : null}
      <div className="actions">
        {detail.profileUrl ? (
          <button type="button" onClick={() => openProfile.mutate({ id: detail.accountId })}>
            Open profile in browser
          </button>
        ) : null}
        <button type="button" onClick={() => (revealed ? setShown(null) : void show())}>
          {revealed ? 'Hide new password' : 'Reveal new password'}
        </button>
        <button type="button" onClick={() => copy.mutate({ accountId: detail.accountId, field: 'pendingPassword' })}>
          Copy new password
        </button>
        {children}
      </div>
      <SavedNotice
        message={`New password copied. The clipboard will be cleared in ${copy.data?.clearAfterSeconds} seconds.`}
        token={copy.data ?? null}
      />
    </>
  );
}

/** After confirming: who to tell, and how each was told (saved at once, then locked). */
function TellHolders({ detail }: { detail: RotationDetail }) {
  const markTold = useMutate('rotations.markTold');
  return (
    <div className="rotation-done" role="group" aria-labelledby="tell-title">
      <h3 id="tell-title">Password changed. Tell the named holders</h3>
      {detail.holdersToTell.length === 0 ? <p className="hint">Nobody else holds this password.</p> : null}
      <ul className="checklist">
        {detail.holdersToTell.map((h) => (
          <li key={h.personId}>
            <span>{h.name}</span>
            {(['in-person', 'secure-channel'] as const).map((channel) => (
              <label key={channel} className="inline">
                <input
                  type="checkbox"
                  checked={h.told?.channel === channel}
                  disabled={h.told?.channel === channel}
                  onChange={() => markTold.mutate({ rotationId: detail.rotationId, personId: h.personId, channel })}
                />{' '}
                {channel === 'in-person' ? 'Told in person' : "Told via the school's secure channel"}
              </label>
            ))}
          </li>
        ))}
      </ul>
    </div>
  );
}
