import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Term } from '../../../shared/policy/term-calendar';
import { useTempDirs } from '../../support/temp-dir';
import { administrator, manualClock, useRotationCores, type Session } from './harness';

/**
 * The term calendar through core.dispatch: this academic year and next,
 * defaults flagged until the school saves its own dates, CSV in and out.
 * The clock is Sunday 22/11/2026, so the current academic year is 2026/27.
 */
const open = useRotationCores();
const files = useTempDirs('keyholder-calendar-csv-');
const start = () => open({ clock: manualClock('2026-11-22T10:00:00Z') });

const defaults2026: Term[] = [
  t(2026, 'autumn', '2026-09-07', '2026-10-26', '2026-10-30', '2026-12-18'),
  t(2026, 'spring', '2027-01-04', '2027-02-15', '2027-02-19', '2027-03-19'),
  t(2026, 'summer', '2027-04-05', '2027-05-31', '2027-06-04', '2027-07-16'),
];
const defaults2027: Term[] = [
  t(2027, 'autumn', '2027-09-06', '2027-10-25', '2027-10-29', '2027-12-17'),
  t(2027, 'spring', '2028-01-10', '2028-02-21', '2028-02-25', '2028-04-07'),
  t(2027, 'summer', '2028-04-24', '2028-05-29', '2028-06-02', '2028-07-21'),
];
/** The school's own 2026/27 dates. */
const school2026: Term[] = [
  t(2026, 'autumn', '2026-09-03', '2026-10-19', '2026-10-23', '2026-12-11'),
  t(2026, 'spring', '2027-01-06', '2027-02-15', '2027-02-19', '2027-03-26'),
  t(2026, 'summer', '2027-04-12', '2027-05-31', '2027-06-04', '2027-07-21'),
];

function t(
  academicYear: number,
  term: Term['term'],
  startsOn: string,
  halfTermStartsOn: string,
  halfTermEndsOn: string,
  endsOn: string,
): Term {
  return { academicYear, term, startsOn, halfTermStartsOn, halfTermEndsOn, endsOn };
}

const flagged = (terms: Term[], isDefault: boolean) => terms.map((term) => ({ ...term, isDefault }));
const savedRows = (s: Session) => s.count('SELECT COUNT(*) AS n FROM term_dates');

describe('calendar.get', () => {
  it('shows this academic year and next as defaults to check when nothing is saved', async () => {
    const s = await start();
    expect(await s.call('calendar.get', {})).toEqual({
      currentYear: 2026,
      terms: [...flagged(defaults2026, true), ...flagged(defaults2027, true)],
    });
  });

  it.each([
    ['2026-08-31T22:59:00Z', 2025], // 23:59 BST on 31 August: still 2025/26
    ['2026-08-31T23:00:00Z', 2026], // 00:00 BST on 1 September
    ['2027-01-01T00:00:00Z', 2026],
    ['2027-07-31T12:00:00Z', 2026],
  ])('on %s the current academic year is %i', async (now, year) => {
    const s = await open({ clock: manualClock(now) });
    const view = await s.call('calendar.get', {});
    expect(view.currentYear).toBe(year);
    expect(view.terms.map((x) => x.academicYear)).toEqual([year, year, year, year + 1, year + 1, year + 1]);
  });
});

