import { formatCount } from '../../shared/policy/counts';
import { ukDate, ukDateOf, ukDateTime } from '../../shared/time';

/** A count with thousands separated, as in "10,000" (one formatter for every screen: shared/policy/counts.ts). */
export { formatCount };

/**
 * Dates as a UK school reads them: dd/mm/yyyy, times in 24-hour clock, always
 * in Europe/London (never the computer's own time zone), from the one time
 * module shared with the main process.
 */
export function formatDate(iso: string | null | undefined): string {
  if (!iso) return '';
  return /^\d{4}-\d{2}-\d{2}$/.test(iso) ? ukDate(iso) : ukDateOf(iso);
}

export function formatDateTime(iso: string | null | undefined): string {
  return ukDateTime(iso);
}

/** "1 account", "3 accounts", "10,000 accounts": counts read as a person would say them. */
export function plural(count: number, one: string, many = `${one}s`): string {
  return `${formatCount(count)} ${count === 1 ? one : many}`;
}

/**
 * A saved file in plain words: its name without the folder (the save dialog
 * showed where), and a backup's or a safety copy's date as dd/mm/yyyy rather
 * than the timestamp in its name.
 */
export function fileInWords(path: string): string {
  const name = path.split(/[\\/]/).pop() ?? path;
  const stamp = /(\d{4})-(\d{2})-(\d{2})/.exec(name);
  const date = stamp ? ukDate(`${stamp[1]}-${stamp[2]}-${stamp[3]}`) : null;
  if (name.includes('before-restore'))
    return `the copy of the vault made before the restore${date ? ` on ${date}` : ''}`;
  if (name.endsWith('.khbackup') && date) return `the backup of ${date}`;
  return `“${name}”`;
}
