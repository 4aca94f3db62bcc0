import { useCallback, useMemo, useState } from 'react';
import type { PeriodRefInput } from '../../../../shared/contract';
import { platformLabels } from '../../../../shared/policy/platforms';
import { useApi } from '../../api/context';
import { useLoad } from '../../hooks/use-load';
import { Appendix1Table } from './Appendix1Table';
import { EngagementChart } from './EngagementChart';
import { MeetingPackCard } from './MeetingPackCard';
import { PeriodPicker } from './PeriodPicker';
import { ReportComments } from './ReportComments';
import { currentTermRef } from './report-format';
import { ReportsNav } from './ReportsSection';

type Format = 'Pdf' | 'Docx' | 'Csv';

/** The Appendix 1 "Twitter Report" for one account and period, with its exports. */
export function ReportPage() {
  const api = useApi();
  const loadAccounts = useCallback(() => api.accounts.list(), [api]);
  const loadCalendar = useCallback(() => api.calendar.get(), [api]);
  const accounts = useLoad(loadAccounts).data;
  const calendar = useLoad(loadCalendar).data;
  const [chosenAccount, setAccountId] = useState<number | null>(null);
  const [chosenPeriod, setPeriod] = useState<PeriodRefInput | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  // Until the administrator chooses, the first account and the term today counts for.
  const accountId = chosenAccount ?? accounts?.[0]?.id ?? null;
  const defaultPeriod = useMemo(() => (calendar ? currentTermRef(calendar.terms) : null), [calendar]);
  const period = chosenPeriod ?? defaultPeriod;
  const loadReport = useCallback(
    () => (accountId !== null && period ? api.reports.get({ accountId, period }) : Promise.resolve(null)),
    [api, accountId, period],
  );
  const report = useLoad(loadReport);
  const years = calendar
    ? [calendar.currentYear - 2, calendar.currentYear - 1, calendar.currentYear, calendar.currentYear + 1]
    : [];

  const exportAs = async (format: Format) => {
    if (accountId === null || !period) return;
    setSaved(null);
    const result = await api.reports[`export${format}`]({ accountId, period }).catch(() => null);
    if (result && !result.cancelled) setSaved(`Saved ${result.path}`);
  };

  return (
    <section aria-labelledby="page-title" className="page">
      <h1 id="page-title">Reports</h1>
      <ReportsNav current="report" />
      {accounts && accounts.length === 0 ? (
        <div className="empty-state">
          <p>
            <strong>No accounts yet.</strong> Add the school's accounts under <a href="#/accounts">Accounts</a>, then
            enter their <a href="#/reports/figures">engagement figures</a> here.
          </p>
        </div>
      ) : (
        <>
          <section className="card" aria-labelledby="choose-title">
            <h2 id="choose-title">Which report</h2>
            <div className="period-picker">
              <div className="field">
                <label htmlFor="report-account">Account</label>
                <select
                  id="report-account"
                  value={accountId ?? ''}
                  onChange={(e) => setAccountId(Number(e.target.value))}
                >
                  {(accounts ?? []).map((a) => (
                    <option key={a.id} value={a.id}>
                      {a.handle} ({platformLabels[a.platform]})
                    </option>
                  ))}
                </select>
              </div>
              {period && years.length ? <PeriodPicker value={period} onChange={setPeriod} years={years} /> : null}
            </div>
          </section>
          {report.data ? (
            <section className="card" aria-labelledby="report-title" data-testid="report">
              <div className="card-header">
                <h2 id="report-title">
                  {report.data.title}: {report.data.account.label}, {report.data.period.label}
                </h2>
                <div className="report-actions" role="group" aria-label="Save the report">
                  <button type="button" onClick={() => void exportAs('Pdf')}>
                    Save as PDF
                  </button>
                  <button type="button" onClick={() => void exportAs('Docx')}>
                    Save as Word
                  </button>
                  <button type="button" onClick={() => void exportAs('Csv')}>
                    Save figures as CSV
                  </button>
                </div>
              </div>
              {saved ? (
                <p role="status" className="notice">
                  {saved}
                </p>
              ) : null}
              <EngagementChart data={report.data} />
              {report.data.notes.length ? (
                <ul className="hint">
                  {report.data.notes.map((n) => (
                    <li key={n}>{n}</li>
                  ))}
                </ul>
              ) : null}
              <Appendix1Table data={report.data} />
              <ReportComments
                key={`${report.data.account.id}-${report.data.period.from}-${report.data.period.to}`}
                accountId={report.data.account.id}
                period={period!}
                initial={report.data.comments}
                onSaved={report.reload}
              />
            </section>
          ) : (
            <p aria-busy="true">Preparing the report…</p>
          )}
          {calendar ? <MeetingPackCard years={years} initial={period} /> : null}
        </>
      )}
    </section>
  );
}
