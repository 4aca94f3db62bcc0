import { useCallback } from 'react';
import type { Handover } from '../../../../shared/contract';
import { useApi } from '../../api/context';
import { formatDate } from '../../format';
import { useLoad } from '../../hooks/use-load';

export const stateText: Record<Handover['state'], string> = {
  scheduled: 'Scheduled',
  open: 'Open',
  closed: 'Complete',
};

/** Every departure recorded, open ones first. */
export function HandoverList() {
  const api = useApi();
  const load = useCallback(() => api.handover.list(), [api]);
  const { data } = useLoad(load);
  const sorted = [...(data ?? [])].sort((a, b) => Number(a.state === 'closed') - Number(b.state === 'closed'));
  return (
    <section aria-labelledby="page-title" className="page">
      <h1 id="page-title">Handover</h1>
      <p className="hint">
        To record that someone is leaving, open them under <a href="#/people">People</a> and choose &quot;Record
        departure&quot;.
      </p>
      {data && data.length === 0 ? (
        <div className="empty-state">
          <p>
            <strong>No departures recorded.</strong> When a lead or a holder leaves, record it here so their accounts
            are passed on or closed and the passwords they knew are changed.
          </p>
        </div>
      ) : (
        <table className="data-table" aria-label="Handovers">
          <thead>
            <tr>
              <th scope="col">Person</th>
              <th scope="col">Leaving on</th>
              <th scope="col">State</th>
              <th scope="col">Still to do</th>
            </tr>
          </thead>
          <tbody>
            {sorted.map((h) => (
              <tr key={h.id}>
                <td>
                  <a href={`#/handover/${h.id}`}>{h.person.name}</a>
                </td>
                <td>{formatDate(h.leavingOn)}</td>
                <td>
                  <span className={`badge ${h.state === 'closed' ? 'ok' : 'warn'}`}>{stateText[h.state]}</span>
                </td>
                <td>{h.remaining === 0 ? 'Nothing' : `${h.remaining} item${h.remaining === 1 ? '' : 's'}`}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

/** Dashboard: departures still open or scheduled, with what remains. */
export function HandoverDashboardCard() {
  const api = useApi();
  const load = useCallback(() => api.handover.list(), [api]);
  const open = (useLoad(load).data ?? []).filter((h) => h.state !== 'closed');
  if (open.length === 0) return null;
  return (
    <section className="card" aria-labelledby="handovers-title">
      <h2 id="handovers-title">Open handovers</h2>
      <ul className="breaches">
        {open.map((h) => (
          <li key={h.id}>
            <a href={`#/handover/${h.id}`}>{h.person.name}</a> {h.state === 'scheduled' ? 'leaves' : 'left'} on{' '}
            {formatDate(h.leavingOn)}: {h.remaining} item{h.remaining === 1 ? '' : 's'} still to do.
          </li>
        ))}
      </ul>
    </section>
  );
}
