import { describe, expect, it } from 'vitest';
import type { NeedItem } from '../../../shared/policy/needs-you';
import { namedPerKind, needRuns } from '../../../renderer/src/pages/dashboard/need-runs';

const item = (group: NeedItem['group'], n: number): NeedItem => ({
  id: `${group}-${n}`,
  group,
  text: `${group} ${n}`,
  dueOn: null,
  fix: { label: 'Fix', href: '#/' },
});
const many = (group: NeedItem['group'], count: number) => Array.from({ length: count }, (_, n) => item(group, n));

/** The Dashboard's list, cut into runs of one kind with the long ones folded. */
describe('the Needs-you list in runs', () => {
  const list = [...many('threat', 2), ...many('password-overdue', 20), ...many('setting-up', namedPerKind + 1)];

  it('names the first eight of a long kind, in order, and counts the rest; short kinds are whole', () => {
    const runs = needRuns(list, new Set());
    expect(runs.map((r) => [r.group, r.shown.length, r.folded])).toEqual([
      ['threat', 2, 0],
      ['password-overdue', namedPerKind, 20 - namedPerKind],
      // One more than eight is shown whole: folding one item would save nothing.
      ['setting-up', namedPerKind + 1, 0],
    ]);
    expect(runs[1]!.shown.map((i) => i.id)).toEqual(list.slice(2, 2 + namedPerKind).map((i) => i.id));
  });

  it('shows every item of a kind once it is opened, and loses none', () => {
    const runs = needRuns(list, new Set(['password-overdue']));
    expect(runs[1]!.shown).toHaveLength(20);
    expect(runs.flatMap((r) => r.shown).map((i) => i.id)).toEqual(list.map((i) => i.id));
  });

  it('counts the lines the main process did not send, and waits for them once the kind is opened', () => {
    // The main process sent the first nine of 20 and left out 11 (shared/policy/needs-you-fold.ts).
    const sent = [...many('threat', 2), ...many('password-overdue', namedPerKind + 1)];
    const folded = needRuns(sent, new Set(), { 'password-overdue': 11 });
    expect(folded.map((r) => [r.group, r.shown.length, r.folded, r.waiting])).toEqual([
      ['threat', 2, 0, false],
      ['password-overdue', namedPerKind, 20 - namedPerKind, false],
    ]);
    const opened = needRuns(sent, new Set(['password-overdue']), { 'password-overdue': 11 });
    expect(opened[1]).toMatchObject({ folded: 11, waiting: true });
    expect(opened[1]!.shown).toHaveLength(namedPerKind + 1);
  });
});
