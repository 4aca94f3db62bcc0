import type { IsoDate } from '../time';
import { byDate, needListOf, type NeedGroup, type NeedItem } from './needs-you';

/**
 * The Dashboard names the first `namedPerKind` items of a kind on its
 * "Needs you" list and folds the rest behind "Show all" (a run longer than
 * `namedPerKind` + 1; renderer/src/pages/dashboard/need-runs.ts). So of the
 * accounts' lines for that list, the main process sends only the first
 * `namedPerKind` + 1 of each kind (the most urgent, in the list's own order)
 * and the number it left out: the list drawn is the same, at 10,000
 * accounts from a few dozen lines rather than 24,000 (5.8 MB). Other
 * sources of the same kind (a weekly check, a policy item) merge into the
 * first lines correctly, as the first `namedPerKind` of a sorted merge come
 * from the first `namedPerKind` of each part. Lines on "Coming up" (in date
 * order, not by kind) are all sent; lines on neither list are not needed.
 * "Show all" asks for everything (compliance.needsYou with full: true).
 */
export const namedPerKind = 8;
const sentPerKind = namedPerKind + 1;

export interface FoldedItems {
  items: NeedItem[];
  /** How many of each kind's lines on the "Needs you" list were left out. */
  folded: Partial<Record<NeedGroup, number>>;
}

export function foldAccountItems(all: readonly NeedItem[], today: IsoDate): FoldedItems {
  const listOf = needListOf(today);
  const byKind = new Map<NeedGroup, NeedItem[]>();
  const coming: NeedItem[] = [];
  for (const item of all) {
    const list = listOf(item);
    if (list === 'coming') coming.push(item);
    if (list !== 'now') continue;
    const kind = byKind.get(item.group);
    if (kind) kind.push(item);
    else byKind.set(item.group, [item]);
  }
  const items: NeedItem[] = [];
  const folded: FoldedItems['folded'] = {};
  for (const [group, kind] of byKind) {
    if (kind.length > sentPerKind) folded[group] = kind.length - sentPerKind;
    for (const item of first(kind, sentPerKind)) items.push(item);
  }
  return { items: [...items, ...coming], folded };
}

/** The first `count` in byDate's order, in one pass (most lines are compared once, with the last kept). */
function first(items: readonly NeedItem[], count: number): NeedItem[] {
  const kept: NeedItem[] = [];
  for (const item of items) {
    if (kept.length === count && byDate(item, kept[count - 1]!) >= 0) continue;
    let at = kept.length;
    while (at > 0 && byDate(item, kept[at - 1]!) < 0) at -= 1;
    kept.splice(at, 0, item);
    if (kept.length > count) kept.pop();
  }
  return kept;
}
