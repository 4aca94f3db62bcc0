import { useState } from 'react';
import type { PeriodRefInput } from '../../../../shared/contract';
import { PeriodPicker, type TermRef } from '../../components/PeriodPicker';
import { SavedNotice } from '../../components/SavedNotice';
import { useMutate } from '../../data/queries';
import { fileInWords } from '../../format';
import { useVault } from '../../vault/VaultProvider';
import { KeyDatesPanel } from './KeyDatesPanel';

/**
 * One document for the termly progress meeting (north-herts 3), as PDF or
 * Word: every account's report, rotations, holders, handovers, open issues,
 * posting hours, the weekly-check record and the key dates coming up.
 */
export function MeetingPackCard({ years, initial }: { years: number[]; initial: PeriodRefInput | null }) {
  const { status } = useVault();
  const [period, setPeriod] = useState<TermRef>(
    initial?.kind === 'term' ? initial : { kind: 'term', academicYear: years[2]!, term: 'autumn' },
  );
  const [saved, setSaved] = useState<{ path: string } | null>(null);
  const makers = [
    { label: 'Save the meeting pack as PDF', mutation: useMutate('reports.meetingPackPdf') },
    { label: 'Save the meeting pack as Word', mutation: useMutate('reports.meetingPackDocx') },
  ];
  return (
    <section className="card" aria-labelledby="pack-title">
      <h2 id="pack-title">Termly meeting pack</h2>
      <p className="hint">
        One document for the termly progress meeting: each account's Appendix 1 report, the password changes done and
        overdue, holder changes, handovers, open issues, posts outside the posting hours, the weekly checks done this
        term and the key dates coming up.
      </p>
      <div className="period-picker">
        <PeriodPicker termOnly idPrefix="pack" value={period} onChange={setPeriod} years={years} />
        {makers.map(({ label, mutation }, i) => (
          <button
            key={label}
            type="button"
            className={i === 0 ? 'primary' : undefined}
            disabled={mutation.isPending}
            onClick={() => {
              setSaved(null);
              mutation.mutate(
                { academicYear: period.academicYear, term: period.term },
                { onSuccess: (result) => setSaved(result.cancelled ? null : result) },
              );
            }}
          >
            {label}
          </button>
        ))}
      </div>
      <SavedNotice message={`Saved as ${fileInWords(saved?.path ?? '')}.`} token={saved} />
      <KeyDatesPanel academicYear={period.academicYear} term={period.term} unlocked={status?.state === 'unlocked'} />
    </section>
  );
}
