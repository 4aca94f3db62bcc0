import { useState } from 'react';
import { ImportDone } from '../../components/ImportDone';
import { BusyStatus } from '../../components/BusyStatus';
import { useBusy } from '../../hooks/use-busy';
import { migrateFormatLabels, type MigrateChoice, type MigratePreview } from '../../../../shared/contract';
import { platformIds, platformLabels, type PlatformId } from '../../../../shared/policy/platforms';
import { useApi } from '../../api/context';
import { Modal } from '../../components/Modal';
import { plural } from '../../format';
import './backup.css';

type Step =
  | { kind: 'start' }
  | { kind: 'review'; preview: MigratePreview; choices: MigrateChoice[]; checked: boolean }
  | { kind: 'done'; created: number; passwords: number; advice: string; details: string[] };

const choicesOf = (preview: MigratePreview): MigrateChoice[] =>
  preview.rows.map(({ entry, include, platform, handle, updateExisting }) => ({
    entry,
    include,
    platform,
    handle,
    updateExisting,
  }));

/**
 * Moving in from KeePassXC or Bitwarden: choose the export, tick the school's
 * social media logins and correct their platform and handle, check, then
 * import all of them or none. Passwords stay in the main process.
 */
export function MigrateWizard({ onClose }: { onClose: () => void }) {
  const api = useApi();
  const [step, setStep] = useState<Step>({ kind: 'start' });

  const { busy, error, guard } = useBusy();
  const open = () =>
    guard('Reading the export…', async () => {
      const opened = await api.migrate.open({}, { handled: true });
      if (!opened.cancelled) setStep({ kind: 'review', preview: opened, choices: choicesOf(opened), checked: true });
    });
  const check = (s: Extract<Step, { kind: 'review' }>) =>
    guard('Checking every ticked entry…', async () => {
      const preview = await api.migrate.preview(
        { migrateId: s.preview.migrateId, choices: s.choices },
        { handled: true },
      );
      setStep({ ...s, preview, checked: true });
    });
  const commit = (s: Extract<Step, { kind: 'review' }>) =>
    guard('Importing and encrypting the passwords…', async () => {
      const done = await api.migrate.commit({ migrateId: s.preview.migrateId, choices: s.choices }, { handled: true });
      const details = [
        done.updated ? `${plural(done.updated, 'password')} updated on accounts already in the register` : '',
        done.notImported.length ? `${plural(done.notImported.length, 'entry', 'entries')} not imported` : '',
      ].filter(Boolean);
      setStep({ kind: 'done', created: done.created, passwords: done.passwordsStored, advice: done.advice, details });
    });
  const close = () => {
    if (step.kind === 'review') void api.migrate.cancel({ migrateId: step.preview.migrateId }, { handled: true });
    onClose();
  };
  const change = (s: Extract<Step, { kind: 'review' }>, entry: number, patch: Partial<MigrateChoice>) =>
    setStep({ ...s, checked: false, choices: s.choices.map((c) => (c.entry === entry ? { ...c, ...patch } : c)) });

  return (
    <Modal title="Import from KeePassXC or Bitwarden" isOpen onOpenChange={(o) => (o ? undefined : close())} wide>
      {() => (
        <div className="migrate-wizard">
          {step.kind === 'start' ? (
            <>
              <p>
                In KeePassXC choose Database &gt; Export &gt; CSV File. In Bitwarden choose Tools &gt; Export vault with
                the file format .json or .csv (not &quot;Encrypted&quot;). Then choose that file here. Delete it
                afterwards: it holds every password unencrypted.
              </p>
              <button type="button" className="primary" onClick={open} disabled={busy !== null}>
                Choose the export file…
              </button>
            </>
          ) : null}
          {step.kind === 'review' ? (
            <>
              <p>
                <strong>{step.preview.fileName}</strong>, a {migrateFormatLabels[step.preview.format]}:{' '}
                {plural(step.preview.counts.entries, 'login')}
                {step.preview.skipped ? `, ${step.preview.skipped} other items left out (cards, notes, deleted)` : ''}.
                Tick the school&apos;s social media accounts and check each platform and handle.
              </p>
              <p className="hint" role="status">
                <MigrateStatus preview={step.preview} checked={step.checked} />
              </p>
              <div className="table-scroll short">
                <table className="data-table" aria-label="Entries to import">
                  <thead>
                    <tr>
                      <th scope="col">Import</th>
                      <th scope="col">Entry</th>
                      <th scope="col">Platform</th>
                      <th scope="col">Handle</th>
                      <th scope="col">Check</th>
                    </tr>
                  </thead>
                  <tbody>
                    {step.preview.rows.map((row) => {
                      const choice = step.choices.find((c) => c.entry === row.entry)!;
                      const name = row.title || `entry ${row.entry}`;
                      return (
                        <tr key={row.entry} data-ok={row.errors.length === 0 ? 'true' : 'false'}>
                          <td>
                            <input
                              type="checkbox"
                              aria-label={`Import ${name}`}
                              checked={choice.include}
                              onChange={(e) => change(step, row.entry, { include: e.target.checked })}
                            />
                          </td>
                          <td>
                            <strong>{row.title}</strong>
                            <span className="muted migrate-source">
                              {[row.group, row.username, ...row.urls].filter(Boolean).join(' · ')}
                              {row.historyCount ? ` · ${plural(row.historyCount, 'previous password')}` : ''}
                            </span>
                          </td>
                          <td>
                            <select
                              aria-label={`Platform of ${name}`}
                              value={choice.platform ?? ''}
                              onChange={(e) =>
                                change(step, row.entry, { platform: (e.target.value || null) as PlatformId | null })
                              }
                            >
                              <option value="">Choose…</option>
                              {platformIds.map((id) => (
                                <option key={id} value={id}>
                                  {platformLabels[id]}
                                </option>
                              ))}
                            </select>
                          </td>
                          <td>
                            <input
                              aria-label={`Handle of ${name}`}
                              value={choice.handle}
                              onChange={(e) => change(step, row.entry, { handle: e.target.value })}
                            />
                          </td>
                          <td>
                            {row.existingAccountId !== null && choice.include ? (
                              <label className="field checkbox">
                                <input
                                  type="checkbox"
                                  checked={choice.updateExisting}
                                  onChange={(e) => change(step, row.entry, { updateExisting: e.target.checked })}
                                />
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
                            {choice.include && step.checked ? (
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
                          </td>
                        </tr>
                      );
                    })}
                  </tbody>
                </table>
              </div>
              <div className="actions">
                <button type="button" onClick={close}>
                  Cancel
                </button>
                <button type="button" onClick={() => check(step)} disabled={busy !== null}>
                  Check again
                </button>
                <button
                  type="button"
                  className="primary"
                  onClick={() => commit(step)}
                  disabled={busy !== null || !step.checked || !step.preview.canCommit}
                >
                  Import {plural(step.choices.filter((c) => c.include).length, 'account')}
                </button>
              </div>
            </>
          ) : null}
          {step.kind === 'done' ? (
            <ImportDone
              created={step.created}
              passwords={step.passwords}
              advice={step.advice}
              details={step.details}
              onDone={onClose}
            />
          ) : null}
          <BusyStatus busy={busy} error={error} />
        </div>
      )}
    </Modal>
  );
}

/** The line above the entries: ready, needs fixing, or nothing ticked and why. */
function MigrateStatus({ preview, checked }: { preview: MigratePreview; checked: boolean }) {
  const { counts } = preview;
  if (!checked) return <>You changed the choices: choose &quot;Check again&quot; before importing.</>;
  if (counts.included === 0) {
    const recognised = preview.rows.filter((row) => row.recognised).length;
    return (
      <>
        No entries are ticked. Keyholder recognised {recognised} of {plural(counts.entries, 'login')} as the
        school&apos;s social media accounts; tick any you want to import (one it did not recognise is imported as
        Other).
      </>
    );
  }
  if (preview.canCommit)
    return <>All {plural(counts.included, 'ticked entry', 'ticked entries')} are ready to import.</>;
  return (
    <>
      {counts.errors} of {plural(counts.included, 'ticked entry', 'ticked entries')} need fixing before anything can be
      imported.
    </>
  );
}
