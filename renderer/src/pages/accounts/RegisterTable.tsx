import type { ColumnFiltersState, VisibilityState } from '@tanstack/react-table';
import { useEffect, useState } from 'react';
import { platformIds, platformLabels } from '../../../../shared/policy/platforms';
import { DataTable, useDataTable } from '../../components/DataTable';
import { ColumnsMenu } from './ColumnsMenu';
import { formatCount, plural } from '../../format';
import './register.css';
import {
  defaultHidden,
  registerColumns,
  searchRegister,
  stateFilterLabels,
  statusLabels,
  type RegisterRow,
} from './register-columns';

// v2: the status column replaced the breaches column (issue 15); older choices named columns that are gone.
const visibilityKey = 'keyholder.register.columns.v2';

function savedVisibility(): VisibilityState {
  try {
    const saved = localStorage.getItem(visibilityKey);
    return saved ? (JSON.parse(saved) as VisibilityState) : defaultHidden;
  } catch {
    return defaultHidden;
  }
}

/**
 * The register: sortable, searchable, filterable, with remembered column
 * choices, and virtualised so 10,000 accounts scroll smoothly. Rows are
 * reached with the arrow keys and opened with Enter.
 */
export function RegisterTable({ accounts, onOpen }: { accounts: RegisterRow[]; onOpen: (id: number) => void }) {
  const [filters, setFilters] = useState<ColumnFiltersState>([]);
  const [search, setSearch] = useState('');
  const [visibility, setVisibility] = useState<VisibilityState>(savedVisibility);
  useEffect(() => localStorage.setItem(visibilityKey, JSON.stringify(visibility)), [visibility]);

  const table = useDataTable({
    data: accounts,
    columns: registerColumns,
    options: {
      state: { columnFilters: filters, globalFilter: search, columnVisibility: visibility },
      onColumnFiltersChange: setFilters,
      onGlobalFilterChange: setSearch,
      onColumnVisibilityChange: setVisibility,
      globalFilterFn: searchRegister,
      // The search reads all its fields at once (searchRegister), so one column carries it, not each in turn.
      getColumnCanGlobalFilter: (column) => column.id === 'account',
    },
  });
  const shown = table.getRowModel().rows.length;
  const filterValue = (id: string) => (table.getColumn(id)?.getFilterValue() as string | undefined) ?? '';
  const setFilter = (id: string, value: string) => table.getColumn(id)?.setFilterValue(value || undefined);

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
          <label htmlFor="filter-state">Status</label>
          <select id="filter-state" value={filterValue('state')} onChange={(e) => setFilter('state', e.target.value)}>
            <option value="">All statuses</option>
            {Object.entries(stateFilterLabels).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="filter-stage">Stage</label>
          <select id="filter-stage" value={filterValue('stage')} onChange={(e) => setFilter('stage', e.target.value)}>
            <option value="">All stages</option>
            {Object.entries(statusLabels).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        </div>
        <ColumnsMenu table={table} />
      </div>
      <p className="hint" role="status" aria-live="polite">
        Showing {formatCount(shown)} of {plural(accounts.length, 'account')}. Use the arrow keys to move between rows
        and Enter to open one.
      </p>
      <DataTable
        table={table}
        label="Account register"
        className="register-table"
        height="page"
        // The register's rows as the end-to-end tests find them.
        rowProps={() => ({ className: 'register-row' })}
        onOpen={(account) => onOpen(account.id)}
        empty={<p>No accounts match. Clear the search or filters to see the whole register.</p>}
      />
    </div>
  );
}
