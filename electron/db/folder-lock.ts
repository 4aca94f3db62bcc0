import Database from 'better-sqlite3';
import { join } from 'node:path';
import { KeyholderError } from '../../shared/contract';

/**
 * One Keyholder at a time on a vault. The lock is an exclusive SQLite lock
 * on `keyholder.lock` in the data folder, held for as long as the vault is
 * open: SQLite takes it with the operating system's own file locking
 * (LockFileEx on Windows, fcntl elsewhere), so it also holds between two
 * Windows log-ins and is released by the OS if the process dies. Electron's
 * single-instance lock covers only one log-in on one computer.
 */
export interface FolderLock {
  release(): void;
}

export const lockFileName = 'keyholder.lock';

export function lockDataFolder(dataDir: string): FolderLock {
  const lock = new Database(join(dataDir, lockFileName), { timeout: 0 });
  try {
    lock.pragma('journal_mode = DELETE');
    // In exclusive locking mode the lock taken by the first write is kept until the connection closes.
    lock.pragma('locking_mode = EXCLUSIVE');
    lock.exec('CREATE TABLE IF NOT EXISTS holder (singleton INTEGER PRIMARY KEY, since TEXT NOT NULL)');
    lock.prepare('INSERT OR REPLACE INTO holder (singleton, since) VALUES (1, ?)').run(new Date().toISOString());
  } catch (error) {
    lock.close();
    if ((error as { code?: string }).code?.startsWith('SQLITE_BUSY') || /locked/i.test(String(error))) {
      throw new KeyholderError(
        'ALREADY_OPEN',
        'Keyholder is already open on this vault, in another window or by another user of this computer. Close it there first, then open Keyholder again. Nothing was changed.',
      );
    }
    throw error;
  }
  return { release: () => lock.close() };
}
