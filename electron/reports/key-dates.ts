import { KeyholderError, type KeyDate } from '../../shared/contract';
import { inWindow, upcomingWindow, type UpcomingWindow } from '../../shared/policy/key-dates';
import type { TermName } from '../../shared/policy/term-calendar';
import { isValidIsoDate, londonToday, ukDate } from '../../shared/time';
import { appendAudit } from '../audit/audit-log';
import { readTerms } from '../calendar/calendar';
import type { WriteContext } from '../core/context';
import type { Db } from '../db/open';

/**
 * Key dates for the termly meeting's "Upcoming" section (north-herts 3).
 * Each is kept by its date, so it shows in every meeting pack whose look
 * ahead reaches it (shared/policy/key-dates.ts), and moves with nothing when
 * term dates change.
 */
interface Row {
  id: number;
  on_date: string;
  what: string;
  recorded_by: string;
}

const toKeyDate = (r: Row): KeyDate => ({ id: r.id, on: r.on_date, what: r.what, recordedBy: r.recorded_by });

export function meetingWindow(db: Db, now: Date, academicYear: number, term: TermName): UpcomingWindow {
  return upcomingWindow(readTerms(db), academicYear, term, londonToday(now));
}

export function keyDatesBetween(db: Db, from: string, to: string): KeyDate[] {
  const rows = db
    .prepare('SELECT * FROM key_dates WHERE on_date BETWEEN ? AND ? ORDER BY on_date, id')
    .all(from, to) as Row[];
  return rows.map(toKeyDate);
}

export function listKeyDates(db: Db, now: Date, academicYear: number, term: TermName) {
  const window = meetingWindow(db, now, academicYear, term);
  return {
    from: window.from,
    to: window.to,
    nextTerm: window.nextTerm.label,
    dates: window.from <= window.to ? keyDatesBetween(db, window.from, window.to) : [],
  };
}

function requireKeyDate(db: Db, id: number): KeyDate {
  const row = db.prepare('SELECT * FROM key_dates WHERE id = ?').get(id) as Row | undefined;
  if (!row) throw new KeyholderError('NOT_FOUND', 'That key date no longer exists. Refresh the list.');
  return toKeyDate(row);
}

/** Adds (id null) or changes a key date; it must fall in what the chosen meeting looks ahead to. */
export function saveKeyDate(
  w: WriteContext,
  id: number | null,
  input: { academicYear: number; term: TermName; on: string; what: string },
): KeyDate {
  if (!isValidIsoDate(input.on)) throw new KeyholderError('INVALID_INPUT', 'The date is not a real date.');
  const window = meetingWindow(w.db, w.now, input.academicYear, input.term);
  if (window.from > window.to)
    throw new KeyholderError(
      'INVALID_INPUT',
      'That meeting looks ahead to dates that have passed. Choose a later term.',
    );
  if (!inWindow(window, input.on))
    throw new KeyholderError(
      'INVALID_INPUT',
      `Choose a date from ${ukDate(window.from)} to ${ukDate(window.to)}: the rest of this term and ${window.nextTerm.label}.`,
    );
  if (id !== null) requireKeyDate(w.db, id);
  const now = w.now.toISOString();
  return w.db
    .transaction(() => {
      let savedId = id;
      if (id === null) {
        const result = w.db
          .prepare('INSERT INTO key_dates (on_date, what, recorded_by, created_at, updated_at) VALUES (?, ?, ?, ?, ?)')
          .run(input.on, input.what, w.actor, now, now);
        savedId = Number(result.lastInsertRowid);
      } else {
        w.db
          .prepare('UPDATE key_dates SET on_date = ?, what = ?, recorded_by = ?, updated_at = ? WHERE id = ?')
          .run(input.on, input.what, w.actor, now, id);
      }
      appendAudit(w.db, w.now, {
        actor: w.actor,
        action: 'report.key-date-saved',
        details: { keyDateId: savedId, on: input.on, what: input.what },
      });
      return requireKeyDate(w.db, savedId!);
    })
    .immediate();
}

export function deleteKeyDate(w: WriteContext, id: number): void {
  const keyDate = requireKeyDate(w.db, id);
  w.db
    .transaction(() => {
      w.db.prepare('DELETE FROM key_dates WHERE id = ?').run(id);
      appendAudit(w.db, w.now, {
        actor: w.actor,
        action: 'report.key-date-deleted',
        details: { keyDateId: id, on: keyDate.on, what: keyDate.what },
      });
    })
    .immediate();
}
