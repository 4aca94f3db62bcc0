import type { ReactElement } from 'react';
import { ErrorBanner } from './components/ErrorBanner';
import { Sidebar } from './components/Sidebar';
import { useRoute } from './hooks/use-route';
import {
  AccountsPage,
  AuditPage,
  DashboardPage,
  HandoverPage,
  PeoplePage,
  ReportsPage,
  RotationsPage,
} from './pages/placeholders';
import { SettingsPage } from './pages/SettingsPage';
import { sectionForPath, type SectionId } from './sections';

const pages: Record<SectionId, () => ReactElement> = {
  dashboard: DashboardPage,
  accounts: AccountsPage,
  people: PeoplePage,
  rotations: RotationsPage,
  handover: HandoverPage,
  reports: ReportsPage,
  audit: AuditPage,
  settings: SettingsPage,
};

export function App() {
  const { path } = useRoute();
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
        <Page key={section} />
      </main>
    </div>
  );
}
