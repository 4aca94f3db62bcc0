import type { CoreContext } from '../core/context';
import type { DomainHandlers } from '../core/dispatcher';
import type { VaultService } from '../vault/vault-service';
import { reportData, saveComments } from './report-data';
import { exportMeetingPack, exportReport } from './report-files';
import { deleteKeyDate, listKeyDates, saveKeyDate } from './key-dates';

/** reports.*: the Appendix 1 report and the termly meeting pack, on screen and as files. */
export function reportsHandlers(ctx: CoreContext, vault: VaultService): DomainHandlers<'reports'> {
  return {
    'reports.get': ({ accountId, period }) => reportData(ctx.db, ctx.clock.now(), accountId, period),
    'reports.saveComments': ({ accountId, period, comments }, call) => ({
      comments: saveComments(call, accountId, period, comments),
    }),
    'reports.exportPdf': ({ accountId, period }) => exportReport(ctx, vault, accountId, period, 'pdf'),
    'reports.exportDocx': ({ accountId, period }) => exportReport(ctx, vault, accountId, period, 'docx'),
    'reports.exportCsv': ({ accountId, period }) => exportReport(ctx, vault, accountId, period, 'csv'),
    'reports.meetingPackPdf': ({ academicYear, term }) => exportMeetingPack(ctx, vault, academicYear, term, 'pdf'),
    'reports.meetingPackDocx': ({ academicYear, term }) => exportMeetingPack(ctx, vault, academicYear, term, 'docx'),
    'reports.keyDates': ({ academicYear, term }) => listKeyDates(ctx.db, ctx.clock.now(), academicYear, term),
    'reports.saveKeyDate': ({ id, keyDate }, call) => saveKeyDate(call, id, keyDate),
    'reports.deleteKeyDate': ({ id }, call) => {
      deleteKeyDate(call, id);
      return { deleted: true as const };
    },
  };
}
