import { KeyholderError } from '../../shared/contract';
import { complaintAcknowledgement } from '../../shared/policy/issue-rules';
import { ukDay } from '../../shared/policy/london-time';
import type { CoreContext } from '../core/context';
import type { Handlers } from '../core/dispatcher';
import type { VaultService } from '../vault/vault-service';
import { deleteFigures, getFigures, listFigures, saveFigures, type Writer } from './figures';
import { FiguresCsvService } from './figures-csv';
import { issuesSummary, listIssues, reopenIssue, resolveIssue, saveIssue } from './issues-log';
import { reportData, saveComments } from './report-data';
import { exportMeetingPack, exportReport } from './report-files';

type Channels =
  | 'figures.list'
  | 'figures.save'
  | 'figures.update'
  | 'figures.delete'
  | 'figures.openCsv'
  | 'figures.previewCsv'
  | 'figures.importCsv'
  | 'issues.list'
  | 'issues.summary'
  | 'issues.create'
  | 'issues.update'
  | 'issues.resolve'
  | 'issues.reopen'
  | 'issues.copyAcknowledgement'
  | 'reports.get'
  | 'reports.saveComments'
  | 'reports.exportPdf'
  | 'reports.exportDocx'
  | 'reports.exportCsv'
  | 'reports.meetingPackPdf';

/**
 * The report's channels. Reading needs no key (the log stays viewable
 * while locked, like the register); every write and export needs the vault
 * unlocked so it is audited under the administrator's name.
 */
export function reportHandlers(ctx: CoreContext, vault: VaultService): Pick<Handlers, Channels> {
  const csv = new FiguresCsvService(ctx);
  const writer = (): Writer => {
    vault.key();
    return { db: ctx.db, now: ctx.clock.now(), actor: vault.actor() };
  };
  return {
    'figures.list': ({ accountId }) => listFigures(ctx.db, accountId),
    'figures.save': (input) => saveFigures(writer(), null, { ...input, source: 'manual' }),
    'figures.update': ({ id, figures }) => {
      const w = writer();
      return saveFigures(w, id, { ...figures, source: getFigures(ctx.db, id).source });
    },
    'figures.delete': ({ id }) => {
      deleteFigures(writer(), id);
      return { deleted: true as const };
    },
    'figures.openCsv': () => {
      vault.key();
      return csv.choose();
    },
    'figures.previewCsv': ({ importId, from, to, mapping }) => csv.totals(importId, from, to, mapping),
    'figures.importCsv': ({ importId, accountId, from, to, mapping, followersStart, followersEnd, onOverlap }) => {
      const w = writer();
      const totals = csv.totals(importId, from, to, mapping);
      if (totals.postsInPeriod === 0)
        throw new KeyholderError(
          'INVALID_INPUT',
          `No posts in the file are dated between ${ukDay(from)} and ${ukDay(to)}. Check the dates and the date column.`,
        );
      const saved = saveFigures(w, null, {
        accountId,
        from,
        to,
        followersStart,
        followersEnd,
        followerTypes: { schools: null, clubs: null, individuals: null, other: null },
        posts: totals.postsInPeriod,
        shares: totals.shares,
        mentions: totals.mentions,
        likes: totals.likes,
        notes: `Imported from the analytics export (${totals.postsInPeriod} posts).`,
        onOverlap,
        source: 'csv',
      });
      csv.forget(importId);
      return saved;
    },
    'issues.list': ({ status, accountId }) => listIssues(ctx.db, ctx.clock.now(), { status, accountId }),
    'issues.summary': () => issuesSummary(ctx.db, ctx.clock.now()),
    'issues.create': (input) => saveIssue(writer(), null, input),
    'issues.update': ({ id, issue }) => saveIssue(writer(), id, issue),
    'issues.resolve': ({ id, notes }) => resolveIssue(writer(), id, notes),
    'issues.reopen': ({ id }) => reopenIssue(writer(), id),
    // The wording is public (north-herts 6.3), so it is copied without the vault and not cleared later.
    'issues.copyAcknowledgement': async () => {
      await ctx.platform.writeClipboard(complaintAcknowledgement);
      return { copied: complaintAcknowledgement };
    },
    'reports.get': ({ accountId, period }) => reportData(ctx.db, ctx.clock.now(), accountId, period),
    'reports.saveComments': ({ accountId, period, comments }) => ({
      comments: saveComments(writer(), accountId, period, comments),
    }),
    'reports.exportPdf': ({ accountId, period }) => exportReport(ctx, vault, accountId, period, 'pdf'),
    'reports.exportDocx': ({ accountId, period }) => exportReport(ctx, vault, accountId, period, 'docx'),
    'reports.exportCsv': ({ accountId, period }) => exportReport(ctx, vault, accountId, period, 'csv'),
    'reports.meetingPackPdf': ({ academicYear, term }) => exportMeetingPack(ctx, vault, academicYear, term),
  };
}
