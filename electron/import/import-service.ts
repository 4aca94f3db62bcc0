import { randomBytes } from 'node:crypto';
import { basename, dirname } from 'node:path';
import {
  KeyholderError,
  type ImportCommitted,
  type ImportLayout,
  type ImportOpened,
  type ImportPreview,
  type ImportRequest,
} from '../../shared/contract';
import type { CoreContext } from '../core/context';
import type { VaultService } from '../vault/vault-service';
import { commitRows } from './commit-rows';
import { registerView } from './import-context';
import { headerChoices, sampleOf, sheetNotes, suggestedFor } from './import-layout';
import { detectHeaderRow } from './import-mapping';
import { validateImport, type Validation } from './import-rows';
import { Scrubber, secretColumns } from './import-secrets';
import { cleanLine } from './import-values';
import { layoutSheet, type ParsedSheet, type RawSheet } from './sheet';
import { readSpreadsheet } from './source-file';
import { ukDateOf } from '../../shared/time';

/** Unused imports are forgotten after this long: the sheet holds passwords in the clear. */
export const importIdleMinutes = 30;
const maxPending = 3;

/**
 * Why every imported password is marked "rotation required", not just weak
 * ones: the spreadsheet was "known to all involved parties" (tpat 6), so
 * each password in it has been exposed in plain text (copies in email,
 * shared drives and backups outlive the file), and the policies ask for a
 * change at once after a security threat. None was made by Keyholder's generator.
 */
export const importRotationReason =
  'Imported from a spreadsheet, where the password was kept unencrypted: change the password';

interface Pending {
  id: string;
  path: string;
  fileName: string;
  raw: RawSheet;
  sheet: ParsedSheet;
  lastUsed: number;
  /** Password-policy results, by password: the strength check is slow and the preview runs often. */
  weakCache: Map<string, string>;
}

/**
 * Spreadsheets opened for import, held in memory (never on disk) between
 * choosing the file, previewing and committing. Locking the vault, closing
 * the app, committing, cancelling and 30 minutes' idleness all drop them.
 * Every reply is scrubbed of the sheet's secrets (import-secrets.ts).
 */
export class ImportService {
  private readonly pending = new Map<string, Pending>();

  constructor(
    private readonly ctx: CoreContext,
    private readonly vault: VaultService,
  ) {}

  async open(): Promise<ImportOpened | { cancelled: true }> {
    this.expire();
    const path = await this.ctx.platform.chooseOpenPath({
      title: 'Import the accounts spreadsheet',
      filters: [
        { name: 'Spreadsheets (CSV or Excel)', extensions: ['csv', 'xlsx'] },
        { name: 'CSV UTF-8', extensions: ['csv'] },
        { name: 'Excel workbook', extensions: ['xlsx'] },
      ],
    });
    if (path === null) return { cancelled: true };
    const raw = await readSpreadsheet(path);
    const sheet = layoutSheet(raw, detectHeaderRow(raw));
    // The vault may have locked while the dialog was open; then nothing is kept.
    const id = randomBytes(16).toString('hex');
    const now = this.ctx.clock.now().getTime();
    this.pending.set(id, { id, path, fileName: basename(path), raw, sheet, lastUsed: now, weakCache: new Map() });
    while (this.pending.size > maxPending) this.pending.delete(this.pending.keys().next().value!);
    return { cancelled: false, ...this.layout(this.pending.get(id)!) };
  }

  setHeaderRow(importId: string, headerRowNumber: number): ImportLayout {
    const pending = this.take(importId);
    return this.scrubbingErrors(pending, null, () => {
      pending.sheet = layoutSheet(pending.raw, headerRowNumber);
      return this.layout(pending);
    });
  }

  /**
   * A refusal's message can quote the sheet (a column name, a cell): it is
   * scrubbed like any reply, since refusals are shown and written to the log.
   */
  private scrubbingErrors<T>(pending: Pending, mapping: ImportRequest['mapping'] | null, work: () => T): T {
    try {
      return work();
    } catch (error) {
      if (!(error instanceof KeyholderError)) throw error;
      const secrets = secretColumns(pending.sheet, mapping ?? undefined);
      const scrubbed = Scrubber.forSheet(pending.raw, secrets.all, pending.sheet.headerRowNumber).text(error.message);
      throw new KeyholderError(error.code, scrubbed);
    }
  }

