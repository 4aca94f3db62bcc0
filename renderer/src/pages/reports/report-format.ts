import type { PeriodRefInput } from '../../../../shared/contract';
import type { Term } from '../../../../shared/policy/term-calendar';
import { termOf } from '../../../../shared/policy/report-period';
import { appToday } from '../../clock';

/**
 * Formatting for the Reports pages, from the one time module: times are
 * shown in London time whatever the computer's own zone, as the printed
 * report shows them.
 */
export { ukDate, ukDateTime as londonDateTime } from '../../../../shared/time';
export { actionsText as actionsSummary } from '../../../../shared/policy/issue-rules';

/** The term a report opens on: the one today counts for. */
export function currentTermRef(terms: Term[]): PeriodRefInput {
  return { kind: 'term', ...termOf(terms, appToday()) };
}
