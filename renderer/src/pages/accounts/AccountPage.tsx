import { useRef } from 'react';
import { secretFieldSchema, type Account, type AccountState } from '../../../../shared/contract';
import { platformLabels } from '../../../../shared/policy/platforms';
import { AsyncContent } from '../../components/AsyncContent';
import { FindingList, SetupChecklist, StateBadge } from '../../components/AccountState';
import { useChannel } from '../../data/queries';
import { useFocusOnArrival } from '../../hooks/use-focus-on-arrival';
import { useVault } from '../../vault/VaultProvider';
import { AccountDetails } from './AccountDetails';
import { AppsCard } from './AppsCard';
import { RotationCard } from '../rotations/RotationCard';
import { HoldersCard } from './HoldersCard';
import { LaunchCard } from './LaunchCard';
import { PasswordHistory } from './PasswordHistory';
import { statusLabels } from './register-columns';
import { SecretPanel } from './SecretPanel';

const notFound = (
  <section className="page">
    <h1>Account not found</h1>
    <p>
      <a href="#/accounts">Back to the register</a>
    </p>
  </section>
);

/**
 * One account. Every part reads the query cache, so a change made anywhere
 * (here, an import, a departure) shows in every part without a reload.
 */
export function AccountPage({ id }: { id: number }) {
  const account = useChannel('accounts.get', { id });
  return (
    <AsyncContent query={account} loading="Loading the account…" failed={notFound}>
      {(a) => <AccountView account={a} />}
    </AsyncContent>
  );
}

function AccountView({ account: a }: { account: Account }) {
  const { status } = useVault();
  const unlocked = status?.state === 'unlocked';
  const state = useChannel('compliance.accountStatus', { accountId: a.id });
  const summary = useChannel('secrets.summary', { accountId: a.id });
  const heading = useRef<HTMLHeadingElement>(null);
  useFocusOnArrival(heading);
  return (
    <section aria-labelledby="page-title" className="page">
      <p className="breadcrumb">
        <a href="#/accounts">Accounts</a> / {a.handle}
      </p>
      <h1 id="page-title" ref={heading} tabIndex={-1}>
        {a.handle} <span className="muted">{platformLabels[a.platform]}</span>{' '}
        <span className={`badge status-${a.status}`}>{a.rejection ? 'Rejected' : statusLabels[a.status]}</span>
      </h1>
      <AsyncContent query={state} loading="Checking…">
        {(found) => <StatusCard state={found} />}
      </AsyncContent>
      <AccountDetails account={a} unlocked={unlocked} />
      <LaunchCard account={a} unlocked={unlocked} />
      <HoldersCard account={a} unlocked={unlocked} />
      <AppsCard account={a} unlocked={unlocked} />
      <section className="card" aria-labelledby="secrets-title">
        <h2 id="secrets-title">Password and recovery</h2>
        {a.rotationRequired ? (
          <p className="warn-text" role="note">
            The password must be changed: {a.rotationRequired.reason}.
          </p>
        ) : null}
        <AsyncContent query={summary} loading="Reading what is stored…">
          {(stored) =>
            secretFieldSchema.options.map((field) => (
              <SecretPanel
                key={field}
                account={a}
                field={field}
                summary={stored.find((s) => s.field === field) ?? null}
              />
            ))
          }
        </AsyncContent>
      </section>
      <RotationCard account={a} unlocked={unlocked} />
      <PasswordHistory accountId={a.id} />
    </section>
  );
}

/** The account's one state, its setting-up checklist while it is not live, and everything found. */
function StatusCard({ state }: { state: AccountState }) {
  return (
    <section className="card" aria-labelledby="compliance-title" data-testid="account-status">
      <h2 id="compliance-title">
        Status <StateBadge state={state} />
      </h2>
      <SetupChecklist state={state} />
      <FindingList state={state} />
    </section>
  );
}
