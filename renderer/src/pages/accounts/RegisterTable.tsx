import {
  flexRender,
  getCoreRowModel,
  getFilteredRowModel,
  getSortedRowModel,
  useReactTable,
  type ColumnFiltersState,
  type SortingState,
  type VisibilityState,
} from '@tanstack/react-table';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import type { Account } from '../../../../shared/contract';
import { platformIds, platformLabels } from '../../../../shared/policy/platforms';
import { ColumnsMenu } from './ColumnsMenu';
import { registerColumns, statusLabels } from './register-columns';

const visibilityKey = 'keyholder.register.columns';
const rowHeight = 44;

function savedVisibility(): VisibilityState {
  try {
    return JSON.parse(localStorage.getItem(visibilityKey) ?? '{}') as VisibilityState;
  } catch {
    return {};
  }
}

/**
 * The register: sortable, searchable, filterable, with remembered column
 * choices, and virtualised so 10,000 accounts scroll smoothly. Rows are
 * reached with the arrow keys and opened with Enter.
 */
export function RegisterTable({ accounts, onOpen }: { accounts: Account[]; onOpen: (id: number) => void }) {
  const [sorting, setSorting] = useState<SortingState>([]);
  const [filters, setFilters] = useState<ColumnFiltersState>([]);
  const [search, setSearch] = useState('');
  const [visibility, setVisibility] = useState<VisibilityState>(savedVisibility);
  useEffect(() => localStorage.setItem(visibilityKey, JSON.stringify(visibility)), [visibility]);

  const table = useReactTable({
    data: accounts,
    columns: registerColumns,
    state: { sorting, columnFilters: filters, globalFilter: search, columnVisibility: visibility },
    onSortingChange: setSorting,
    onColumnFiltersChange: setFilters,
    onGlobalFilterChange: setSearch,
    onColumnVisibilityChange: setVisibility,
    globalFilterFn: (row, _id, value: string) => {
      const needle = value.trim().toLowerCase();
      if (!needle) return true;
      const a = row.original;
      return `${a.handle} ${a.displayName} ${a.lead?.name ?? ''} ${a.loginEmail}`.toLowerCase().includes(needle);
    },
    getCoreRowModel: getCoreRowModel(),
    getSortedRowModel: getSortedRowModel(),
    getFilteredRowModel: getFilteredRowModel(),
  });
  const rows = table.getRowModel().rows;
  const scroller = useRef<HTMLDivElement>(null);
  const virtual = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => rowHeight,
    overscan: 12,
  });
  const items = virtual.getVirtualItems();
  const padTop = items[0]?.start ?? 0;
  const padBottom = items.length > 0 ? virtual.getTotalSize() - items[items.length - 1]!.end : 0;
  const columnCount = table.getVisibleLeafColumns().length;
  const filterValue = (id: string) => (table.getColumn(id)?.getFilterValue() as string | undefined) ?? '';
  const setFilter = (id: string, value: string) => table.getColumn(id)?.setFilterValue(value || undefined);

  const onRowKey = (event: KeyboardEvent<HTMLTableRowElement>, index: number, id: number) => {
    if (event.key === 'Enter') onOpen(id);
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
    event.preventDefault();
    const next = Math.max(0, Math.min(rows.length - 1, index + (event.key === 'ArrowDown' ? 1 : -1)));
    virtual.scrollToIndex(next);
    requestAnimationFrame(() => scroller.current?.querySelector<HTMLElement>(`[data-index="${next}"]`)?.focus());
  };

  return (
    <div className="register">
      <div className="filters" role="search">
        <div className="field grow">
          <label htmlFor="register-search">Search the register</label>
          <input
            id="register-search"
            type="search"
            value={search}
            onChange={(e) => setSearch(e.target.value)}
            placeholder="Handle, name, lead or email"
          />
        </div>
        <div className="field">
          <label htmlFor="filter-platform">Platform</label>
          <select
            id="filter-platform"
            value={filterValue('platform')}
            onChange={(e) => setFilter('platform', e.target.value)}
          >
            <option value="">All platforms</option>
            {platformIds.map((id) => (
              <option key={id} value={id}>
                {platformLabels[id]}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="filter-status">Status</label>
          <select
            id="filter-status"
            value={filterValue('status')}
            onChange={(e) => setFilter('status', e.target.value)}
          >
            <option value="">All statuses</option>
            {Object.entries(statusLabels).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="filter-breaches">Breaches</label>
          <select
            id="filter-breaches"
            value={filterValue('breaches')}
            onChange={(e) => setFilter('breaches', e.target.value)}
          >
            <option value="">All accounts</option>
            <option value="with">Only accounts with breaches</option>
          </select>
        </div>
        <ColumnsMenu table={table} />
      </div>
      <p className="hint" role="status" aria-live="polite">
        Showing {rows.length} of {accounts.length} accounts. Use the arrow keys to move between rows and Enter to open
        one.
      </p>
      <div className="table-scroll" ref={scroller}>
        <table className="data-table register-table" aria-label="Account register" aria-rowcount={rows.length + 1}>
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
                      <button type="button" className="sort" onClick={header.column.getToggleSortingHandler()}>
                        {flexRender(header.column.columnDef.header, header.getContext())}
                        {sorted ? (sorted === 'asc' ? ' ▲' : ' ▼') : ''}
                      </button>
                    </th>
                  );
                })}
              </tr>
            ))}
          </thead>
          <tbody>
            {padTop > 0 ? (
              <tr aria-hidden="true" className="spacer">
                <td colSpan={columnCount} style={{ height: padTop }} />
              </tr>
            ) : null}
            {items.map((item) => {
              const row = rows[item.index]!;
              return (
                <tr
                  key={row.id}
                  data-index={item.index}
                  aria-rowindex={item.index + 2}
                  tabIndex={item.index === 0 ? 0 : -1}
                  className="register-row"
                  onKeyDown={(event) => onRowKey(event, item.index, row.original.id)}
                  onDoubleClick={() => onOpen(row.original.id)}
                >
                  {row.getVisibleCells().map((cell) => (
                    <td key={cell.id}>{flexRender(cell.column.columnDef.cell, cell.getContext())}</td>
                  ))}
                </tr>
              );
            })}
            {padBottom > 0 ? (
              <tr aria-hidden="true" className="spacer">
                <td colSpan={columnCount} style={{ height: padBottom }} />
              </tr>
            ) : null}
          </tbody>
        </table>
        {rows.length === 0 ? (
          <div className="empty-state">
            <p>No accounts match. Clear the search or filters to see the whole register.</p>
          </div>
        ) : null}
      </div>
    </div>
  );
}
