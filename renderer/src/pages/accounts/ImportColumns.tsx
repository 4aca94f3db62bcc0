import { createColumnHelper } from '@tanstack/react-table';
import { useMemo } from 'react';
import {
  importTargetLabels,
  importTargets,
  requiredImportTargets,
  type ImportLayout,
  type ImportMapping,
} from '../../../../shared/contract';
import { DataTable, useDataTable } from '../../components/DataTable';
import { plural } from '../../format';

/**
 * The first step after choosing the file: which row holds the column names
 * (detected, and changeable), which column is which field, and the first
 * rows as read, any secret shown as bullets.
 */
export function ImportColumns({
  layout,
  mapping,
  maskedColumns,
  sample,
  disabled,
  onHeaderRow,
  onMapping,
}: {
  layout: ImportLayout;
  mapping: ImportMapping;
  maskedColumns: number[];
  sample: string[][];
  disabled: boolean;
  onHeaderRow: (rowNumber: number) => void;
  onMapping: (mapping: ImportMapping) => void;
}) {
  const hidden = new Set(layout.hiddenColumns);
  const columnName = (header: string, index: number) =>
    `${header}${hidden.has(index) ? ' (hidden in the workbook)' : ''}`;
  return (
    <>
      <p>
        <strong>{layout.fileName}</strong>
        {layout.sheetName ? `, sheet "${layout.sheetName}"` : ''}: {plural(layout.rowCount, 'row')} of accounts
        {layout.emptyRowsSkipped ? ` (${plural(layout.emptyRowsSkipped, 'empty row')} skipped)` : ''}
        {layout.rowsAbove ? `, ${plural(layout.rowsAbove, 'row')} above the column names` : ''}.
      </p>
      <div className="field">
        <label htmlFor="import-header-row">Column names are in</label>
        <select
          id="import-header-row"
          value={layout.headerRowNumber}
          disabled={disabled}
          onChange={(e) => onHeaderRow(Number(e.target.value))}
        >
          {layout.headerChoices.map((choice) => (
            <option key={choice.rowNumber} value={choice.rowNumber}>
              Row {choice.rowNumber}: {choice.text || '(empty)'}
            </option>
          ))}
        </select>
      </div>
      <fieldset>
        <legend>Which column holds what</legend>
        <div className="field-grid">
          {importTargets.map((target) => (
            <div className="field" key={target}>
              <label htmlFor={`map-${target}`}>
                {importTargetLabels[target]}
                {requiredImportTargets.includes(target) ? ' (required)' : ''}
              </label>
              <select
                id={`map-${target}`}
                value={mapping[target] ?? ''}
                disabled={disabled}
                onChange={(e) =>
                  onMapping({ ...mapping, [target]: e.target.value === '' ? null : Number(e.target.value) })
                }
              >
                <option value="">Not in this spreadsheet</option>
                {layout.headers.map((header, index) => (
                  <option key={index} value={index}>
                    {columnName(header, index)}
                  </option>
                ))}
              </select>
            </div>
          ))}
        </div>
      </fieldset>
      <SampleTable headers={layout.headers.map(columnName)} maskedColumns={maskedColumns} sample={sample} />
    </>
  );
}

const sampleColumn = createColumnHelper<string[]>();

/** The first rows as read, one column per spreadsheet column, in the sheet's own order. */
function SampleTable({
  headers,
  maskedColumns,
  sample,
}: {
  headers: string[];
  maskedColumns: number[];
  sample: string[][];
}) {
  const columns = useMemo(
    () =>
      headers.map((header, index) =>
        sampleColumn.accessor((row) => row[index] ?? '', {
          id: String(index),
          enableSorting: false,
          header: () => (
            <>
              {header}
              {maskedColumns.includes(index) ? <span className="muted"> (hidden: secret)</span> : null}
            </>
          ),
        }),
      ),
    [headers, maskedColumns],
  );
  const table = useDataTable({ data: sample, columns });
  return (
    <DataTable table={table} label="First rows of the spreadsheet" empty={<p>No rows under the column names.</p>} />
  );
}
