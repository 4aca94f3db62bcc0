import { ukDateTime } from '../../shared/time';
import { breakable, escapeHtml as escape, printDocument, type PrintInfo } from '../lib/print-html';

/** What the kit says about this computer and its backups; never a secret. */
export interface KitContents {
  host: string;
  dataDir: string;
  administrator: string;
  backupFolder: string;
  backupKeep: number;
  lastBackupAt: string | null;
  /** The newest automatic backup's file name, as an example of what to look for; null if none. */
  newestBackup: string | null;
}

const style = `
@page { size: A4; margin: 16mm 16mm; }
body { font-family: 'Segoe UI', Arial, sans-serif; font-size: 11pt; color: #111; line-height: 1.35; }
h1 { font-size: 19pt; margin: 0 0 4pt; } h2 { font-size: 13pt; margin: 14pt 0 5pt; break-after: avoid; }
.muted { color: #444; } .warning { border: 2px solid #111; padding: 7pt 9pt; margin: 10pt 0; }
dl { display: grid; grid-template-columns: 44mm 1fr; gap: 3pt 8pt; margin: 0; } dt { font-weight: bold; } dd { margin: 0; }
ol li { margin-bottom: 4pt; }
.passphrase { border: 2px solid #111; padding: 8pt 10pt; break-inside: avoid; margin-top: 8pt; }
.passphrase .line { border-bottom: 1px solid #111; height: 13mm; }
.sign { margin-top: 18pt; display: flex; gap: 24pt; break-inside: avoid; } .sign div { flex: 1; border-top: 1px solid #111; padding-top: 4pt; }
`;

function restoreSteps(c: KitContents): string {
  const where = c.backupFolder
    ? `from the backup folder above (${breakable(c.backupFolder)}): the newest file, whose name starts "keyholder-backup-" followed by the date${c.newestBackup ? `, for example ${breakable(c.newestBackup)}` : ''}`
    : 'from wherever the last backup was saved (automatic backups are not set up, so ask the account administrator or IT support)';
  return `<ol>
<li>Use a school computer you can sign in to, with Keyholder installed on it (IT support can install the same program as on ${escape(c.host)}).</li>
<li>Copy the backup file ${where}. If the folder is on a network share or OneDrive, the computer must be connected to it.</li>
<li>Open Keyholder. It shows "Welcome to Keyholder". Choose <strong>Restore from a backup…</strong> (on a computer that already has a vault, go to Settings, then "Backup, restore and moving to or from other password managers", and choose Restore from a backup… there).</li>
<li>Choose <strong>Choose the backup file…</strong> and pick the file you copied.</li>
<li>Type the backup passphrase from the box below into <strong>Backup passphrase</strong>, exactly as written, and continue.</li>
<li>Keyholder checks the file and says how many accounts and passwords it holds. If that looks right, choose <strong>Restore this backup</strong>.</li>
<li>Choose <strong>Open the restored vault</strong>. The accounts, their passwords, the people and the audit log are as they were when the backup was made.</li>
<li>In Settings, give the new account administrator's name, then set up automatic backups again on this computer and print a new emergency kit for the safe.</li>
<li>If the administrator has left, record their departure under People: Keyholder lists the passwords they knew, to be changed.</li>
</ol>`;
}

/**
 * The emergency kit, for the school safe: which computer holds the vault,
 * where its automatic backups go, how to restore one on another computer,
 * and a box for the backup passphrase written by hand. The passphrase is
 * never printed: it is not in the database, and the kit is safe to print.
 */
export function kitHtml(c: KitContents, info: PrintInfo): string {
  const lastBackup = c.lastBackupAt ? ukDateTime(c.lastBackupAt) : 'No backup made yet';
  return printDocument({
    title: 'Keyholder emergency kit',
    style,
    body: `<h1>Keyholder emergency kit</h1>
<p class="muted">${escape(info.schoolName)}. Printed on ${escape(info.printedAt)} by ${escape(info.printedBy)}.</p>
<p class="warning"><strong>Keep this in the school safe.</strong> With the passphrase written below, it opens every password of the school's social media accounts. It is for the Headteacher if the account administrator is off sick or leaves suddenly.</p>
<h2>Where the vault is</h2>
<dl><dt>Computer</dt><dd>${escape(c.host)}</dd>
<dt>Keyholder's data folder</dt><dd>${breakable(c.dataDir)}</dd>
<dt>Account administrator</dt><dd>${escape(c.administrator || 'Not recorded')}</dd></dl>
<p>The vault's key is kept in that computer's own keychain. On any other computer, only a backup and its passphrase bring the accounts back.</p>
<h2>Where the automatic backups go</h2>
<dl><dt>Backup folder</dt><dd>${c.backupFolder ? breakable(c.backupFolder) : 'Automatic backups are not set up'}</dd>
<dt>Backups kept</dt><dd>${c.backupFolder ? `The newest ${c.backupKeep}, one a day while Keyholder runs` : 'None automatically'}</dd>
<dt>Last backup</dt><dd>${escape(lastBackup)}</dd></dl>
<h2>How to restore on another computer</h2>
${restoreSteps(c)}
<div class="passphrase"><h2>Backup passphrase</h2>
<p>Written by hand by the account administrator. Keyholder never prints it.</p>
<div class="line"></div><div class="line"></div></div>
<div class="sign"><div>Written by (account administrator): signature and date</div><div>Placed in the safe by (Headteacher): signature and date</div></div>`,
  });
}
