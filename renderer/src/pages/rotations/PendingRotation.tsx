import { useEffect, useState } from 'react';
import type { RotationDetail } from '../../../../shared/contract';
import { useApi } from '../../api/context';
import { useVault } from '../../vault/VaultProvider';

/**
 * A rotation under way: the steps to follow on the platform, the new
 * password (reveal/copy), Confirm and Abandon; after confirming, the holders
 * to tell with a checkbox for how each was told.
 */
export function PendingRotation({
  detail,
  onChanged,
}: {
  detail: RotationDetail;
  onChanged: (next: RotationDetail) => void;
}) {
  const api = useApi();
  const { lockEpoch } = useVault();
  const [shown, setShown] = useState<{ value: string; epoch: number } | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const revealed = shown && shown.epoch === lockEpoch ? shown.value : null;
  useEffect(() => {
    if (!shown) return;
    const timer = setTimeout(() => setShown(null), 30_000);
    return () => clearTimeout(timer);
  }, [shown]);

  if (detail.status === 'confirmed') {
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
                    onChange={() =>
                      void api.rotations
                        .markTold({ rotationId: detail.rotationId, personId: h.personId, channel })
                        .then(onChanged)
                    }
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

  return (
    <div className="rotation-pending" role="group" aria-labelledby="pending-title">
      <h3 id="pending-title">Password change under way</h3>
      <ol className="steps">
        {detail.steps.map((step) => (
          <li key={step}>{step}</li>
        ))}
      </ol>
      {revealed ? (
        <p className="revealed">
          New password: <code data-testid="pending-password">{revealed}</code>
        </p>
      ) : null}
      <div className="actions">
        {detail.profileUrl ? (
          <button type="button" onClick={() => void api.accounts.openProfile({ id: detail.accountId })}>
            Open profile in browser
          </button>
        ) : null}
        <button
          type="button"
          onClick={() =>
            revealed
              ? setShown(null)
              : void api.secrets
                  .reveal({ accountId: detail.accountId, field: 'pendingPassword' })
                  .then((r) => setShown({ value: r.value, epoch: lockEpoch }))
          }
        >
          {revealed ? 'Hide new password' : 'Reveal new password'}
        </button>
        <button
          type="button"
          onClick={() =>
            void api.secrets
              .copy({ accountId: detail.accountId, field: 'pendingPassword' })
              .then((r) =>
                setNotice(`New password copied. The clipboard will be cleared in ${r.clearAfterSeconds} seconds.`),
              )
          }
        >
          Copy new password
        </button>
        <button
          type="button"
          className="primary"
          onClick={() => void api.rotations.confirm({ rotationId: detail.rotationId }).then(onChanged)}
        >
          Confirm the change
        </button>
        <button
          type="button"
          onClick={() =>
            void api.rotations
              .abandon({ rotationId: detail.rotationId, note: 'Abandoned from the account page' })
              .then(onChanged)
          }
        >
          Abandon
        </button>
      </div>
      {notice ? (
        <p role="status" className="notice">
          {notice}
        </p>
      ) : null}
    </div>
  );
}
