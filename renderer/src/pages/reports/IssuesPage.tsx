import { useEffect, useState } from 'react';
import type { Issue } from '../../../../shared/contract';
import { AsyncContent } from '../../components/AsyncContent';
import { SavedNotice } from '../../components/SavedNotice';
import { useChannel, useMutate } from '../../data/queries';
import { usePeople } from '../../hooks/use-people';
import { useVault } from '../../vault/VaultProvider';
import { BankHolidaysCard } from './BankHolidaysCard';
import { IssueDialog, ResolveDialog } from './IssueDialogs';
import { IssuesTable, type IssueActions } from './IssuesTable';
import { ReportsNav } from './ReportsSection';

type Filter = 'open' | 'all' | 'resolved';

/**
 * The issues and actions log: comments that needed action, when a reply is
 * due (bebington "Monitoring"), what was done, and whether it is resolved.
 */
export function IssuesPage({ openId = null }: { openId?: number | null }) {
  const { status } = useVault();
  const unlocked = status?.state === 'unlocked';
  const [filter, setFilter] = useState<Filter>('open');
  const issues = useChannel('issues.list', { status: filter });
  const accounts = useChannel('accounts.list', {}).data ?? [];
  const settings = useChannel('settings.get', {}).data;
  const { people } = usePeople();
  const reopen = useMutate('issues.reopen');
  const [editing, setEditing] = useState<Issue | 'new' | null>(null);
  const [resolving, setResolving] = useState<Issue | null>(null);
  const [notice, setNotice] = useState<{ message: string } | null>(null);
  useOpenFromAddress(openId, issues.data, setEditing);
  const actions: IssueActions = {
    unlocked,
    edit: setEditing,
    resolve: setResolving,
    reopen: (issue) => reopen.mutate({ id: issue.id }, { onSuccess: () => setNotice({ message: 'Entry reopened.' }) }),
  };

  return (
    <section aria-labelledby="page-title" className="page">
      <div className="page-header">
        <h1 id="page-title">Reports</h1>
        <button
          type="button"
          className="primary"
          disabled={!unlocked || accounts.length === 0}
          onClick={() => setEditing('new')}
        >
          Log a comment
        </button>
      </div>
      <ReportsNav current="issues" />
      <h2>Issues and actions</h2>
      <p className="hint">
        Queries and complaints need a reply within 24 hours, or by the end of the next working day when they arrive at a
        weekend or on a bank holiday.
      </p>
      <div className="filters">
        <div className="field">
          <label htmlFor="issue-filter">Show</label>
          <select id="issue-filter" value={filter} onChange={(e) => setFilter(e.target.value as Filter)}>
            <option value="open">Open entries</option>
            <option value="all">All entries</option>
            <option value="resolved">Resolved entries</option>
          </select>
        </div>
      </div>
      <SavedNotice message={notice?.message ?? ''} token={notice} />
      <AsyncContent
        query={issues}
        loading="Loading the log…"
        isEmpty={(rows) => rows.length === 0}
        empty={<NothingLogged filter={filter} noAccounts={accounts.length === 0} />}
      >
        {(rows) => <IssuesTable issues={rows} actions={actions} />}
      </AsyncContent>
      {editing ? (
        <IssueDialog
          issue={editing}
          accounts={accounts}
          people={people}
          recordedBy={settings?.administratorName ?? ''}
          onClose={() => setEditing(null)}
          onSaved={() => setNotice({ message: 'Log entry saved.' })}
        />
      ) : null}
      {resolving ? (
        <ResolveDialog
          issue={resolving}
          onClose={() => setResolving(null)}
          onSaved={() => setNotice({ message: 'Entry resolved.' })}
          onEdit={() => {
            setResolving(null);
            setEditing(resolving);
          }}
        />
      ) : null}
      {settings ? <BankHolidaysCard saved={settings.bankHolidays} unlocked={unlocked} /> : null}
    </section>
  );
}

/**
 * #/reports/issues/12 (the Dashboard's one-click fix) opens entry 12 once the
 * log has loaded, then goes back to the log's own address so closing the
 * dialog does not open it again.
 */
function useOpenFromAddress(openId: number | null, rows: Issue[] | undefined, open: (issue: Issue) => void): void {
  useEffect(() => {
    if (openId === null || !rows) return;
    const issue = rows.find((i) => i.id === openId);
    if (issue) open(issue);
    window.location.replace('#/reports/issues');
  }, [openId, rows, open]);
}

/** The log is empty (or nothing is open): what to do next. */
function NothingLogged({ filter, noAccounts }: { filter: Filter; noAccounts: boolean }) {
  return (
    <div className="empty-state">
      <p>
        {filter === 'open' ? 'Nothing is open. ' : 'Nothing is logged yet. '}
        {noAccounts ? (
          <>
            Add an account under <a href="#/accounts">Accounts</a> first.
          </>
        ) : (
          'Use “Log a comment” when a complaint, query or offensive comment arrives.'
        )}
      </p>
    </div>
  );
}
