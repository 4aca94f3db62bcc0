import type { ChannelOutput, RotationRow } from '../../shared/contract';
import { accountNeedItems } from '../../shared/policy/needs-you';
import { foldAccountItems } from '../../shared/policy/needs-you-fold';
import type { Db } from '../db/open';
import { deepFreeze } from '../lib/deep-freeze';
import { listRotations } from '../rotations/rotation-cache';
import { statusReport } from './status';

type NeedsYouReport = ChannelOutput<'compliance.needsYou'>;

/**
 * The Dashboard's share of the status model (compliance.needsYou): the
 * accounts' lines of its list already built, the number of accounts still
 * open and the password changes under way. At 10,000 accounts the renderer
 * then holds only those lines, not every account's state (findings and
 * setting-up steps) and the whole password change schedule; and of the
 * lines, only those the Dashboard draws before "Show all" unless it asks
 * for all of them (shared/policy/needs-you-fold.ts). Remembered against the
 * status report and the schedule (both the same frozen object while nothing
 * changed), like the states themselves (./status.ts).
 */
interface Remembered {
  rotations: readonly RotationRow[];
  full?: NeedsYouReport;
  folded?: NeedsYouReport;
}
const remembered = new WeakMap<object, Remembered>();

export function needsYouReport(db: Db, now: Date, full = false): NeedsYouReport {
  const status = statusReport(db, now);
  const rotations = listRotations(db, now);
  let memo = remembered.get(status);
  if (memo?.rotations !== rotations) memo = { rotations };
  const known = full ? memo.full : memo.folded;
  if (known) return known;
  const all = accountNeedItems(status.accounts, status.today);
  const { items, folded } = full ? { items: all, folded: {} } : foldAccountItems(all, status.today);
  const report: NeedsYouReport = {
    accountItems: items,
    foldedAccountItems: folded,
    liveAccounts: status.counts.total - status.counts.closed,
    pending: rotations.flatMap((r) =>
      r.pending ? [{ accountId: r.accountId, label: r.label, startedAt: r.pending.startedAt }] : [],
    ),
    counts: status.counts,
    today: status.today,
  };
  // Only what came from the caches (frozen) is remembered: a read inside a transaction may roll back.
  if (Object.isFrozen(status) && Object.isFrozen(rotations)) {
    memo[full ? 'full' : 'folded'] = deepFreeze(report);
    remembered.set(status, memo);
  }
  return report;
}
