import { randomBytes } from 'node:crypto';
import { basename } from 'node:path';
import { KeyholderError, type FiguresCsvMapping } from '../../shared/contract';
import { periodProblems } from '../../shared/policy/report-period';
import type { CoreContext } from '../core/context';
import { readSpreadsheet } from '../import/source-file';
import { layoutSheet, type ParsedSheet } from '../import/sheet';
import { parseAnalyticsTime, parseAnalyticsWhen, parseCount, suggestMapping } from './analytics-values';
import { readSettings } from '../settings/settings-store';
import { postingHoursLabel, withinPostingHours } from '../../shared/policy/posting-hours';
import type { PostRow } from './post-times';

/**
 * Importing engagement from a platform's per-post analytics export: one
 * row per post, so the posts in a period are the rows dated in it and the
 * other counts are summed. The file is read in the main process and held
 * here for a few minutes while the administrator maps the columns.
 */
interface Opened {
  sheet: ParsedSheet;
  fileName: string;
  openedAt: number;
}

export interface CsvTotals {
  postsInPeriod: number;
  shares: number;
  mentions: number;
  likes: number;
  outsidePeriod: number;
  withTime: number;
  outsideHours: number;
  hours: string;
  /** The posts in the period with a time, to keep with the figures (not sent to the renderer). */
  posts: PostRow[];
  unreadable: { rowNumber: number; problem: string }[];
  sample: { date: string; shares: number; mentions: number; likes: number }[];
}

const keepForMs = 30 * 60_000;

export class FiguresCsvService {
  private readonly open = new Map<string, Opened>();

  constructor(private readonly ctx: CoreContext) {}

  async choose() {
    const path = await this.ctx.platform.chooseOpenPath({
      title: "Choose the platform's analytics export",
      filters: [{ name: 'Analytics export (CSV or Excel)', extensions: ['csv', 'xlsx'] }],
    });
    if (path === null) return { cancelled: true as const };
    const raw = await readSpreadsheet(path);
    // Analytics exports put their column names in the first row.
    const sheet = layoutSheet(raw, raw.rows[0]!.rowNumber);
    this.expire();
    const importId = randomBytes(16).toString('hex');
    // One analytics file at a time is all anyone needs; older ones are dropped.
    this.open.clear();
    this.open.set(importId, { sheet, fileName: basename(path), openedAt: this.ctx.clock.now().getTime() });
    return {
      cancelled: false as const,
      importId,
      fileName: basename(path),
      headers: sheet.headers,
      rowCount: sheet.rows.length,
      sample: sheet.rows.slice(0, 5).map((r) => r.cells.slice(0, sheet.headers.length)),
      suggestedMapping: suggestMapping(sheet.headers),
    };
  }

  totals(importId: string, from: string, to: string, mapping: FiguresCsvMapping): CsvTotals {
    const problems = periodProblems(from, to);
    if (problems.length > 0) throw new KeyholderError('INVALID_INPUT', problems.join(' '));
    const opened = this.open.get(importId);
    if (!opened) throw new KeyholderError('NOT_FOUND', 'That file is no longer open. Choose the analytics file again.');
    const width = opened.sheet.headers.length;
    for (const index of Object.values(mapping)) {
      if (index !== null && index >= width)
        throw new KeyholderError('INVALID_INPUT', 'A chosen column is not in this file. Choose the columns again.');
    }
    const hours = readSettings(this.ctx.db).postingHours;
    const result: CsvTotals = {
      postsInPeriod: 0,
      shares: 0,
      mentions: 0,
      likes: 0,
      outsidePeriod: 0,
      withTime: 0,
      outsideHours: 0,
      hours: postingHoursLabel(hours),
      posts: [],
      unreadable: [],
      sample: [],
    };
    for (const row of opened.sheet.rows) {
      const read = readRow(row.cells, mapping);
      if ('problem' in read) {
        result.unreadable.push({ rowNumber: row.rowNumber, problem: read.problem });
        continue;
      }
      const { date, time, text, counts } = read;
      if (date < from || date > to) {
        result.outsidePeriod += 1;
        continue;
      }
      result.postsInPeriod += 1;
      result.shares += counts.shares;
      result.mentions += counts.mentions;
      result.likes += counts.likes;
      if (time !== null) {
        result.withTime += 1;
        if (!withinPostingHours({ date, time }, hours)) result.outsideHours += 1;
        result.posts.push({ date, time, text });
      }
      if (result.sample.length < 5) result.sample.push({ date, ...counts });
    }
    return result;
  }

  /** After a successful import the file is forgotten, so it cannot be imported twice by accident. */
  forget(importId: string): void {
    this.open.delete(importId);
  }

  expire(): void {
    const now = this.ctx.clock.now().getTime();
    for (const [id, opened] of this.open) if (now - opened.openedAt > keepForMs) this.open.delete(id);
  }
}

type ReadRow =
  | { problem: string }
  | { date: string; time: string | null; text: string; counts: { shares: number; mentions: number; likes: number } };

/** One post's row: its London date and time (if the file gives one), its text and its counts, or why it cannot be read. */
function readRow(cells: readonly string[], mapping: FiguresCsvMapping): ReadRow {
  const cell = (index: number | null) => (index === null ? '' : (cells[index] ?? ''));
  const when = parseAnalyticsWhen(cell(mapping.date));
  if (when === null) return { problem: `"${cell(mapping.date).slice(0, 40)}" is not a date Keyholder can read.` };
  // A time column of its own wins over a time in the date column; an empty cell is a post without a time.
  const timeText = cell(mapping.time).trim();
  const time = mapping.time === null || timeText === '' ? when.time : parseAnalyticsTime(timeText);
  if (time === null && timeText !== '')
    return { problem: `"${timeText.slice(0, 40)}" is not a time Keyholder can read.` };
  const counts = {
    shares: parseCount(cell(mapping.shares)),
    mentions: parseCount(cell(mapping.mentions)),
    likes: parseCount(cell(mapping.likes)),
  };
  const bad = (Object.keys(counts) as (keyof typeof counts)[]).find((key) => counts[key] === null);
  if (bad) return { problem: `The ${bad} column does not hold a whole number.` };
  const text = cell(mapping.text).trim().replace(/\s+/g, ' ').slice(0, 280);
  return {
    date: when.date,
    time,
    text,
    counts: { shares: counts.shares!, mentions: counts.mentions!, likes: counts.likes! },
  };
}
