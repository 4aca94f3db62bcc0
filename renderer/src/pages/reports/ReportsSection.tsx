import { useChannel } from '../../data/queries';
import { FiguresPage } from './FiguresPage';
import { IssuesPage } from './IssuesPage';
import { ReportPage } from './ReportPage';
import './reports.css';

/** #/reports (the Appendix 1 report), #/reports/issues and #/reports/figures. */
export function ReportsSection({ segments }: { segments: string[] }) {
  if (segments[0] === 'issues') return <IssuesPage />;
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

/** Shown on the Dashboard: comments awaiting a reply, and those past their due time; nothing when none. */
export function ReportsDashboardCard() {
  const { data } = useChannel('issues.summary', {});
  if (!data || data.awaitingReply + data.overdue === 0) return null;
  return (
    <section className="card" aria-labelledby="issues-card-title" data-testid="issues-card">
      <h2 id="issues-card-title">Comments to answer</h2>
      <ul className="tiles" aria-label="Comments to answer">
        <li className={data.overdue ? 'tile danger' : 'tile ok'} data-testid="issues-overdue">
          <span className="count">{data.overdue}</span> reply overdue
        </li>
        <li className={data.awaitingReply ? 'tile warn' : 'tile'} data-testid="issues-awaiting">
          <span className="count">{data.awaitingReply}</span> awaiting a reply
        </li>
      </ul>
      <p className="reports-card-links">
        <a href="#/reports/issues">Go to the issues and actions log</a>
      </p>
    </section>
  );
}
