import { useMemo, useState } from 'react';
import type { Account, ChannelOutput } from '../../../../shared/contract';
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
  const accounts = useChannel('accounts.list', {});
  const states = useChannel('compliance.status', {});
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
        {(list) => <Register accounts={list} states={states.data} onOpen={open} />}
      </AsyncContent>
      <AddAccountDialog isOpen={adding} onOpenChange={setAdding} onAdded={open} />
    </section>
  );
}

/** The register's rows, each with its one state, and the counts above them. */
function Register({
  accounts,
  states,
  onOpen,
}: {
  accounts: Account[];
  states: ChannelOutput<'compliance.status'> | undefined;
  onOpen: (id: number) => void;
}) {
  const rows = useMemo((): RegisterRow[] => {
    const byId = new Map(states?.accounts.map((s) => [s.accountId, s]));
    return accounts.map((a) => ({ ...a, state: byId.get(a.id) ?? null }));
  }, [accounts, states]);
  return (
    <>
      {states ? <StateCountsLine counts={states.counts} /> : null}
      <RegisterTable accounts={rows} onOpen={onOpen} />
    </>
  );
}
