import { ukDate, ukDateOf, ukDateTime } from '../../shared/time';

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

/** "1 account", "3 accounts": counts read as a person would say them. */
export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}
