import { createColumnHelper, type ColumnFiltersState } from '@tanstack/react-table';
import { useMemo, useState } from 'react';
import type { AuditEntry } from '../../../../shared/contract';
import { DataTable, useDataTable } from '../../components/DataTable';
import { formatDateTime } from '../../format';
import { describeAction, describeEntry } from './describe';

const column = createColumnHelper<AuditEntry>();

const columns = [
  column.accessor('at', { header: 'When', cell: (info) => formatDateTime(info.getValue()) }),
  column.accessor('actor', { header: 'Who' }),
  column.accessor('action', { header: 'What', cell: (info) => describeAction(info.getValue()), filterFn: 'equals' }),
  column.accessor((entry) => entry.targetLabel ?? '', {
    id: 'target',
    header: 'Account or person',
    filterFn: 'includesString',
  }),
  column.accessor((entry) => describeEntry(entry), {
    id: 'details',
    header: 'What happened',
    enableSorting: false,
  }),
];

export function AuditTable({ entries }: { entries: AuditEntry[] }) {
  const [filters, setFilters] = useState<ColumnFiltersState>([]);
  const table = useDataTable({
    data: entries,
    columns,
    sorting: [{ id: 'at', desc: true }],
    options: { state: { columnFilters: filters }, onColumnFiltersChange: setFilters },
  });
  const actions = useMemo(() => [...new Set(entries.map((e) => e.action))].sort(), [entries]);
  const actionFilter = (table.getColumn('action')?.getFilterValue() as string | undefined) ?? '';
  const targetFilter = (table.getColumn('target')?.getFilterValue() as string | undefined) ?? '';

  return (
    <>
      <div className="filters">
        <div className="field">
          <label htmlFor="audit-action">Action</label>
          <select
            id="audit-action"
            value={actionFilter}
            onChange={(e) => table.getColumn('action')?.setFilterValue(e.target.value || undefined)}
          >
            <option value="">All actions</option>
            {actions.map((action) => (
              <option key={action} value={action}>
                {describeAction(action)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="audit-target">Account or person</label>
          <input
            id="audit-target"
            type="search"
            value={targetFilter}
            onChange={(e) => table.getColumn('target')?.setFilterValue(e.target.value || undefined)}
          />
        </div>
      </div>
      <DataTable
        table={table}
        label="Audit entries"
        empty={<p>No audit entries match. Clear the filters to see everything.</p>}
      />
    </>
  );
}
