import { createColumnHelper } from '@tanstack/react-table';
import { useState } from 'react';
import type { BackupStatus } from '../../../../shared/contract';
import { ukDateTime } from '../../../../shared/time';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { BusyStatus } from '../../components/BusyStatus';
import { DataTable, useDataTable } from '../../components/DataTable';
import { errorMessage } from '../../components/error-message';
import { SavedNotice } from '../../components/SavedNotice';
import { useMutate } from '../../data/queries';
import { PassphraseDialog } from './PassphraseDialog';
import './backup.css';
import { fileInWords } from '../../format';

type BackupFile = BackupStatus['automatic']['files'][number];

const size = (bytes: number) =>
  bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.ceil(bytes / 1024)} KB`;

const column = createColumnHelper<BackupFile>();
const columns = [
  column.accessor('name', { header: 'File', cell: (info) => <span className="mono">{info.getValue()}</span> }),
  column.accessor('modifiedAt', { header: 'Saved', cell: (info) => ukDateTime(info.getValue()) }),
  column.accessor('sizeBytes', { header: 'Size', cell: (info) => size(info.getValue()) }),
];

/** Daily backups to a folder the administrator picks (a network share or OneDrive), keeping the newest N. */
export function AutomaticBackupsCard({ status, unlocked }: { status: BackupStatus; unlocked: boolean }) {
  const [setting, setSetting] = useState(false);
  const [stopping, setStopping] = useState(false);
  const [message, setMessage] = useState<{ text: string } | null>(null);
  const runNow = useMutate('backup.runNow', { handled: true });
  const stop = useMutate('backup.stopAutomatic', { handled: true });
  const setAutomatic = useMutate('backup.setAutomatic', { handled: true });
  const busy = runNow.isPending ? 'Backing up…' : stop.isPending ? 'Turning off…' : null;
  const failed = runNow.isError ? runNow.error : stop.isError ? stop.error : null;
  const { automatic } = status;
  const table = useDataTable({ data: automatic.files, columns, options: { getRowId: (f) => f.name } });

  return (
    <section className="card" aria-labelledby="automatic-title">
      <h2 id="automatic-title">Automatic backups</h2>
      <AutomaticState status={status} />
      {automatic.files.length > 0 ? (
        <DataTable table={table} label="Automatic backups in the folder" height="rows" empty={<p>No backups yet.</p>} />
      ) : null}
      <div className="actions">
        <button type="button" onClick={() => setSetting(true)} disabled={!unlocked || busy !== null}>
          {automatic.active ? 'Change folder or passphrase…' : 'Set up automatic backups…'}
        </button>
        {automatic.active ? (
          <>
            <button
              type="button"
              disabled={!unlocked || busy !== null}
              onClick={() =>
                runNow.mutate(
                  {},
                  { onSuccess: (written) => setMessage({ text: `Saved ${fileInWords(written.path)}.` }) },
                )
              }
            >
              Back up now
            </button>
            <button type="button" disabled={!unlocked || busy !== null} onClick={() => setStopping(true)}>
              Turn off
            </button>
          </>
        ) : null}
      </div>
      <ConfirmDialog
        title="Turn off automatic backups?"
        isOpen={stopping}
        confirmLabel="Turn off automatic backups"
        onCancel={() => setStopping(false)}
        onConfirm={async () => {
          await stop.mutateAsync({});
          setStopping(false);
          setMessage({ text: 'Automatic backups are off. The files already in the folder are kept.' });
        }}
      >
        <p>
          No more daily backups will be made until you set them up again. The backups already in the folder are kept.
        </p>
      </ConfirmDialog>
      <BusyStatus busy={busy} error={failed ? errorMessage(failed, 'That did not work.') : null} />
      <SavedNotice message={message?.text ?? ''} token={message} />
      {setting ? (
        <PassphraseDialog
          title="Set up automatic backups"
          intro={
            <p>
              Choose a passphrase for the automatic backups, then choose the folder: the first backup is saved there
              now, and one each day after that. Keyholder keeps this passphrase in this computer&apos;s keychain, so it
              does not ask every day; you will need it to restore one of these backups.
            </p>
          }
          submitLabel="Choose the folder and save the first backup…"
          busyLabel="Encrypting and saving the first backup…"
          askKeep={automatic.keep}
          onSubmit={async ({ passphrase, keep }) => {
            const result = await setAutomatic.mutateAsync({ passphrase, keep });
            return result.cancelled
              ? null
              : `Automatic backups are on. The first one is saved: ${fileInWords(result.path)}.`;
          }}
          onClose={() => setSetting(false)}
        />
      ) : null}
    </section>
  );
}

/** On, waiting for its passphrase again on this computer, or not set up; and the last failure. */
function AutomaticState({ status: { automatic } }: { status: BackupStatus }) {
  return (
    <>
      {automatic.active ? (
        <p>
          Every day Keyholder is open and unlocked, a backup is saved in{' '}
          <span className="mono">{automatic.folder}</span>, keeping the newest {automatic.keep}. The passphrase is kept
          in this computer&apos;s keychain.
        </p>
      ) : automatic.folder ? (
        <p className="warn-text">
          Automatic backups to <span className="mono">{automatic.folder}</span> need their passphrase again on this
          computer. Set them up again.
        </p>
      ) : (
        <p>
          Not set up. Choose a folder that is itself backed up, such as the school&apos;s network share or your OneDrive
          folder, so the backups survive if this laptop does not.
        </p>
      )}
      {automatic.lastError ? (
        <p className="field-error" role="alert">
          The last automatic backup failed: {automatic.lastError}
        </p>
      ) : null}
    </>
  );
}
