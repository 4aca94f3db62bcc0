import {
  importTargetLabels,
  importTargets,
  requiredImportTargets,
  type ImportLayout,
  type ImportMapping,
} from '../../../../shared/contract';
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
      <div className="table-scroll short">
        <table className="data-table" aria-label="First rows of the spreadsheet">
          <thead>
            <tr>
              {layout.headers.map((h, i) => (
                <th key={i} scope="col">
                  {columnName(h, i)}
                  {maskedColumns.includes(i) ? <span className="muted"> (hidden: secret)</span> : null}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {sample.map((row, r) => (
              <tr key={r}>
                {layout.headers.map((_h, c) => (
                  <td key={c}>{row[c] ?? ''}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
