import { randomBytes } from 'node:crypto';
import { basename, dirname } from 'node:path';
import { KeyholderError, type MigrateChoice, type MigratePreview } from '../../shared/contract';
import type { CoreContext } from '../core/context';
import { commitRows } from '../import/commit-rows';
import { Scrubber } from '../import/import-secrets';
import type { VaultService } from '../vault/vault-service';
import { readSourceFile, type SourceFile } from './migrate-read';
import { checkEntries, rowOf, sourceName } from './migrate-rows';
import { ukDateOf } from '../../shared/time';

export const migrateIdleMinutes = 30;

/** Why every imported password is marked for change: the export file held it unencrypted on disk. */
export const migrateRotationReason = 'Imported from an unencrypted password manager export file: change the password';

interface Pending {
  id: string;
  path: string;
  fileName: string;
  source: SourceFile;
  lastUsed: number;
  weakCache: Map<string, string>;
}

/** Every secret of the export, to keep out of the replies whatever field it ended up in. */
function scrubberFor(source: SourceFile): Scrubber {
  return new Scrubber(
    source.entries.flatMap((e) => [e.password, e.totp, ...e.history.map((h) => h.password), ...e.fieldValues]),
  );
}

/**
 * Moving in from KeePassXC, KeePassX or Bitwarden. Each login is checked as a
 * row of the spreadsheet import (migrate-rows.ts), so the same rules and the
 * same all-or-nothing commit apply; an entry already in the register can
 * instead update that account's password. The export stays in memory only,
 * and is dropped on commit, cancel, lock and after 30 minutes.
 */
export class MigrateService {
  private readonly pending = new Map<string, Pending>();

  constructor(
    private readonly ctx: CoreContext,
    private readonly vault: VaultService,
  ) {}

  async open() {
    this.expire();
    const path = await this.ctx.platform.chooseOpenPath({
      title: 'Choose the KeePassXC or Bitwarden export',
      filters: [{ name: 'KeePassXC, KeePassX or Bitwarden export (CSV or JSON)', extensions: ['csv', 'json'] }],
    });
    if (path === null) return { cancelled: true as const };
    const source = readSourceFile(path);
    const id = randomBytes(16).toString('hex');
    const now = this.ctx.clock.now().getTime();
    this.pending.set(id, { id, path, fileName: basename(path), source, lastUsed: now, weakCache: new Map() });
    while (this.pending.size > 3) this.pending.delete(this.pending.keys().next().value!);
    return { cancelled: false as const, ...this.preview(id, []) };
  }

  preview(migrateId: string, given: MigrateChoice[]): MigratePreview {
    const pending = this.take(migrateId);
    const { choices, validation } = checkEntries(
      this.ctx.db,
      this.ctx.clock.now(),
      pending.source,
      given,
      pending.weakCache,
    );
    const rows = choices.map((choice) => rowOf(pending.source.entries[choice.entry - 1]!, choice, validation));
    const included = rows.filter((row) => row.include);
    const errors = included.filter((row) => row.errors.length > 0).length;
    return scrubberFor(pending.source).deep({
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
        updates: included.filter((row) => row.updateExisting).length,
      },
      canCommit: included.length > 0 && errors === 0,
    });
  }

  commit(migrateId: string, given: MigrateChoice[]) {
    const key = this.vault.key();
    const vaultId = this.vault.vaultId();
    const actor = this.vault.actor();
    const pending = this.take(migrateId);
    const now = this.ctx.clock.now();
    const { choices, validation } = checkEntries(this.ctx.db, now, pending.source, given, pending.weakCache);
    const included = choices.filter((choice) => choice.include).length;
    if (included === 0)
      throw new KeyholderError('INVALID_INPUT', 'Tick at least one entry to import. Nothing was imported.');
    if (validation.ready.length !== included) {
      throw new KeyholderError(
        'INVALID_INPUT',
        `Nothing was imported: ${included - validation.ready.length} of the ticked entries need fixing first. Correct their platform or handle, or untick them.`,
      );
    }
    const source = sourceName(pending.source);
    const counts = commitRows({ db: this.ctx.db, now, key, vaultId, actor }, validation.ready, {
      reason: (row) => `Imported from ${pending.fileName}, entry ${row.rowNumber}`,
      rotationReason: migrateRotationReason,
      otherSecret: () => null,
      importCheck: `Added by the import of ${pending.fileName} on ${ukDateOf(now.toISOString())}: check their details.`,
      completed: (c) => ({
        actor,
        action: 'migrate.completed',
        details: {
          fileName: pending.fileName,
          path: pending.path,
          format: pending.source.format,
          created: c.created,
          updated: c.updated,
          passwordsStored: c.passwordsStored,
          notImported: choices.filter((choice) => !choice.include).length,
        },
      }),
    });
    this.pending.delete(migrateId);
    const notImported = choices
      .filter((choice) => !choice.include)
      .map((choice) => pending.source.entries[choice.entry - 1]!.title || `entry ${choice.entry}`);
    const where = `${pending.fileName} in ${dirname(pending.path)}`;
    const deleteIt =
      notImported.length === 0
        ? `Delete the export file now: ${where}, then empty the Recycle Bin. It holds every password unencrypted.`
        : `${notImported.length} ${notImported.length === 1 ? 'entry was' : 'entries were'} not imported (${notImported.slice(0, 5).join(', ')}${notImported.length > 5 ? ', …' : ''}) and ${notImported.length === 1 ? 'is' : 'are'} still only in the ${source} and this export. Make sure ${notImported.length === 1 ? 'it is' : 'they are'} kept in your password manager, then delete the export file: ${where}, and empty the Recycle Bin. It holds every password unencrypted.`;
    return scrubberFor(pending.source).deep({
      created: counts.created,
      updated: counts.updated,
      passwordsStored: counts.passwordsStored,
      notImported,
      advice: `The passwords are now encrypted in Keyholder. ${deleteIt} Each imported password is marked "rotation required": change them soon.`,
    });
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
