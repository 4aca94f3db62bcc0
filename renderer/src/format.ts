import { format, parseISO } from 'date-fns';

/** Dates as a UK school reads them: dd/mm/yyyy, times in 24-hour clock. */
export function formatDate(iso: string | null | undefined): string {
  if (!iso) return '';
  return format(parseISO(iso), 'dd/MM/yyyy');
}

export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return '';
  return format(parseISO(iso), 'dd/MM/yyyy HH:mm');
}

/** "1 account", "3 accounts": counts read as a person would say them. */
export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}