  private layout(pending: Pending): ImportLayout {
    const { sheet, raw } = pending;
    const suggestedMapping = suggestedFor(sheet);
    const secrets = secretColumns(sheet, suggestedMapping);
    return Scrubber.forSheet(raw, secrets.all, sheet.headerRowNumber).deep({
      importId: pending.id,
      fileName: pending.fileName,
      path: pending.path,
      format: sheet.format,
      sheetName: sheet.sheetName,
      headers: sheet.headers,
      headerRowNumber: sheet.headerRowNumber,
      headerChoices: headerChoices(raw),
      hiddenColumns: sheet.hiddenColumns,
      rowCount: sheet.rows.length,
      emptyRowsSkipped: sheet.emptyRowsSkipped,
      rowsAbove: sheet.above.length,
      sample: sampleOf(sheet, secrets.all),
      maskedColumns: [...secrets.all].sort((a, b) => a - b),
      suggestedMapping,
    });
  }

  preview(request: ImportRequest): ImportPreview {
    const pending = this.take(request.importId);
    return this.scrubbingErrors(pending, request.mapping, () => this.previewOf(pending, request));
  }

  private previewOf(pending: Pending, request: ImportRequest): ImportPreview {
    const check = this.validate(pending, request);
    const secrets = secretColumns(pending.sheet, request.mapping);
    return Scrubber.forSheet(pending.raw, secrets.all, pending.sheet.headerRowNumber).deep({
      importId: request.importId,
      problems: check.problems,
      notes: sheetNotes(pending.sheet, request.mapping, secrets),
      rows: check.results,
      people: check.people,
      counts: check.counts,
      maxHolders: check.maxHolders,
      sample: sampleOf(pending.sheet, secrets.all),
      maskedColumns: [...secrets.all].sort((a, b) => a - b),
      canCommit: check.problems.length === 0 && check.counts.errors === 0 && check.counts.included > 0,
    });
  }

  commit(request: ImportRequest): ImportCommitted {
    const pending = this.take(request.importId);
    return this.scrubbingErrors(pending, request.mapping, () => this.commitOf(pending, request));
  }

  private commitOf(pending: Pending, request: ImportRequest): ImportCommitted {
    const key = this.vault.key();
    const vaultId = this.vault.vaultId();
    const actor = this.vault.actor();
    const now = this.ctx.clock.now();
    const check = this.validate(pending, request);
    if (check.problems.length > 0)
      throw new KeyholderError('INVALID_INPUT', `Nothing was imported. ${check.problems.join(' ')}`);
    const bad = check.results.filter((row) => row.include && row.errors.length > 0).map((row) => row.rowNumber);
    if (bad.length > 0) {
      const shown = bad.length > 10 ? `${bad.slice(0, 10).join(', ')} and ${bad.length - 10} more` : bad.join(', ');
      throw new KeyholderError(
        'INVALID_INPUT',
        `Nothing was imported: ${bad.length} ${bad.length === 1 ? 'row needs' : 'rows need'} fixing first (row ${shown}). Fix ${bad.length === 1 ? 'it' : 'them'} in the spreadsheet and open it again, leave ${bad.length === 1 ? 'it' : 'them'} out, or change the column choices.`,
      );
    }
    if (check.ready.length === 0)
      throw new KeyholderError('INVALID_INPUT', 'Nothing was imported: every row is left out. Include at least one.');
    const excluded = check.results.filter((row) => !row.include).map((row) => row.rowNumber);
    const counts = commitRows({ db: this.ctx.db, now, key, vaultId, actor }, check.ready, {
      reason: (row) => `Imported from ${pending.fileName}, row ${row.rowNumber}`,
      rotationReason: importRotationReason,
      otherSecret: (row) => (row.recoveryCodes !== null ? { field: 'recoveryCodes', value: row.recoveryCodes } : null),
      importCheck: `Added by the import of ${pending.fileName} on ${ukDateOf(now.toISOString())} from the name in its "who knows it" column: check their name, role and details.`,
      completed: (c) => ({
        actor,
        action: 'import.completed',
        details: {
          fileName: pending.fileName,
          path: pending.path,
          format: pending.sheet.format,
          sheetName: pending.sheet.sheetName,
          headerRowNumber: pending.sheet.headerRowNumber,
          created: c.created,
          updated: c.updated,
          passwordsStored: c.passwordsStored,
          recoveryCodesStored: c.otherSecretsStored,
          peopleCreated: c.peopleCreated,
          holdersRecorded: c.holdersRecorded,
          approvalsRecorded: c.approvalsRecorded,
          excludedRows: excluded,
          emptyRowsSkipped: pending.sheet.emptyRowsSkipped,
        },
      }),
    });
    // The plaintext passwords go as soon as they are in the vault.
    this.pending.delete(request.importId);
    const secrets = secretColumns(pending.sheet, request.mapping);
    return Scrubber.forSheet(pending.raw, secrets.all, pending.sheet.headerRowNumber).deep({
      created: counts.created,
      updated: counts.updated,
      excluded: excluded.length,
      passwordsStored: counts.passwordsStored,
      recoveryCodesStored: counts.otherSecretsStored,
      peopleCreated: counts.peopleCreated,
      holdersRecorded: counts.holdersRecorded,
      approvalsRecorded: counts.approvalsRecorded,
      fileName: pending.fileName,
      path: pending.path,
      advice: deleteAdvice(pending, counts.passwordsStored + counts.otherSecretsStored, excluded),
    });
  }

