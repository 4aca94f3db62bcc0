/**
 * Dates as the school reads them: dd/mm/yyyy, in Europe/London whatever the
 * computer's own time zone (a laptop set to UTC would otherwise print
 * yesterday's date for anything done after 23:00 in summer).
 */
const london = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/London',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

function parts(instant: Date): Record<string, string> {
  return Object.fromEntries(london.formatToParts(instant).map((part) => [part.type, part.value]));
}

/** The calendar date in London as yyyy-mm-dd. */
export function londonIsoDate(instant: Date): string {
  const p = parts(instant);
  return `${p.year}-${p.month}-${p.day}`;
}

/** yyyy-mm-dd (a calendar date, no zone) as dd/mm/yyyy. */
export function ukDate(isoDate: string | null): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(isoDate ?? '');
  return m ? `${m[3]}/${m[2]}/${m[1]}` : '';
}

/** A stored timestamp as its London date, dd/mm/yyyy. */
export function ukDateOf(isoDateTime: string | null): string {
  if (!isoDateTime) return '';
  const instant = new Date(isoDateTime);
  return Number.isNaN(instant.getTime()) ? '' : ukDate(londonIsoDate(instant));
}

/** dd/mm/yyyy HH:mm in London, for "printed on". */
export function ukDateTime(instant: Date): string {
  const p = parts(instant);
  return `${p.day}/${p.month}/${p.year} ${p.hour}:${p.minute}`;
}
