import { useState } from 'react';
import { ImportDone } from '../../components/ImportDone';
import { BusyStatus } from '../../components/BusyStatus';
import { useBusy } from '../../hooks/use-busy';
import {
  importTargetLabels,
  importTargets,
  requiredImportTargets,
  type ImportMapping,
  type ImportOpened,
  type ImportPreview,
} from '../../../../shared/contract';
import { useApi } from '../../api/context';
import { Modal } from '../../components/Modal';
import { ImportPreviewTable } from './ImportPreviewTable';

type Step =
  | { kind: 'start' }
  | { kind: 'map'; opened: ImportOpened; mapping: ImportMapping; preview: ImportPreview | null }
  | { kind: 'done'; advice: string; created: number; passwords: number };

/**
 * Bringing in the school's spreadsheet: choose the file, match its columns,
 * see every row checked, then import all of it in one go or nothing. The
 * file is read in the main process; passwords never reach this window.
 */
export function ImportWizard({ onClose, onImported }: { onClose: () => void; onImported: () => void }) {
  const api = useApi();
  const [step, setStep] = useState<Step>({ kind: 'start' });

  const { busy, error, guard } = useBusy();
  const open = () =>
    guard('Reading the spreadsheet…', async () => {
      if (step.kind === 'map') await api.import.cancel({ importId: step.opened.importId });
      const opened = await api.import.open({}, { handled: true });
      if (opened.cancelled) return;
      setStep({ kind: 'map', opened, mapping: opened.suggestedMapping, preview: null });
    });
  const check = (s: Extract<Step, { kind: 'map' }>) =>
    guard('Checking every row…', async () => {
      const preview = await api.import.preview({ importId: s.opened.importId, mapping: s.mapping }, { handled: true });
      setStep({ ...s, preview });
    });
  const commit = (s: Extract<Step, { kind: 'map' }>) =>
    guard('Importing and encrypting the passwords…', async () => {
      const result = await api.import.commit({ importId: s.opened.importId, mapping: s.mapping }, { handled: true });
      setStep({ kind: 'done', advice: result.advice, created: result.created, passwords: result.passwordsStored });
      onImported();
    });
  const close = () => {
    if (step.kind === 'map') void api.import.cancel({ importId: step.opened.importId });
    onClose();
  };

  return (
    <Modal title="Import a spreadsheet" isOpen onOpenChange={(o) => (o ? undefined : close())} wide>
      {() => (
        <div className="import-wizard">
          {step.kind === 'start' ? (
            <>
              <p>
                Choose the spreadsheet (CSV or Excel .xlsx) the school uses today. Keyholder reads it here, checks every
                row, and writes nothing until every row is right. Passwords go straight into the encrypted vault.
              </p>
              <button type="button" className="primary" onClick={open} disabled={busy !== null}>
                Choose the spreadsheet…
              </button>
            </>
          ) : null}
          {step.kind === 'map' ? (
            <>
              <p>
                <strong>{step.opened.fileName}</strong>
                {step.opened.sheetName ? `, sheet "${step.opened.sheetName}"` : ''}: {step.opened.rowCount} rows
                {step.opened.emptyRowsSkipped ? ` (${step.opened.emptyRowsSkipped} empty rows skipped)` : ''}.
              </p>
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
                        value={step.mapping[target] ?? ''}
                        onChange={(e) =>
                          setStep({
                            ...step,
                            preview: null,
                            mapping: {
                              ...step.mapping,
                              [target]: e.target.value === '' ? null : Number(e.target.value),
                            },
                          })
                        }
                      >
                        <option value="">Not in this spreadsheet</option>
                        {step.opened.headers.map((header, index) => (
                          <option key={index} value={index}>
                            {header || `Column ${index + 1}`}
                          </option>
                        ))}
                      </select>
                    </div>
                  ))}
                </div>
              </fieldset>
              {step.preview ? <ImportPreviewTable preview={step.preview} /> : <SampleTable opened={step.opened} />}
              <div className="actions">
                <button type="button" onClick={close}>
                  Cancel
                </button>
                <button type="button" onClick={open} disabled={busy !== null}>
                  Open the file again
                </button>
                <button type="button" onClick={() => check(step)} disabled={busy !== null}>
                  Check every row
                </button>
                <button
                  type="button"
                  className="primary"
                  onClick={() => commit(step)}
                  disabled={busy !== null || !step.preview?.canCommit}
                >
                  Import {step.preview?.counts.ok ?? ''} accounts
                </button>
              </div>
            </>
          ) : null}
          {step.kind === 'done' ? (
            <ImportDone created={step.created} passwords={step.passwords} advice={step.advice} onDone={onClose} />
          ) : null}
          <BusyStatus busy={busy} error={error} />
        </div>
      )}
    </Modal>
  );
}

function SampleTable({ opened }: { opened: ImportOpened }) {
  return (
    <table className="data-table" aria-label="First rows of the spreadsheet">
      <thead>
        <tr>
          {opened.headers.map((h, i) => (
            <th key={i} scope="col">
              {h || `Column ${i + 1}`}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {opened.sample.map((row, r) => (
          <tr key={r}>
            {opened.headers.map((_h, c) => (
              <td key={c}>{row[c] ?? ''}</td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
