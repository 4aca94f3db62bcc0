import { useState } from 'react';
import type {
  ImportCommitted,
  ImportLayout,
  ImportMapping,
  ImportPersonChoice,
  ImportPreview,
  ImportRowChoice,
} from '../../../../shared/contract';
import { BusyStatus } from '../../components/BusyStatus';
import { ImportDone } from '../../components/ImportDone';
import { Modal } from '../../components/Modal';
import { useMutate } from '../../data/queries';
import { plural } from '../../format';
import { useBusy } from '../../hooks/use-busy';
import { ImportColumns } from './ImportColumns';
import { ImportPeople } from './ImportPeople';
import { ImportRows } from './ImportRows';

interface Open {
  layout: ImportLayout;
  mapping: ImportMapping;
}
type Step =
  | { kind: 'start' }
  | ({ kind: 'columns' } & Open)
  | ({ kind: 'review'; preview: ImportPreview; rows: ImportRowChoice[]; people: ImportPersonChoice[] } & Open)
  | { kind: 'done'; result: ImportCommitted };

const merge = <T,>(list: T[], changed: T[], same: (a: T, b: T) => boolean) => [
  ...list.filter((item) => !changed.some((c) => same(c, item))),
  ...changed,
];

/**
 * Bringing in the school's spreadsheet: choose the file, the header row and
 * the columns, see every row checked (leave rows out, pick duplicates, say
 * who the named people are), then import everything included in one go or
 * nothing. The file is read in the main process; no password reaches this window.
 * Importing marks stale everything it adds to (the register, People, the
 * Dashboard's checks), so every screen shows the new accounts at once.
 */
export function ImportWizard({ onClose }: { onClose: () => void }) {
  const api = useImportCalls();
  const [step, setStep] = useState<Step>({ kind: 'start' });
  const { busy, error, guard } = useBusy();
  const importId = step.kind === 'columns' || step.kind === 'review' ? step.layout.importId : null;

  const open = () =>
    guard('Reading the spreadsheet…', async () => {
      if (importId) await api.cancel.mutateAsync({ importId });
      const opened = await api.open.mutateAsync({});
      if (!opened.cancelled) setStep({ kind: 'columns', layout: opened, mapping: opened.suggestedMapping });
    });
  const headerRow = (layout: ImportLayout, headerRowNumber: number) =>
    guard('Reading the column names…', async () => {
      const next = await api.setHeaderRow.mutateAsync({ importId: layout.importId, headerRowNumber });
      setStep({ kind: 'columns', layout: next, mapping: next.suggestedMapping });
    });
  const check = (s: Open, rows: ImportRowChoice[], people: ImportPersonChoice[]) => {
    // The choice shows at once (a ticked box stays ticked); the rows' checks follow.
    if (step.kind === 'review') setStep({ ...step, rows, people });
    return guard('Checking every row…', async () => {
      const request = { importId: s.layout.importId, mapping: s.mapping, rows, people };
      const preview = await api.preview.mutateAsync(request);
      setStep({ kind: 'review', layout: s.layout, mapping: s.mapping, preview, rows, people });
    });
  };
  const commit = (s: Extract<Step, { kind: 'review' }>) =>
    guard('Importing and encrypting the passwords…', async () => {
      const request = { importId: s.layout.importId, mapping: s.mapping, rows: s.rows, people: s.people };
      setStep({ kind: 'done', result: await api.commit.mutateAsync(request) });
    });
  const close = () => {
    if (importId) api.cancel.mutate({ importId });
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
                row, and writes nothing until every row you include is right. Passwords go straight into the encrypted
                vault.
              </p>
              <div className="actions">
                <button type="button" onClick={close}>
                  Cancel
                </button>
                <button type="button" className="primary" onClick={open} disabled={busy !== null}>
                  Choose the spreadsheet…
                </button>
              </div>
            </>
          ) : null}
          {step.kind === 'columns' ? (
            <>
              <ImportColumns
                layout={step.layout}
                mapping={step.mapping}
                maskedColumns={maskedFor(step.layout.maskedColumns, step.mapping)}
                sample={maskSample(step.layout.sample, step.mapping)}
                disabled={busy !== null}
                onHeaderRow={(n) => void headerRow(step.layout, n)}
                onMapping={(mapping) => setStep({ ...step, mapping })}
              />
              <div className="actions">
                <button type="button" onClick={close}>
                  Cancel
                </button>
                <button type="button" onClick={open} disabled={busy !== null}>
                  Open another file
                </button>
                <button type="button" className="primary" onClick={() => check(step, [], [])} disabled={busy !== null}>
                  Check every row
                </button>
              </div>
            </>
          ) : null}
          {step.kind === 'review' ? (
            <Review
              step={step}
              busy={busy !== null}
              check={check}
              commit={commit}
              back={() => setStep({ kind: 'columns', layout: step.layout, mapping: step.mapping })}
              close={close}
            />
          ) : null}
          {step.kind === 'done' ? <Done result={step.result} onDone={onClose} /> : null}
          <BusyStatus busy={busy} error={error} />
        </div>
      )}
    </Modal>
  );
}

