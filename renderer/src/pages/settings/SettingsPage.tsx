import { AboutPanel } from './AboutPanel';
import { SettingsForm } from './SettingsForm';

export function SettingsPage() {
  return (
    <section aria-labelledby="page-title" className="page">
      <h1 id="page-title">Settings</h1>
      <SettingsForm />
      <AboutPanel />
    </section>
  );
}
