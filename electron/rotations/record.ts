import { KeyholderError } from '../../shared/contract';
import { segments } from '../../shared/policy/rotation-due';
import type { TermName } from '../../shared/policy/term-calendar';
import { defaultTerms } from '../../shared/policy/term-calendar';
import type { Db } from '../db/open';
import { toCsv } from '../lib/csv-write';
import { readTerms } from '../calendar/calendar';
import { addDays, londonDateOf } from '../../shared/time';

export interface RecordRow {
  rotationId: number;
  accountId: number;
  label: string;
  confirmedAt: string;
  confirmedBy: string;
  reason: string;
  told: string[];
}

/**
 * The termly rotation record: changes confirmed for a term. A change made in
 * the holiday before a term counts for that term, as it does for due dates.
 */
export function termWindow(db: Db, academicYear: number, term: TermName): { from: string; to: string } {
  const saved = readTerms(db).filter((t) => t.academicYear === academicYear);
  const terms = saved.length === 3 ? saved : defaultTerms(academicYear);
  const target = terms.find((t) => t.term === term);
  if (!target) throw new KeyholderError('NOT_FOUND', 'That term is not in the calendar.');
  const list = segments(readTerms(db), false, [target.startsOn]);
  const index = list.findIndex((s) => s.start === target.startsOn);
  const previousEnd = index > 0 ? list[index - 1]!.end : addDays(target.startsOn, -1);
  return { from: addDays(previousEnd, 1), to: target.endsOn };
}

export function rotationRecord(db: Db, academicYear: number, term: TermName): RecordRow[] {
  const { from, to } = termWindow(db, academicYear, term);
  const rows = db
    .prepare(
      `SELECT r.id, r.account_id, a.handle, r.finished_at, r.finished_by, r.reason,
              (SELECT group_concat(p.name || CASE n.channel WHEN 'in-person' THEN ' (in person)' ELSE ' (secure channel)' END, '; ') FROM rotation_notices n JOIN people p ON p.id = n.person_id WHERE n.rotation_id = r.id) AS told
       FROM rotations r JOIN accounts a ON a.id = r.account_id
       WHERE r.status = 'confirmed' ORDER BY r.finished_at`,
    )
    .all() as {
    id: number;
    account_id: number;
    handle: string;
    finished_at: string;
    finished_by: string;
    reason: string;
    told: string | null;
  }[];
  return rows
    .filter((r) => {
      const day = londonDateOf(r.finished_at);
      return day >= from && day <= to;
    })
    .map((r) => ({
      rotationId: r.id,
      accountId: r.account_id,
      label: r.handle,
      confirmedAt: r.finished_at,
      confirmedBy: r.finished_by,
      reason: r.reason,
      told: r.told ? r.told.split('; ') : [],
    }));
}

/** CSV for the termly record (formula-safe, quoted, UTF-8 with BOM, as every Keyholder export). */
export function recordToCsv(rows: RecordRow[]): string {
  const data = rows.map((r) => {
    const day = londonDateOf(r.confirmedAt);
    return [
      r.label,
      `${day.slice(8, 10)}/${day.slice(5, 7)}/${day.slice(0, 4)}`,
      r.confirmedBy,
      r.reason,
      r.told.join('; '),
    ];
  });
  return toCsv([['Account', 'Changed on', 'Changed by', 'Reason', 'Holders told'], ...data]);
}
