import { FiguresPage } from './FiguresPage';
import { IssuesPage } from './IssuesPage';
import { ReportPage } from './ReportPage';
import './reports.css';

/** #/reports (the Appendix 1 report), #/reports/issues (or /issues/12, opening entry 12) and #/reports/figures. */
export function ReportsSection({ segments }: { segments: string[] }) {
  if (segments[0] === 'issues') return <IssuesPage openId={segments[1] ? Number(segments[1]) || null : null} />;
  if (segments[0] === 'figures') return <FiguresPage />;
  return <ReportPage />;
}

/** The section's own tabs, as links so each page has its own address. */
export function ReportsNav({ current }: { current: 'report' | 'issues' | 'figures' }) {
  const links = [
    { id: 'report', label: 'Appendix 1 report', href: '#/reports' },
    { id: 'issues', label: 'Issues and actions', href: '#/reports/issues' },
    { id: 'figures', label: 'Engagement figures', href: '#/reports/figures' },
  ] as const;
  return (
    <nav className="reports-nav" aria-label="Reports sections">
      <ul>
        {links.map((link) => (
          <li key={link.id}>
            <a href={link.href} aria-current={link.id === current ? 'page' : undefined}>
              {link.label}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
