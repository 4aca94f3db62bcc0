import { readFileSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import { z } from 'zod';
import { KeyholderError, migrateLimits, type MigratePreview } from '../../shared/contract';
import { parseCsv } from '../import/csv-read';
import { layoutSheet } from '../import/sheet';
import { decodeText } from '../import/source-file';

/**
 * One login from another password manager's export, whatever the format.
 * KeePassXC: `keepassxc-cli export -f csv` (or Database > Export > CSV):
 *   Group, Title, Username, Password, URL, Notes, TOTP, Icon, Last Modified, Created.
 * KeePassX and KeePass 1.x write no Group column (Title/Account, Username/Login
 * Name, Password, URL/Web Site, Notes/Comments).
 * Bitwarden (Tools > Export vault, "File format: .json" or ".csv"): the
 * unencrypted formats in Bitwarden's help "Export vault data"; an encrypted
 * export cannot be read without Bitwarden and is refused with what to do.
 */
export interface SourceEntry {
  entry: number;
  title: string;
  group: string;
  /** The first address, for showing; `urls` holds them all. */
  url: string;
  urls: string[];
  username: string;
  password: string;
  totp: string;
  notes: string;
  /** Custom fields as "name: value" lines (Bitwarden); they may hold secrets. */
  fields: string;
  /** Values of custom fields, which may be secrets: kept out of every reply. */
  fieldValues: string[];
  /** When the password was last changed, if the export says (ISO timestamp). */
  changedAt: string | null;
  /** Previous passwords (Bitwarden), with when each stopped being used. */
  history: { password: string; lastUsedDate: string }[];
  /** Problems reading this entry's line (a quotation mark never closed). */
  readProblems: string[];
  /** Things changed while reading that the administrator should check (text that was not valid Unicode). */
  readWarnings?: string[];
}

export interface SourceFile {
  format: MigratePreview['format'];
  entries: SourceEntry[];
  /** Cards, identities, secure notes, and KeePassXC's recycle bin. */
  skipped: number;
}

const refuse = (message: string) => new KeyholderError('INVALID_INPUT', message);

export function readSourceFile(path: string): SourceFile {
  const fileName = basename(path);
  let bytes: Buffer;
  try {
    if (statSync(path).size > migrateLimits.maxBytes)
      throw refuse(`${fileName} is too large to be a password manager export of school accounts.`);
    bytes = readFileSync(path);
  } catch (error) {
    if (error instanceof KeyholderError) throw error;
    throw new KeyholderError(
      'NOT_FOUND',
      `Keyholder could not read ${fileName}. Check it is still there and choose it again.`,
    );
  }
  if (bytes.subarray(0, 4).equals(Buffer.from([0x03, 0xd9, 0xa2, 0x9a]))) {
    throw refuse(
      `${fileName} is a KeePass database (.kdbx), which Keyholder does not open directly. In KeePassXC choose Database > Export > CSV File, import that file, then delete it.`,
    );
  }
  const text = decodeText(bytes, fileName);
  const result = text.trimStart().startsWith('{') ? readBitwardenJson(text, fileName) : readCsvExport(text, fileName);
  if (result.entries.length > migrateLimits.maxEntries)
    throw refuse(`${fileName} holds more than ${migrateLimits.maxEntries} logins; export only the school's accounts.`);
  return { ...result, entries: result.entries.map(wellFormed) };
}

/**
 * JSON can carry text that is not valid Unicode (a lone surrogate, "\ud800"),
 * which would be stored as a different character without a word. It is
 * replaced with U+FFFD (shown as �) and the entry says so; titles are put in
 * one Unicode form, as typed names are. Passwords are never normalised.
 */
function wellFormed(entry: SourceEntry): SourceEntry {
  const texts = [entry.title, entry.group, entry.username, entry.password, entry.totp, entry.notes, entry.fields];
  const all = [...texts, ...entry.urls, ...entry.fieldValues, ...entry.history.map((h) => h.password)];
  if (all.every((text) => text.isWellFormed()) && entry.title === entry.title.normalize('NFC')) return entry;
  const fix = (text: string) => text.toWellFormed();
  const broken = !all.every((text) => text.isWellFormed());
  return {
    ...entry,
    title: fix(entry.title).normalize('NFC'),
    group: fix(entry.group),
    url: fix(entry.url),
    urls: entry.urls.map(fix),
    username: fix(entry.username),
    password: fix(entry.password),
    totp: fix(entry.totp),
    notes: fix(entry.notes),
    fields: fix(entry.fields),
    fieldValues: entry.fieldValues.map(fix),
    history: entry.history.map((h) => ({ ...h, password: fix(h.password) })),
    readWarnings: broken
      ? ['Some text in this entry was not valid and is shown as �. Check the name and password before importing.']
      : [],
  };
}

const bitwardenItem = z.object({
  type: z.number(),
  name: z.string().nullish(),
  notes: z.string().nullish(),
  folderId: z.string().nullish(),
  fields: z.array(z.object({ name: z.string().nullish(), value: z.string().nullish() })).nullish(),
  login: z
    .object({
      uris: z.array(z.object({ uri: z.string().nullish() })).nullish(),
      username: z.string().nullish(),
      password: z.string().nullish(),
      totp: z.string().nullish(),
      passwordRevisionDate: z.string().nullish(),
    })
    .nullish(),
  passwordHistory: z.array(z.object({ lastUsedDate: z.string().nullish(), password: z.string().nullish() })).nullish(),
});
const bitwardenFile = z.object({
  encrypted: z.boolean().optional(),
  folders: z.array(z.object({ id: z.string(), name: z.string() })).nullish(),
  items: z.array(z.unknown()),
});

function readBitwardenJson(text: string, fileName: string): SourceFile {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw refuse(`${fileName} is not valid JSON, so it is not a Bitwarden export Keyholder can read.`);
  }
  if ((raw as { encrypted?: unknown }).encrypted === true) {
    throw refuse(
      `${fileName} is an encrypted Bitwarden export. In Bitwarden choose Tools > Export vault with "File format: .json" (not "Encrypted"), import that file, then delete it.`,
    );
  }
  const file = bitwardenFile.safeParse(raw);
  if (!file.success) throw refuse(`${fileName} is JSON, but not a Bitwarden export (it has no "items").`);
  const folders = new Map((file.data.folders ?? []).map((f) => [f.id, f.name]));
  const entries: SourceEntry[] = [];
  let skipped = 0;
  for (const rawItem of file.data.items) {
    const item = bitwardenItem.safeParse(rawItem);
    // Type 1 is a login; cards, identities, secure notes and SSH keys are not accounts.
    if (!item.success || item.data.type !== 1) {
      skipped += 1;
      continue;
    }
    const { data } = item;
    const urls = (data.login?.uris ?? []).flatMap((u) => (u.uri ? [u.uri] : []));
    entries.push({
      entry: entries.length + 1,
      title: data.name ?? '',
      group: (data.folderId && folders.get(data.folderId)) || '',
      url: urls[0] ?? '',
      urls,
      username: data.login?.username ?? '',
      password: data.login?.password ?? '',
      totp: data.login?.totp ?? '',
      notes: data.notes ?? '',
      fields: (data.fields ?? []).map((f) => `${f.name ?? ''}: ${f.value ?? ''}`).join('\n'),
      fieldValues: (data.fields ?? []).flatMap((f) => (f.value ? [f.value] : [])),
      changedAt: validDate(data.login?.passwordRevisionDate),
      history: (data.passwordHistory ?? [])
        .flatMap((h) =>
          h.password && validDate(h.lastUsedDate)
            ? [{ password: h.password, lastUsedDate: validDate(h.lastUsedDate)! }]
            : [],
        )
        .sort((a, b) => a.lastUsedDate.localeCompare(b.lastUsedDate)),
      readProblems: [],
    });
  }
  return { format: 'bitwarden-json', entries, skipped };
}

