import { useState } from 'react';
import type { PeriodRefInput } from '../../../../shared/contract';
import { PeriodPicker, type TermRef } from '../../components/PeriodPicker';
import { SavedNotice } from '../../components/SavedNotice';
import { useMutate } from '../../data/queries';
import { fileInWords } from '../../format';

/** One PDF for the termly progress meeting: every account's report, rotations, holders, handovers, open issues. */
export function MeetingPackCard({ years, initial }: { years: number[]; initial: PeriodRefInput | null }) {
  const [period, setPeriod] = useState<TermRef>(
    initial?.kind === 'term' ? initial : { kind: 'term', academicYear: years[2]!, term: 'autumn' },
  );
  const make = useMutate('reports.meetingPackPdf');
  const saved = make.data && !make.data.cancelled ? make.data : null;
  return (
    <section className="card" aria-labelledby="pack-title">
      <h2 id="pack-title">Termly meeting pack</h2>
      <p className="hint">
        One PDF for the termly progress meeting: each account's Appendix 1 report, the password changes done and
        overdue, holder changes, handovers and open issues.
      </p>
      <div className="period-picker">
        <PeriodPicker termOnly idPrefix="pack" value={period} onChange={setPeriod} years={years} />
        <button
          type="button"
          className="primary"
          disabled={make.isPending}
          onClick={() => make.mutate({ academicYear: period.academicYear, term: period.term })}
        >
          Save the meeting pack as PDF
        </button>
      </div>
      <SavedNotice message={`Saved as ${fileInWords(saved?.path ?? '')}.`} token={saved} />
    </section>
  );
}
