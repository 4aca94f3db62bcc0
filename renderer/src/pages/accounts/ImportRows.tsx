import { useState } from 'react';
import type { ImportPreview, ImportRowChoice, ImportRowResult } from '../../../../shared/contract';
import { platformLabels } from '../../../../shared/policy/platforms';

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
  const keepOnly = (row: ImportRowResult) =>
    onChange([
      { ...choiceOf(row.rowNumber), include: true },
      ...row.duplicateOf.map((other) => ({ ...choiceOf(other), include: false })),
    ]);
  return (
    <div className="import-rows-wrap">
      <table className="data-table import-rows" aria-label="Rows to import">
        <thead>
          <tr>
            <th scope="col">Import</th>
            <th scope="col">Row</th>
            <th scope="col">Account</th>
            <th scope="col">Who knows it</th>
            <th scope="col">Password</th>
            <th scope="col">Check</th>
          </tr>
        </thead>
        <tbody>
          {preview.rows.map((row) => {
            const choice = choiceOf(row.rowNumber);
            const name = `row ${row.rowNumber}`;
            return (
              <tr
                key={row.rowNumber}
                data-row={row.rowNumber}
                data-included={row.include ? 'true' : 'false'}
                data-ok={row.errors.length === 0 ? 'true' : 'false'}
              >
                <td>
                  <input
                    type="checkbox"
                    aria-label={`Import ${name}`}
                    checked={choice.include}
                    disabled={disabled}
                    onChange={(e) => onChange([{ ...choice, include: e.target.checked }])}
                  />
                </td>
                <td>{row.rowNumber}</td>
                <td>
                  {row.platform ? `${platformLabels[row.platform]} ` : ''}
                  <strong>{row.handle}</strong>
                  {row.displayName ? <span className="muted"> {row.displayName}</span> : null}
                  {row.approvedBy ? <p className="hint">Approved by {row.approvedBy}</p> : null}
                </td>
                <td>
                  {row.holders.map((h) => (
                    <span key={h.name} className={h.kept ? 'holder' : 'holder dropped'}>
                      {h.personName ?? h.name}
                      {h.status === 'new' ? ' (new)' : h.status === 'ambiguous' ? ' (who?)' : ''}
                    </span>
                  ))}
                </td>
                <td>{row.hasPassword ? 'Yes' : 'No'}</td>
                <td>
                  {row.include ? (
                    <RowChecks
                      row={row}
                      duplicatesIncluded={row.duplicateOf.some(
                        (other) => preview.rows.find((r) => r.rowNumber === other)?.include,
                      )}
                      choice={choice}
                      maxHolders={preview.maxHolders}
                      disabled={disabled}
                      onChange={onChange}
                      onKeep={() => keepOnly(row)}
                    />
                  ) : (
                    <span className="muted">Left out: not imported.</span>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
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
