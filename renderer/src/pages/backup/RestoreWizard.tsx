import { fileInWords } from '../../format';
import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { contract, type BackupSummary, type ChannelOutput, type RestoreInspected } from '../../../../shared/contract';
import { ukDateOf, ukDateTime } from '../../../../shared/time';
import { BusyStatus } from '../../components/BusyStatus';
import { Modal } from '../../components/Modal';
import { useMutate } from '../../data/queries';
import { plural } from '../../format';
import { useBusy } from '../../hooks/use-busy';
import './backup.css';

type Opened = Extract<ChannelOutput<'restore.open'>, { cancelled: false }>;
type Step =
  | { kind: 'choose' }
  | { kind: 'passphrase'; opened: Opened }
  | { kind: 'confirm'; opened: Opened; inspected: RestoreInspected }
  | { kind: 'done'; message: string; snapshotPath: string | null };

function Contents({ summary }: { summary: BackupSummary }) {
  const { counts } = summary;
  return (
    <dl className="facts backup-facts">
      <dt>School</dt>
      <dd>{summary.schoolName}</dd>
      <dt>Made</dt>
      <dd>
        {ukDateTime(summary.createdAt)} by {summary.createdBy}
        {summary.automatic ? ' (automatic)' : ''}
      </dd>
      <dt>Contents</dt>
      <dd>
        {[
          plural(counts.accounts, 'account'),
          `${plural(counts.passwords, 'password')} (${counts.passwordHistory} previous)`,
          plural(counts.people, 'person', 'people'),
          plural(counts.holders, 'holder'),
          plural(counts.rotations, 'rotation'),
          plural(counts.auditEntries, 'audit entry', 'audit entries'),
        ].join(', ')}
      </dd>
    </dl>
  );
}

/**
 * Restore in four steps: choose the file, enter its passphrase, see what is
 * in it and what will happen, then restore. The window reloads afterwards,
 * because everything it showed came from the vault that was replaced.
 */
export function RestoreWizard({ onClose }: { onClose: () => void }) {
  const [step, setStep] = useState<Step>({ kind: 'choose' });
  const open = useMutate('restore.open', { handled: true });
  const inspect = useMutate('restore.inspect', { handled: true });
  const commit = useMutate('restore.commit', { handled: true });
  const cancel = useMutate('restore.cancel', { handled: true });
  const { busy, error, guard } = useBusy();
  const choose = () =>
    guard('Reading the backup…', async () => {
      const opened = await open.mutateAsync({});
      if (!opened.cancelled) setStep({ kind: 'passphrase', opened });
    });
  const unlock = (opened: Opened, passphrase: string) =>
    guard('Checking the passphrase and every record in the backup…', async () => {
      const inspected = await inspect.mutateAsync({ restoreId: opened.restoreId, passphrase });
      setStep({ kind: 'confirm', opened, inspected });
    });
  const restore = (opened: Opened) =>
    guard('Restoring: re-encrypting every password and replacing the vault…', async () => {
      const done = await commit.mutateAsync({ restoreId: opened.restoreId });
      setStep({ kind: 'done', message: done.message, snapshotPath: done.snapshotPath });
    });
  const close = () => {
    if (step.kind === 'passphrase' || step.kind === 'confirm')
      cancel.mutate({ restoreId: step.opened.restoreId }, { onError: () => undefined });
    if (step.kind === 'done') window.location.reload();
    else onClose();
  };

  return (
    <Modal title="Restore from a backup" isOpen onOpenChange={(isOpen) => (isOpen ? undefined : close())} wide>
      {() => (
        <div className="restore-wizard">
          {step.kind === 'choose' ? (
            <>
              <p>
                Choose a Keyholder backup (a file ending in .khbackup), for example from the school&apos;s network share
                or OneDrive. You will need the passphrase it was made with.
              </p>
              <div className="actions">
                <button type="button" onClick={close}>
                  Cancel
                </button>
                <button type="button" className="primary" onClick={choose} disabled={busy !== null}>
                  Choose the backup file…
                </button>
              </div>
            </>
          ) : null}
          {step.kind === 'passphrase' ? (
            <PassphraseStep
              opened={step.opened}
              busy={busy !== null}
              onCancel={close}
              onOpen={(passphrase) => unlock(step.opened, passphrase)}
            />
          ) : null}
          {step.kind === 'confirm' ? (
            <>
              <h3>The backup opened and every record checks out</h3>
              <Contents summary={step.inspected.summary} />
              <p className={step.inspected.mode === 'replace' ? 'warn-text' : undefined}>
                {step.inspected.explanation}
              </p>
              <div className="actions">
                <button type="button" onClick={close} disabled={busy !== null}>
                  Cancel
                </button>
                <button type="button" className="primary" onClick={() => restore(step.opened)} disabled={busy !== null}>
                  {step.inspected.mode === 'replace' ? 'Replace this vault with the backup' : 'Restore this backup'}
                </button>
              </div>
            </>
          ) : null}
          {step.kind === 'done' ? <RestoreDone message={step.message} snapshotPath={step.snapshotPath} /> : null}
          <BusyStatus busy={busy} error={error} />
        </div>
      )}
    </Modal>
  );
}

const passphraseSchema = contract['restore.inspect'].input.pick({ passphrase: true });

/** The backup's passphrase, to open it and check every record in it. */
function PassphraseStep({
  opened,
  busy,
  onCancel,
  onOpen,
}: {
  opened: Opened;
  busy: boolean;
  onCancel: () => void;
  onOpen: (passphrase: string) => Promise<void>;
}) {
  const { register, handleSubmit, watch } = useForm({
    resolver: zodResolver(passphraseSchema),
    defaultValues: { passphrase: '' },
  });
  const submit = handleSubmit(({ passphrase }) => onOpen(passphrase));
  return (
    <form onSubmit={(event) => void submit(event)} noValidate>
      <p>
        <strong>{opened.fileName}</strong>, made on {ukDateOf(opened.header.createdAt)} for {opened.header.schoolName}.
        Enter its passphrase to check it and see what is in it.
      </p>
      <div className="field">
        <label htmlFor="restore-passphrase">Backup passphrase</label>
        <input id="restore-passphrase" type="password" autoComplete="off" {...register('passphrase')} />
      </div>
      <div className="actions">
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
        <button type="submit" className="primary" disabled={busy || watch('passphrase') === ''}>
          Open the backup
        </button>
      </div>
    </form>
  );
}

function RestoreDone({ message, snapshotPath }: { message: string; snapshotPath: string | null }) {
  return (
    <div role="status" className="backup-done">
      <h3>Restore complete</h3>
      <p>{message}</p>
      {snapshotPath ? (
        <p>
          Keyholder kept {fileInWords(snapshotPath)} in its own folder (Settings shows where), in case you need to go
          back.
        </p>
      ) : null}
      <button type="button" className="primary" onClick={() => window.location.reload()}>
        Open the restored vault
      </button>
    </div>
  );
}

/** For the first-run screen: a new computer can start from a backup instead of an empty vault. */
export function RestoreFromBackupButton() {
  const [open, setOpen] = useState(false);
  return (
    <div className="restore-from-backup">
      <p>Moving from another computer, or replacing a broken one?</p>
      <button type="button" onClick={() => setOpen(true)}>
        Restore from a backup…
      </button>
      {open ? <RestoreWizard onClose={() => setOpen(false)} /> : null}
    </div>
  );
}
