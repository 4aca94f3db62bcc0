import {
  createRow,
  type ColumnFiltersState,
  type FilterFn,
  type Row,
  type RowData,
  type RowModel,
  type Table,
} from '@tanstack/react-table';
import { sortOrder, StandIn } from './row-stand-in';

/**
 * TanStack row models that build a row only when something reads it.
 * TanStack's own models build a Row (about forty closures) for every item
 * up front and copy them all again to sort: 10,000 accounts cost 100 ms and
 * tens of MiB before the first row is painted, though the table draws only
 * the thirty or so rows in view (issue 17). These models filter and sort
 * positions in the data, calling the columns' own filterFn and sortingFn on
 * a reused stand-in row, so filtering and sorting behave as TanStack's do;
 * a real Row is built when a position is read (`rows[i]`), then kept.
 * Flat tables only: no sub-rows, grouping or pagination (Keyholder has none).
 */

/** What a lazy model is made of: the data, which of it in what order (null: all, as given), and its rows. */
interface LazyModel<T> {
  data: readonly T[];
  order: readonly number[] | null;
  rowAt(index: number): Row<T>;
}

const lazyOf = new WeakMap<object, LazyModel<unknown>>();

function sourceOf<T>(model: RowModel<T>): LazyModel<T> {
  const lazy = lazyOf.get(model);
  if (!lazy) throw new Error('A lazy row model must be built on the lazy core row model.');
  return lazy as LazyModel<T>;
}

/** The data index at each position of a model, as a list. */
function positions<T>(lazy: LazyModel<T>): readonly number[] {
  return lazy.order ?? Array.from({ length: lazy.data.length }, (_, i) => i);
}

/** A read-only array whose items are built on first read; array methods work on it as on any array. */
function lazyArray<T>(length: number, at: (position: number) => T): T[] {
  const position = (key: string | symbol): number => {
    if (typeof key !== 'string') return -1;
    const code = key.charCodeAt(0);
    if (code < 48 || code > 57) return -1;
    const n = Number(key);
    return n < length && String(n) === key ? n : -1;
  };
  return new Proxy([] as T[], {
    get: (target, key, receiver) => {
      if (key === 'length') return length;
      const p = position(key);
      return p >= 0 ? at(p) : Reflect.get(target, key, receiver);
    },
    has: (target, key) => position(key) >= 0 || Reflect.has(target, key),
    set: () => false,
  });
}

function toModel<T>(lazy: LazyModel<T>, rowsById: Record<string, Row<T>>): RowModel<T> {
  const { order } = lazy;
  const rows = lazyArray(order ? order.length : lazy.data.length, (p) => lazy.rowAt(order ? order[p]! : p));
  const model: RowModel<T> = { rows, flatRows: rows, rowsById };
  lazyOf.set(model, lazy as LazyModel<unknown>);
  return model;
}

/** Recomputes only when one of the inputs is a different value, as TanStack's memo does. */
function memoise<D extends readonly unknown[], R>(deps: () => D, build: (deps: D) => R): () => R {
  let last: D | null = null;
  let result: R;
  return () => {
    const next = deps();
    if (last === null || next.length !== last.length || next.some((d, i) => d !== last![i])) {
      last = next;
      result = build(next);
    }
    return result;
  };
}

/** Rows by id, looked up only if asked (TanStack's getRow; nothing in Keyholder asks today). */
function lazyById<T>(data: readonly T[], table: Table<T>, rowAt: (index: number) => Row<T>): Record<string, Row<T>> {
  let ids: Map<string, number> | null = null;
  const indexOf = (id: string) => {
    ids ??= new Map(data.map((item, index) => [table._getRowId(item, index), index]));
    return ids.get(id);
  };
  return new Proxy({} as Record<string, Row<T>>, {
    get: (_target, key) => {
      const index = typeof key === 'string' ? indexOf(key) : undefined;
      return index === undefined ? undefined : rowAt(index);
    },
    has: (_target, key) => typeof key === 'string' && indexOf(key) !== undefined,
  });
}

export function lazyCoreRowModel<T extends RowData>(): (table: Table<T>) => () => RowModel<T> {
  return (table) =>
    memoise(
      () => [table.options.data] as const,
      ([data]) => {
        const built: (Row<T> | undefined)[] = [];
        const rowAt = (index: number) =>
          (built[index] ??= createRow(table, table._getRowId(data[index]!, index), data[index]!, index, 0));
        return toModel({ data, order: null, rowAt }, lazyById(data, table, rowAt));
      },
    );
}

interface Test<T> {
  id: string;
  fn: FilterFn<T>;
  value: unknown;
}

const noMeta = () => undefined;

/**
 * The column filters and the search as TanStack resolves them
 * (getFilteredRowModel), as one test of a row: a column filter fails a row
 * only on false; the search passes it when any searchable column does.
 */
function filterTest<T>(table: Table<T>, filters: ColumnFiltersState, search: unknown): (row: Row<T>) => boolean {
  const columns: Test<T>[] = [];
  for (const { id, value } of filters) {
    const fn = table.getColumn(id)?.getFilterFn();
    if (fn) columns.push({ id, fn, value: fn.resolveFilterValue?.(value) ?? value });
  }
  const searchFn = table.getGlobalFilterFn();
  const searched = search && searchFn ? table.getAllLeafColumns().filter((c) => c.getCanGlobalFilter()) : [];
  const global = searched.map((c) => ({
    id: c.id,
    fn: searchFn!,
    value: searchFn!.resolveFilterValue?.(search) ?? search,
  }));
  return (row) => {
    for (const t of columns) if (t.fn(row, t.id, t.value, noMeta) === false) return false;
    if (global.length === 0) return true;
    for (const t of global) if (t.fn(row, t.id, t.value, noMeta)) return true;
    return false;
  };
}

export function lazyFilteredRowModel<T extends RowData>(): (table: Table<T>) => () => RowModel<T> {
  return (table) =>
    memoise(
      () => [table.getPreFilteredRowModel(), table.getState().columnFilters, table.getState().globalFilter] as const,
      ([pre, filters, search]) => {
        const source = sourceOf(pre);
        if (pre.rows.length === 0 || (!filters?.length && !search)) return pre;
        const passes = filterTest(table, filters ?? [], search);
        const row = new StandIn(table, source.data);
        const order: number[] = [];
        for (const index of positions(source)) if (passes(row.at(index))) order.push(index);
        return toModel({ ...source, order }, pre.rowsById);
      },
    );
}

export function lazySortedRowModel<T extends RowData>(): (table: Table<T>) => () => RowModel<T> {
  return (table) =>
    memoise(
      () => [table.getState().sorting, table.getPreSortedRowModel()] as const,
      ([sorting, pre]) => {
        const source = sourceOf(pre);
        if (pre.rows.length === 0 || !sorting?.length) return pre;
        const order = sortOrder(table, source.data, positions(source), sorting);
        return order ? toModel({ ...source, order }, pre.rowsById) : pre;
      },
    );
}
