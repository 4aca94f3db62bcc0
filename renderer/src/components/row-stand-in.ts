import {
  reSplitAlphaNumeric,
  sortingFns,
  type Column,
  type Row,
  type SortingFn,
  type SortingState,
  type Table,
} from '@tanstack/react-table';

/**
 * A row as TanStack's filter and sorting functions see it (`original`,
 * `index`, `getValue`), moved from item to item rather than built for each:
 * the lazy row models (lazy-rows.ts) filter and sort 10,000 items with the
 * columns' own functions without building 10,000 Rows.
 */
export class StandIn<T> {
  index = 0;
  original!: T;
  id = '';
  private readonly accessors = new Map<string, ((item: T, index: number) => unknown) | undefined>();
  constructor(
    private readonly table: Table<T>,
    private readonly data: readonly T[],
    /** Values already worked out, by column id then data index (sorting reads them many times). */
    private readonly known: Map<string, unknown[]> = new Map(),
  ) {}
  /** This stand-in as the row at `index` of the data. */
  at(index: number): Row<T> {
    this.index = index;
    this.original = this.data[index]!;
    return this as unknown as Row<T>;
  }
  getValue = (columnId: string): unknown => {
    const known = this.known.get(columnId);
    if (known) return known[this.index];
    if (!this.accessors.has(columnId)) this.accessors.set(columnId, this.table.getColumn(columnId)?.accessorFn);
    return this.accessors.get(columnId)?.(this.original, this.index);
  };
  renderValue = (columnId: string): unknown => this.getValue(columnId) ?? this.table.options.renderFallbackValue;
}

/**
 * TanStack's 'auto' sorting function (column.getAutoSortingFn) from values
 * already read, as it chooses: it looks at the rows after the tenth.
 */
function autoSortingFn<T>(values: unknown[], order: readonly number[]): SortingFn<T> {
  let isString = false;
  for (let p = 10; p < order.length; p += 1) {
    const value = values[order[p]!];
    if (Object.prototype.toString.call(value) === '[object Date]') return sortingFns.datetime;
    if (typeof value === 'string') {
      isString = true;
      if (value.split(reSplitAlphaNumeric).length > 1) return sortingFns.alphanumeric;
    }
  }
  return isString ? sortingFns.text : sortingFns.basic;
}

interface SortEntry<T> {
  id: string;
  desc: boolean;
  sortUndefined: false | -1 | 1 | 'first' | 'last' | undefined;
  invert: boolean;
  fn: SortingFn<T>;
}

function entryFor<T>(column: Column<T>, desc: boolean, values: unknown[], order: readonly number[]): SortEntry<T> {
  const def = column.columnDef;
  return {
    id: column.id,
    desc,
    sortUndefined: def.sortUndefined,
    invert: def.invertSorting ?? false,
    fn: def.sortingFn === 'auto' ? autoSortingFn(values, order) : column.getSortingFn(),
  };
}

/** TanStack's comparison for one sorting entry (getSortedRowModel), ascending before `desc` and inversion. */
function compareBy<T>(entry: SortEntry<T>, a: Row<T>, b: Row<T>): number {
  const { sortUndefined } = entry;
  let result = 0;
  if (sortUndefined) {
    const aUndefined = a.getValue(entry.id) === undefined;
    const bUndefined = b.getValue(entry.id) === undefined;
    if (aUndefined || bUndefined) {
      if (sortUndefined === 'first') return aUndefined ? -1 : 1;
      if (sortUndefined === 'last') return aUndefined ? 1 : -1;
      result = aUndefined && bUndefined ? 0 : aUndefined ? sortUndefined : -sortUndefined;
    }
  }
  if (result === 0) result = entry.fn(a, b, entry.id);
  if (result !== 0 && entry.desc) result *= -1;
  if (result !== 0 && entry.invert) result *= -1;
  return result;
}

/**
 * The data indices in `order` sorted as TanStack's sorted row model sorts
 * them (ties keep data order), or null when no sortable column is chosen.
 */
export function sortOrder<T>(
  table: Table<T>,
  data: readonly T[],
  order: readonly number[],
  sorting: SortingState,
): number[] | null {
  const known = new Map<string, unknown[]>();
  const entries: SortEntry<T>[] = [];
  for (const { id, desc } of sorting) {
    const column = table.getColumn(id);
    if (!column?.getCanSort() || !column.accessorFn) continue;
    const values: unknown[] = new Array(data.length);
    for (const index of order) values[index] = column.accessorFn(data[index]!, index);
    known.set(id, values);
    entries.push(entryFor(column, desc, values, order));
  }
  if (entries.length === 0) return null;
  const a = new StandIn(table, data, known);
  const b = new StandIn(table, data, known);
  return order.slice().sort((i, j) => {
    const rowA = a.at(i);
    const rowB = b.at(j);
    for (const entry of entries) {
      const result = compareBy(entry, rowA, rowB);
      if (result !== 0) return result;
    }
    return i - j;
  });
}
