import type { ChannelOutput, RotationRow } from '../../shared/contract';
import { accountNeedItems } from '../../shared/policy/needs-you';
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
 * setting-up steps) and the whole password change schedule. Remembered
 * against the status report and the schedule (both the same frozen object
 * while nothing changed), like the states themselves (./status.ts).
 */
const remembered = new WeakMap<object, { rotations: readonly RotationRow[]; report: NeedsYouReport }>();

export function needsYouReport(db: Db, now: Date): NeedsYouReport {
  const status = statusReport(db, now);
  const rotations = listRotations(db, now);
  const last = remembered.get(status);
  if (last?.rotations === rotations) return last.report;
  const report: NeedsYouReport = {
    accountItems: accountNeedItems(status.accounts, status.today),
    liveAccounts: status.counts.total - status.counts.closed,
    pending: rotations.flatMap((r) =>
      r.pending ? [{ accountId: r.accountId, label: r.label, startedAt: r.pending.startedAt }] : [],
    ),
    counts: status.counts,
    today: status.today,
  };
  // Only what came from the caches (frozen) is remembered: a read inside a transaction may roll back.
  if (Object.isFrozen(status) && Object.isFrozen(rotations))
    remembered.set(status, { rotations, report: deepFreeze(report) });
  return report;
}
