import type { ImportMapping } from '../../shared/contract';
import { looksSecret, suggestMapping } from './import-mapping';
import type { ParsedSheet, RawSheet } from './sheet';

/**
 * Keeping the sheet's passwords out of the window. A column is secret when
 * its name says so, when it is (or is guessed to be) the password or
 * recovery-codes column, or when its cells look like passwords whatever it
 * is called. Every reply of the import is then scrubbed: any text equal to,
 * or containing, a value from a secret column becomes bullets, whichever
 * field it ended up in and whatever columns the renderer chose.
 */
export const mask = '••••••';

const fixedKeys = new Set(['importId', 'migrateId', 'platform', 'status', 'decision', 'format']);

/** Shorter values are masked only where a whole cell or field equals them. */
const minContained = 4;

/** What a typed password looks like: no spaces, not an address, date or handle, and mixed characters. */
export function passwordLike(value: string): boolean {
  const v = value.trim();
  if (v.length < 6 || v.length > 128 || /\s/.test(v)) return false;
  if (/^https?:\/\//i.test(v) || /^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(v) || v.startsWith('@') || /^www\./i.test(v))
    return false;
  if (/^\d{1,4}[/.-]\d{1,2}[/.-]\d{2,4}$/.test(v) || /^[\d\s+()-]+$/.test(v)) return false;
  const classes = [/[a-z]/, /[A-Z]/, /\d/, /[^A-Za-z0-9]/].filter((r) => r.test(v)).length;
  return classes >= 3 || (classes >= 2 && /[^A-Za-z0-9._-]/.test(v));
}

/** A single token a password could be: 6+ characters, no spaces, not an address, date, handle or number. */
function tokenLike(value: string): boolean {
  const v = value.trim();
  return (
    v.length >= 6 &&
    !/\s/.test(v) &&
    !/^https?:\/\//i.test(v) &&
    !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(v) &&
    !v.startsWith('@') &&
    !/^\d{1,4}[/.-]\d{1,2}[/.-]\d{2,4}$/.test(v) &&
    !/^[\d\s+()-]+$/.test(v)
  );
}

/**
 * A secret as the row checks may turn it into text: trimmed, spaces
 * collapsed, quotes dropped, lower-cased, or cut into names where "who knows
 * it" splits a cell (on ; , / + & "and" and line breaks).
 */
function variants(value: string): string[] {
  const out = new Set<string>();
  const add = (v: string) => {
    const t = v.trim().toLowerCase();
    if (t !== '') out.add(t);
  };
  const collapsed = value.replace(/[\u200B-\u200D\u2060\uFEFF]/g, '').replace(/\s+/g, ' ');
  for (const v of [value, collapsed, collapsed.replace(/["“”]/g, '')]) {
    add(v);
    for (const part of v.split(/[;,/\n\r+&]|\s+and\s+/i))
      if (part.trim().length >= minContained) add(part.replace(/["“”]/g, ''));
  }
  return [...out];
}

export interface SecretColumns {
  /** Secret by name or by the first guess: may only be imported as a secret. */
  named: Set<number>;
  /** Every column to mask: the named ones, the chosen ones and those whose cells look like passwords. */
  all: Set<number>;
}

export function secretColumns(sheet: ParsedSheet, mapping?: ImportMapping): SecretColumns {
  const named = new Set<number>();
  sheet.headers.forEach((header, i) => {
    if (looksSecret(header)) named.add(i);
  });
  const suggested = suggestMapping(sheet.headers);
  for (const index of [suggested.password, suggested.recoveryCodes]) if (index !== null) named.add(index);
  const all = new Set(named);
  for (const index of [mapping?.password, mapping?.recoveryCodes])
    if (index !== null && index !== undefined) all.add(index);
  // A column whose name Keyholder does not know is judged on looser terms than "Handle" or "Notes".
  const known = new Set(Object.values(suggested).filter((index) => index !== null));
  sheet.headers.forEach((_, i) => {
    const values = sheet.rows.map((row) => row.cells[i] ?? '').filter((cell) => cell.trim() !== '');
    // One odd display name is not a column of passwords; a column with no other name may be.
    const [test, least] = known.has(i) ? [passwordLike, 2] : [tokenLike, 1];
    if (values.length >= least && values.filter(test).length / values.length >= 0.6) all.add(i);
  });
  return { named, all };
}

/**
 * Replaces every sheet secret in the text that leaves the main process. Built
 * from every row of the raw sheet (above and in the header row too: a wrong
 * header choice must not show a password as a column name).
 */
export class Scrubber {
  private readonly exact: Set<string>;
  private readonly contained: string[];

  constructor(values: Iterable<string>) {
    const all = new Set<string>();
    for (const value of values) for (const variant of variants(value)) all.add(variant);
    this.exact = all;
    this.contained = [...all].filter((v) => v.length >= minContained).sort((a, b) => b.length - a.length);
  }

  /**
   * The values of the secret columns in every row, the header row included
   * unless its cell is plainly a column name ("Password" is not a password;
   * a password in a row wrongly chosen as the header is one).
   */
  static forSheet(raw: RawSheet, columns: Iterable<number>, headerRowNumber: number): Scrubber {
    const indexes = [...columns];
    return new Scrubber(
      raw.rows.flatMap((row) =>
        indexes
          .map((i) => row.cells[i] ?? '')
          .filter((cell) => row.rowNumber !== headerRowNumber || passwordLike(cell)),
      ),
    );
  }

  /** Compared without regard to case: an email field lower-cases what it is given. */
  text(value: string): string {
    const lower = value.toLowerCase();
    if (this.exact.has(lower) || this.exact.has(lower.trim())) return mask;
    let out = value;
    for (const secret of this.contained) {
      for (
        let at = out.toLowerCase().indexOf(secret);
        at >= 0;
        at = out.toLowerCase().indexOf(secret, at + mask.length)
      )
        out = out.slice(0, at) + mask + out.slice(at + secret.length);
    }
    return out;
  }

  /**
   * A copy of `value` with every string scrubbed, except ids and the fields
   * whose values are one of a fixed list (a password "x" is not the platform X).
   */
  deep<T>(value: T, keep: ReadonlySet<string> = fixedKeys): T {
    if (typeof value === 'string') return this.text(value) as T;
    if (Array.isArray(value)) return value.map((item) => this.deep(item, keep)) as T;
    if (value && typeof value === 'object') {
      return Object.fromEntries(
        Object.entries(value).map(([key, item]) => [key, keep.has(key) ? item : this.deep(item, keep)]),
      ) as T;
    }
    return value;
  }
}
