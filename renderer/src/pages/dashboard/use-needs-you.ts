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
 * Undefined until the accounts' states are in; the other checks join as
 * they arrive.
 */
export function useNeedsYou(status: ChannelOutput<'compliance.status'> | undefined): NeedsYou | undefined {
  const rotations = useChannel('rotations.list', {});
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
      accounts: status.accounts,
      pending: (rotations.data ?? []).flatMap((r) =>
        r.pending ? [{ accountId: r.accountId, label: r.label, startedAt: r.pending.startedAt }] : [],
      ),
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
  }, [
    status,
    rotations.data,
    issues.data,
    handovers.data,
    backup.data,
    period,
    packs.data,
    checks.data,
    temporary.data,
    kit.data,
  ]);
}