describe('calendar.save', () => {
  it("saves the school's dates: get shows them as not defaults; next year stays a default; audited", async () => {
    const s = await start();
    expect(await s.call('calendar.save', { terms: school2026 })).toEqual({ saved: 3 });
    expect(await s.call('calendar.get', {})).toEqual({
      currentYear: 2026,
      terms: [...flagged(school2026, false), ...flagged(defaults2027, true)],
    });
    const [entry] = await s.audit('calendar.saved');
    expect(entry).toMatchObject({ actor: administrator, details: { years: [2026], terms: 3 } });
  });

  it('saving a year again replaces it', async () => {
    const s = await start();
    await s.call('calendar.save', { terms: defaults2026 });
    await s.call('calendar.save', { terms: school2026 });
    expect(savedRows(s)).toBe(3);
    expect((await s.call('calendar.get', {})).terms.slice(0, 3)).toEqual(flagged(school2026, false));
  });

  it('saves two years at once', async () => {
    const s = await start();
    expect(await s.call('calendar.save', { terms: [...school2026, ...defaults2027] })).toEqual({ saved: 6 });
    expect((await s.call('calendar.get', {})).terms.every((x) => !x.isDefault)).toBe(true);
  });

  const edit = (index: number, patch: Partial<Term>) =>
    school2026.map((x, i) => (i === index ? { ...x, ...patch } : x));
  it.each<[string, Term[], RegExp]>([
    [
      'spring overlaps autumn',
      edit(1, { startsOn: '2026-12-07' }),
      /Spring term 2027 starts before the Autumn term 2026 ends/,
    ],
    ['a term missing', school2026.slice(0, 2), /Give all three terms \(Autumn, Spring, Summer\) for 2026\/27/],
    ['a term twice', [...school2026, school2026[0]!], /Give all three terms/],
    [
      'half term after the end of term',
      edit(2, { halfTermEndsOn: '2027-07-30' }),
      /Summer term 2027: the term must end after half term/,
    ],
    [
      'terms out of order',
      [edit(0, { term: 'spring' })[0]!, { ...school2026[1]!, term: 'autumn' }, school2026[2]!],
      /out of order/,
    ],
    ['a date that does not exist', edit(1, { halfTermStartsOn: '2027-02-30' }), /2027-02-30 is not a real date/],
    ['not a date at all', edit(1, { endsOn: '26/03/2027' }), /yyyy-mm-dd/],
  ])('refuses %s with INVALID_INPUT and changes nothing', async (_case, terms, message) => {
    const s = await start();
    await s.call('calendar.save', { terms: defaults2026 });
    const before = await s.call('calendar.get', {});
    const audits = s.count('SELECT COUNT(*) AS n FROM audit_log');
    const error = await s.refused('calendar.save', { terms }, 'INVALID_INPUT');
    expect(error.message).toMatch(message);
    expect(await s.call('calendar.get', {})).toEqual(before);
    expect(savedRows(s)).toBe(3);
    expect(s.count('SELECT COUNT(*) AS n FROM audit_log')).toBe(audits);
  });

  it.each<[string, Term[]]>([
    // "2027" meaning the year that ends in 2027: the 2026/27 dates under the wrong year.
    ['2026/27 dates saved as 2027', school2026.map((x) => ({ ...x, academicYear: 2027 }))],
    // A slip of the year in one date: autumn would run for fifteen months.
    ['autumn starting a year early', edit(0, { startsOn: '2025-09-03' })],
  ])('refuses dates outside the academic year they are saved under: %s', async (_case, terms) => {
    const s = await start();
    const error = await s.refused('calendar.save', { terms }, 'INVALID_INPUT');
    expect(error.message).toMatch(
      /the first day must fall between 01\/09\/\d{4} and 31\/08\/\d{4} \(the \d{4}\/\d\d school year\)/,
    );
    expect(savedRows(s)).toBe(0);
  });

  it('checks a new year against the years already saved', async () => {
    const s = await start();
    await s.call('calendar.save', { terms: school2026 });
    // The default autumn 2027 would be fine; starting it in July overlaps the saved summer 2027.
    const clash = defaults2027.map((x, i) => (i === 0 ? { ...x, startsOn: '2027-07-19' } : x));
    const error = await s.refused('calendar.save', { terms: clash }, 'INVALID_INPUT');
    expect(error.message).toContain('Autumn term 2027 starts before the Summer term 2027 ends (21/07/2027).');
    expect(savedRows(s)).toBe(3);
  });

  it('needs the vault unlocked', async () => {
    const s = await start();
    await s.call('vault.lock', {});
    await s.refused('calendar.save', { terms: school2026 }, 'VAULT_LOCKED');
    expect(savedRows(s)).toBe(0);
  });
});