function validDate(value: string | null | undefined): string | null {
  return value && !Number.isNaN(Date.parse(value)) ? new Date(value).toISOString() : null;
}

/** Column names, in lower case, as each export writes them: the first one present is used. */
const aliases = {
  title: ['title', 'account', 'name'],
  username: ['username', 'user name', 'login name', 'login_username'],
  password: ['password', 'login_password'],
  url: ['url', 'web site', 'website', 'login_uri'],
  notes: ['notes', 'comments', 'comment'],
  group: ['group', 'folder', 'collections'],
  totp: ['totp', 'login_totp'],
  fields: ['fields'],
  type: ['type'],
  modified: ['last modified'],
} as const;

/** One line of a CSV export as an entry; `unclosedLine` names the line if a quote in it never closed. */
function csvEntry(
  entry: number,
  cell: (key: keyof typeof aliases) => string,
  bitwarden: boolean,
  unclosedLine: number | null,
): SourceEntry {
  // Bitwarden joins several addresses with commas.
  const urls = (bitwarden ? cell('url').split(',') : [cell('url')]).map((u) => u.trim()).filter(Boolean);
  const fields = cell('fields');
  return {
    entry,
    title: cell('title'),
    group: cell('group'),
    url: urls[0] ?? '',
    urls,
    username: cell('username'),
    password: cell('password'),
    totp: cell('totp'),
    notes: cell('notes'),
    fields,
    fieldValues: fields.split(/\r?\n/).flatMap((line) => {
      const value = line.slice(line.indexOf(':') + 1).trim();
      return value ? [value] : [];
    }),
    changedAt: validDate(cell('modified')),
    history: [],
    readProblems:
      unclosedLine === null
        ? []
        : [`A quotation mark in line ${unclosedLine} of the file is never closed; check this entry after importing.`],
  };
}

