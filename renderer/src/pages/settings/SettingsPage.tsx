import { BackupPage } from '../backup/BackupPage';
import { AboutPanel } from './AboutPanel';
import { ApprovalRulesForm } from './ApprovalRulesForm';
import { PostingHoursForm } from './PostingHoursForm';
import { SettingsForm } from './SettingsForm';
import { TermCalendarForm } from './TermCalendarForm';
import { useVault } from '../../vault/VaultProvider';

export function SettingsPage({ segments }: { segments: string[] }) {
  const { status } = useVault();
  if (segments[0] === 'backup') return <BackupPage />;
  return (
    <section aria-labelledby="page-title" className="page">
      <h1 id="page-title">Settings</h1>
      <p>
        <a href="#/settings/backup">Backup, restore and moving to or from other password managers</a>
      </p>
      <SettingsForm />
      <ApprovalRulesForm unlocked={status?.state === 'unlocked'} />
      <PostingHoursForm unlocked={status?.state === 'unlocked'} />
      <TermCalendarForm unlocked={status?.state === 'unlocked'} />
      <AboutPanel />
    </section>
  );
}
