import type { BreachCode, ChannelOutput, RotationRow } from '../../../../shared/contract';
import { AsyncContent } from '../../components/AsyncContent';
import { BreachList } from '../../components/BreachList';
import { useChannel } from '../../data/queries';
import { BackupDashboardCard } from '../backup/BackupPage';
import { HandoverDashboardCard } from '../handover/HandoverList';
import { ReportsDashboardCard } from '../reports/ReportsSection';

const codeLabels: Partial<Record<BreachCode, string>> = {
  'rotation-required': 'Passwords to change',
  'holder-left': 'Leavers who still know a password',
  'password-not-set': 'Passwords not stored',
  'weak-password': 'Weak passwords',
  'personal-login-email': 'Personal login emails',
  'holder-not-authorised': 'Holders without authorisation',
  'not-approved': 'Awaiting approval',
  'too-many-holders': 'Too many holders',
  'too-few-holders': 'Too few holders',
  'active-not-approved': 'Active without approval',
  'no-lead': 'No lead',
};

/** "What needs me this week": breaches first, counted, each with its fix. */
export function DashboardPage() {
  const compliance = useChannel('compliance.list', {});
  return (
    <section aria-labelledby="page-title" className="page">
      <h1 id="page-title">Dashboard</h1>
      <BackupDashboardCard />
      <ReportsDashboardCard />
      <HandoverDashboardCard />
      <AsyncContent
        query={compliance}
        loading="Checking the register…"
        isEmpty={(data) => data.accountsChecked === 0}
        empty={
          <div className="empty-state">
            <p>
              <strong>Nothing to check yet.</strong> Start under <a href="#/people">People</a> (Headteacher and SLT
              first), then add or import your <a href="#/accounts">accounts</a>.
            </p>
          </div>
        }
      >
        {(data) => <Checked report={data} />}
      </AsyncContent>
    </section>
  );
}

function Checked({ report }: { report: ChannelOutput<'compliance.list'> }) {
  const urgent = report.breaches.filter((b) => b.severity === 'breach');
  const warnings = report.breaches.filter((b) => b.severity === 'warning');
  return (
    <>
      <PasswordChanges />
      <ul className="tiles" aria-label="Counts">
        <li className={urgent.length ? 'tile danger' : 'tile ok'}>
          <span className="count">{urgent.length}</span> breaches to fix
        </li>
        <li className={warnings.length ? 'tile warn' : 'tile ok'}>
          <span className="count">{warnings.length}</span> warnings
        </li>
        {Object.entries(codeLabels).map(([code, label]) =>
          report.counts[code] ? (
            <li key={code} className="tile">
              <span className="count">{report.counts[code]}</span> {label}
            </li>
          ) : null,
        )}
        <li className="tile">
          <span className="count">{report.accountsChecked}</span> accounts checked
        </li>
      </ul>
      <section className="card" aria-labelledby="breaches-title">
        <h2 id="breaches-title">Breaches</h2>
        <BreachList breaches={urgent} showAccount warningsElsewhere={warnings.length} />
      </section>
      {warnings.length > 0 ? (
        <section className="card" aria-labelledby="warnings-title">
          <h2 id="warnings-title">Warnings</h2>
          <BreachList breaches={warnings} showAccount />
        </section>
      ) : null}
    </>
  );
}

/** Password changes overdue, due, coming and under way, from the rotation schedule. */
function PasswordChanges() {
  const rotations = useChannel('rotations.list', {});
  return (
    <section className="card" aria-labelledby="rotations-title">
      <h2 id="rotations-title">Password changes</h2>
      <AsyncContent query={rotations} loading="Reading the rotation schedule…">
        {(rows) => <RotationTiles rows={rows} />}
      </AsyncContent>
      <a href="#/rotations">Go to Rotations</a>
    </section>
  );
}

function RotationTiles({ rows }: { rows: RotationRow[] }) {
  const count = (...states: RotationRow['state'][]) => rows.filter((r) => states.includes(r.state)).length;
  const overdue = count('overdue', 'required');
  return (
    <ul className="tiles" aria-label="Password changes">
      <li className={overdue ? 'tile danger' : 'tile ok'} data-testid="rotations-overdue">
        <span className="count">{overdue}</span> overdue or needed now
      </li>
      <li className={count('due') ? 'tile warn' : 'tile'}>
        <span className="count">{count('due')}</span> due this week
      </li>
      <li className="tile">
        <span className="count">{count('due-soon')}</span> due soon
      </li>
      <li className="tile">
        <span className="count">{rows.filter((r) => r.pending).length}</span> under way
      </li>
    </ul>
  );
}
