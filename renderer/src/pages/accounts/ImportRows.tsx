import { createColumnHelper, type Table } from '@tanstack/react-table';
import { useState } from 'react';
import type { ImportPreview, ImportRowChoice, ImportRowResult } from '../../../../shared/contract';
import { platformLabels } from '../../../../shared/policy/platforms';
import { DataTable, useDataTable } from '../../components/DataTable';

const column = createColumnHelper<ImportRowResult>();

export const defaultChoice = (rowNumber: number): ImportRowChoice => ({
  rowNumber,
  include: true,
  updateExisting: false,
  keepHolders: null,
  holdersOverride: '',
});

/**
 * Every row with what is wrong with it, before anything is written: errors
 * block, warnings inform. Each row can be left out with one click; a
 * duplicate offers "Keep this one"; an account already in the register
 * offers "Update the password"; more holders than the school allows can be
 * cut down or kept with a written reason.
 */
/** What the cells need besides their row; passed as the table's meta so the columns stay the same and no cell is redrawn from scratch (a ticked box keeps the focus). */
interface RowsMeta {
  preview: ImportPreview;
  disabled: boolean;
  onChange: (changed: ImportRowChoice[]) => void;
  choiceOf: (rowNumber: number) => ImportRowChoice;
}

const metaOf = (table: Table<ImportRowResult>) => table.options.meta as RowsMeta;

const columns = [
  column.display({
    id: 'include',
    header: 'Import',
    cell: ({ row: { original: row }, table }) => {
      const { choiceOf, disabled, onChange } = metaOf(table);
      const choice = choiceOf(row.rowNumber);
      return (
        <input
          type="checkbox"
          aria-label={`Import row ${row.rowNumber}`}
          checked={choice.include}
          disabled={disabled}
          onChange={(e) => onChange([{ ...choice, include: e.target.checked }])}
        />
      );
    },
  }),
  column.accessor('rowNumber', { header: 'Row' }),
  column.accessor('handle', {
    header: 'Account',
    cell: ({ row: { original: row } }) => (
      <>
        {row.platform ? `${platformLabels[row.platform]} ` : ''}
        <strong>{row.handle}</strong>
        {row.displayName ? <span className="muted"> {row.displayName}</span> : null}
        {row.approvedBy ? <p className="hint">Approved by {row.approvedBy}</p> : null}
      </>
    ),
  }),
  column.display({
    id: 'holders',
    header: 'Who knows it',
    cell: ({ row: { original: row } }) =>
      row.holders.map((h) => (
        <span key={h.name} className={h.kept ? 'holder' : 'holder dropped'}>
          {h.personName ?? h.name}
          {h.status === 'new' ? ' (new)' : h.status === 'ambiguous' ? ' (who?)' : ''}
        </span>
      )),
  }),
  column.accessor((row) => (row.hasPassword ? 'Yes' : 'No'), { id: 'password', header: 'Password' }),
  column.display({
    id: 'check',
    header: 'Check',
    cell: ({ row: { original: row }, table }) => {
      const { preview, choiceOf, disabled, onChange } = metaOf(table);
      if (!row.include) return <span className="muted">Left out: not imported.</span>;
      return (
        <RowChecks
          row={row}
          duplicatesIncluded={row.duplicateOf.some((other) => preview.rows.find((r) => r.rowNumber === other)?.include)}
          choice={choiceOf(row.rowNumber)}
          maxHolders={preview.maxHolders}
          disabled={disabled}
          onChange={onChange}
          onKeep={() =>
            onChange([
              { ...choiceOf(row.rowNumber), include: true },
              ...row.duplicateOf.map((other) => ({ ...choiceOf(other), include: false })),
            ])
          }
        />
      );
    },
  }),
];

export function ImportRows({
  preview,
  choices,
  disabled,
  onChange,
}: {
  preview: ImportPreview;
  choices: ImportRowChoice[];
  disabled: boolean;
  onChange: (changed: ImportRowChoice[]) => void;
}) {
  const choiceOf = (rowNumber: number) => choices.find((c) => c.rowNumber === rowNumber) ?? defaultChoice(rowNumber);
  const meta: RowsMeta = { preview, disabled, onChange, choiceOf };
  const table = useDataTable({ data: preview.rows, columns, options: { meta } });
  return (
    <DataTable
      table={table}
      label="Rows to import"
      className="import-rows"
      height="rows"
      rowProps={(row) => ({
        'data-row': String(row.rowNumber),
        'data-included': row.include ? 'true' : 'false',
        'data-ok': row.errors.length === 0 ? 'true' : 'false',
      })}
      empty={<p>The spreadsheet has no rows of accounts under the column names.</p>}
    />
  );
}

function RowChecks({
  row,
  duplicatesIncluded,
  choice,
  maxHolders,
  disabled,
  onChange,
  onKeep,
}: {
  row: ImportRowResult;
  /** Another row for the same account is still included: "Keep this one" decides between them. */
  duplicatesIncluded: boolean;
  choice: ImportRowChoice;
  maxHolders: number;
  disabled: boolean;
  onChange: (changed: ImportRowChoice[]) => void;
  onKeep: () => void;
}) {
  const [reason, setReason] = useState(choice.holdersOverride);
  const recordable = row.holders.filter((h) => h.status === 'matched' || h.status === 'new');
  const kept = choice.keepHolders ?? recordable.map((h) => h.name);
  const overLimit = recordable.length > maxHolders;
  const id = `row-${row.rowNumber}`;
  return (
    <div className="row-checks">
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
      {row.errors.length === 0 && row.warnings.length === 0 ? <span className="ok-text">Ready</span> : null}
      <div className="actions">
        {duplicatesIncluded ? (
          <button
            type="button"
            disabled={disabled}
            onClick={onKeep}
            aria-label={`Keep this one: row ${row.rowNumber} (leave out row ${row.duplicateOf.join(', ')})`}
          >
            Keep this one
          </button>
        ) : null}
        {row.existingAccountId !== null ? (
          <label className="field checkbox">
            <input
              type="checkbox"
              checked={choice.updateExisting}
              disabled={disabled}
              onChange={(e) => onChange([{ ...choice, updateExisting: e.target.checked }])}
            />
            Update the password of the account in the register
          </label>
        ) : null}
      </div>
      {overLimit ? (
        <fieldset className="holders-limit">
          <legend>Record as knowing the password (the school allows {maxHolders})</legend>
          {recordable.map((h) => (
            <label key={h.name} className="field checkbox">
              <input
                type="checkbox"
                checked={kept.includes(h.name)}
                disabled={disabled}
                onChange={(e) =>
                  onChange([
                    {
                      ...choice,
                      keepHolders: e.target.checked ? [...kept, h.name] : kept.filter((n) => n !== h.name),
                    },
                  ])
                }
              />
              {h.personName ?? h.name}
            </label>
          ))}
          <label htmlFor={`${id}-override`}>Or a reason to record them all</label>
          <textarea
            id={`${id}-override`}
            rows={2}
            value={reason}
            disabled={disabled}
            onChange={(e) => setReason(e.target.value)}
            onBlur={() => {
              if (reason.trim() !== choice.holdersOverride) onChange([{ ...choice, holdersOverride: reason.trim() }]);
            }}
          />
        </fieldset>
      ) : null}
    </div>
  );
}
