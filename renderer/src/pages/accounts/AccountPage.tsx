import { useCallback, useState } from 'react';
import { secretFieldSchema } from '../../../../shared/contract';
import { platformLabels } from '../../../../shared/policy/platforms';
import { useApi } from '../../api/context';
import { BreachList } from '../../components/BreachList';
import { useLoad } from '../../hooks/use-load';
import { useVault } from '../../vault/VaultProvider';
import { AccountDetails } from './AccountDetails';
import { RotationCard } from '../rotations/RotationCard';
import { HoldersCard } from './HoldersCard';
import { PasswordHistory } from './PasswordHistory';
import { statusLabels } from './register-columns';
import { SecretPanel } from './SecretPanel';

export function AccountPage({ id }: { id: number }) {
  const api = useApi();
  const { status } = useVault();
  const unlocked = status?.state === 'unlocked';
  const [version, setVersion] = useState(0);
  const loadAccount = useCallback(() => api.accounts.get({ id }), [api, id]);
  const loadSummary = useCallback(() => api.secrets.summary({ accountId: id }), [api, id]);
  const loadBreaches = useCallback(() => api.compliance.forAccount({ accountId: id }), [api, id]);
  const account = useLoad(loadAccount);
  const summary = useLoad(loadSummary);
  const breaches = useLoad(loadBreaches);
  const refresh = () => {
    account.reload();
    summary.reload();
    breaches.reload();
    setVersion((v) => v + 1);
  };

  if (account.failed) {
    return (
      <section className="page">
        <h1>Account not found</h1>
        <p>
          <a href="#/accounts">Back to the register</a>
        </p>
      </section>
    );
  }
  const a = account.data;
  if (!a) return <p aria-busy="true">Loading the account…</p>;
  const historyKey = `${summary.data?.find((s) => s.field === 'password')?.setAt ?? 'none'}-${version}`;

  return (
    <section aria-labelledby="page-title" className="page">
      <p className="breadcrumb">
        <a href="#/accounts">Accounts</a> / {a.handle}
      </p>
      <h1 id="page-title">
        {a.handle} <span className="muted">{platformLabels[a.platform]}</span>{' '}
        <span className={`badge status-${a.status}`}>{statusLabels[a.status]}</span>
      </h1>
      <section className="card" aria-labelledby="compliance-title">
        <h2 id="compliance-title">Policy check</h2>
        {breaches.data ? <BreachList breaches={breaches.data} /> : <p aria-busy="true">Checking…</p>}
      </section>
      <AccountDetails account={a} unlocked={unlocked} onChanged={refresh} />
      <HoldersCard account={a} unlocked={unlocked} onChanged={refresh} />
      <section className="card" aria-labelledby="secrets-title">
        <h2 id="secrets-title">Password and recovery</h2>
        {a.rotationRequired ? (
          <p className="warn-text" role="note">
            The password must be changed: {a.rotationRequired.reason}.
          </p>
        ) : null}
        {secretFieldSchema.options.map((field) => (
          <SecretPanel
            key={field}
            account={a}
            field={field}
            summary={summary.data?.find((s) => s.field === field) ?? null}
            onChanged={refresh}
          />
        ))}
      </section>
      <RotationCard version={version} account={a} unlocked={unlocked} onChanged={refresh} />
      <PasswordHistory key={historyKey} accountId={a.id} />
    </section>
  );
}
