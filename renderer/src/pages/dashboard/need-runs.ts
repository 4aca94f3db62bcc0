import type { NeedGroup, NeedItem } from '../../../../shared/policy/needs-you';
import { namedPerKind } from '../../../../shared/policy/needs-you-fold';

export { namedPerKind };

/** A run of the list: items to draw, then how many more of the same kind are folded away. */
export interface NeedRun {
  group: NeedItem['group'];
  shown: NeedItem[];
  folded: number;
  /** The kind is opened but the main process has not sent all of its lines yet. */
  waiting: boolean;
}

/**
 * The list in priority order, cut into runs of one kind. A run longer than
 * `namedPerKind` + 1 shows its first `namedPerKind` (the most urgent, as the
 * list is sorted) and folds the rest until that kind is opened, so a school
 * that has just imported 25 accounts, or a register of 10,000, gets a list a
 * person can read, and every item is still one click away. `notSent` counts
 * the lines of each kind the main process left out (it sends only what is
 * drawn before "Show all": shared/policy/needs-you-fold.ts).
 */
export function needRuns(
  items: readonly NeedItem[],
  opened: ReadonlySet<string>,
  notSent: Partial<Record<NeedGroup, number>> = {},
): NeedRun[] {
  const runs: NeedRun[] = [];
  let start = 0;
  while (start < items.length) {
    const group = items[start]!.group;
    let end = start;
    while (end < items.length && items[end]!.group === group) end += 1;
    const all = items.slice(start, end);
    const missing = notSent[group] ?? 0;
    const fold = !opened.has(group) && all.length + missing > namedPerKind + 1;
    runs.push({
      group,
      shown: fold ? all.slice(0, namedPerKind) : all,
      folded: fold ? all.length + missing - namedPerKind : missing,
      waiting: !fold && missing > 0,
    });
    start = end;
  }
  return runs;
}
