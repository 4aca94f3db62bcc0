import { useMemo } from 'react';
import { calendarFor, termOf, termPeriod, type Period } from '../../../../shared/policy/report-period';
import { ukDate } from '../../../../shared/time';
import { useChannel } from '../../data/queries';
import { appToday } from '../../clock';

/**
 * The terms figures are usually entered for (last year's and this year's),
 * from the school's calendar, and the one today belongs to: new figures
 * start on that term's dates, so nobody types them in by hand.
 */
export function useTermChoices(): { terms: Period[]; current: Period | null } {
  const calendar = useChannel('calendar.get', {}).data;
  return useMemo(() => {
    if (!calendar) return { terms: [], current: null };
    const saved = calendar.terms;
    const years = [calendar.currentYear - 1, calendar.currentYear];
    const terms = calendarFor(saved, years).map((t) => termPeriod(saved, t.academicYear, t.term));
    const today = termOf(saved, appToday());
    const current = termPeriod(saved, today.academicYear, today.term);
    return { terms, current };
  }, [calendar]);
}

/** Fills From and To with a term's own dates; the dates can still be changed by hand. */
export function TermDatesPicker({
  id,
  from,
  to,
  onPick,
}: {
  id: string;
  from: string;
  to: string;
  onPick: (period: { from: string; to: string }) => void;
}) {
  const { terms } = useTermChoices();
  const chosen = terms.find((t) => t.from === from && t.to === to);
  return (
    <div className="field">
      <label htmlFor={id}>Term</label>
      <select
        id={id}
        value={chosen ? chosen.label : ''}
        onChange={(e) => {
          const term = terms.find((t) => t.label === e.target.value);
          if (term) onPick({ from: term.from, to: term.to });
        }}
      >
        <option value="">Other dates</option>
        {terms.map((t) => (
          <option key={t.label} value={t.label}>
            {t.label} ({ukDate(t.from)} to {ukDate(t.to)})
          </option>
        ))}
      </select>
    </div>
  );
}
