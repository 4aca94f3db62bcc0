import { createColumnHelper } from '@tanstack/react-table';
import type { UseFormRegister } from 'react-hook-form';
import type { MigrateChoice, MigratePreview } from '../../../../shared/contract';
import { platformIds, platformLabels } from '../../../../shared/policy/platforms';
import { DataTable, useDataTable } from '../../components/DataTable';
import { plural } from '../../format';

type Row = MigratePreview['rows'][number];
export interface ChoicesForm {
  choices: MigrateChoice[];
}
interface Meta {
  register: UseFormRegister<ChoicesForm>;
  choices: MigrateChoice[];
  checked: boolean;
}

const nameOf = (row: Row) => row.title || `entry ${row.entry}`;
// Each entry's choice is at the same index as the entry in the preview (the wizard builds them in order).
const column = createColumnHelper<Row>();
const columns = [
  column.display({
    id: 'include',
    header: 'Import',
    cell: ({ row, table }) => (
      <input
        type="checkbox"
        aria-label={`Import ${nameOf(row.original)}`}
        {...(table.options.meta as Meta).register(`choices.${row.index}.include`)}
      />
    ),
  }),
  column.accessor('title', {
    header: 'Entry',
    cell: ({ row: { original: r } }) => (
      <>
        <strong>{r.title}</strong>
        <span className="muted migrate-source">
          {[r.group, r.username, ...r.urls].filter(Boolean).join(' · ')}
          {r.historyCount ? ` · ${plural(r.historyCount, 'previous password')}` : ''}
        </span>
      </>
    ),
  }),
  column.display({
    id: 'platform',
    header: 'Platform',
    cell: ({ row, table }) => (
      <select
        aria-label={`Platform of ${nameOf(row.original)}`}
        {...(table.options.meta as Meta).register(`choices.${row.index}.platform`, {
          setValueAs: (v: string | null) => v || null,
        })}
      >
        <option value="">Choose…</option>
        {platformIds.map((id) => (
          <option key={id} value={id}>
            {platformLabels[id]}
          </option>
        ))}
      </select>
    ),
  }),
  column.display({
    id: 'handle',
    header: 'Handle',
    cell: ({ row, table }) => (
      <input
        aria-label={`Handle of ${nameOf(row.original)}`}
        {...(table.options.meta as Meta).register(`choices.${row.index}.handle`)}
      />
    ),
  }),
  column.display({
    id: 'check',
    header: 'Check',
    cell: ({ row, table }) => <EntryCheck row={row.original} index={row.index} meta={table.options.meta as Meta} />,
  }),
];

/** What Keyholder found for one entry: update an account already in the register, or the result of the check. */
function EntryCheck({ row, index, meta }: { row: Row; index: number; meta: Meta }) {
  const choice = meta.choices[index]!;
  return (
    <>
      {row.existingAccountId !== null && choice.include ? (
        <label className="field checkbox">
          <input type="checkbox" {...meta.register(`choices.${index}.updateExisting`)} />
          Update the password of the account in the register
        </label>
      ) : null}
      {!row.recognised && !choice.include
        ? row.warnings.map((w) => (
            <p key={w} className="hint">
              {w}
            </p>
          ))
        : null}
      {choice.include && meta.checked ? (
        <>
          {row.errors.map((e) => (
            <p key={e} className="field-error">
              {e}
            </p>
          ))}
          {row.warnings.map((w) => (
            <p key={w} className="warn-text">
              {w}
            </p>
          ))}
          {row.errors.length === 0 ? <span className="ok-text">Ready</span> : null}
        </>
      ) : null}
    </>
  );
}

/** The entries of the export, each ticked or not, with its platform and handle to correct. */
export function MigrateEntries({ preview, meta }: { preview: MigratePreview; meta: Meta }) {
  const table = useDataTable({
    data: preview.rows,
    columns,
    options: { getRowId: (r) => String(r.entry), meta },
  });
  return (
    <DataTable
      table={table}
      label="Entries to import"
      rowProps={(r) => ({ 'data-ok': r.errors.length === 0 ? 'true' : 'false' })}
      empty={<p>This export has no logins to import.</p>}
    />
  );
}
