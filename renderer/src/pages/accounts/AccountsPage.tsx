import { useCallback, useState } from 'react';
import { useApi } from '../../api/context';
import { useLoad } from '../../hooks/use-load';
import { useRoute } from '../../hooks/use-route';
import { useVault } from '../../vault/VaultProvider';
import { AddAccountDialog } from './AddAccountDialog';
import { RegisterTable } from './RegisterTable';
import { RegisterTransfer } from './RegisterTransfer';

/** The account register: every school account, its status, lead, holders and breaches. */
export function AccountsPage() {
  const api = useApi();
  const { status } = useVault();
  const { navigate } = useRoute();
  const [adding, setAdding] = useState(false);
  const load = useCallback(() => api.accounts.list(), [api]);
  const { data: accounts, reload } = useLoad(load);
  const unlocked = status?.state === 'unlocked';
  const open = (id: number) => navigate(`/accounts/${id}`);

  return (
    <section aria-labelledby="page-title" className="page page-wide">
      <div className="page-header">
        <h1 id="page-title">Accounts</h1>
        <div className="actions">
          <RegisterTransfer unlocked={unlocked} onImported={reload} />
          <button type="button" className="primary" onClick={() => setAdding(true)} disabled={!unlocked}>
            Add account
          </button>
        </div>
      </div>
      {accounts === null ? (
        <p aria-busy="true">Loading the register…</p>
      ) : accounts.length === 0 ? (
        <div className="empty-state">
          <p>
            <strong>No accounts yet.</strong> Add each of the school&apos;s social media accounts, or import the
            spreadsheet you use today, then store each password.
          </p>
        </div>
      ) : (
        <RegisterTable accounts={accounts} onOpen={open} />
      )}
      <AddAccountDialog isOpen={adding} onOpenChange={setAdding} onAdded={(id) => (reload(), open(id))} />
    </section>
  );
}
