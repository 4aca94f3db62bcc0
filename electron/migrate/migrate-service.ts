import { randomBytes } from 'node:crypto';
import { basename, dirname } from 'node:path';
import {
  importTargets,
  KeyholderError,
  migrateFormatLabels,
  type ImportMapping,
  type MigrateChoice,
  type MigratePreview,
} from '../../shared/contract';
import { londonDate } from '../../shared/policy/calendar-dates';
import type { CoreContext } from '../core/context';
import { commitRows } from '../transfer/commit-rows';
import { validateImport } from '../transfer/import-rows';
import type { VaultService } from '../vault/vault-service';
import { guessHandle, guessPlatform, loginEmailOf, profileUrlOf, secretNotesOf } from './migrate-guess';
import { readSourceFile, type SourceFile } from './migrate-read';

export const migrateIdleMinutes = 30;

/** Why every imported password is marked for change: the export file held it unencrypted on disk. */
export const migrateRotationReason = 'Imported from an unencrypted password manager export file: change the password';

interface Pending {
  id: string;
  path: string;
  fileName: string;
  source: SourceFile;
  lastUsed: number;
}

/**
 * Moving in from KeePassXC or Bitwarden. Each login becomes a row of the
 * spreadsheet import's own checker (electron/transfer/import-rows.ts), so
 * the same rules, duplicate checks (platform + handle, in the file and in the
 * register) and all-or-nothing commit apply. The export stays in memory only,
 * and is dropped on commit, cancel, lock and after 30 minutes.
 */
export class MigrateService {
  private readonly pending = new Map<string, Pending>();

  constructor(
    private readonly ctx: CoreContext,
    private readonly vault: VaultService,
  ) {}

  async open() {
    this.vault.key();
    this.expire();
    const path = await this.ctx.platform.chooseOpenPath({
      title: 'Choose the KeePassXC or Bitwarden export',
      filters: [{ name: 'KeePassXC CSV or Bitwarden JSON/CSV export', extensions: ['csv', 'json'] }],
    });
    if (path === null) return { cancelled: true as const };
    const source = readSourceFile(path);
    this.vault.key();
    const id = randomBytes(16).toString('hex');
    this.pending.set(id, { id, path, fileName: basename(path), source, lastUsed: this.ctx.clock.now().getTime() });
    while (this.pending.size > 3) this.pending.delete(this.pending.keys().next().value!);
    return { cancelled: false as const, ...this.preview(id, []) };
  }

  /** The default choice for an entry: the guess, ticked when a platform was recognised. */
  private choices(pending: Pending, given: MigrateChoice[]): MigrateChoice[] {
    const byEntry = new Map(given.map((choice) => [choice.entry, choice]));
    return pending.source.entries.map((entry) => {
      const platform = guessPlatform(entry);
      const handle = guessHandle(entry, platform);
      return (
        byEntry.get(entry.entry) ?? {
          entry: entry.entry,
          include: platform !== null && handle !== '',
          platform,
          handle,
        }
      );
    });
  }

  private check(pending: Pending, given: MigrateChoice[]) {
    const choices = this.choices(pending, given);
    const included = choices.filter((choice) => choice.include);
    const source = migrateFormatLabels[pending.source.format].replace(/ \(.*\)$/, '');
    const rows = included.map((choice) => {
      const entry = pending.source.entries[choice.entry - 1]!;
      const changed = entry.changedAt ? londonDate(entry.changedAt) : '';
      const cells: Record<(typeof importTargets)[number], string> = {
        platform: choice.platform ?? '',
        handle: choice.handle,
        displayName: entry.title.trim() === choice.handle ? '' : entry.title,
        profileUrl: profileUrlOf(entry, choice.platform),
        loginEmail: loginEmailOf(entry),
        password: entry.password,
        recoveryCodes: '',
        twoFactorMethod: entry.totp.trim() ? 'authenticator app' : '',
        notes: '',
        passwordChangedOn: changed && changed <= londonDate(this.ctx.clock.now()) ? changed : '',
      };
      return { rowNumber: choice.entry, cells: importTargets.map((target) => cells[target]) };
    });
    const mapping = Object.fromEntries(importTargets.map((target, i) => [target, i])) as ImportMapping;
    const existing = new Set(
      (
        this.ctx.db.prepare('SELECT platform, handle FROM accounts').all() as { platform: string; handle: string }[]
      ).map((row) => `${row.platform}:${row.handle.toLowerCase()}`),
    );
    const sheet = {
      format: 'csv' as const,
      sheetName: null,
      headerRowNumber: 0,
      headers: [...importTargets],
      rows,
      emptyRowsSkipped: 0,
    };
    const validation = validateImport(sheet, mapping, existing, londonDate(this.ctx.clock.now()));
    return { choices, validation, source };
  }

