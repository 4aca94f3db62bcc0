import { createColumnHelper } from '@tanstack/react-table';
import type { Issue } from '../../../../shared/contract';
import { issueKindLabels } from '../../../../shared/policy/issue-rules';
import { DataTable, useDataTable } from '../../components/DataTable';
import { actionsSummary, londonDateTime } from './report-format';

export interface IssueActions {
  unlocked: boolean;
  edit: (issue: Issue) => void;
  resolve: (issue: Issue) => void;
  reopen: (issue: Issue) => void;
}

const column = createColumnHelper<Issue>();
const columns = [
  column.accessor('receivedAt', { header: 'Received', cell: (info) => londonDateTime(info.getValue()) }),
  column.accessor('accountLabel', { header: 'Account' }),
  column.accessor((issue) => issueKindLabels[issue.kind], { id: 'kind', header: 'Kind' }),
  column.accessor('originalComment', {
    header: 'Original comment',
    cell: (info) => <div className="issue-comment">{info.getValue()}</div>,
  }),
  column.display({
    id: 'reply',
    header: 'Reply and actions',
    cell: ({ row: { original: issue } }) => (
      <>
        {issue.replySent || <span className="muted">No reply yet</span>}
        {actionsSummary(issue) ? <div className="issue-meta">{actionsSummary(issue)}</div> : null}
        <div className="issue-meta">Recorded by {issue.recordedBy}</div>
      </>
    ),
  }),
  column.accessor('dueAt', {
    header: 'Reply due',
    cell: ({ row: { original: issue } }) => (
      <>
        {issue.dueAt ? londonDateTime(issue.dueAt) : null}
        {issue.overdue ? <span className="badge danger">Overdue</span> : null}
        {issue.repliedLate ? <span className="badge warn">Replied late</span> : null}
        <div className="issue-meta">{issue.dueExplanation}</div>
      </>
    ),
  }),
  column.accessor('status', {
    header: 'Status',
    cell: ({ row: { original: issue } }) => (
      <>
        <span className={issue.status === 'resolved' ? 'badge ok' : 'badge'}>
          {issue.status === 'resolved' ? 'Resolved' : 'Open'}
        </span>
        {issue.resolutionNotes ? <div className="issue-meta">{issue.resolutionNotes}</div> : null}
        {issue.status === 'open' && issue.stillToDo.length > 0 ? (
          <div className="issue-meta" data-testid="issue-still-to-do">
            Before it can be resolved: {issue.stillToDo.join('; ')}.
          </div>
        ) : null}
      </>
    ),
  }),
  column.display({
    id: 'change',
    header: () => <span className="sr-only">Change</span>,
    cell: ({ row: { original: issue }, table }) => (
      <IssueButtons issue={issue} actions={table.options.meta as IssueActions} />
    ),
  }),
];

function IssueButtons({ issue, actions }: { issue: Issue; actions: IssueActions }) {
  const received = londonDateTime(issue.receivedAt);
  return (
    <div className="actions">
      <button
        type="button"
        disabled={!actions.unlocked}
        onClick={() => actions.edit(issue)}
        aria-label={`Edit the entry received ${received}`}
      >
        Edit
      </button>
      {issue.status === 'open' ? (
        <button
          type="button"
          disabled={!actions.unlocked}
          onClick={() => actions.resolve(issue)}
          aria-label={`Resolve the entry received ${received}`}
        >
          Resolve
        </button>
      ) : (
        <button
          type="button"
          disabled={!actions.unlocked}
          onClick={() => actions.reopen(issue)}
          aria-label={`Reopen the entry received ${received}`}
        >
          Reopen
        </button>
      )}
    </div>
  );
}

/** The log, newest first as the main process sends it; an overdue reply marks its row. */
export function IssuesTable({ issues, actions }: { issues: Issue[]; actions: IssueActions }) {
  const table = useDataTable({ data: issues, columns, options: { getRowId: (i) => String(i.id), meta: actions } });
  return (
    <DataTable
      table={table}
      label="Issues and actions"
      className="issues-table"
      height="rows"
      rowProps={(issue) => ({ 'data-overdue': String(issue.overdue) })}
      empty={<p>Nothing to show. Choose &quot;All entries&quot; under Show to see the whole log.</p>}
    />
  );
}
