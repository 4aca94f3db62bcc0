import {
  createColumnHelper,
  createTable,
  getCoreRowModel,
  getFilteredRowModel,
  getSortedRowModel,
  type ColumnFiltersState,
  type SortingState,
  type Table,
  type TableOptions,
} from '@tanstack/table-core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { lazyCoreRowModel, lazyFilteredRowModel, lazySortedRowModel } from '../../../renderer/src/components/lazy-rows';

interface Item {
  name: string;
  count: number | undefined;
  kind: 'a' | 'b' | 'c';
}

const column = createColumnHelper<Item>();
const kindOrder = ['c', 'a', 'b'];
const columns = [
  column.accessor('name', { id: 'name', filterFn: 'includesString' }),
  column.accessor('count', { id: 'count' }),
  column.accessor('count', { id: 'countFirst', sortUndefined: 'first', invertSorting: true }),
  column.accessor('kind', {
    id: 'kind',
    filterFn: 'equals',
    sortingFn: (a, b) => kindOrder.indexOf(a.original.kind) - kindOrder.indexOf(b.original.kind),
  }),
  column.accessor((item) => `${item.kind}-${item.name}`, { id: 'label', enableSorting: false }),
  column.display({ id: 'actions' }),
];

interface State {
  sorting: SortingState;
  columnFilters: ColumnFiltersState;
  globalFilter: string;
}

/** A table as useReactTable builds one, on TanStack's row models or the lazy ones. */
function tableOf(data: Item[], state: State, lazy: boolean, extra: Partial<TableOptions<Item>> = {}): Table<Item> {
  const table = createTable<Item>({
    data,
    columns,
    state: {},
    onStateChange: () => undefined,
    renderFallbackValue: null,
    getCoreRowModel: lazy ? lazyCoreRowModel() : getCoreRowModel(),
    getSortedRowModel: lazy ? lazySortedRowModel() : getSortedRowModel(),
    getFilteredRowModel: lazy ? lazyFilteredRowModel() : getFilteredRowModel(),
    ...extra,
  });
  table.setOptions((options) => ({ ...options, state: { ...table.initialState, ...state } }));
  return table;
}

const shown = (table: Table<Item>) => table.getRowModel().rows.map((row) => [row.id, row.index, row.original]);

const item = fc.record({
  name: fc.oneof(fc.constantFrom('alpha', 'Beta', 'gamma2', 'delta 10', 'delta 9', ''), fc.string({ maxLength: 6 })),
  count: fc.option(fc.integer({ min: -3, max: 3 }), { nil: undefined }),
  kind: fc.constantFrom('a' as const, 'b' as const, 'c' as const),
});
const sortable = ['name', 'count', 'countFirst', 'kind', 'label'];
const state: fc.Arbitrary<State> = fc.record({
  sorting: fc.uniqueArray(fc.record({ id: fc.constantFrom(...sortable), desc: fc.boolean() }), {
    maxLength: 3,
    selector: (s) => s.id,
  }),
  columnFilters: fc.uniqueArray(
    fc.oneof(
      fc.record({ id: fc.constant('kind'), value: fc.constantFrom('a', 'b') }),
      fc.record({ id: fc.constant('name'), value: fc.constantFrom('a', 'DEL', '2', 'zz') }),
    ),
    { maxLength: 2, selector: (f) => f.id },
  ),
  globalFilter: fc.constantFrom('', 'a', 'ta', '1', 'c-'),
});

describe('lazy row models', () => {
  it('show the same rows in the same order as TanStack’s own, for any sorting, filters and search', () => {
    fc.assert(
      fc.property(fc.array(item, { maxLength: 40 }), state, (data, s) => {
        expect(shown(tableOf(data, s, true))).toEqual(shown(tableOf(data, s, false)));
      }),
      { numRuns: 300 },
    );
  });

  it('build a row only when it is read, however many there are', () => {
    const data = Array.from({ length: 10_000 }, (_, i) => ({
      name: `club ${i % 97}`,
      count: i % 7 === 0 ? undefined : i % 13,
      kind: kindOrder[i % 3] as Item['kind'],
    }));
    const s: State = {
      sorting: [{ id: 'name', desc: true }],
      columnFilters: [{ id: 'kind', value: 'a' }],
      globalFilter: 'club 1',
    };
    let built = 0;
    const table = tableOf(data, s, true, { getRowId: (_item, index) => ((built += 1), String(index)) });
    const rows = table.getRowModel().rows;
    expect(rows.length).toBe(data.filter((d) => d.kind === 'a' && d.name.includes('club 1')).length);
    const first = rows.slice(0, 30).map((r) => r.id);
    expect(first).toEqual(
      shown(tableOf(data, s, false))
        .slice(0, 30)
        .map(([id]) => id),
    );
    // The thirty read, and the first row TanStack looks at to choose a column's functions.
    expect(built).toBeLessThanOrEqual(31);
  });
});
