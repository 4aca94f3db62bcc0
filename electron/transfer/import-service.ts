import { randomBytes } from 'node:crypto';
import { basename, dirname } from 'node:path';
import {
  importLimits,
  KeyholderError,
  type ImportMapping,
  type ImportOpened,
  type ImportPreview,
} from '../../shared/contract';
import type { CoreContext } from '../core/context';
import type { VaultService } from '../vault/vault-service';
import { commitRows } from './commit-rows';
import { maskedColumns, suggestMapping } from './import-mapping';
import { validateImport, type Validation } from './import-rows';
import { type ParsedSheet } from './sheet';
import { readSpreadsheet } from './source-file';
import { londonIsoDate } from './uk-date';

/** Unused imports are forgotten after this long: the sheet holds passwords in the clear. */
export const importIdleMinutes = 30;
const maxPending = 3;
const mask = '••••••';

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
  sheet: ParsedSheet;
  lastUsed: number;
}

/**
 * Spreadsheets opened for import, held in memory (never on disk) between
 * choosing the file, previewing and committing. Locking the vault, closing
 * the app, committing, cancelling and 30 minutes' idleness all drop them.
 */
export class ImportService {
  private readonly pending = new Map<string, Pending>();

  constructor(
    private readonly ctx: CoreContext,
    private readonly vault: VaultService,
  ) {}

  async open(): Promise<ImportOpened | { cancelled: true }> {
    this.vault.key();
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
    const sheet = await readSpreadsheet(path);
    // The vault may have locked while the dialog was open; then nothing is kept.
    this.vault.key();
    const id = randomBytes(16).toString('hex');
    this.pending.set(id, { id, path, fileName: basename(path), sheet, lastUsed: this.ctx.clock.now().getTime() });
    while (this.pending.size > maxPending) this.pending.delete(this.pending.keys().next().value!);

    const suggestedMapping = suggestMapping(sheet.headers);
    const masked = maskedColumns(sheet.headers, suggestedMapping);
    const sample = sheet.rows.slice(0, importLimits.sampleRows).map((row) =>
      sheet.headers.map((_, i) => {
        const text = row.cells[i] ?? '';
        if (masked.includes(i)) return text.trim() === '' ? '' : mask;
        return text.length > 200 ? `${text.slice(0, 200)}…` : text;
      }),
    );
    return {
      cancelled: false,
      importId: id,
      fileName: basename(path),
      path,
      format: sheet.format,
      sheetName: sheet.sheetName,
      headers: sheet.headers,
      headerRowNumber: sheet.headerRowNumber,
      rowCount: sheet.rows.length,
      emptyRowsSkipped: sheet.emptyRowsSkipped,
      sample,
      maskedColumns: masked,
      suggestedMapping,
    };
  }

  preview(importId: string, mapping: ImportMapping): ImportPreview {
    const check = this.validate(this.take(importId), mapping);
    return {
      importId,
      problems: check.problems,
      rows: check.results,
      counts: check.counts,
      canCommit: check.problems.length === 0 && check.counts.errors === 0,
    };
  }

  commit(importId: string, mapping: ImportMapping) {
    const key = this.vault.key();
    const vaultId = this.vault.vaultId();
    const actor = this.vault.actor();
    const pending = this.take(importId);
    const now = this.ctx.clock.now();
    const check = this.validate(pending, mapping);
    if (check.problems.length > 0)
      throw new KeyholderError('INVALID_INPUT', `Nothing was imported. ${check.problems.join(' ')}`);
    const bad = check.results.filter((row) => row.errors.length > 0).map((row) => row.rowNumber);
    if (bad.length > 0) {
      const shown = bad.length > 10 ? `${bad.slice(0, 10).join(', ')} and ${bad.length - 10} more` : bad.join(', ');
      throw new KeyholderError(
        'INVALID_INPUT',
        `Nothing was imported: ${bad.length} ${bad.length === 1 ? 'row needs' : 'rows need'} fixing first (row ${shown}). Fix ${bad.length === 1 ? 'it' : 'them'} in the spreadsheet and open it again, or change the column choices.`,
      );
    }

    const { passwordsStored, otherSecretsStored: recoveryCodesStored } = commitRows(
      { db: this.ctx.db, now, key, vaultId, actor },
      check.ready,
      {
        reason: (row) => `Imported from ${pending.fileName}, row ${row.rowNumber}`,
        rotationReason: importRotationReason,
        otherSecret: (row) =>
          row.recoveryCodes !== null ? { field: 'recoveryCodes', value: row.recoveryCodes } : null,
        completed: (counts) => ({
          actor,
          action: 'import.completed',
          details: {
            fileName: pending.fileName,
            path: pending.path,
            format: pending.sheet.format,
            sheetName: pending.sheet.sheetName,
            created: check.ready.length,
            passwordsStored: counts.passwordsStored,
            recoveryCodesStored: counts.otherSecretsStored,
            emptyRowsSkipped: pending.sheet.emptyRowsSkipped,
          },
        }),
      },
    );
    // The plaintext passwords go as soon as they are in the vault.
    this.pending.delete(importId);
    return {
      created: check.ready.length,
      passwordsStored,
      recoveryCodesStored,
      fileName: pending.fileName,
      path: pending.path,
      advice: deleteAdvice(pending, passwordsStored + recoveryCodesStored),
    };
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

  private validate(pending: Pending, mapping: ImportMapping): Validation {
    const existing = new Set(
      (
        this.ctx.db.prepare('SELECT platform, handle FROM accounts').all() as { platform: string; handle: string }[]
      ).map((row) => `${row.platform}:${row.handle.toLowerCase()}`),
    );
    return validateImport(pending.sheet, mapping, existing, londonIsoDate(this.ctx.clock.now()));
  }
}

function deleteAdvice(pending: Pending, secretsStored: number): string {
  const where = `${pending.fileName} in ${dirname(pending.path)}`;
  if (secretsStored === 0) {
    return `The accounts are in the register. The spreadsheet (${where}) is no longer needed: delete it, or keep it only where your school keeps records.`;
  }
  return `The passwords from the spreadsheet are now encrypted in Keyholder. Delete the spreadsheet now: ${where}. Then empty the Recycle Bin, and delete any other copies (email attachments, shared drives, OneDrive, USB sticks, printouts). Each imported password is marked "rotation required": change them soon, because the spreadsheet kept them unencrypted.`;
}
