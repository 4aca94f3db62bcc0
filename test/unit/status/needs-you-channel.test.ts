import { describe, expect, it } from 'vitest';
import { needsYou, type NeedsYouInput } from '../../../shared/policy/needs-you';
import { needRuns } from '../../../renderer/src/pages/dashboard/need-runs';
import type { Session } from '../rotations/harness';
import { rotate, useRotationWorld } from '../rotations/flow-fixtures';

/**
 * compliance.needsYou: the Dashboard's share of the status model (issue 17).
 * Its list must be exactly the one every account's state and the whole
 * schedule give (compliance.status and rotations.list, as the Dashboard
 * read them before), from the accounts' lines built in the main process.
 */
const { world } = useRotationWorld();

const rest: Omit<NeedsYouInput, 'today' | 'accounts' | 'pending'> = {
  issues: [],
  handovers: [],
  termReport: null,
  backup: null,
};

async function bothWays(s: Session) {
  const status = await s.call('compliance.status', {});
  const rotations = await s.call('rotations.list', {});
  const compact = await s.call('compliance.needsYou', { full: true });
  const full = needsYou({
    ...rest,
    today: status.today,
    accounts: status.accounts,
    pending: rotations.flatMap((r) =>
      r.pending ? [{ accountId: r.accountId, label: r.label, startedAt: r.pending.startedAt }] : [],
    ),
  });
  const slim = needsYou({ ...rest, ...compact, accounts: [] });
  return { status, compact, full, slim };
}

describe('compliance.needsYou', () => {
  it('gives the Dashboard the same list as every state and the whole schedule, without any account state', async () => {
    const { s, account } = await world();
    const other = await s.account('@StMarysMusic');
    await s.account('@StMarysArt');
    await rotate(s, account.id);

    const calm = await bothWays(s);
    expect(calm.slim).toEqual(calm.full);
    expect(calm.compact.counts).toEqual(calm.status.counts);
    expect(calm.compact.today).toBe(calm.status.today);
    expect(calm.compact.liveAccounts).toBe(3);
    expect(calm.compact.accountItems.length).toBeGreaterThan(0);
    expect(calm.compact).not.toHaveProperty('accounts');

    // A change under way, a threat and a later day: still the same list.
    await s.call('rotations.start', { accountId: account.id, reason: 'Termly change' });
    const pending = await bothWays(s);
    expect(pending.compact.pending.map((p) => p.accountId)).toEqual([account.id]);
    expect(pending.slim).toEqual(pending.full);
    expect(pending.slim.now.map((i) => i.id)).toContain(`under-way-${account.id}`);

    s.clock.set('2027-03-01T10:00:00.000Z');
    await s.call('rotations.reportThreat', { accountId: other.id, reason: 'Suspicious login from abroad' });
    const later = await bothWays(s);
    expect(later.slim).toEqual(later.full);
    expect(later.compact.today).toBe('2027-03-01');
  });

  it('counts only the accounts still open in the all-clear lines', () => {
    const result = needsYou({ ...rest, today: '2026-11-20', accounts: [], pending: [], liveAccounts: 12 });
    expect(result.checked[0]).toBe('12 accounts against the school policy');
  });

  it('sends only the lines drawn before "Show all", and the list drawn is the same as from every line', async () => {
    const { s } = await world();
    // Twelve accounts setting up, and one more account whose lead has left: one kind folded, one not.
    for (let n = 1; n <= 12; n += 1) await s.account(`@Club${String(n).padStart(2, '0')}`);
    const folded = await s.call('compliance.needsYou', {});
    const full = await s.call('compliance.needsYou', { full: true });
    expect(full.foldedAccountItems).toEqual({});
    expect(folded.accountItems.length).toBeLessThan(full.accountItems.length);
    const settingUp = full.accountItems.filter((i) => i.group === 'setting-up').length;
    expect(folded.foldedAccountItems['setting-up']).toBe(settingUp - 9);
    const drawn = (answer: typeof full) =>
      needRuns(needsYou({ ...rest, ...answer, accounts: [] }).now, new Set(), answer.foldedAccountItems).map((r) => ({
        group: r.group,
        shown: r.shown.map((i) => i.id),
        folded: r.folded,
      }));
    expect(drawn(folded)).toEqual(drawn(full));
    expect(drawn(folded).find((r) => r.group === 'setting-up')?.folded).toBe(settingUp - 8);
  });
});
