import { useMemo } from 'react';
import type { ChannelOutput } from '../../../../shared/contract';
import { emergencyKitItems } from '../../../../shared/policy/emergency-kit';
import { needsYou, type NeedsYou } from '../../../../shared/policy/needs-you';
import { temporaryAccessEnding } from '../../../../shared/policy/temporary-access';
import { termOf, termPeriod } from '../../../../shared/policy/report-period';
import { useChannel } from '../../data/queries';

/**
 * Everything the Dashboard's list is built from, each read through its own
 * domain's channel, put together by the pure needsYou (shared/policy).
 * The accounts' lines and the password changes under way come already
 * built from compliance.needsYou, so the renderer never holds every
 * account's state or the whole schedule. Undefined until those are in; the
 * other checks join as they arrive.
 */
export function useNeedsYou(status: ChannelOutput<'compliance.needsYou'> | undefined): NeedsYou | undefined {
  const issues = useChannel('issues.list', { status: 'open', accountId: null });
  const handovers = useChannel('handover.list', {});
  const backup = useChannel('backup.status', {});
  const calendar = useChannel('calendar.get', {});
  const checks = useChannel('checks.missed', {});
  const temporary = useChannel('holders.temporary', {});
  const kit = useChannel('backup.kitStatus', {});
  const today = status?.today;
  const period = useMemo(() => {
    if (!calendar.data || !today) return null;
    const term = termOf(calendar.data.terms, today);
    return termPeriod(calendar.data.terms, term.academicYear, term.term);
  }, [calendar.data, today]);
  // A meeting pack saved since the term's report period began counts as this term's.
  const packs = useChannel(
    'audit.list',
    { action: 'report.exported', from: period?.from ?? '2000-01-01' },
    { enabled: period !== null },
  );
  return useMemo(() => {
    if (!status) return undefined;
    return needsYou({
      today: status.today,
      accounts: [],
      accountItems: status.accountItems,
      liveAccounts: status.liveAccounts,
      pending: status.pending,
      issues: (issues.data ?? []).map((i) => ({
        id: i.id,
        accountLabel: i.accountLabel,
        kind: i.kind,
        receivedAt: i.receivedAt,
        dueAt: i.dueAt,
        overdue: i.overdue,
        repliedAt: i.repliedAt,
        removed: i.actions.removed !== null,
        reportedToSlt: i.actions.reportedToSlt !== null,
      })),
      handovers: (handovers.data ?? []).map((h) => ({
        id: h.id,
        personName: h.person.name,
        state: h.state,
        leavingOn: h.leavingOn,
        remaining: h.remaining,
      })),
      termReport:
        period && packs.data
          ? {
              label: period.label,
              dueOn: period.to,
              saved: packs.data.some((entry) => entry.details.meetingPack === period.label),
            }
          : null,
      backup: backup.data ? { lastBackupAt: backup.data.lastBackupAt, warning: backup.data.warning } : null,
      weeklyChecks: checks.data ?? null,
      policyItems: [
        ...temporaryAccessEnding(temporary.data ?? [], status.today),
        ...emergencyKitItems(kit.data?.needed ?? null),
      ],
    });
  }, [status, issues.data, handovers.data, backup.data, period, packs.data, checks.data, temporary.data, kit.data]);
}
