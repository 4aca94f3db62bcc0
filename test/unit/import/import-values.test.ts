import { describe, expect, it } from 'vitest';
import { escapeCsvCell, toCsv } from '../../../electron/lib/csv-write';
import { looksSecret, mappingProblems, suggestMapping } from '../../../electron/import/import-mapping';
import {
  readEmail,
  readHandle,
  readPlatform,
  readProfileUrl,
  readTwoFactor,
  readUkDate,
} from '../../../electron/import/import-values';
import { columnLetter } from '../../../electron/import/sheet';
import { firstInvalidUtf8 } from '../../../electron/import/source-file';
import { mappingOf } from './transfer-harness';

/** The pure pieces of import and export, one value at a time. */
const today = '2025-01-06';

describe('platform names', () => {
  it.each([
    ['Twitter', 'x'],
    ['X', 'x'],
    [' x.com ', 'x'],
    ['https://twitter.com/stmarys', 'x'],
    ['X (Twitter)', 'x'],
    ['FB', 'facebook'],
    ['Facebook', 'facebook'],
    ['Insta', 'instagram'],
    ['IG', 'instagram'],
    ['YouTube', 'youtube'],
    ['youtu.be', 'youtube'],
    ['LinkedIn', 'linkedin'],
    ['TikTok', 'tiktok'],
    ['other', 'other'],
  ])('reads %j as %s', (value, platform) => {
    expect(readPlatform(value)).toEqual({ ok: true, value: platform });
  });

  it('imports an unknown platform as Other with a warning, and a near miss as an error', () => {
    const threads = readPlatform('Threads');
    expect(threads).toMatchObject({ ok: true, value: 'other' });
    expect(threads.ok && threads.warning).toContain('"Threads"');
    expect(readPlatform('Facbook')).toEqual({
      ok: false,
      error: 'Platform "Facbook" is not recognised. Did you mean Facebook?',
    });
    expect(readPlatform('  ')).toMatchObject({ ok: false });
  });
});

describe('UK dates', () => {
  it.each([
    ['03/09/2024', '2024-09-03'],
    ['3/9/2024', '2024-09-03'],
    ['3/9/24', '2024-09-03'],
    ['03.09.24', '2024-09-03'],
    ['2024-09-03', '2024-09-03'],
    ['2024-09-03T00:00:00.000Z', '2024-09-03'],
    ['03/09/2024 14:30', '2024-09-03'],
    ['3 Sept 2024', '2024-09-03'],
    ['3rd September, 2024', '2024-09-03'],
    ['29/02/2024', '2024-02-29'],
    ['', ''],
  ])('reads %j as %j', (value, iso) => {
    expect(readUkDate(value, today)).toEqual({ ok: true, value: iso });
  });

  it.each([
    ['31/02/2024', 'is not a real date'],
    ['29/02/2023', 'is not a real date'],
    ['12/25/2024', 'looks American'],
    ['01/02/2026', 'in the future'],
    ['01/01/99', 'in the future'],
    ['01/01/1999', 'too long ago'],
    ['next Tuesday', 'is not a date'],
    ['45352', 'is not a date'],
  ])('refuses %j (%s)', (value, reason) => {
    const read = readUkDate(value, today);
    expect(read.ok).toBe(false);
    expect(!read.ok && read.error).toContain(reason);
  });
});

describe('handles, addresses and methods', () => {
  it('trims, removes invisible characters and applies the platform @ convention', () => {
    expect(readHandle('x', '\u00A0 @@stmarys\u200B ')).toEqual({ ok: true, value: { handle: '@stmarys', url: null } });
    expect(readHandle('instagram', 'stmarys.pe')).toEqual({ ok: true, value: { handle: '@stmarys.pe', url: null } });
    expect(readHandle('facebook', '  St   Marys PE ')).toEqual({
      ok: true,
      value: { handle: 'St Marys PE', url: null },
    });
  });

  it('takes the handle from a pasted profile address, and refuses one that has none', () => {
    expect(readHandle('x', 'https://x.com/StMarys')).toEqual({
      ok: true,
      value: { handle: '@StMarys', url: 'https://x.com/StMarys' },
    });
    expect(readHandle('facebook', 'https://www.facebook.com/profile.php?id=42')).toMatchObject({ ok: false });
    expect(readHandle('x', '@')).toMatchObject({ ok: false });
  });

  it('accepts https profile links, adds https:// to bare ones and refuses http', () => {
    expect(readProfileUrl('x.com/stmarys')).toEqual({ ok: true, value: 'https://x.com/stmarys' });
    expect(readProfileUrl('https://www.facebook.com/stmarys')).toEqual({
      ok: true,
      value: 'https://www.facebook.com/stmarys',
    });
    expect(readProfileUrl('http://x.com/stmarys')).toMatchObject({ ok: false });
    expect(readProfileUrl('not a link')).toMatchObject({ ok: false });
  });

  it('checks login emails and reads two-factor methods leniently', () => {
    expect(readEmail(' Office@StMarys.sch.uk ')).toEqual({ ok: true, value: 'office@stmarys.sch.uk' });
    expect(readEmail('office at stmarys')).toMatchObject({ ok: false });
    expect(readTwoFactor('Google Authenticator')).toEqual({ ok: true, value: 'authenticator-app' });
    expect(readTwoFactor('text message')).toEqual({ ok: true, value: 'sms' });
    expect(readTwoFactor('')).toEqual({ ok: true, value: 'none' });
    expect(readTwoFactor('carrier pigeon')).toMatchObject({ ok: true, value: 'other' });
  });
});

