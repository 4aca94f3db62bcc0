import { useCallback } from 'react';
import type { BreachCode } from '../../../../shared/contract';
import { useApi } from '../../api/context';
import { BreachList } from '../../components/BreachList';
import { BackupDashboardCard } from '../backup/BackupPage';
import { HandoverDashboardCard } from '../handover/HandoverList';
import { ReportsDashboardCard } from '../reports/ReportsSection';
import { useLoad } from '../../hooks/use-load';

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
  const api = useApi();
  const load = useCallback(() => api.compliance.list(), [api]);
  const { data } = useLoad(load);
  const loadRotations = useCallback(() => api.rotations.list(), [api]);
  const rotations = useLoad(loadRotations).data ?? [];
  const rot = (...states: string[]) => rotations.filter((r) => states.includes(r.state)).length;
  const underWay = rotations.filter((r) => r.pending).length;
  const urgent = data?.breaches.filter((b) => b.severity === 'breach') ?? [];
  const warnings = data?.breaches.filter((b) => b.severity === 'warning') ?? [];
  return (
    <section aria-labelledby="page-title" className="page">
      <h1 id="page-title">Dashboard</h1>
      <BackupDashboardCard />
      <ReportsDashboardCard />
      <HandoverDashboardCard />
      {!data ? (
        <p aria-busy="true">Checking the register…</p>
      ) : data.accountsChecked === 0 ? (
        <div className="empty-state">
          <p>
            <strong>Nothing to check yet.</strong> Start under <a href="#/people">People</a> (Headteacher and SLT
            first), then add or import your <a href="#/accounts">accounts</a>.
          </p>
        </div>
      ) : (
        <>
          <section className="card" aria-labelledby="rotations-title">
            <h2 id="rotations-title">Password changes</h2>
            <ul className="tiles" aria-label="Password changes">
              <li className={rot('overdue', 'required') ? 'tile danger' : 'tile ok'} data-testid="rotations-overdue">
                <span className="count">{rot('overdue', 'required')}</span> overdue or needed now
              </li>
              <li className={rot('due') ? 'tile warn' : 'tile'}>
                <span className="count">{rot('due')}</span> due this week
              </li>
              <li className="tile">
                <span className="count">{rot('due-soon')}</span> due soon
              </li>
              <li className="tile">
                <span className="count">{underWay}</span> under way
              </li>
            </ul>
            <a href="#/rotations">Go to Rotations</a>
          </section>
          <ul className="tiles" aria-label="Counts">
            <li className={urgent.length ? 'tile danger' : 'tile ok'}>
              <span className="count">{urgent.length}</span> breaches to fix
            </li>
            <li className={warnings.length ? 'tile warn' : 'tile ok'}>
              <span className="count">{warnings.length}</span> warnings
            </li>
            {Object.entries(codeLabels).map(([code, label]) =>
              data.counts[code] ? (
                <li key={code} className="tile">
                  <span className="count">{data.counts[code]}</span> {label}
                </li>
              ) : null,
            )}
            <li className="tile">
              <span className="count">{data.accountsChecked}</span> accounts checked
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
      )}
    </section>
  );
}
