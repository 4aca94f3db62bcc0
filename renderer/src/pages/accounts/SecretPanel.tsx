import { useEffect, useState } from 'react';
import { secretFieldLabels, type Account, type SecretField } from '../../../../shared/contract';
import { ukDateTime } from '../../../../shared/time';
import { SavedNotice } from '../../components/SavedNotice';
import { useMutate } from '../../data/queries';
import { useVault } from '../../vault/VaultProvider';
import { SetSecretDialog } from './SetSecretDialog';

interface Summary {
  setAt: string;
  setBy: string;
  reason: string;
  damaged: boolean;
}

/**
 * One secret of an account: when it was set, Reveal (hidden again after the
 * timeout or when the vault locks), Copy (the main process clears the
 * clipboard later), and Set/Change.
 */
export function SecretPanel({
  account,
  field,
  summary,
}: {
  account: Account;
  field: SecretField;
  summary: Summary | null;
}) {
  const { status, lockEpoch } = useVault();
  // Revealing and copying are recorded in the audit log: through the cache, so the Audit page shows them.
  const reveal = useMutate('secrets.reveal');
  const copy = useMutate('secrets.copy');
  const [shown, setRevealed] = useState<{ value: string; secondsLeft: number; epoch: number } | null>(null);
  // A value revealed before the vault last locked is never shown again.
  const revealed = shown && shown.epoch === lockEpoch ? shown : null;
  const [notice, setNotice] = useState<{ message: string } | null>(null);
  // The epoch the dialog was opened in: a lock closes it (and drops what was typed).
  const [editingEpoch, setEditingEpoch] = useState<number | null>(null);
  const label = secretFieldLabels[field];
  const unlocked = status?.state === 'unlocked';

  useEffect(() => {
    if (!revealed) return;
    const timer = setTimeout(
      () => setRevealed((r) => (r && r.secondsLeft > 1 ? { ...r, secondsLeft: r.secondsLeft - 1 } : null)),
      1000,
    );
    return () => clearTimeout(timer);
  }, [revealed]);

  const id = `secret-${field}`;
  return (
    <div className="secret-panel" aria-labelledby={`${id}-label`} role="group">
      <div className="secret-head">
        <h3 id={`${id}-label`}>{label}</h3>
        {summary ? (
          <p className="hint">
            Set {ukDateTime(summary.setAt)} by {summary.setBy}
            {summary.reason ? ` (${summary.reason})` : ''}
          </p>
        ) : (
          <p className="hint">Not stored yet.</p>
        )}
      </div>
      {summary?.damaged ? (
        <p className="field-error" role="alert">
          The stored {label.toLowerCase()} is damaged and cannot be shown or copied. Choose &ldquo;Change{' '}
          {label.toLowerCase()}&rdquo; to store a new one. If nobody knows the current one, reset it on the platform
          first.
        </p>
      ) : null}
      {revealed ? (
        <p className="revealed">
          <code data-testid={`${id}-value`}>{revealed.value}</code>
          <span className="hint"> Hides in {revealed.secondsLeft} s</span>
        </p>
      ) : null}
      <div className="actions">
        {summary && !summary.damaged ? (
          <>
            {revealed ? (
              <button type="button" onClick={() => setRevealed(null)}>
                Hide {label.toLowerCase()}
              </button>
            ) : (
              <button
                type="button"
                disabled={!unlocked}
                onClick={() =>
                  reveal.mutate(
                    { accountId: account.id, field },
                    {
                      onSuccess: (r) =>
                        setRevealed({ value: r.value, secondsLeft: r.hideAfterSeconds, epoch: lockEpoch }),
                    },
                  )
                }
              >
                Reveal {label.toLowerCase()}
              </button>
            )}
            <button
              type="button"
              disabled={!unlocked}
              onClick={() =>
                copy.mutate(
                  { accountId: account.id, field },
                  {
                    onSuccess: (r) =>
                      setNotice({
                        message: `Copied. The clipboard will be cleared in ${r.clearAfterSeconds} seconds.`,
                      }),
                  },
                )
              }
            >
              Copy {label.toLowerCase()}
            </button>
          </>
        ) : null}
        <button
          type="button"
          className={summary ? '' : 'primary'}
          disabled={!unlocked}
          onClick={() => setEditingEpoch(lockEpoch)}
        >
          {summary ? `Change ${label.toLowerCase()}` : `Set ${label.toLowerCase()}`}
        </button>
      </div>
      <SavedNotice message={notice?.message ?? ''} token={notice} />
      <SetSecretDialog
        account={account}
        field={field}
        isOpen={editingEpoch === lockEpoch}
        onOpenChange={(open) => setEditingEpoch(open ? lockEpoch : null)}
        onSaved={() => setNotice({ message: `${label} saved.` })}
      />
    </div>
  );
}
