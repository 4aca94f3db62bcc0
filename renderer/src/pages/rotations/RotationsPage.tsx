import { useCallback, useMemo, useState } from 'react';
import type { RotationRow } from '../../../../shared/contract';
import { platformLabels } from '../../../../shared/policy/platforms';
import { useApi } from '../../api/context';
import { formatDate } from '../../format';
import { useLoad } from '../../hooks/use-load';
import { useRoute } from '../../hooks/use-route';
import { RotationRecord } from './RotationRecord';
import { policyLabel, stateBadge, stateLabels } from './rotation-labels';

const needsAction = (r: RotationRow) => r.state === 'required' || r.state === 'overdue' || r.state === 'due';

/** Every account's rotation, most urgent first, and the termly record. */
export function RotationsPage() {
  const api = useApi();
  const { navigate } = useRoute();
  const load = useCallback(() => api.rotations.list(), [api]);
  const { data } = useLoad(load);
  const [filter, setFilter] = useState<'all' | 'action' | 'pending'>('all');
  const rows = useMemo(
    () => (data ?? []).filter((r) => filter === 'all' || (filter === 'action' ? needsAction(r) : r.pending !== null)),
    [data, filter],
  );
  const due = (data ?? []).filter(needsAction);
  const count = (state: RotationRow['state']) => (data ?? []).filter((r) => r.state === state).length;

  return (
    <section aria-labelledby="page-title" className="page">
      <div className="page-header">
        <h1 id="page-title">Rotations</h1>
        <button
          type="button"
          className="primary"
          disabled={due.length === 0}
          onClick={() => navigate(`/rotations/guided`)}
        >
          Rotate all due ({due.length})
        </button>
      </div>
      <ul className="tiles" aria-label="Rotation counts">
        <li className={count('overdue') + count('required') ? 'tile danger' : 'tile ok'}>
          <span className="count">{count('overdue') + count('required')}</span> overdue or required now
        </li>
        <li className="tile">
          <span className="count">{count('due')}</span> due
        </li>
        <li className="tile">
          <span className="count">{count('due-soon')}</span> due soon
        </li>
        <li className="tile">
          <span className="count">{(data ?? []).filter((r) => r.pending).length}</span> under way
        </li>
      </ul>
      <div className="filters">
        <div className="field">
          <label htmlFor="rotation-filter">Show</label>
          <select id="rotation-filter" value={filter} onChange={(e) => setFilter(e.target.value as typeof filter)}>
            <option value="all">All accounts</option>
            <option value="action">Only those needing a change</option>
            <option value="pending">Only changes under way</option>
          </select>
        </div>
      </div>
      {data && data.length === 0 ? (
        <div className="empty-state">
          <p>No accounts to rotate yet. Add accounts and store their passwords first.</p>
        </div>
      ) : (
        <table className="data-table" aria-label="Rotations">
          <thead>
            <tr>
              <th scope="col">Account</th>
              <th scope="col">How often</th>
              <th scope="col">Last changed</th>
              <th scope="col">Due by</th>
              <th scope="col">State</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.accountId} data-state={r.state}>
                <td>
                  <a href={`#/accounts/${r.accountId}`}>{r.label}</a>{' '}
                  <span className="muted">{platformLabels[r.platform]}</span>
                </td>
                <td>{policyLabel(r.policy)}</td>
                <td>{r.lastRotatedOn ? formatDate(r.lastRotatedOn) : 'Never'}</td>
                <td>{r.dueBy ? formatDate(r.dueBy) : ''}</td>
                <td>
                  <span className={`badge ${stateBadge[r.state]}`}>{stateLabels[r.state]}</span>
                  {r.pending ? <span className="badge"> change under way</span> : null}
                  {r.state === 'required' ? <p className="hint">{r.reason}</p> : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <RotationRecord />
    </section>
  );
}
