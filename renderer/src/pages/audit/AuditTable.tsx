import {
  createColumnHelper,
  flexRender,
  getCoreRowModel,
  getFilteredRowModel,
  getSortedRowModel,
  useReactTable,
  type ColumnFiltersState,
  type SortingState,
} from '@tanstack/react-table';
import { useMemo, useState } from 'react';
import type { AuditEntry } from '../../../../shared/contract';
import { formatDateTime } from '../../format';
import { describeAction, describeDetails } from './describe';

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
  column.accessor((entry) => describeDetails(entry.details), {
    id: 'details',
    header: 'Details',
    enableSorting: false,
  }),
];

export function AuditTable({ entries }: { entries: AuditEntry[] }) {
  const [sorting, setSorting] = useState<SortingState>([{ id: 'at', desc: true }]);
  const [filters, setFilters] = useState<ColumnFiltersState>([]);
  const table = useReactTable({
    data: entries,
    columns,
    state: { sorting, columnFilters: filters },
    onSortingChange: setSorting,
    onColumnFiltersChange: setFilters,
    getCoreRowModel: getCoreRowModel(),
    getSortedRowModel: getSortedRowModel(),
    getFilteredRowModel: getFilteredRowModel(),
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
      {table.getRowModel().rows.length === 0 ? (
        <div className="empty-state">
          <p>No audit entries match. Clear the filters to see everything.</p>
        </div>
      ) : (
        <table className="data-table" aria-label="Audit entries">
          <thead>
            {table.getHeaderGroups().map((group) => (
              <tr key={group.id}>
                {group.headers.map((header) => {
                  const sorted = header.column.getIsSorted();
                  return (
                    <th
                      key={header.id}
                      scope="col"
                      aria-sort={sorted ? (sorted === 'asc' ? 'ascending' : 'descending') : undefined}
                    >
                      {header.column.getCanSort() ? (
                        <button type="button" className="sort" onClick={header.column.getToggleSortingHandler()}>
                          {flexRender(header.column.columnDef.header, header.getContext())}
                          {sorted ? (sorted === 'asc' ? ' ▲' : ' ▼') : ''}
                        </button>
                      ) : (
                        flexRender(header.column.columnDef.header, header.getContext())
                      )}
                    </th>
                  );
                })}
              </tr>
            ))}
          </thead>
          <tbody>
            {table.getRowModel().rows.map((row) => (
              <tr key={row.id} data-action={row.original.action}>
                {row.getVisibleCells().map((cell) => (
                  <td key={cell.id}>{flexRender(cell.column.columnDef.cell, cell.getContext())}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