function readCsvExport(text: string, fileName: string): SourceFile {
  const raw = parseCsv(text, fileName);
  const sheet = layoutSheet(raw, raw.rows[0]!.rowNumber);
  const headers = sheet.headers.map((h) => h.trim().toLowerCase());
  const col = (names: readonly string[]) => names.map((n) => headers.indexOf(n)).find((i) => i >= 0) ?? -1;
  const cols = Object.fromEntries(Object.entries(aliases).map(([k, names]) => [k, col(names)])) as Record<
    keyof typeof aliases,
    number
  >;
  const has = (name: string) => headers.includes(name);
  // Bitwarden's full and minimal CSVs both name their columns login_*.
  const bitwarden = has('login_password') || (has('login_username') && has('login_uri'));
  const keepass = cols.title >= 0 && cols.password >= 0;
  if (!bitwarden && !keepass) {
    throw refuse(
      `${fileName} is not a KeePassXC, KeePassX or Bitwarden export (its columns are ${sheet.headers.slice(0, 6).join(', ')}). For the school's own spreadsheet, use Accounts > Import a spreadsheet.`,
    );
  }
  const format: SourceFile['format'] = bitwarden ? 'bitwarden-csv' : has('group') ? 'keepassxc-csv' : 'keepassx-csv';
  const entries: SourceEntry[] = [];
  let skipped = 0;
  for (const row of sheet.rows) {
    const cell = (key: keyof typeof aliases) => (cols[key] >= 0 ? (row.cells[cols[key]] ?? '') : '');
    // Cards, notes and identities in Bitwarden; deleted entries wait in KeePass's recycle bin.
    const type = cell('type');
    if ((bitwarden && type && type !== 'login') || (!bitwarden && /(^|\/)Recycle Bin(\/|$)/.test(cell('group')))) {
      skipped += 1;
      continue;
    }
    const unclosed = raw.notes.some((note) => note.rowNumber === row.rowNumber && note.kind === 'unclosed');
    entries.push(csvEntry(entries.length + 1, cell, bitwarden, unclosed ? row.rowNumber : null));
  }
  return { format, entries, skipped };
}
