import type { PeriodRefInput } from '../../../../shared/contract';
import { ukDateTimeOf, ukDay } from '../../../../shared/policy/london-time';
import type { Term } from '../../../../shared/policy/term-calendar';
import { termOf } from '../../../../shared/policy/report-period';
import { todayIso } from '../../hooks/use-people';

/**
 * Formatting for the Reports pages. Times are shown in London time whatever
 * the computer's own zone, as the printed report shows them.
 */
export const londonDateTime = (iso: string) => ukDateTimeOf(iso);
export const ukDate = (iso: string) => ukDay(iso);

export { actionsText as actionsSummary } from '../../../../shared/policy/issue-rules';

/** The term a report opens on: the one today counts for. */
export function currentTermRef(terms: Term[]): PeriodRefInput {
  return { kind: 'term', ...termOf(terms, todayIso()) };
}

export function nowLondon(): { date: string; time: string } {
  const text = ukDateTimeOf(new Date());
  return { date: `${text.slice(6, 10)}-${text.slice(3, 5)}-${text.slice(0, 2)}`, time: text.slice(11, 16) };
}
