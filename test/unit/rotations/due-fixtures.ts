import { computeDue, type DueInput, type RotationPolicy } from '../../../shared/policy/rotation-due';

/**
 * Shared setup for the due-date tests (DOMAIN.md rule 5: termly by default,
 * at once after a threat). Every expected date in those tests was worked out
 * by hand from a calendar, not by calling the code under test. Defaults used:
 * 7 days' grace (so a termly change is overdue from the 8th day of the next
 * term) and "due soon" from 14 days before.
 *
 * The default terms for England, by hand:
 *   2025/26 Autumn 01/09/2025-19/12/2025 (half 27/10-31/10), Spring 05/01/2026-27/03/2026 (half 16/02-20/02),
 *           Summer 13/04/2026-17/07/2026 (half 25/05-29/05); Easter Sunday 05/04/2026
 *   2026/27 Autumn 07/09/2026-18/12/2026 (half 26/10-30/10), Spring 04/01/2027-19/03/2027 (half 15/02-19/02),
 *           Summer 05/04/2027-16/07/2027 (half 31/05-04/06); Easter Sunday 28/03/2027
 *   2027/28 Autumn 06/09/2027-17/12/2027 (half 25/10-29/10), Spring 10/01/2028-07/04/2028 (half 21/02-25/02),
 *           Summer 24/04/2028-21/07/2028 (half 29/05-02/06); Easter Sunday 16/04/2028
 */

export const termly: RotationPolicy = { kind: 'termly' };
export const halfTermly: RotationPolicy = { kind: 'half-termly' };

export function due(input: Partial<DueInput> & Pick<DueInput, 'today'>) {
  return computeDue({
    policy: termly,
    lastRotatedOn: null,
    createdOn: '2025-06-01',
    required: null,
    terms: [],
    graceDays: 7,
    dueSoonDays: 14,
    ...input,
  });
}
