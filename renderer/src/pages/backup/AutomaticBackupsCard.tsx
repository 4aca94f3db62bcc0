import { useState } from 'react';
import type { BackupStatus } from '../../../../shared/contract';
import { useApi } from '../../api/context';
import { formatDateTime } from '../../format';
import { PassphraseDialog } from './PassphraseDialog';
import './backup.css';

const size = (bytes: number) =>
  bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.ceil(bytes / 1024)} KB`;

/** Daily backups to a folder the administrator picks (a network share or OneDrive), keeping the newest N. */
export function AutomaticBackupsCard({
  status,
  unlocked,
  onChanged,
}: {
  status: BackupStatus;
  unlocked: boolean;
  onChanged: () => void;
}) {
  const api = useApi();
  const [setting, setSetting] = useState(false);
  const [busy, setBusy] = useState<string | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const { automatic } = status;

  const run = async (label: string, work: () => Promise<string>) => {
    setBusy(label);
    setMessage(null);
    try {
      setMessage(await work());
    } catch (error) {
      setMessage(error instanceof Error ? error.message : 'That did not work.');
    } finally {
      setBusy(null);
      onChanged();
    }
  };

  return (
    <section className="card" aria-labelledby="automatic-title">
      <h2 id="automatic-title">Automatic backups</h2>
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
      {automatic.files.length > 0 ? (
        <table className="data-table" aria-label="Automatic backups in the folder">
          <thead>
            <tr>
              <th scope="col">File</th>
              <th scope="col">Saved</th>
              <th scope="col">Size</th>
            </tr>
          </thead>
          <tbody>
            {automatic.files.map((file) => (
              <tr key={file.name}>
                <td className="mono">{file.name}</td>
                <td>{formatDateTime(file.modifiedAt)}</td>
                <td>{size(file.sizeBytes)}</td>
              </tr>
            ))}
          </tbody>
        </table>
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
                run('Backing up…', async () => {
                  const written = await api.backup.runNow({}, { handled: true });
                  return `Saved ${written.path}.`;
                })
              }
            >
              Back up now
            </button>
            <button
              type="button"
              disabled={!unlocked || busy !== null}
              onClick={() =>
                run('Turning off…', async () => {
                  await api.backup.stopAutomatic({}, { handled: true });
                  return 'Automatic backups are off. The files already in the folder are kept.';
                })
              }
            >
              Turn off
            </button>
          </>
        ) : null}
      </div>
      {busy ? (
        <p className="busy-progress" role="status">
          <progress aria-label={busy} /> {busy}
        </p>
      ) : message ? (
        <p role="status">{message}</p>
      ) : null}
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
            const result = await api.backup.setAutomatic({ passphrase, keep }, { handled: true });
            onChanged();
            return result.cancelled ? null : `Automatic backups are on. The first one is saved: ${result.path}.`;
          }}
          onClose={() => setSetting(false)}
        />
      ) : null}
    </section>
  );
}
