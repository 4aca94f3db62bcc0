import { useCallback } from 'react';
import { secretFieldSchema } from '../../../../shared/contract';
import { platformLabels } from '../../../../shared/policy/platforms';
import { useApi } from '../../api/context';
import { useLoad } from '../../hooks/use-load';
import { formatDateTime } from '../../format';
import { PasswordHistory } from './PasswordHistory';
import { SecretPanel } from './SecretPanel';

export function AccountPage({ id }: { id: number }) {
  const api = useApi();
  const loadAccount = useCallback(() => api.accounts.get({ id }), [api, id]);
  const loadSummary = useCallback(() => api.secrets.summary({ accountId: id }), [api, id]);
  const { data: account, failed } = useLoad(loadAccount);
  const { data: summary, reload } = useLoad(loadSummary);
  const historyKey = summary?.find((s) => s.field === 'password')?.setAt ?? 'none';

  if (failed) {
    return (
      <section className="page">
        <h1>Account not found</h1>
        <p>
          <a href="#/accounts">Back to the register</a>
        </p>
      </section>
    );
  }
  if (!account) return <p aria-busy="true">Loading the account…</p>;

  return (
    <section aria-labelledby="page-title" className="page">
      <p className="breadcrumb">
        <a href="#/accounts">Accounts</a> / {account.handle}
      </p>
      <h1 id="page-title">
        {account.handle} <span className="muted">{platformLabels[account.platform]}</span>
      </h1>
      <section className="card" aria-labelledby="details-title">
        <h2 id="details-title">Details</h2>
        <dl className="facts">
          <dt>Display name</dt>
          <dd>{account.displayName || 'Not recorded'}</dd>
          <dt>Profile link</dt>
          <dd>{account.profileUrl || 'Not recorded'}</dd>
          <dt>Login email</dt>
          <dd>{account.loginEmail || 'Not recorded'}</dd>
          <dt>Status</dt>
          <dd>{account.status}</dd>
          <dt>Last changed</dt>
          <dd>{formatDateTime(account.updatedAt)}</dd>
        </dl>
      </section>
      <section className="card" aria-labelledby="secrets-title">
        <h2 id="secrets-title">Password and recovery</h2>
        {secretFieldSchema.options.map((field) => (
          <SecretPanel
            key={field}
            account={account}
            field={field}
            summary={summary?.find((s) => s.field === field) ?? null}
            onChanged={reload}
          />
        ))}
      </section>
      <PasswordHistory key={historyKey} accountId={account.id} />
    </section>
  );
}