describe('column mapping', () => {
  const headers = [
    'Platform',
    'Account handle',
    'Display name',
    'Login email',
    'Recovery email',
    'Password',
    'Password last changed',
    'Backup codes',
    '2FA',
    'Profile link',
    'Notes',
  ];

  it('guesses each field from the column names', () => {
    expect(suggestMapping(headers)).toEqual(
      mappingOf({
        platform: 0,
        handle: 1,
        displayName: 2,
        loginEmail: 3,
        password: 5,
        passwordChangedOn: 6,
        recoveryCodes: 7,
        twoFactorMethod: 8,
        profileUrl: 9,
        notes: 10,
      }),
    );
    // The columns issue 12 added: who knows it, approval, the login name and page.
    expect(
      suggestMapping(['Site', 'Handle', 'Username', 'Login page', 'Who knows it', 'Approved by', 'Date approved']),
    ).toEqual(
      mappingOf({ platform: 0, handle: 1, username: 2, loginUrl: 3, holders: 4, approvedBy: 5, approvedOn: 6 }),
    );
    // A "Username" column with no "Handle" column is the handle.
    expect(suggestMapping(['Platform', 'Username'])).toEqual(mappingOf({ platform: 0, handle: 1 }));
  });

  it('knows which columns hold secrets', () => {
    expect(headers.filter(looksSecret)).toEqual(['Password', 'Backup codes']);
  });

  it('refuses to put a secret column anywhere but a secret field', () => {
    const base = { platform: 0, handle: 1 };
    const secret = new Set([5, 7]);
    expect(mappingProblems(headers, mappingOf({ ...base, notes: 5 }), secret)[0]).toContain(
      'looks like it holds passwords',
    );
    expect(mappingProblems(headers, mappingOf({ ...base, password: 5, displayName: 5 }), secret)[0]).toContain(
      'chosen for both',
    );
    expect(mappingProblems(headers, mappingOf({ handle: 1, platform: 20 }), secret)[0]).toContain('only 11 columns');
    expect(mappingProblems(headers, mappingOf({ handle: 1 }), secret)[0]).toContain('holds the platform');
    expect(mappingProblems(headers, mappingOf(base), secret)).toEqual([]);
  });

  it('names columns as Excel does', () => {
    expect([0, 25, 26, 27, 701, 702].map(columnLetter)).toEqual(['A', 'Z', 'AA', 'AB', 'ZZ', 'AAA']);
  });
});

describe('text encoding', () => {
  it('finds the first byte that is not UTF-8', () => {
    expect(firstInvalidUtf8(Buffer.from('plain £ text', 'utf8'))).toBe(-1);
    expect(firstInvalidUtf8(Buffer.from([0x61, 0x0a, 0xa3, 0x31]))).toBe(2);
    expect(firstInvalidUtf8(Buffer.from([0x61, 0xe2, 0x82]))).toBe(1);
    expect(firstInvalidUtf8(Buffer.from([0xc0, 0x80]))).toBe(0);
    expect(firstInvalidUtf8(Buffer.from([0xed, 0xa0, 0x80]))).toBe(0);
  });
});

describe('CSV cells for Excel', () => {
  it.each([
    ['=1+1', `"'=1+1"`],
    ['+44 1234', `"'+44 1234"`],
    ['-2+3', `"'-2+3"`],
    ['@SUM(A1)', `"'@SUM(A1)"`],
    ['\tx', `"'\tx"`],
    ['\rx', `"'\rx"`],
    ['say "hi", then', `"say ""hi"", then"`],
    ['plain', `"plain"`],
    ['', `""`],
    ['a=b', `"a=b"`],
  ])('escapes %j', (value, escaped) => {
    expect(escapeCsvCell(value)).toBe(escaped);
  });

  it('writes a byte order mark and CRLF line endings', () => {
    expect(
      toCsv([
        ['a', 'b'],
        ['1', '2'],
      ]),
    ).toBe('\uFEFF"a","b"\r\n"1","2"\r\n');
  });
});
