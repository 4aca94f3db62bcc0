import { readFileSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import { KeyholderError, type BackupSummary } from '../../shared/contract';
import { readAuditKey } from '../audit/audit-key';
import { verifyAudit } from '../audit/audit-verify';
import { assertOwnSchema } from '../db/schema-check';
import { migrations } from '../db/migrations';
import type { Db } from '../db/open';
import { parseBackup, type BackupHeader, type ParsedBackup } from '../backup/backup-file';
import { countRows, type Sealing } from '../backup/backup-payload';

/** A school's vault is a few megabytes; this bounds what is read into memory. */
export const maxBackupBytes = 256 * 1024 * 1024;

export function readBackupFile(path: string): { parsed: ParsedBackup; sizeBytes: number } {
  const fileName = basename(path);
  let bytes: Buffer;
  try {
    const stats = statSync(path);
    if (!stats.isFile()) throw new KeyholderError('INVALID_INPUT', `${fileName} is a folder. Choose the backup file.`);
    if (stats.size > maxBackupBytes)
      throw new KeyholderError('INVALID_INPUT', `${fileName} is far too large to be a Keyholder backup.`);
    bytes = readFileSync(path);
  } catch (error) {
    if (error instanceof KeyholderError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    throw new KeyholderError(
      code === 'ENOENT' ? 'NOT_FOUND' : 'CONFLICT',
      code === 'ENOENT'
        ? `${fileName} is no longer there. It may have been moved; choose it again.`
        : `Keyholder could not read ${fileName}${code ? ` (${code})` : ''}. If it is on a network share or OneDrive, check this computer is connected.`,
    );
  }
  return { parsed: parseBackup(bytes, fileName), sizeBytes: bytes.length };
}

export function summaryOf(header: BackupHeader): BackupSummary {
  return {
    formatVersion: header.formatVersion,
    schoolName: header.schoolName,
    createdAt: header.createdAt,
    createdBy: header.createdBy,
    appVersion: header.appVersion,
    schemaVersion: header.schemaVersion,
    automatic: header.automatic,
    counts: header.counts,
  };
}

const damaged = (fileName: string, detail: string) =>
  new KeyholderError(
    'INVALID_INPUT',
    `${fileName} is damaged inside (${detail}), so it was not restored. Nothing was changed.`,
  );

/**
 * The decrypted database, checked whole before anything is replaced: SQLite's
 * own integrity check, a version this Keyholder understands, references that
 * hold, and row counts equal to the header's. Returns whether the audit
 * chain verifies (a broken chain is shown, not refused: it may be the only copy).
 */
export function checkRestorable(memory: Db, header: BackupHeader, fileName: string, sealing: Sealing): boolean {
  if (memory.pragma('integrity_check', { simple: true }) !== 'ok') throw damaged(fileName, 'the database check failed');
  // Anything Keyholder did not make (a trigger that deletes audit entries) is refused before it can be restored.
  assertOwnSchema(memory, fileName);
  const version = memory.pragma('user_version', { simple: true }) as number;
  if (version > migrations.length) {
    throw new KeyholderError(
      'DATABASE_TOO_NEW',
      `${fileName} was made by a newer version of Keyholder (data version ${version}). Install the latest Keyholder, then restore it. Nothing was changed.`,
    );
  }
  if (version !== header.schemaVersion) throw damaged(fileName, 'its version does not match its header');
  if ((memory.pragma('foreign_key_check') as unknown[]).length > 0) throw damaged(fileName, 'broken references');
  const { tables } = countRows(memory);
  const expected = Object.entries(header.tables).sort();
  if (JSON.stringify(Object.entries(tables).sort()) !== JSON.stringify(expected))
    throw damaged(fileName, 'its contents do not match its header');
  return verifyAudit(memory, readAuditKey(memory, sealing.key, sealing.scheme.auditKey())).ok;
}

/** A backup from an older Keyholder is brought up to this version's tables, exactly as opening the vault would. */
export function migrateInMemory(memory: Db): void {
  const current = memory.pragma('user_version', { simple: true }) as number;
  if (current >= migrations.length) return;
  memory
    .transaction(() => {
      for (const migration of migrations.slice(current)) memory.exec(migration.sql);
      memory.pragma(`user_version = ${migrations.length}`);
    })
    .immediate();
}