/** Every step of an import, its errors shown in the wizard. */
function useImportCalls() {
  return {
    open: useMutate('import.open', { handled: true }),
    setHeaderRow: useMutate('import.setHeaderRow', { handled: true }),
    preview: useMutate('import.preview', { handled: true }),
    commit: useMutate('import.commit', { handled: true }),
    cancel: useMutate('import.cancel', { handled: true }),
  };
}

function Review({
  step,
  busy,
  check,
  commit,
  back,
  close,
}: {
  step: Extract<Step, { kind: 'review' }>;
  busy: boolean;
  check: (s: Open, rows: ImportRowChoice[], people: ImportPersonChoice[]) => Promise<void>;
  commit: (s: Extract<Step, { kind: 'review' }>) => Promise<void>;
  back: () => void;
  close: () => void;
}) {
  const { preview } = step;
  const c = preview.counts;
  const summary = preview.canCommit
    ? `All ${plural(c.included, 'included row')} ${c.included === 1 ? 'is' : 'are'} ready to import.`
    : c.included === 0
      ? 'Every row is left out: include at least one to import.'
      : `${c.errors} of ${plural(c.included, 'included row')} ${c.errors === 1 ? 'needs' : 'need'} fixing before anything can be imported.`;
  return (
    <>
      <h3 aria-live="polite">{summary}</h3>
      <p className="hint">
        {plural(c.rows, 'row')} read: {c.included} included, {c.excluded} left out, {plural(c.warnings, 'row')} with
        warnings, {plural(c.passwords, 'password')}
        {c.updates ? `, ${plural(c.updates, 'password update')}` : ''}
        {c.newPeople ? `, ${plural(c.newPeople, 'person', 'people')} to add to People` : ''}.
      </p>
      {preview.problems.length > 0 ? (
        <ul className="field-error" role="alert">
          {preview.problems.map((p) => (
            <li key={p}>{p}</li>
          ))}
        </ul>
      ) : null}
      {preview.notes.length > 0 ? (
        <ul className="hint import-notes" aria-label="Not imported">
          {preview.notes.map((n) => (
            <li key={n}>{n}</li>
          ))}
        </ul>
      ) : null}
      <ImportPeople
        preview={preview}
        disabled={busy}
        onChoose={(choice) =>
          void check(
            step,
            step.rows,
            merge(step.people, [choice], (a, b) => a.name === b.name),
          )
        }
      />
      <ImportRows
        preview={preview}
        choices={step.rows}
        disabled={busy}
        onChange={(changed) =>
          void check(
            step,
            merge(step.rows, changed, (a, b) => a.rowNumber === b.rowNumber),
            step.people,
          )
        }
      />
      <div className="actions">
        <button type="button" onClick={close}>
          Cancel
        </button>
        <button type="button" onClick={back} disabled={busy}>
          Back to the columns
        </button>
        <button
          type="button"
          className="primary"
          onClick={() => void commit(step)}
          disabled={busy || !preview.canCommit}
        >
          Import {plural(c.included, 'account')}
        </button>
      </div>
    </>
  );
}

function Done({ result, onDone }: { result: ImportCommitted; onDone: () => void }) {
  const details = [
    result.updated ? `${plural(result.updated, 'password')} updated on accounts already in the register` : '',
    result.holdersRecorded ? `${plural(result.holdersRecorded, 'holder')} recorded` : '',
    result.peopleCreated ? `${plural(result.peopleCreated, 'person', 'people')} added to People, to check` : '',
    result.approvalsRecorded ? `${plural(result.approvalsRecorded, 'approval')} recorded` : '',
    result.excluded ? `${plural(result.excluded, 'row')} left out` : '',
  ].filter(Boolean);
  return (
    <ImportDone
      created={result.created}
      passwords={result.passwordsStored}
      advice={result.advice}
      details={details}
      onDone={onDone}
    />
  );
}

/** The columns chosen as secrets are masked at once, before the next check. */
function maskedFor(masked: number[], mapping: ImportMapping): number[] {
  const chosen = [mapping.password, mapping.recoveryCodes].filter((i): i is number => i !== null);
  return [...new Set([...masked, ...chosen])];
}

function maskSample(sample: string[][], mapping: ImportMapping): string[][] {
  const masked = new Set(maskedFor([], mapping));
  return sample.map((row) => row.map((cell, i) => (masked.has(i) && cell !== '' ? '••••••' : cell)));
}
