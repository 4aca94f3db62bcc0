import {
  flexRender,
  useReactTable,
  type ColumnDef,
  type Row,
  type SortingState,
  type Table,
  type TableOptions,
} from '@tanstack/react-table';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { lazyCoreRowModel, lazyFilteredRowModel, lazySortedRowModel } from './lazy-rows';

/** Extra attributes for one row: a class, and data-* attributes for styling and tests. */
export type RowProps = { className?: string } & { [attribute: `data-${string}`]: string | undefined };

/** Past this many rows only the rows in view are drawn. */
const virtualiseFrom = 100;
/**
 * A one-line row (8px padding above and below, a line of text, a 1px rule)
 * is 39.5px: an estimate that matches means drawing the first rows does not
 * move every row after them and draw again.
 */
const rowHeight = 40;

/**
 * A TanStack table with sorting and filtering wired up; columns are data.
 * Pass anything else TanStack takes (filter state, column visibility) in `options`.
 * Its row models build a row only when it is drawn (lazy-rows.ts), so a
 * register of 10,000 accounts costs the rows in view, not 10,000 Rows.
 */
export function useDataTable<T>({
  data,
  columns,
  sorting: initialSorting = [],
  options = {},
}: {
  data: T[];
  // TanStack's own type for a list of differently typed columns.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  columns: ColumnDef<T, any>[];
  sorting?: SortingState;
  options?: Partial<TableOptions<T>>;
}): Table<T> {
  const [sorting, setSorting] = useState<SortingState>(initialSorting);
  return useReactTable<T>({
    data,
    columns,
    getCoreRowModel: lazyCoreRowModel(),
    getSortedRowModel: lazySortedRowModel(),
    getFilteredRowModel: lazyFilteredRowModel(),
    onSortingChange: setSorting,
    ...options,
    state: { sorting, ...options.state },
  });
}

/**
 * Every table in Keyholder: a labelled table with sortable headers (buttons,
 * with aria-sort), rows drawn only in view when there are many, arrow keys
 * to move between rows and Enter to open one (when `onOpen` is given), and
 * an empty state that says what to do next. `height` says how tall it grows.
 */
export function DataTable<T>({
  table,
  label,
  empty,
  onOpen,
  className = '',
  rowProps,
  height = 'box',
}: {
  table: Table<T>;
  label: string;
  empty: ReactNode;
  onOpen?: (row: T) => void;
  className?: string;
  /** A class or data-* attributes for a row (its state, for styling and tests). */
  rowProps?: (row: T) => RowProps;
  /**
   * How tall the table grows before it scrolls: a short `box` (the default);
   * part of the page (`page`, a page's main table: the page scrolls, the
   * header row stays in view); or every row shown
   * (`rows`, a few rows in a card or a wizard). Past 100 rows it always
   * scrolls within the window's height, drawing only the rows in view.
   */
  height?: 'box' | 'page' | 'rows';
}) {
  const rows = table.getRowModel().rows;
  const scroller = useRef<HTMLDivElement>(null);
  const long = rows.length > virtualiseFrom;
  const virtual = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => rowHeight,
    overscan: 8,
    enabled: long,
  });
  const items = long
    ? virtual.getVirtualItems()
    : Array.from({ length: rows.length }, (_, index) => ({ index, start: 0, end: 0 }));
  const padTop = long ? (items[0]?.start ?? 0) : 0;
  const padBottom = long && items.length > 0 ? virtual.getTotalSize() - items[items.length - 1]!.end : 0;
  const columnCount = table.getVisibleLeafColumns().length;

  const onRowKey = (event: KeyboardEvent<HTMLTableRowElement>, index: number, row: Row<T>) => {
    if (event.key === 'Enter' && onOpen) onOpen(row.original);
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
    event.preventDefault();
    const next = Math.max(0, Math.min(rows.length - 1, index + (event.key === 'ArrowDown' ? 1 : -1)));
    if (long) virtual.scrollToIndex(next);
    requestAnimationFrame(() => scroller.current?.querySelector<HTMLElement>(`tr[data-index="${next}"]`)?.focus());
  };

  return (
    <div
      className={`table-scroll ${long ? '' : height === 'page' ? 'page' : height === 'rows' ? 'rows' : 'short'}`}
      ref={scroller}
    >
      <table className={`data-table ${className}`} aria-label={label} aria-rowcount={rows.length + 1}>
        <thead>
          {table.getHeaderGroups().map((group) => (
            // Row 1 of aria-rowcount: the body's rows count on from 2 (aria-rowindex), drawn or not.
            <tr key={group.id} aria-rowindex={group.depth + 1}>
              {group.headers.map((header) => {
                const sorted = header.column.getIsSorted();
                const title = flexRender(header.column.columnDef.header, header.getContext());
                return (
                  <th
                    key={header.id}
                    scope="col"
                    aria-sort={sorted ? (sorted === 'asc' ? 'ascending' : 'descending') : undefined}
                  >
                    {header.column.getCanSort() ? (
                      <button type="button" className="sort" onClick={header.column.getToggleSortingHandler()}>
                        {title}
                        {sorted ? (sorted === 'asc' ? ' ▲' : ' ▼') : ''}
                      </button>
                    ) : (
                      title
                    )}
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
          {items.map(({ index }) => {
            const row = rows[index]!;
            const extra = rowProps?.(row.original) ?? {};
            return (
              <tr
                {...extra}
                key={row.id}
                // Rows may be taller than the estimate (wrapped text, checks): measured once drawn.
                ref={long ? virtual.measureElement : undefined}
                data-index={index}
                aria-rowindex={index + 2}
                tabIndex={onOpen ? (index === 0 ? 0 : -1) : undefined}
                className={[onOpen ? 'openable-row' : '', extra.className ?? ''].join(' ').trim() || undefined}
                onKeyDown={onOpen ? (event) => onRowKey(event, index, row) : undefined}
                onDoubleClick={onOpen ? () => onOpen(row.original) : undefined}
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
      {rows.length === 0 ? <div className="empty-state">{empty}</div> : null}
    </div>
  );
}
