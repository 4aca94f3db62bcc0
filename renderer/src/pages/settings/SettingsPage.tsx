import { AboutPanel } from './AboutPanel';
import { SettingsForm } from './SettingsForm';
import { TermCalendarForm } from './TermCalendarForm';
import { useVault } from '../../vault/VaultProvider';

export function SettingsPage() {
  const { status } = useVault();
  return (
    <section aria-labelledby="page-title" className="page">
      <h1 id="page-title">Settings</h1>
      <SettingsForm />
      <TermCalendarForm unlocked={status?.state === 'unlocked'} />
      <AboutPanel />
    </section>
  );
}
