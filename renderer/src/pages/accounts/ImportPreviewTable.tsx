import type { ImportPreview } from '../../../../shared/contract';
import { platformLabels } from '../../../../shared/policy/platforms';

/** Every row with what is wrong with it, before anything is written. */
export function ImportPreviewTable({ preview }: { preview: ImportPreview }) {
  const { counts } = preview;
  return (
    <section aria-labelledby="preview-title">
      <h3 id="preview-title">
        {preview.canCommit
          ? `All ${counts.ok} rows are ready to import.`
          : `${counts.errors} of ${counts.rows} rows need fixing before anything can be imported.`}
      </h3>
      {preview.problems.length > 0 ? (
        <ul className="field-error" role="alert">
          {preview.problems.map((p) => (
            <li key={p}>{p}</li>
          ))}
        </ul>
      ) : null}
      <p className="hint">
        {counts.passwords} passwords found. {counts.duplicates ? `${counts.duplicates} duplicate rows. ` : ''}
        {counts.errors > 0 ? 'Fix these rows in the spreadsheet, save it, then choose "Open the file again".' : ''}
      </p>
      <div className="table-scroll short">
        <table className="data-table" aria-label="Rows to import">
          <thead>
            <tr>
              <th scope="col">Row</th>
              <th scope="col">Platform</th>
              <th scope="col">Handle</th>
              <th scope="col">Password</th>
              <th scope="col">Check</th>
            </tr>
          </thead>
          <tbody>
            {preview.rows.map((row) => (
              <tr key={row.rowNumber} data-ok={row.errors.length === 0 ? 'true' : 'false'}>
                <td>{row.rowNumber}</td>
                <td>{row.platform ? platformLabels[row.platform] : ''}</td>
                <td>{row.handle}</td>
                <td>{row.hasPassword ? 'Yes' : 'No'}</td>
                <td>
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
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
