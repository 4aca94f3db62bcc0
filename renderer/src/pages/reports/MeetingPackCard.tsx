import { useState } from 'react';
import type { PeriodRefInput } from '../../../../shared/contract';
import { yearLabel } from '../../../../shared/policy/report-period';
import { termLabels, termNames, type TermName } from '../../../../shared/policy/term-calendar';
import { useApi } from '../../api/context';

/** One PDF for the termly progress meeting: every account's report, rotations, holders, handovers, open issues. */
export function MeetingPackCard({ years, initial }: { years: number[]; initial: PeriodRefInput | null }) {
  const api = useApi();
  const [year, setYear] = useState(initial?.kind === 'term' ? initial.academicYear : years[2]!);
  const [term, setTerm] = useState<TermName>(initial?.kind === 'term' ? initial.term : 'autumn');
  const [saved, setSaved] = useState<string | null>(null);
  const make = async () => {
    setSaved(null);
    const result = await api.reports.meetingPackPdf({ academicYear: year, term }).catch(() => null);
    if (result && !result.cancelled) setSaved(`Saved ${result.path}`);
  };
  return (
    <section className="card" aria-labelledby="pack-title">
      <h2 id="pack-title">Termly meeting pack</h2>
      <p className="hint">
        One PDF for the termly progress meeting: each account's Appendix 1 report, the password changes done and
        overdue, holder changes, handovers and open issues.
      </p>
      <div className="period-picker">
        <div className="field">
          <label htmlFor="pack-year">Academic year</label>
          <select id="pack-year" value={year} onChange={(e) => setYear(Number(e.target.value))}>
            {years.map((y) => (
              <option key={y} value={y}>
                {yearLabel(y)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="pack-term">Term</label>
          <select id="pack-term" value={term} onChange={(e) => setTerm(e.target.value as TermName)}>
            {termNames.map((t) => (
              <option key={t} value={t}>
                {termLabels[t]}
              </option>
            ))}
          </select>
        </div>
        <button type="button" className="primary" onClick={() => void make()}>
          Save the meeting pack as PDF
        </button>
      </div>
      {saved ? (
        <p role="status" className="notice">
          {saved}
        </p>
      ) : null}
    </section>
  );
}