describe('calendar CSV', () => {
  it('exports the defaults when nothing is saved, in dd/mm/yyyy with a header', async () => {
    const s = await start();
    const path = join(files(), 'terms.csv');
    s.platform.savePaths.push(path);
    expect(await s.call('calendar.exportCsv', {})).toEqual({ path });
    expect(readFileSync(path, 'utf8')).toBe(
      '\uFEFF' +
        '"Academic year","Term","Starts","Half term starts","Half term ends","Ends"\r\n' +
        '"2026","autumn","07/09/2026","26/10/2026","30/10/2026","18/12/2026"\r\n' +
        '"2026","spring","04/01/2027","15/02/2027","19/02/2027","19/03/2027"\r\n' +
        '"2026","summer","05/04/2027","31/05/2027","04/06/2027","16/07/2027"\r\n' +
        '"2027","autumn","06/09/2027","25/10/2027","29/10/2027","17/12/2027"\r\n' +
        '"2027","spring","10/01/2028","21/02/2028","25/02/2028","07/04/2028"\r\n' +
        '"2027","summer","24/04/2028","29/05/2028","02/06/2028","21/07/2028"\r\n',
    );
    expect(s.platform.dialogs).toEqual([
      { kind: 'save', title: 'Save the term dates', filters: [{ name: 'CSV', extensions: ['csv'] }] },
    ]);
  });

  it('round-trips: export, change the calendar, import puts it back', async () => {
    const s = await start();
    await s.call('calendar.save', { terms: [...school2026, ...defaults2027] });
    const path = join(files(), 'terms.csv');
    s.platform.savePaths.push(path);
    await s.call('calendar.exportCsv', {});
    await s.call('calendar.save', { terms: defaults2026 });
    expect((await s.call('calendar.get', {})).terms.slice(0, 3)).toEqual(flagged(defaults2026, false));

    s.platform.openPaths.push(path);
    expect(await s.call('calendar.importCsv', {})).toEqual({ path, saved: 6 });
    expect(await s.call('calendar.get', {})).toEqual({
      currentYear: 2026,
      terms: [...flagged(school2026, false), ...flagged(defaults2027, false)],
    });
  });

  it('imports the exported defaults, which then stop being defaults', async () => {
    const s = await start();
    const path = join(files(), 'terms.csv');
    s.platform.savePaths.push(path);
    await s.call('calendar.exportCsv', {});
    s.platform.openPaths.push(path);
    await s.call('calendar.importCsv', {});
    expect(await s.call('calendar.get', {})).toEqual({
      currentYear: 2026,
      terms: [...flagged(defaults2026, false), ...flagged(defaults2027, false)],
    });
  });

  it('accepts a hand-made file: capitalised terms, single-digit days, no BOM, LF line ends', async () => {
    const s = await start();
    const path = join(files(), 'hand.csv');
    writeFileSync(
      path,
      'Academic year,Term,Starts,Half term starts,Half term ends,Ends\n' +
        '2026,Autumn,3/9/2026,19/10/2026,23/10/2026,11/12/2026\n' +
        '2026,SPRING,6/1/2027,15/2/2027,19/2/2027,26/3/2027\n' +
        '\n' +
        '2026,Summer,12/4/2027,31/5/2027,4/6/2027,21/7/2027\n',
    );
    s.platform.openPaths.push(path);
    expect(await s.call('calendar.importCsv', {})).toEqual({ path, saved: 3 });
    expect((await s.call('calendar.get', {})).terms.slice(0, 3)).toEqual(flagged(school2026, false));
  });

  it.each([
    [
      'a bad date on the third row',
      '2026,spring,04/01/2027,31/02/2027,19/02/2027,19/03/2027',
      3,
      'Row 3: "31/02/2027" is not a date in the form dd/mm/yyyy.',
    ],
    [
      'an ISO date',
      '2026,spring,2027-01-04,15/02/2027,19/02/2027,19/03/2027',
      3,
      'Row 3: "2027-01-04" is not a date in the form dd/mm/yyyy.',
    ],
    [
      'a bad year',
      '2026/27,spring,04/01/2027,15/02/2027,19/02/2027,19/03/2027',
      3,
      'Row 3: "2026/27" is not an academic year such as 2026.',
    ],
    [
      'a bad term',
      '2026,Easter,04/01/2027,15/02/2027,19/02/2027,19/03/2027',
      3,
      'Row 3: the term must be Autumn, Spring or Summer.',
    ],
    ['too few dates', '2026,spring,04/01/2027,15/02/2027,19/02/2027', 3, 'Row 3: four dates are needed.'],
  ])('refuses %s, naming the row, and saves nothing', async (_case, badRow, _row, message) => {
    const s = await start();
    const path = join(files(), 'bad.csv');
    writeFileSync(
      path,
      'Academic year,Term,Starts,Half term starts,Half term ends,Ends\r\n' +
        '2026,autumn,07/09/2026,26/10/2026,30/10/2026,18/12/2026\r\n' +
        `${badRow}\r\n` +
        '2026,summer,05/04/2027,31/05/2027,04/06/2027,16/07/2027\r\n',
    );
    s.platform.openPaths.push(path);
    const error = await s.refused('calendar.importCsv', {}, 'INVALID_INPUT');
    expect(error.message).toBe(message);
    expect(savedRows(s)).toBe(0);
    expect((await s.call('calendar.get', {})).terms.every((x) => x.isDefault)).toBe(true);
  });

  it('counts blank lines when naming the row, as a spreadsheet does', async () => {
    const s = await start();
    const path = join(files(), 'gaps.csv');
    writeFileSync(
      path,
      'Academic year,Term,Starts,Half term starts,Half term ends,Ends\r\n' +
        '2026,autumn,07/09/2026,26/10/2026,30/10/2026,18/12/2026\r\n' +
        '\r\n' +
        '2026,spring,04/01/2027,15/02/2027,19/02/2027,19/03/2027\r\n' +
        '2026,summer,05/04/2027,31/05/2027,04/06/2027,16/13/2027\r\n',
    );
    s.platform.openPaths.push(path);
    const error = await s.refused('calendar.importCsv', {}, 'INVALID_INPUT');
    expect(error.message).toBe('Row 5: "16/13/2027" is not a date in the form dd/mm/yyyy.');
  });

  it('refuses a file whose dates overlap, and a file with only a header', async () => {
    const s = await start();
    const overlap = join(files(), 'overlap.csv');
    writeFileSync(
      overlap,
      'Academic year,Term,Starts,Half term starts,Half term ends,Ends\r\n' +
        '2026,autumn,07/09/2026,26/10/2026,30/10/2026,18/12/2026\r\n' +
        '2026,spring,14/12/2026,15/02/2027,19/02/2027,19/03/2027\r\n' +
        '2026,summer,05/04/2027,31/05/2027,04/06/2027,16/07/2027\r\n',
    );
    const empty = join(files(), 'empty.csv');
    writeFileSync(empty, 'Academic year,Term,Starts,Half term starts,Half term ends,Ends\r\n');
    s.platform.openPaths.push(overlap, empty);
    expect((await s.refused('calendar.importCsv', {}, 'INVALID_INPUT')).message).toContain(
      'Spring term 2027 starts before the Autumn term 2026 ends (18/12/2026).',
    );
    expect((await s.refused('calendar.importCsv', {}, 'INVALID_INPUT')).message).toContain('no term rows');
    expect(savedRows(s)).toBe(0);
  });

  it('does nothing when the dialogs are cancelled', async () => {
    const s = await start();
    expect(await s.call('calendar.exportCsv', {})).toEqual({ path: null });
    expect(await s.call('calendar.importCsv', {})).toEqual({ path: null, saved: 0 });
    expect(s.platform.dialogs.map((d) => d.kind)).toEqual(['save', 'open']);
    expect(savedRows(s)).toBe(0);
  });
});
