import { createColumnHelper } from '@tanstack/react-table';
import type { HistoryEntry } from '../../../../shared/contract';
import { ukDateTime } from '../../../../shared/time';
import { AsyncContent } from '../../components/AsyncContent';
import { DataTable, useDataTable } from '../../components/DataTable';
import { useChannel } from '../../data/queries';

const column = createColumnHelper<HistoryEntry>();

const columns = [
  column.accessor('setAt', { header: 'In use from', cell: (info) => ukDateTime(info.getValue()) }),
  column.accessor('setBy', { header: 'Set by' }),
  column.accessor('retiredAt', { header: 'Replaced', cell: (info) => ukDateTime(info.getValue()) }),
  column.accessor('retiredBy', { header: 'Replaced by' }),
  column.accessor('retiredReason', { header: 'Why', enableSorting: false }),
];

const none = (
  <p className="hint">No earlier passwords. Each change keeps the previous one (encrypted) so it cannot be reused.</p>
);

/** Previous passwords by date, who and why; never their values. */
export function PasswordHistory({ accountId }: { accountId: number }) {
  const history = useChannel('secrets.history', { accountId });
  return (
    <section className="card" aria-labelledby="history-title">
      <h2 id="history-title">Password history</h2>
      <AsyncContent query={history} isEmpty={(entries) => entries.length === 0} empty={none}>
        {(entries) => <HistoryTable entries={entries} />}
      </AsyncContent>
    </section>
  );
}

function HistoryTable({ entries }: { entries: HistoryEntry[] }) {
  const table = useDataTable({ data: entries, columns });
  return <DataTable table={table} label="Earlier passwords" height="rows" empty={none} />;
}
