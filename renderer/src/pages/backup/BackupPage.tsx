import { useState } from 'react';
import { ukDateTime } from '../../../../shared/time';
import { AsyncContent } from '../../components/AsyncContent';
import { useChannel, useMutate } from '../../data/queries';
import { plural, fileInWords } from '../../format';
import { useVault } from '../../vault/VaultProvider';
import { AutomaticBackupsCard } from './AutomaticBackupsCard';
import { EmergencyKitCard } from './EmergencyKitCard';
import { MigrateWizard } from './MigrateWizard';
import { PassphraseDialog } from './PassphraseDialog';
import { RestoreWizard } from './RestoreWizard';
import './backup.css';

type Dialog = 'backup' | 'restore' | 'keepass' | 'migrate' | null;

/** #/settings/backup: encrypted backup, restore, KeePassXC export and imports. */
export function BackupPage() {
  const { status: vault } = useVault();
  const unlocked = vault?.state === 'unlocked';
  const backup = useChannel('backup.status', {});
  const status = backup.data;
  const [dialog, setDialog] = useState<Dialog>(null);
  const close = () => setDialog(null);

  return (
    <section className="page backup-page" aria-labelledby="page-title">
      <p className="breadcrumb">
        <a href="#/settings">Settings</a>
      </p>
      <h1 id="page-title">Backup and restore</h1>
      <p>
        The vault&apos;s key is kept in this computer&apos;s keychain. If this computer fails or is replaced, only a
        backup brings the accounts and passwords back. A backup is one file, encrypted with a passphrase you choose.
      </p>
      {!unlocked ? <p className="warn-text">Unlock the vault to make backups or exports.</p> : null}

      <section className="card" aria-labelledby="backups-title">
        <h2 id="backups-title">Backups</h2>
        <AsyncContent query={backup} loading="Checking…">
          {({ lastBackupAt, warning }) => (
            <>
              <p data-testid="last-backup">
                {lastBackupAt ? `Last backup: ${ukDateTime(lastBackupAt)}.` : 'No backup has been made yet.'}
              </p>
              {warning ? <p className="warn-text">{warning}</p> : null}
            </>
          )}
        </AsyncContent>
        <div className="actions">
          <button type="button" className="primary" onClick={() => setDialog('backup')} disabled={!unlocked}>
            Make a backup now…
          </button>
          <button type="button" onClick={() => setDialog('restore')}>
            Restore from a backup…
          </button>
        </div>
      </section>

      {status ? <AutomaticBackupsCard status={status} unlocked={unlocked} /> : null}
      <EmergencyKitCard unlocked={unlocked} />

      <section className="card" aria-labelledby="other-managers-title">
        <h2 id="other-managers-title">Other password managers</h2>
        <p>
          Export every account to a KeePassXC database (.kdbx) protected by a passphrase: one entry per account, grouped
          by platform, with its password history. Or move in from KeePassXC or Bitwarden.
        </p>
        <div className="actions">
          <button type="button" onClick={() => setDialog('keepass')} disabled={!unlocked}>
            Export to KeePassXC…
          </button>
          <button type="button" onClick={() => setDialog('migrate')} disabled={!unlocked}>
            Import from KeePassXC or Bitwarden…
          </button>
        </div>
      </section>

      {dialog === 'backup' ? <MakeBackupDialog onClose={close} /> : null}
      {dialog === 'keepass' ? <KeepassExportDialog onClose={close} /> : null}
      {dialog === 'restore' ? <RestoreWizard onClose={close} /> : null}
      {dialog === 'migrate' ? <MigrateWizard onClose={close} /> : null}
    </section>
  );
}

/** A backup of the whole vault, encrypted with a passphrase, saved where the administrator chooses. */
function MakeBackupDialog({ onClose }: { onClose: () => void }) {
  const create = useMutate('backup.create', { handled: true });
  return (
    <PassphraseDialog
      title="Make a backup"
      intro={
        <p>
          The backup holds the whole vault: accounts, people, holders, rotations, the audit log and every password,
          encrypted with this passphrase. Save it somewhere other than this computer.
        </p>
      }
      submitLabel="Choose where to save…"
      busyLabel="Encrypting and saving the backup…"
      onSubmit={async ({ passphrase }) => {
        const result = await create.mutateAsync({ passphrase });
        return result.cancelled
          ? null
          : `Backup saved as ${fileInWords(result.path)} (${plural(result.counts.accounts, 'account')}, ${plural(result.counts.passwords, 'password')}).`;
      }}
      onClose={onClose}
    />
  );
}

/** Every account as a KeePassXC database, protected by a passphrase. */
function KeepassExportDialog({ onClose }: { onClose: () => void }) {
  const exportKeepass = useMutate('migrate.exportKeepass', { handled: true });
  return (
    <PassphraseDialog
      title="Export to KeePassXC"
      intro={
        <p>
          KeePassXC will ask for this passphrase to open the file. Anyone with the file and the passphrase can read
          every password, so keep both safe, and delete the file when it is no longer needed.
        </p>
      }
      submitLabel="Choose where to save…"
      busyLabel="Building and encrypting the KeePassXC database…"
      onSubmit={async ({ passphrase }) => {
        const result = await exportKeepass.mutateAsync({ passphrase });
        return result.cancelled
          ? null
          : `Saved as ${fileInWords(result.path)}: ${plural(result.entries, 'entry', 'entries')} in ${plural(result.groups, 'group')}. Open it in KeePassXC with the passphrase.`;
      }}
      onClose={onClose}
    />
  );
}
