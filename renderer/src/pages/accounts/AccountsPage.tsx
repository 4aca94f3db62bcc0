import { useMemo, useState } from 'react';
import { stateCounts } from '../../../../shared/policy/account-status';
import { StateCountsLine } from '../../components/AccountState';
import { AsyncContent } from '../../components/AsyncContent';
import { useChannel } from '../../data/queries';
import { useRoute } from '../../hooks/use-route';
import { useVault } from '../../vault/VaultProvider';
import { AddAccountDialog } from './AddAccountDialog';
import type { RegisterRow } from './register-columns';
import { RegisterTable } from './RegisterTable';
import { RegisterTransfer } from './RegisterTransfer';

/** The account register: every school account, its status first, then its lead, holders and password. */
export function AccountsPage() {
  const { status } = useVault();
  const { navigate } = useRoute();
  const [adding, setAdding] = useState(false);
  // Slim rows with each account's state: the register needs nothing else (issue 17).
  const accounts = useChannel('accounts.list', {});
  const unlocked = status?.state === 'unlocked';
  const open = (id: number) => navigate(`/accounts/${id}`);

  return (
    <section aria-labelledby="page-title" className="page page-wide">
      <div className="page-header">
        <h1 id="page-title">Accounts</h1>
        <div className="actions">
          <RegisterTransfer unlocked={unlocked} />
          <button type="button" className="primary" onClick={() => setAdding(true)} disabled={!unlocked}>
            Add account
          </button>
        </div>
      </div>
      <AsyncContent
        query={accounts}
        loading="Loading the register…"
        isEmpty={(list) => list.length === 0}
        empty={
          <div className="empty-state">
            <p>
              <strong>No accounts yet.</strong> Add each of the school&apos;s social media accounts, or import the
              spreadsheet you use today, then store each password.
            </p>
          </div>
        }
      >
        {(list) => <Register accounts={list} onOpen={open} />}
      </AsyncContent>
      <AddAccountDialog isOpen={adding} onOpenChange={setAdding} onAdded={open} />
    </section>
  );
}

/** The register's rows, each with its one state, and the counts above them. */
function Register({ accounts, onOpen }: { accounts: RegisterRow[]; onOpen: (id: number) => void }) {
  const counts = useMemo(() => stateCounts(accounts.map((a) => a.state)), [accounts]);
  return (
    <>
      <StateCountsLine counts={counts} />
      <RegisterTable accounts={accounts} onOpen={onOpen} />
    </>
  );
}
