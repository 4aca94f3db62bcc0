import { randomBytes } from 'node:crypto';
import { closeSync, fsyncSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { KeyholderError } from '../../shared/contract';

/**
 * Writes the whole file beside its destination, flushes it to disk, then
 * renames it into place: whoever opens the path sees the old file or the
 * complete new one, never half an export. Errors become one sentence that
 * says what to do (Excel on Windows locks files it has open).
 */
export function writeFileAtomic(path: string, data: string | Uint8Array): void {
  const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
  const temp = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);
  let fd: number | null = null;
  try {
    fd = openSync(temp, 'wx', 0o600);
    for (let written = 0; written < bytes.length;) written += writeSync(fd, bytes, written, bytes.length - written);
    fsyncSync(fd);
    closeSync(fd);
    fd = null;
    renameSync(temp, path);
  } catch (error) {
    if (fd !== null) closeSync(fd);
    rmSync(temp, { force: true });
    const code = (error as NodeJS.ErrnoException).code ?? 'unknown error';
    const hint =
      code === 'EBUSY' || code === 'EPERM'
        ? 'If the file is open in Excel or another program, close it and try again.'
        : code === 'EACCES' || code === 'EROFS'
          ? 'Keyholder may not write to that folder; choose another, such as Documents.'
          : code === 'ENOSPC'
            ? 'The disk is full; free some space or choose another drive.'
            : 'Choose another folder and try again.';
    throw new KeyholderError(
      code === 'EACCES' || code === 'EROFS' ? 'FORBIDDEN' : 'CONFLICT',
      `Keyholder could not save ${basename(path)} (${code}). ${hint} Nothing was saved.`,
    );
  }
}
