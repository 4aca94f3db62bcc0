import { createColumnHelper } from '@tanstack/react-table';
import { useState } from 'react';
import type { Figures } from '../../../../shared/contract';
import { engagementWords, signed } from '../../../../shared/policy/engagement';
import { ukDate } from '../../../../shared/time';
import { AsyncContent } from '../../components/AsyncContent';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { DataTable, useDataTable } from '../../components/DataTable';
import { SavedNotice } from '../../components/SavedNotice';
import { useChannel, useMutate } from '../../data/queries';
import { useVault } from '../../vault/VaultProvider';
import { FiguresDialog } from './FiguresDialog';
import { FiguresImportDialog } from './FiguresImportDialog';
import { ReportsNav } from './ReportsSection';
import { useTermChoices } from './TermDates';

interface RowActions {
  unlocked: boolean;
  edit: (f: Figures) => void;
  remove: (f: Figures) => void;
}

const periodOf = (f: Figures) => `${ukDate(f.from)} to ${ukDate(f.to)}`;
const column = createColumnHelper<Figures>();
const columns = [
  column.accessor('accountLabel', { header: 'Account' }),
  column.accessor('from', { header: 'Period', cell: (info) => periodOf(info.row.original) }),
  column.accessor('newFollowers', {
    header: 'Followers',
    cell: ({ row: { original: f } }) => `${f.followersStart} to ${f.followersEnd} (${signed(f.newFollowers)})`,
  }),
  column.display({
    id: 'engagement',
    header: 'Engagement',
    cell: ({ row: { original: f } }) => {
      const words = engagementWords[f.platform];
      return `${f.posts} ${words.posts.toLowerCase()}, ${f.shares} ${words.shares.toLowerCase()}, ${f.mentions} ${words.mentions.toLowerCase()}, ${f.likes} ${words.likes.toLowerCase()}`;
    },
  }),
  column.accessor((f) => (f.source === 'csv' ? 'Analytics import' : 'Entered by hand'), {
    id: 'source',
    header: 'Source',
  }),
  column.display({
    id: 'change',
    header: () => <span className="sr-only">Change</span>,
    cell: ({ row: { original: f }, table }) => {
      const actions = table.options.meta as RowActions;
      return (
        <div className="actions">
          <button
            type="button"
            disabled={!actions.unlocked}
            onClick={() => actions.edit(f)}
            aria-label={`Edit ${f.accountLabel} ${periodOf(f)}`}
          >
            Edit
          </button>
          <button
            type="button"
            disabled={!actions.unlocked}
            aria-label={`Delete ${f.accountLabel} ${periodOf(f)}`}
            onClick={() => actions.remove(f)}
          >
            Delete
          </button>
        </div>
      );
    },
  }),
];

/** Engagement figures per account and period, entered by hand or imported from analytics. */
export function FiguresPage() {
  const { status } = useVault();
  const unlocked = status?.state === 'unlocked';
  const figures = useChannel('figures.list', { accountId: null });
  const accounts = useChannel('accounts.list', {}).data ?? [];
  // Loaded now so that a new entry opens on the current term's dates.
  useTermChoices();
  const remove = useMutate('figures.delete', { handled: true });
  const [editing, setEditing] = useState<Figures | 'new' | null>(null);
  const [importing, setImporting] = useState(false);
  const [notice, setNotice] = useState<{ message: string } | null>(null);
  // Deleting asks first: the figures were read off the platform by hand and cannot be brought back.
  const [deleting, setDeleting] = useState<Figures | null>(null);
  const actions: RowActions = { unlocked, edit: setEditing, remove: setDeleting };
  return (
    <section aria-labelledby="page-title" className="page">
      <div className="page-header">
        <h1 id="page-title">Reports</h1>
        <div className="actions">
          <button
            type="button"
            className="primary"
            disabled={!unlocked || !accounts.length}
            onClick={() => setEditing('new')}
          >
            Enter figures
          </button>
          <button type="button" disabled={!unlocked || !accounts.length} onClick={() => setImporting(true)}>
            Import from analytics
          </button>
        </div>
      </div>
      <ReportsNav current="figures" />
      <h2>Engagement figures</h2>
      <SavedNotice message={notice?.message ?? ''} token={notice} />
      <AsyncContent
        query={figures}
        loading="Loading the figures…"
        isEmpty={(rows) => rows.length === 0}
        empty={
          <div className="empty-state">
            <p>
              No figures yet. Open each account's analytics on the platform at the end of term, then use “Enter
              figures”, or “Import from analytics” with the platform's per-post export.
            </p>
          </div>
        }
      >
        {(rows) => <FiguresTable rows={rows} actions={actions} />}
      </AsyncContent>
      {editing ? (
        <FiguresDialog
          figures={editing}
          accounts={accounts}
          onClose={() => setEditing(null)}
          onSaved={() => setNotice({ message: 'Figures saved.' })}
        />
      ) : null}
      <ConfirmDialog
        title="Delete these figures?"
        isOpen={deleting !== null}
        confirmLabel="Delete the figures"
        onCancel={() => setDeleting(null)}
        onConfirm={async () => {
          await remove.mutateAsync({ id: deleting!.id });
          setDeleting(null);
          setNotice({ message: 'Figures deleted.' });
        }}
      >
        {deleting ? (
          <p>
            The figures for {deleting.accountLabel} from {periodOf(deleting)} will be deleted, and no report will count
            them. To bring them back you would have to enter them again from the platform&apos;s analytics.
          </p>
        ) : null}
      </ConfirmDialog>
      {importing ? (
        <FiguresImportDialog
          accounts={accounts}
          onClose={() => setImporting(false)}
          onImported={() => setNotice({ message: 'Figures imported.' })}
        />
      ) : null}
    </section>
  );
}

function FiguresTable({ rows, actions }: { rows: Figures[]; actions: RowActions }) {
  const table = useDataTable({ data: rows, columns, options: { getRowId: (f) => String(f.id), meta: actions } });
  return <DataTable table={table} label="Engagement figures" height="rows" empty={<p>No figures yet.</p>} />;
}
