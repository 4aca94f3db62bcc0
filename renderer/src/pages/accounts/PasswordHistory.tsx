import { useCallback } from 'react';
import { useApi } from '../../api/context';
import { useLoad } from '../../hooks/use-load';
import { formatDateTime } from '../../format';

/** Previous passwords by date, who and why; never their values. */
export function PasswordHistory({ accountId }: { accountId: number }) {
  const api = useApi();
  const load = useCallback(() => api.secrets.history({ accountId }), [api, accountId]);
  const { data } = useLoad(load);
  return (
    <section className="card" aria-labelledby="history-title">
      <h2 id="history-title">Password history</h2>
      {!data || data.length === 0 ? (
        <p className="hint">
          No earlier passwords. Each change keeps the previous one (encrypted) so it cannot be reused.
        </p>
      ) : (
        <table className="data-table">
          <thead>
            <tr>
              <th scope="col">In use from</th>
              <th scope="col">Set by</th>
              <th scope="col">Replaced</th>
              <th scope="col">Replaced by</th>
              <th scope="col">Why</th>
            </tr>
          </thead>
          <tbody>
            {data.map((entry) => (
              <tr key={entry.id}>
                <td>{formatDateTime(entry.setAt)}</td>
                <td>{entry.setBy}</td>
                <td>{formatDateTime(entry.retiredAt)}</td>
                <td>{entry.retiredBy}</td>
                <td>{entry.retiredReason}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
