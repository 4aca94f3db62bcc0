import { useMemo, useState } from 'react';
import type { AccountListRow, PeriodRefInput, ReportData } from '../../../../shared/contract';
import { platformLabels } from '../../../../shared/policy/platforms';
import { AsyncContent } from '../../components/AsyncContent';
import { PeriodPicker } from '../../components/PeriodPicker';
import { SavedNotice } from '../../components/SavedNotice';
import { useChannel, useMutate } from '../../data/queries';
import { Appendix1Table } from './Appendix1Table';
import { EngagementChart } from './EngagementChart';
import { MeetingPackCard } from './MeetingPackCard';
import { PostingHoursNote } from './PostingHoursNote';
import { ReportComments } from './ReportComments';
import { currentTermRef } from './report-format';
import { ReportsNav } from './ReportsSection';
import { fileInWords } from '../../format';

/** The Appendix 1 "Twitter Report" for one account and period, with its exports. */
export function ReportPage() {
  const accounts = useChannel('accounts.list', {});
  return (
    <section aria-labelledby="page-title" className="page">
      <h1 id="page-title">Reports</h1>
      <ReportsNav current="report" />
      <AsyncContent
        query={accounts}
        isEmpty={(list) => list.length === 0}
        empty={
          <div className="empty-state">
            <p>
              <strong>No accounts yet.</strong> Add the school's accounts under <a href="#/accounts">Accounts</a>, then
              enter their <a href="#/reports/figures">engagement figures</a> here.
            </p>
          </div>
        }
      >
        {(list) => <ChosenReport accounts={list} />}
      </AsyncContent>
    </section>
  );
}

function ChosenReport({ accounts }: { accounts: AccountListRow[] }) {
  const calendar = useChannel('calendar.get', {}).data;
  const [chosenAccount, setAccountId] = useState<number | null>(null);
  const [chosenPeriod, setPeriod] = useState<PeriodRefInput | null>(null);
  // Until the administrator chooses, the first account and the term today counts for.
  const accountId = chosenAccount ?? accounts[0]!.id;
  const defaultPeriod = useMemo(() => (calendar ? currentTermRef(calendar.terms) : null), [calendar]);
  const period = chosenPeriod ?? defaultPeriod;
  const report = useChannel('reports.get', { accountId, period: period! }, { enabled: period !== null });
  const years = calendar
    ? [calendar.currentYear - 2, calendar.currentYear - 1, calendar.currentYear, calendar.currentYear + 1]
    : [];

  return (
    <>
      <section className="card" aria-labelledby="choose-title">
        <h2 id="choose-title">Which report</h2>
        <div className="period-picker">
          <div className="field">
            <label htmlFor="report-account">Account</label>
            <select id="report-account" value={accountId} onChange={(e) => setAccountId(Number(e.target.value))}>
              {accounts.map((a) => (
                <option key={a.id} value={a.id}>
                  {a.handle} ({platformLabels[a.platform]})
                </option>
              ))}
            </select>
          </div>
          {period && years.length ? <PeriodPicker value={period} onChange={setPeriod} years={years} /> : null}
        </div>
      </section>
      <AsyncContent query={report} loading="Preparing the report…">
        {(data) => <ReportCard data={data} period={period!} />}
      </AsyncContent>
      {calendar ? <MeetingPackCard years={years} initial={period} /> : null}
    </>
  );
}

function ReportCard({ data, period }: { data: ReportData; period: PeriodRefInput }) {
  const request = { accountId: data.account.id, period };
  const [saved, setSaved] = useState<{ path: string } | null>(null);
  const exports = [
    { label: 'Save as PDF', mutation: useMutate('reports.exportPdf') },
    { label: 'Save as Word', mutation: useMutate('reports.exportDocx') },
    { label: 'Save figures as CSV', mutation: useMutate('reports.exportCsv') },
  ];
  return (
    <section className="card" aria-labelledby="report-title" data-testid="report">
      <div className="card-header">
        <h2 id="report-title">
          {data.title}: {data.account.label}, {data.period.label}
        </h2>
        <div className="report-actions" role="group" aria-label="Save the report">
          {exports.map(({ label, mutation }) => (
            <button
              key={label}
              type="button"
              disabled={mutation.isPending}
              onClick={() => {
                setSaved(null);
                mutation.mutate(request, { onSuccess: (result) => setSaved(result.cancelled ? null : result) });
              }}
            >
              {label}
            </button>
          ))}
        </div>
      </div>
      <SavedNotice message={`Saved as ${fileInWords(saved?.path ?? '')}.`} token={saved} />
      <EngagementChart data={data} />
      {data.notes.length ? (
        <ul className="hint">
          {data.notes.map((n) => (
            <li key={n}>{n}</li>
          ))}
        </ul>
      ) : null}
      <Appendix1Table
        data={data}
        comments={
          <ReportComments
            key={`${data.account.id}-${data.period.from}-${data.period.to}`}
            accountId={data.account.id}
            period={period}
            initial={data.comments}
          />
        }
      />
      <PostingHoursNote data={data} />
    </section>
  );
}
