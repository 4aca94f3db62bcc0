import Papa from 'papaparse';
import { KeyholderError } from '../../shared/contract';
import {
  academicYearOf,
  defaultTerms,
  termNames,
  validateTerms,
  type Term,
  type TermName,
} from '../../shared/policy/term-calendar';
import { appendAudit } from '../audit/audit-log';
import type { Db } from '../db/open';
import { toCsv } from '../lib/csv-write';
import { isValidIsoDate, londonDateOf } from '../../shared/time';

interface Row {
  academic_year: number;
  term: TermName;
  starts_on: string;
  half_term_starts_on: string;
  half_term_ends_on: string;
  ends_on: string;
}

export function readTerms(db: Db): Term[] {
  const rows = db.prepare('SELECT * FROM term_dates ORDER BY starts_on').all() as Row[];
  return rows.map((r) => ({
    academicYear: r.academic_year,
    term: r.term,
    startsOn: r.starts_on,
    halfTermStartsOn: r.half_term_starts_on,
    halfTermEndsOn: r.half_term_ends_on,
    endsOn: r.ends_on,
  }));
}

/** This academic year and next: the school's dates where set, otherwise the defaults (flagged). */
export function calendarView(db: Db, now: Date): { terms: (Term & { isDefault: boolean })[]; currentYear: number } {
  const currentYear = academicYearOf(londonDateOf(now));
  const saved = readTerms(db);
  const terms = [currentYear, currentYear + 1].flatMap((year) => {
    const own = saved.filter((t) => t.academicYear === year);
    return own.length === 3
      ? own.map((t) => ({ ...t, isDefault: false }))
      : defaultTerms(year).map((t) => ({ ...t, isDefault: true }));
  });
  return { terms, currentYear };
}

/** Saves whole academic years (all three terms), checked together with the years already saved. */
export function saveTerms(db: Db, now: Date, actor: string, terms: Term[]): number {
  const years = [...new Set(terms.map((t) => t.academicYear))];
  for (const year of years) {
    const names = terms.filter((t) => t.academicYear === year).map((t) => t.term);
    if (names.length !== 3 || termNames.some((n) => !names.includes(n))) {
      throw new KeyholderError(
        'INVALID_INPUT',
        `Give all three terms (Autumn, Spring, Summer) for ${year}/${String((year + 1) % 100).padStart(2, '0')}.`,
      );
    }
  }
  for (const t of terms) {
    for (const d of [t.startsOn, t.halfTermStartsOn, t.halfTermEndsOn, t.endsOn]) {
      if (!isValidIsoDate(d)) throw new KeyholderError('INVALID_INPUT', `${d} is not a real date.`);
    }
  }
  const merged = [...readTerms(db).filter((t) => !years.includes(t.academicYear)), ...terms];
  const problems = validateTerms(merged);
  if (problems.length > 0)
    throw new KeyholderError('INVALID_INPUT', `The term dates were not saved. ${problems.join(' ')}`);
  db.transaction(() => {
    const del = db.prepare('DELETE FROM term_dates WHERE academic_year = ?');
    const ins = db.prepare(
      'INSERT INTO term_dates (academic_year, term, starts_on, half_term_starts_on, half_term_ends_on, ends_on) VALUES (?, ?, ?, ?, ?, ?)',
    );
    for (const year of years) del.run(year);
    for (const t of terms) ins.run(t.academicYear, t.term, t.startsOn, t.halfTermStartsOn, t.halfTermEndsOn, t.endsOn);
    appendAudit(db, now, { actor, action: 'calendar.saved', details: { years, terms: terms.length } });
  }).immediate();
  return terms.length;
}

const headers = ['Academic year', 'Term', 'Starts', 'Half term starts', 'Half term ends', 'Ends'];
const uk = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;

export function termsToCsv(terms: Term[]): string {
  const rows = terms.map((t) => [
    String(t.academicYear),
    t.term,
    uk(t.startsOn),
    uk(t.halfTermStartsOn),
    uk(t.halfTermEndsOn),
    uk(t.endsOn),
  ]);
  return toCsv([headers, ...rows]);
}

/** Reads the CSV written by termsToCsv (dates dd/mm/yyyy); errors name the row. */
export function termsFromCsv(text: string): Term[] {
  const parsed = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''));
  // Blank lines are skipped but still counted, so "Row n" is the row a spreadsheet shows.
  const rows = parsed.data
    .map((cells, index) => ({ cells, number: index + 1 }))
    .filter(({ cells }) => cells.some((c) => c.trim() !== ''))
    .slice(1);
  if (rows.length === 0)
    throw new KeyholderError(
      'INVALID_INPUT',
      'The file has no term rows. Export the calendar first to see the layout.',
    );
  if (rows.length > 60) throw new KeyholderError('INVALID_INPUT', 'The file has too many rows to be a term calendar.');
  return rows.map(({ cells, number }) => {
    const where = `Row ${number}`;
    const [year, term, ...dates] = cells.map((c) => c.trim());
    const academicYear = Number(year);
    if (!Number.isInteger(academicYear) || academicYear < 2000 || academicYear > 2100)
      throw new KeyholderError('INVALID_INPUT', `${where}: "${year}" is not an academic year such as 2026.`);
    const name = (term ?? '').toLowerCase() as TermName;
    if (!termNames.includes(name))
      throw new KeyholderError('INVALID_INPUT', `${where}: the term must be Autumn, Spring or Summer.`);
    const iso = dates.slice(0, 4).map((d) => {
      const m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(d);
      const value = m ? `${m[3]}-${m[2]!.padStart(2, '0')}-${m[1]!.padStart(2, '0')}` : '';
      if (!isValidIsoDate(value))
        throw new KeyholderError('INVALID_INPUT', `${where}: "${d}" is not a date in the form dd/mm/yyyy.`);
      return value;
    });
    if (iso.length !== 4) throw new KeyholderError('INVALID_INPUT', `${where}: four dates are needed.`);
    return {
      academicYear,
      term: name,
      startsOn: iso[0]!,
      halfTermStartsOn: iso[1]!,
      halfTermEndsOn: iso[2]!,
      endsOn: iso[3]!,
    };
  });
}