  preview(migrateId: string, given: MigrateChoice[]): MigratePreview {
    const pending = this.take(migrateId);
    const { choices, validation } = this.check(pending, given);
    const results = new Map(validation.results.map((result) => [result.rowNumber, result]));
    const rows = choices.map((choice) => {
      const entry = pending.source.entries[choice.entry - 1]!;
      const result = results.get(choice.entry);
      return {
        entry: choice.entry,
        title: entry.title,
        group: entry.group,
        url: entry.url,
        username: entry.username,
        include: choice.include,
        platform: choice.platform,
        handle: result?.handle || choice.handle,
        hasPassword: entry.password !== '',
        hasTotp: entry.totp.trim() !== '',
        hasNotes: entry.notes.trim() !== '' || entry.fields.trim() !== '',
        errors: (result?.errors ?? []).map(inEntryWords),
        warnings: (result?.warnings ?? []).map(inEntryWords),
      };
    });
    const included = rows.filter((row) => row.include);
    const errors = included.filter((row) => row.errors.length > 0).length;
    return {
      migrateId,
      fileName: pending.fileName,
      path: pending.path,
      format: pending.source.format,
      rows,
      skipped: pending.source.skipped,
      counts: {
        entries: rows.length,
        included: included.length,
        errors,
        duplicates: validation.counts.duplicates,
        passwords: included.filter((row) => row.hasPassword).length,
      },
      canCommit: included.length > 0 && errors === 0,
    };
  }

  commit(migrateId: string, given: MigrateChoice[]) {
    const key = this.vault.key();
    const vaultId = this.vault.vaultId();
    const actor = this.vault.actor();
    const pending = this.take(migrateId);
    const { choices, validation, source } = this.check(pending, given);
    const included = choices.filter((choice) => choice.include).length;
    if (included === 0)
      throw new KeyholderError('INVALID_INPUT', 'Tick at least one entry to import. Nothing was imported.');
    if (validation.ready.length !== included) {
      throw new KeyholderError(
        'INVALID_INPUT',
        `Nothing was imported: ${included - validation.ready.length} of the ticked entries need fixing first. Correct their platform or handle, or untick them.`,
      );
    }
    const now = this.ctx.clock.now();
    const { passwordsStored } = commitRows({ db: this.ctx.db, now, key, vaultId, actor }, validation.ready, {
      reason: (row) => `Imported from ${pending.fileName}, entry ${row.rowNumber}`,
      rotationReason: migrateRotationReason,
      otherSecret: (row) => {
        const notes = secretNotesOf(pending.source.entries[row.rowNumber - 1]!, source);
        return notes ? { field: 'twoFactorNotes', value: notes } : null;
      },
      completed: (counts) => ({
        actor,
        action: 'migrate.completed',
        details: {
          fileName: pending.fileName,
          path: pending.path,
          format: pending.source.format,
          created: validation.ready.length,
          passwordsStored: counts.passwordsStored,
        },
      }),
    });
    this.pending.delete(migrateId);
    return {
      created: validation.ready.length,
      passwordsStored,
      advice: `The passwords are now encrypted in Keyholder. Delete the export file now: ${pending.fileName} in ${dirname(pending.path)}, then empty the Recycle Bin. It holds every password unencrypted. Each imported password is marked "rotation required": change them soon.`,
    };
  }

  cancel(migrateId: string): { dropped: boolean } {
    return { dropped: this.pending.delete(migrateId) };
  }

  forgetAll(): void {
    this.pending.clear();
  }

  expire(): void {
    const cutoff = this.ctx.clock.now().getTime() - migrateIdleMinutes * 60_000;
    for (const [id, pending] of this.pending) if (pending.lastUsed < cutoff) this.pending.delete(id);
  }

  private take(migrateId: string): Pending {
    this.vault.key();
    this.expire();
    const pending = this.pending.get(migrateId);
    if (!pending)
      throw new KeyholderError(
        'NOT_FOUND',
        'This import is no longer open (it was finished, cancelled, left for 30 minutes, or the vault locked). Choose the export file again.',
      );
    pending.lastUsed = this.ctx.clock.now().getTime();
    return pending;
  }
}

/** The spreadsheet checker's words ("row", "column B") said for an export's entries. */
function inEntryWords(message: string): string {
  if (message.startsWith('Platform (column A): Platform is empty')) return 'Choose the platform for this entry.';
  return message
    .replace(/ \(column [A-Z]+\)/g, '')
    .replace(/\bon rows? /g, 'in entry ')
    .replace('Keep one row for each account.', 'Tick one entry for each account.')
    .replace('Remove this row', 'Untick this entry');
}
