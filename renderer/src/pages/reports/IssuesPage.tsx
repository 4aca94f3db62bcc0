import { useCallback, useState } from 'react';
import type { Issue } from '../../../../shared/contract';
import { issueKindLabels } from '../../../../shared/policy/issue-rules';
import { useApi } from '../../api/context';
import { useLoad } from '../../hooks/use-load';
import { usePeople } from '../../hooks/use-people';
import { useVault } from '../../vault/VaultProvider';
import { BankHolidaysCard } from './BankHolidaysCard';
import { IssueDialog, ResolveDialog } from './IssueDialogs';
import { actionsSummary, londonDateTime } from './report-format';
import { ReportsNav } from './ReportsSection';

/**
 * The issues and actions log: comments that needed action, when a reply is
 * due (bebington "Monitoring"), what was done, and whether it is resolved.
 */
export function IssuesPage() {
  const api = useApi();
  const { status } = useVault();
  const unlocked = status?.state === 'unlocked';
  const [filter, setFilter] = useState<'open' | 'all' | 'resolved'>('open');
  const loadIssues = useCallback(() => api.issues.list({ status: filter }), [api, filter]);
  const loadAccounts = useCallback(() => api.accounts.list(), [api]);
  const loadSettings = useCallback(() => api.settings.get(), [api]);
  const issues = useLoad(loadIssues);
  const accounts = useLoad(loadAccounts).data ?? [];
  const settings = useLoad(loadSettings).data;
  const { people } = usePeople();
  const [editing, setEditing] = useState<Issue | null | 'new'>(null);
  const [resolving, setResolving] = useState<Issue | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const rows = issues.data ?? [];
  const reopen = (issue: Issue) =>
    void api.issues.reopen({ id: issue.id }).then(() => {
      setMessage('Entry reopened.');
      issues.reload();
    });

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
          <select id="issue-filter" value={filter} onChange={(e) => setFilter(e.target.value as typeof filter)}>
            <option value="open">Open entries</option>
            <option value="all">All entries</option>
            <option value="resolved">Resolved entries</option>
          </select>
        </div>
      </div>
      {message ? (
        <p role="status" className="notice">
          {message}
        </p>
      ) : null}
      {issues.data && rows.length === 0 ? (
        <div className="empty-state">
          <p>
            {filter === 'open' ? 'Nothing is open. ' : 'Nothing is logged yet. '}
            {accounts.length === 0 ? (
              <>
                Add an account under <a href="#/accounts">Accounts</a> first.
              </>
            ) : (
              'Use “Log a comment” when a complaint, query or offensive comment arrives.'
            )}
          </p>
        </div>
      ) : (
        <table className="data-table issues-table" aria-label="Issues and actions">
          <thead>
            <tr>
              <th scope="col">Received</th>
              <th scope="col">Account</th>
              <th scope="col">Kind</th>
              <th scope="col">Original comment</th>
              <th scope="col">Reply and actions</th>
              <th scope="col">Reply due</th>
              <th scope="col">Status</th>
              <th scope="col">
                <span className="sr-only">Change</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((issue) => (
              <tr key={issue.id} data-overdue={issue.overdue}>
                <td>{londonDateTime(issue.receivedAt)}</td>
                <td>{issue.accountLabel}</td>
                <td>{issueKindLabels[issue.kind]}</td>
                <td className="issue-comment">{issue.originalComment}</td>
                <td>
                  {issue.replySent || <span className="muted">No reply yet</span>}
                  {actionsSummary(issue) ? <div className="issue-meta">{actionsSummary(issue)}</div> : null}
                  <div className="issue-meta">Recorded by {issue.recordedBy}</div>
                </td>
                <td>
                  {londonDateTime(issue.dueAt)}
                  {issue.overdue ? <span className="badge danger">Overdue</span> : null}
                  {issue.repliedLate ? <span className="badge warn">Replied late</span> : null}
                  <div className="issue-meta">{issue.dueExplanation}</div>
                </td>
                <td>
                  <span className={issue.status === 'resolved' ? 'badge ok' : 'badge'}>
                    {issue.status === 'resolved' ? 'Resolved' : 'Open'}
                  </span>
                  {issue.resolutionNotes ? <div className="issue-meta">{issue.resolutionNotes}</div> : null}
                </td>
                <td>
                  <div className="actions">
                    <button
                      type="button"
                      disabled={!unlocked}
                      onClick={() => setEditing(issue)}
                      aria-label={`Edit the entry received ${londonDateTime(issue.receivedAt)}`}
                    >
                      Edit
                    </button>
                    {issue.status === 'open' ? (
                      <button
                        type="button"
                        disabled={!unlocked}
                        onClick={() => setResolving(issue)}
                        aria-label={`Resolve the entry received ${londonDateTime(issue.receivedAt)}`}
                      >
                        Resolve
                      </button>
                    ) : (
                      <button
                        type="button"
                        disabled={!unlocked}
                        onClick={() => reopen(issue)}
                        aria-label={`Reopen the entry received ${londonDateTime(issue.receivedAt)}`}
                      >
                        Reopen
                      </button>
                    )}
                  </div>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <IssueDialog
        key={editing === null ? 'closed' : editing === 'new' ? 'new' : editing.id}
        issue={editing === 'new' ? null : editing}
        accounts={accounts}
        people={people}
        recordedBy={settings?.administratorName ?? ''}
        isOpen={editing !== null}
        onOpenChange={(open) => !open && setEditing(null)}
        onSaved={() => {
          setMessage('Log entry saved.');
          issues.reload();
        }}
      />
      <ResolveDialog
        key={resolving?.id ?? 'none'}
        issue={resolving}
        onOpenChange={(open) => !open && setResolving(null)}
        onSaved={() => {
          setMessage('Entry resolved.');
          issues.reload();
        }}
      />
      {settings ? <BankHolidaysCard initial={settings.bankHolidays} unlocked={unlocked} /> : null}
    </section>
  );
}
