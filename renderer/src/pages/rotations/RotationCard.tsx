import { useCallback, useState } from 'react';
import type { Account, RotationDetail, RotationRow } from '../../../../shared/contract';
import { useApi } from '../../api/context';
import { FormField } from '../../components/FormField';
import { Modal } from '../../components/Modal';
import { formatDate } from '../../format';
import { useLoad } from '../../hooks/use-load';
import { PendingRotation } from './PendingRotation';
import { policyLabel, stateBadge, stateLabels } from './rotation-labels';

type PolicyKind = RotationRow['policy']['kind'];

/** On the account page: rotation policy and state, start a change, report a threat. */
export function RotationCard({
  account,
  unlocked,
  onChanged,
  version,
}: {
  account: Account;
  unlocked: boolean;
  onChanged: () => void;
  version: number;
}) {
  const api = useApi();
  // `version` changes when anything on the account page changed (a holder removed makes a change required).
  const loadRow = useCallback(async () => {
    void version;
    const rows = await api.rotations.list();
    return rows.find((r) => r.accountId === account.id) ?? null;
  }, [api, account.id, version]);
  const { data: row } = useLoad(loadRow);
  const [detail, setDetail] = useState<RotationDetail | null>(null);
  const [dialog, setDialog] = useState<'threat' | null>(null);
  const [threat, setThreat] = useState('');
  const pendingId = row?.pending?.rotationId ?? null;
  const loadPending = useCallback(
    () => (pendingId ? api.rotations.get({ rotationId: pendingId }) : Promise.resolve(null)),
    [api, pendingId],
  );
  const pending = useLoad(loadPending).data;
  const shown = detail ?? pending;
  const changed = (next: RotationDetail | null) => {
    setDetail(next);
    onChanged();
  };
  if (!row) return null;

  const setPolicy = (kind: PolicyKind, days = 90) =>
    void api.rotations
      .setPolicy({ accountId: account.id, policy: kind === 'days' ? { kind, days } : { kind } })
      .then(onChanged);

  return (
    <section className="card" aria-labelledby="rotation-title">
      <div className="card-header">
        <h2 id="rotation-title">Password changes</h2>
        <div className="actions">
          <button
            type="button"
            className={row.state === 'required' || row.state === 'overdue' ? 'primary' : ''}
            disabled={!unlocked || !account.hasPassword || row.pending !== null}
            onClick={() =>
              void api.rotations
                .start({
                  accountId: account.id,
                  reason: row.state === 'required' ? row.reason : `${policyLabel(row.policy)} change`,
                })
                .then(changed)
            }
          >
            Change the password now
          </button>
          <button type="button" disabled={!unlocked} onClick={() => setDialog('threat')}>
            Report a security threat
          </button>
        </div>
      </div>
      <dl className="facts">
        <dt>State</dt>
        <dd>
          <span className={`badge ${stateBadge[row.state]}`}>{stateLabels[row.state]}</span>{' '}
          {row.state === 'required' ? row.reason : null}
        </dd>
        <dt>Last changed</dt>
        <dd>{row.lastRotatedOn ? formatDate(row.lastRotatedOn) : 'Never'}</dd>
        <dt>Next due</dt>
        <dd>{row.dueBy ? `by ${formatDate(row.dueBy)}` : 'Not scheduled'}</dd>
        <dt>
          <label htmlFor="rotation-policy">How often</label>
        </dt>
        <dd>
          <select
            id="rotation-policy"
            disabled={!unlocked}
            value={row.policy.kind}
            onChange={(e) => setPolicy(e.target.value as PolicyKind)}
          >
            <option value="termly">Every term (policy default)</option>
            <option value="half-termly">Every half term</option>
            <option value="days">Every 90 days</option>
            <option value="manual">Manual only</option>
          </select>
        </dd>
      </dl>
      {!account.hasPassword ? (
        <p className="hint">Store the current password first; then Keyholder can guide a change.</p>
      ) : null}
      {shown && (shown.status === 'pending' || shown.status === 'confirmed') ? (
        <PendingRotation detail={shown} onChanged={changed} />
      ) : null}
      <Modal
        title={`Report a security threat on ${account.handle}`}
        isOpen={dialog === 'threat'}
        onOpenChange={(o) => setDialog(o ? 'threat' : null)}
      >
        {(close) => (
          <form
            onSubmit={(event) => {
              event.preventDefault();
              void api.rotations.reportThreat({ accountId: account.id, reason: threat }, { handled: true }).then(() => {
                setThreat('');
                close();
                onChanged();
              });
            }}
          >
            <p>The password will be marked to change at once (north-herts policy 4).</p>
            <FormField
              id="threat-reason"
              label="What happened"
              hint="For example: phishing email clicked, suspicious sign-in, laptop lost."
            >
              <textarea
                id="threat-reason"
                aria-describedby="threat-reason-hint"
                rows={3}
                value={threat}
                onChange={(e) => setThreat(e.target.value)}
              />
            </FormField>
            <div className="actions">
              <button type="button" onClick={close}>
                Cancel
              </button>
              <button type="submit" className="primary" disabled={threat.trim() === ''}>
                Report and require a change
              </button>
            </div>
          </form>
        )}
      </Modal>
    </section>
  );
}
