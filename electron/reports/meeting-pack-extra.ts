import type { KeyDate, ReportData } from '../../shared/contract';
import { weekOf, weeksBetween } from '../../shared/policy/weekly-checks';
import type { Period } from '../../shared/policy/report-period';
import type { TermName } from '../../shared/policy/term-calendar';
import { addDays, londonToday, ukDate, weekdayName } from '../../shared/time';
import { checksRecord } from '../checks/weekly-checks';
import type { Db } from '../db/open';
import { readSettings } from '../settings/settings-store';
import { keyDatesBetween, meetingWindow } from './key-dates';
import type { PackTable } from './pack-table';

/**
 * The meeting pack's look back and look ahead (north-herts 3: "social media
 * feedback will be delivered at the termly progress meeting"; "upcoming
 * content will be shared ... to ensure no key dates or information is
 * overlooked"): the term's record of weekly checks, posts outside the
 * posting hours, and the key dates coming up.
 */
export interface PackExtra {
  upcoming: { from: string; to: string; nextTerm: string; dates: KeyDate[] };
  checks: {
    items: number;
    /** The whole weeks counted: the term's, up to the last one finished. */
    from: string;
    to: string;
    rows: { label: string; weeks: number; complete: number }[];
  };
}

export function packExtra(db: Db, now: Date, period: Period, academicYear: number, term: TermName): PackExtra {
  const window = meetingWindow(db, now, academicYear, term);
  // A week still running is not yet a week missed: count up to the Sunday just gone.
  const lastSunday = addDays(weekOf(londonToday(now)), -1);
  const to = period.to < lastSunday ? period.to : lastSunday;
  const weeks = to > period.from ? weeksBetween(period.from, to) : [];
  return {
    upcoming: {
      from: window.from,
      to: window.to,
      nextTerm: window.nextTerm.label,
      dates: window.from <= window.to ? keyDatesBetween(db, window.from, window.to) : [],
    },
    checks: {
      items: readSettings(db).weeklyCheckItems.length,
      from: weeks[0] ?? period.from,
      to: weeks.length ? addDays(weeks.at(-1)!, 6) : to,
      rows: weeks.length ? checksRecord(db, period.from, to) : [],
    },
  };
}

export function extraTables(extra: PackExtra, reports: ReportData[]): PackTable[] {
  const withTimes = reports.filter((r) => r.postingHours !== null);
  const checks = extra.checks;
  return [
    {
      caption: 'Posting hours',
      intro: withTimes.length
        ? 'Posts outside the hours are listed in each account’s report, to say which were school events or urgent news.'
        : undefined,
      head: ['Account', 'Posts outside the hours'],
      rows: withTimes.map((r) => [r.account.label, r.postingHours!.sentence]),
      empty: 'No imported analytics for this term gave the times of posts.',
      widths: [1, 3],
    },
    {
      caption: 'Weekly checks this term',
      intro:
        checks.items > 0 && checks.rows.length
          ? `Whole weeks from ${ukDate(checks.from)} to ${ukDate(checks.to)} with all ${checks.items} checks done.`
          : undefined,
      head: ['Account', 'Weeks with every check done'],
      rows: checks.items > 0 ? checks.rows.map((r) => [r.label, `${r.complete} of ${r.weeks}`]) : [],
      empty:
        checks.items === 0
          ? 'The school has no weekly checks set.'
          : 'No whole week of this term has finished yet, or no account is in use.',
      widths: [1, 3],
    },
    {
      caption: 'Upcoming',
      intro:
        extra.upcoming.from <= extra.upcoming.to
          ? `Key dates from ${ukDate(extra.upcoming.from)} to ${ukDate(extra.upcoming.to)}: the rest of this term and ${extra.upcoming.nextTerm}.`
          : `This term and ${extra.upcoming.nextTerm} are over.`,
      head: ['Date', 'What'],
      rows: extra.upcoming.dates.map((d) => [`${weekdayName(d.on)} ${ukDate(d.on)}`, d.what]),
      empty: 'No key dates have been entered.',
      widths: [1, 3],
    },
  ];
}
