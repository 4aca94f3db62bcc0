import { appendAudit } from '../audit/audit-log';
import { printInfo } from '../lib/print-info';
import type { CoreContext } from '../core/context';
import type { VaultService } from '../vault/vault-service';
import { writeFileAtomic } from '../lib/atomic-write';
import { toCsv } from '../lib/csv-write';
import { registerHtml } from './register-html';
import { registerTable } from './register-table';
import { londonDateOf, ukDate } from '../../shared/time';

/**
 * The register out of Keyholder: a CSV for Excel and a printed (PDF) copy.
 * Both need the vault unlocked, like every other action that leaves a
 * record, and both are audited with where the file went.
 */
type Cancelled = { cancelled: true };

function defaultName(ctx: CoreContext, extension: string): string {
  return `Keyholder register ${ukDate(londonDateOf(ctx.clock.now())).replace(/\//g, '-')}.${extension}`;
}

export async function exportRegisterCsv(
  ctx: CoreContext,
  vault: VaultService,
): Promise<Cancelled | { cancelled: false; path: string; rows: number }> {
  const path = await ctx.platform.chooseSavePath({
    title: 'Export the register as a spreadsheet (CSV)',
    defaultName: defaultName(ctx, 'csv'),
    filters: [{ name: 'CSV UTF-8', extensions: ['csv'] }],
  });
  if (path === null) return { cancelled: true };
  const table = registerTable(ctx.db);
  writeFileAtomic(path, toCsv([table.headers, ...table.rows]));
  appendAudit(ctx.db, ctx.clock.now(), {
    actor: vault.actor(),
    action: 'register.exported',
    details: { format: 'csv', path, rows: table.rows.length },
  });
  return { cancelled: false, path, rows: table.rows.length };
}

export async function printRegisterPdf(
  ctx: CoreContext,
  vault: VaultService,
): Promise<Cancelled | { cancelled: false; path: string; rows: number; pages: number | null }> {
  // The path first: nothing is rendered if the person cancels.
  const path = await ctx.platform.chooseSavePath({
    title: 'Save the printable register (PDF)',
    defaultName: defaultName(ctx, 'pdf'),
    filters: [{ name: 'PDF', extensions: ['pdf'] }],
  });
  if (path === null) return { cancelled: true };
  const table = registerTable(ctx.db);
  const html = registerHtml(table, printInfo(ctx, vault.actor()));
  const pdf = await ctx.platform.printToPdf(html);
  writeFileAtomic(path, pdf);
  const pages = countPdfPages(pdf);
  appendAudit(ctx.db, ctx.clock.now(), {
    actor: vault.actor(),
    action: 'register.printed',
    details: { format: 'pdf', path, rows: table.rows.length, pages },
  });
  return { cancelled: false, path, rows: table.rows.length, pages };
}

/** Page objects in the PDF (Chromium writes them uncompressed); null when none can be seen. */
export function countPdfPages(pdf: Uint8Array): number | null {
  const text = Buffer.from(pdf.buffer, pdf.byteOffset, pdf.byteLength).toString('latin1');
  const pages = text.match(/\/Type\s*\/Page(?![A-Za-z])/g)?.length ?? 0;
  return pages > 0 ? pages : null;
}