  cancel(importId: string): { dropped: boolean } {
    return { dropped: this.pending.delete(importId) };
  }

  /** On lock and on close: nothing from a spreadsheet outlives the key. */
  forgetAll(): void {
    this.pending.clear();
  }

  expire(): void {
    const cutoff = this.ctx.clock.now().getTime() - importIdleMinutes * 60_000;
    for (const [id, pending] of this.pending) if (pending.lastUsed < cutoff) this.pending.delete(id);
  }

  private take(importId: string): Pending {
    this.expire();
    const pending = this.pending.get(importId);
    if (!pending) {
      throw new KeyholderError(
        'NOT_FOUND',
        `This import is no longer open (it was finished, cancelled, or left for more than ${importIdleMinutes} minutes, or the vault locked). Open the spreadsheet again.`,
      );
    }
    pending.lastUsed = this.ctx.clock.now().getTime();
    return pending;
  }

  private validate(pending: Pending, request: ImportRequest): Validation & { maxHolders: number } {
    const { mapping } = request;
    const emails =
      mapping.loginEmail === null
        ? []
        : pending.sheet.rows.map((row) => cleanLine(row.cells[mapping.loginEmail!] ?? ''));
    const view = registerView(this.ctx.db, this.ctx.clock.now(), emails, pending.weakCache);
    const secrets = secretColumns(pending.sheet);
    const validation = validateImport({
      sheet: pending.sheet,
      mapping,
      secretColumns: secrets.named,
      lookSecret: secrets.all,
      rowChoices: request.rows,
      personChoices: request.people,
      existing: view.existing,
      context: view.context,
    });
    return { ...validation, maxHolders: view.context.maxHolders };
  }
}

function deleteAdvice(pending: Pending, secretsStored: number, excluded: number[]): string {
  const where = `${pending.fileName} in ${dirname(pending.path)}`;
  const rows = excluded.length === 1 ? `row ${excluded[0]}` : `rows ${excluded.join(', ')}`;
  // Rows left out exist only in the spreadsheet: deleting it first would lose them.
  const deleteIt =
    excluded.length === 0
      ? `Delete the spreadsheet now: ${where}.`
      : `You left out ${rows}, which ${excluded.length === 1 ? 'is' : 'are'} still only in the spreadsheet. Deal with ${excluded.length === 1 ? 'it' : 'them'} first, then delete the spreadsheet: ${where}.`;
  if (secretsStored === 0) {
    return excluded.length === 0
      ? `The accounts are in the register. The spreadsheet (${where}) is no longer needed: delete it, or keep it only where your school keeps records.`
      : `The accounts are in the register. ${deleteIt}`;
  }
  return `The passwords from the spreadsheet are now encrypted in Keyholder. ${deleteIt} Then empty the Recycle Bin, and delete any other copies (email attachments, shared drives, OneDrive, USB sticks, printouts). Each imported password is marked "rotation required": change them soon, because the spreadsheet kept them unencrypted.`;
}
