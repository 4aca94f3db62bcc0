import { useCallback, useState } from 'react';
import { platformLabels } from '../../../../shared/policy/platforms';
import { useApi } from '../../api/context';
import { useLoad } from '../../hooks/use-load';
import { formatDate } from '../../format';
import { useVault } from '../../vault/VaultProvider';
import { AddAccountDialog } from './AddAccountDialog';

/** The register, simple for now: the full table with filters arrives with the register feature. */
export function AccountsPage() {
  const api = useApi();
  const { status } = useVault();
  const [adding, setAdding] = useState(false);
  const load = useCallback(() => api.accounts.list(), [api]);
  const { data: accounts, reload } = useLoad(load);
  const unlocked = status?.state === 'unlocked';

  return (
    <section aria-labelledby="page-title" className="page">
      <div className="page-header">
        <h1 id="page-title">Accounts</h1>
        <button type="button" className="primary" onClick={() => setAdding(true)} disabled={!unlocked}>
          Add account
        </button>
      </div>
      {accounts === null ? (
        <p aria-busy="true">Loading the register…</p>
      ) : accounts.length === 0 ? (
        <div className="empty-state">
          <p>
            <strong>No accounts yet.</strong> Add each of the school&apos;s social media accounts, then store its
            password.
          </p>
        </div>
      ) : (
        <table className="data-table">
          <caption className="sr-only">School social media accounts</caption>
          <thead>
            <tr>
              <th scope="col">Account</th>
              <th scope="col">Platform</th>
              <th scope="col">Status</th>
              <th scope="col">Password</th>
            </tr>
          </thead>
          <tbody>
            {accounts.map((account) => (
              <tr key={account.id}>
                <td>
                  <a href={`#/accounts/${account.id}`}>{account.handle}</a>
                  {account.displayName ? <span className="muted"> {account.displayName}</span> : null}
                </td>
                <td>{platformLabels[account.platform]}</td>
                <td>
                  <span className={`badge status-${account.status}`}>{account.status}</span>
                </td>
                <td>
                  {account.hasPassword ? (
                    `Set ${formatDate(account.passwordSetAt)}`
                  ) : (
                    <span className="badge warn">Not set</span>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <AddAccountDialog isOpen={adding} onOpenChange={setAdding} onAdded={reload} />
    </section>
  );
}
