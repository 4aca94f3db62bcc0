import { appendFileSync, mkdirSync, renameSync, statSync } from 'node:fs';
import { join } from 'node:path';

export type Log = (message: string) => void;

const maxBytes = 1024 * 1024;

/**
 * A plain append-only log file in the data folder, rolled at 1 MiB. Callers
 * never pass secrets here; the plaintext scan tests read this file too.
 */
export function createFileLogger(dataDir: string, now: () => Date): Log {
  const dir = join(dataDir, 'logs');
  const file = join(dir, 'keyholder.log');
  return (message) => {
    try {
      mkdirSync(dir, { recursive: true });
      if (safeSize(file) > maxBytes) renameSync(file, join(dir, 'keyholder.1.log'));
      appendFileSync(file, `${now().toISOString()} ${message.replace(/\r?\n/g, '\n    ')}\n`);
    } catch {
      // Logging must never take the app down; a full disk shows up elsewhere.
    }
  };
}

function safeSize(file: string): number {
  try {
    return statSync(file).size;
  } catch {
    return 0;
  }
}
