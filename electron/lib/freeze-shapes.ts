import type { AccountListRow, AccountState, Breach, RotationRow } from '../../shared/contract';

/**
 * Freezers for the caches' own shapes, for a cold start at 10,000 accounts:
 * deepFreeze (./deep-freeze.ts) asks each object whether it is frozen and
 * walks its keys, about twice the time of freezing the known parts directly.
 * Should a shape gain a nested object these miss, nothing goes wrong: the
 * output guard copies whatever is not frozen all the way down rather than
 * handing it out as it is. Index loops, not for-of: on a cold read these
 * run 30,000 times, and an iterator's results were measurable garbage.
 */
function freezeFixes<T extends { fix: object }>(items: readonly T[]): readonly T[] {
  for (let i = 0; i < items.length; i += 1) {
    Object.freeze(items[i]!.fix);
    Object.freeze(items[i]);
  }
  return Object.freeze(items);
}

export function freezeBreaches(breaches: readonly Breach[]): readonly Breach[] {
  return freezeFixes(breaches);
}

export function freezeState(state: AccountState): AccountState {
  freezeFixes(state.findings);
  freezeFixes(state.steps);
  return Object.freeze(state);
}

export function freezeRotationRow(row: RotationRow): RotationRow {
  Object.freeze(row.policy);
  if (row.pending) Object.freeze(row.pending);
  return Object.freeze(row);
}

export function freezeListRow(row: AccountListRow): AccountListRow {
  Object.freeze(row.state);
  return Object.freeze(row);
}
