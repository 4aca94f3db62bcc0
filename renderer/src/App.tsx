import type { ReactElement } from 'react';
import { AuditProblemBanner } from './components/AuditProblemBanner';
import { ErrorBanner } from './components/ErrorBanner';
import { LockScreen } from './components/LockScreen';
import { Sidebar } from './components/Sidebar';
import { useRoute } from './hooks/use-route';
import { AccountsSection } from './pages/accounts/AccountsSection';
import { AuditPage } from './pages/audit/AuditPage';
import { ChecksPage } from './pages/checks/ChecksPage';
import { DashboardPage } from './pages/dashboard/DashboardPage';
import { PeopleSection } from './pages/people/PeopleSection';
import { HandoverSection } from './pages/handover/HandoverSection';
import { ReportsSection } from './pages/reports/ReportsSection';
import { RotationsSection } from './pages/rotations/RotationsSection';
import { SettingsPage } from './pages/settings/SettingsPage';
import { SetupPage } from './pages/SetupPage';
import { sectionForPath, type SectionId } from './sections';
import { useVault } from './vault/VaultProvider';

const pages: Record<SectionId, (props: { segments: string[] }) => ReactElement> = {
  dashboard: DashboardPage,
  accounts: AccountsSection,
  people: PeopleSection,
  checks: ChecksPage,
  rotations: RotationsSection,
  handover: HandoverSection,
  reports: ReportsSection,
  audit: AuditPage,
  settings: SettingsPage,
};

export function App() {
  const { status } = useVault();
  const { path, segments } = useRoute();
  if (!status) {
    return (
      <main className="page" aria-busy="true">
        <p>Opening the vault…</p>
      </main>
    );
  }
  if (status.state === 'setup-required') return <SetupPage />;
  if (status.state === 'locked')
    return <LockScreen reason={status.reason} message={status.message ?? 'Unlock to carry on where you were.'} />;
  const section = sectionForPath(path);
  const Page = pages[section];
  return (
    <div className="shell">
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <Sidebar current={section} />
      <main id="main" tabIndex={-1}>
        <ErrorBanner />
        <AuditProblemBanner />
        <Page key={section} segments={segments.slice(1)} />
      </main>
    </div>
  );
}
