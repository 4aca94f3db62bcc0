import { useState } from 'react';
import { useForm, type UseFormReturn } from 'react-hook-form';
import { migrateFormatLabels, type MigrateChoice, type MigratePreview } from '../../../../shared/contract';
import { BusyStatus } from '../../components/BusyStatus';
import { ImportDone } from '../../components/ImportDone';
import { Modal } from '../../components/Modal';
import { useMutate } from '../../data/queries';
import { plural } from '../../format';
import { useBusy } from '../../hooks/use-busy';
import { MigrateEntries, type ChoicesForm } from './MigrateEntries';
import './backup.css';

type Step =
  | { kind: 'start' }
  | { kind: 'review'; preview: MigratePreview }
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
 * import all of them or none. Passwords stay in the main process. The
 * choices are a form: checked when they are as they were last checked.
 */
export function MigrateWizard({ onClose }: { onClose: () => void }) {
  const [step, setStep] = useState<Step>({ kind: 'start' });
  const form = useForm<ChoicesForm>({ defaultValues: { choices: [] } });
  const open = useMutate('migrate.open', { handled: true });
  const preview = useMutate('migrate.preview', { handled: true });
  const commit = useMutate('migrate.commit', { handled: true });
  const cancel = useMutate('migrate.cancel', { handled: true });
  const { busy, error, guard } = useBusy();

  const choose = () =>
    guard('Reading the export…', async () => {
      const opened = await open.mutateAsync({});
      if (opened.cancelled) return;
      form.reset({ choices: choicesOf(opened) });
      setStep({ kind: 'review', preview: opened });
    });
  const check = (migrateId: string) =>
    guard('Checking every ticked entry…', async () => {
      const current = form.getValues('choices');
      setStep({ kind: 'review', preview: await preview.mutateAsync({ migrateId, choices: current }) });
      form.reset({ choices: current });
    });
  const importAll = (migrateId: string) =>
    guard('Importing and encrypting the passwords…', async () => {
      const done = await commit.mutateAsync({ migrateId, choices: form.getValues('choices') });
      const details = [
        done.updated ? `${plural(done.updated, 'password')} updated on accounts already in the register` : '',
        done.notImported.length ? `${plural(done.notImported.length, 'entry', 'entries')} not imported` : '',
      ].filter(Boolean);
      setStep({ kind: 'done', created: done.created, passwords: done.passwordsStored, advice: done.advice, details });
    });
  const close = () => {
    if (step.kind === 'review') cancel.mutate({ migrateId: step.preview.migrateId });
    onClose();
  };

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
              <div className="actions">
                <button type="button" onClick={close}>
                  Cancel
                </button>
                <button type="button" className="primary" onClick={choose} disabled={busy !== null}>
                  Choose the export file…
                </button>
              </div>
            </>
          ) : null}
          {step.kind === 'review' ? (
            <ReviewStep
              preview={step.preview}
              form={form}
              busy={busy !== null}
              onCancel={close}
              onCheck={() => check(step.preview.migrateId)}
              onImport={() => importAll(step.preview.migrateId)}
            />
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

/** The entries to tick and correct, what the last check found, and Check again or Import. */
function ReviewStep({
  preview,
  form,
  busy,
  onCancel,
  onCheck,
  onImport,
}: {
  preview: MigratePreview;
  form: UseFormReturn<ChoicesForm>;
  busy: boolean;
  onCancel: () => void;
  onCheck: () => void;
  onImport: () => void;
}) {
  const choices = form.watch('choices');
  // Checked while the choices are as they were when last checked.
  const checked = !form.formState.isDirty;
  return (
    <>
      <p>
        <strong>{preview.fileName}</strong>, a {migrateFormatLabels[preview.format]}:{' '}
        {plural(preview.counts.entries, 'login')}
        {preview.skipped ? `, ${preview.skipped} other items left out (cards, notes, deleted)` : ''}. Tick the
        school&apos;s social media accounts and check each platform and handle.
      </p>
      <p className="hint" role="status">
        <MigrateStatus preview={preview} checked={checked} />
      </p>
      <MigrateEntries preview={preview} meta={{ register: form.register, choices, checked }} />
      <div className="actions">
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
        <button type="button" onClick={onCheck} disabled={busy}>
          Check again
        </button>
        <button type="button" className="primary" onClick={onImport} disabled={busy || !checked || !preview.canCommit}>
          Import {plural(choices.filter((c) => c.include).length, 'account')}
        </button>
      </div>
    </>
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
