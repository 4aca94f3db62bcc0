/** #/settings/backup: encrypted backup, restore, KeePassXC export and imports. */
export function BackupPage() {
  return (
    <section className="page" aria-labelledby="page-title">
      <h1 id="page-title">Backup and restore</h1>
      <p>Backups arrive with the backup feature.</p>
    </section>
  );
}

/** Shown on the Dashboard: a warning when the last backup is old. */
export function BackupDashboardCard() {
  return null;
}
