import type { ReportData } from '../../shared/contract';
import { engagementKeys, followerTypeKeys, followerTypeLabels } from '../../shared/policy/engagement';
import { figuresCount, termPeriod, type PeriodRef } from '../../shared/policy/report-period';
import type { TermName } from '../../shared/policy/term-calendar';
import { appendAudit } from '../audit/audit-log';
import { printInfo } from '../lib/print-info';
import type { CoreContext } from '../core/context';
import type { FileFilter } from '../core/platform';
import { readTerms } from '../calendar/calendar';
import { writeFileAtomic } from '../lib/atomic-write';
import { toCsv } from '../lib/csv-write';
import type { VaultService } from '../vault/vault-service';
import { listFigures } from '../figures/figures';
import { meetingPack, meetingPackHtml } from './meeting-pack';
import { meetingPackDocx } from './meeting-pack-docx';
import { reportData } from './report-data';
import { reportDocx } from './report-docx';
import { reportHtml } from './report-html';
import { ukDate } from '../../shared/time';

/**
 * Saving the report: PDF (printed by the platform from self-contained
 * HTML), Word, and a CSV of the figures. The file name carries the account
 * and the period; the path is asked for first so nothing is rendered when
 * the administrator cancels. Every export is audited with where it went.
 */
type Saved = { cancelled: true } | { cancelled: false; path: string };

/** Characters Windows refuses in a file name become hyphens. */
export function fileSafe(text: string): string {
  const printable = Array.from(text, (c) => (c.charCodeAt(0) < 32 ? '-' : c)).join('');
  return printable.replace(/[\\/:*?"<>|]+/g, '-').trim();
}

export function reportFileName(data: ReportData, extension: string): string {
  return fileSafe(`Appendix 1 report ${data.account.label} ${data.period.label}`) + `.${extension}`;
}

async function saveAs(
  ctx: CoreContext,
  vault: VaultService,
  options: { title: string; defaultName: string; filters: FileFilter[] },
  make: () => Promise<string | Uint8Array>,
  audit: Record<string, unknown>,
  target: { id: number; label: string } | null,
): Promise<Saved> {
  const path = await ctx.platform.chooseSavePath(options);
  if (path === null) return { cancelled: true };
  writeFileAtomic(path, await make());
  appendAudit(ctx.db, ctx.clock.now(), {
    actor: vault.actor(),
    action: 'report.exported',
    targetType: target ? 'account' : null,
    targetId: target?.id ?? null,
    targetLabel: target?.label ?? null,
    details: { ...audit, path },
  });
  return { cancelled: false, path };
}

export function exportReport(
  ctx: CoreContext,
  vault: VaultService,
  accountId: number,
  ref: PeriodRef,
  format: 'pdf' | 'docx' | 'csv',
): Promise<Saved> {
  const data = reportData(ctx.db, ctx.clock.now(), accountId, ref);
  const filters = {
    pdf: [{ name: 'PDF', extensions: ['pdf'] }],
    docx: [{ name: 'Word document', extensions: ['docx'] }],
    csv: [{ name: 'CSV UTF-8', extensions: ['csv'] }],
  }[format];
  const make = async () => {
    // Read again after the dialog: the figures may have changed while it was open.
    const fresh = reportData(ctx.db, ctx.clock.now(), accountId, ref);
    if (format === 'pdf') return ctx.platform.printToPdf(reportHtml(fresh, printInfo(ctx, vault.actor())));
    if (format === 'docx') return reportDocx([fresh], printInfo(ctx, vault.actor()));
    return figuresCsv(ctx, fresh);
  };
  return saveAs(
    ctx,
    vault,
    { title: `Save the ${data.title}`, defaultName: reportFileName(data, format), filters },
    make,
    { format, from: data.period.from, to: data.period.to },
    { id: accountId, label: data.account.label },
  );
}

/** Every figures entry counted in the report, then the total the report shows. */
function figuresCsv(ctx: CoreContext, data: ReportData): string {
  const terms = readTerms(ctx.db);
  const entries = listFigures(ctx.db, data.account.id)
    .filter((f) => figuresCount(terms, data.period, f))
    .sort((a, b) => a.from.localeCompare(b.from));
  const header = [
    'Account',
    'From',
    'To',
    'Followers at the start',
    'Followers at the end',
    'New followers',
    ...followerTypeKeys.map((k) => `Followers: ${followerTypeLabels[k].toLowerCase()}`),
    ...engagementKeys.map((k) => data.words[k]),
    'Source',
    'Notes',
  ];
  const n = (v: number | null) => (v === null ? '' : String(v));
  const rows = entries.map((f) => [
    data.account.label,
    ukDate(f.from),
    ukDate(f.to),
    n(f.followersStart),
    n(f.followersEnd),
    n(f.newFollowers),
    ...followerTypeKeys.map((k) => n(f.followerTypes[k])),
    ...engagementKeys.map((k) => n(f[k])),
    f.source === 'csv' ? 'Analytics import' : 'Entered by hand',
    f.notes,
  ]);
  const t = data.figures;
  if (t)
    rows.push([
      `${data.account.label}: total for ${data.period.label}`,
      ukDate(data.period.from),
      ukDate(data.period.to),
      n(t.followersStart),
      n(t.followersEnd),
      n(t.newFollowers),
      ...followerTypeKeys.map((k) => n(t.followerTypes[k])),
      ...engagementKeys.map((k) => n(t[k])),
      '',
      '',
    ]);
  return toCsv([header, ...rows]);
}

export function exportMeetingPack(
  ctx: CoreContext,
  vault: VaultService,
  academicYear: number,
  term: TermName,
  format: 'pdf' | 'docx' = 'pdf',
): Promise<Saved> {
  const label = termPeriod(readTerms(ctx.db), academicYear, term).label;
  return saveAs(
    ctx,
    vault,
    {
      title: 'Save the termly meeting pack',
      defaultName: `${fileSafe(`Termly meeting pack ${label}`)}.${format}`,
      filters:
        format === 'pdf' ? [{ name: 'PDF', extensions: ['pdf'] }] : [{ name: 'Word document', extensions: ['docx'] }],
    },
    async () => {
      const pack = meetingPack(ctx.db, ctx.clock.now(), academicYear, term);
      const info = printInfo(ctx, vault.actor());
      return format === 'pdf' ? ctx.platform.printToPdf(meetingPackHtml(pack, info)) : meetingPackDocx(pack, info);
    },
    { format, meetingPack: label },
    null,
  );
}
