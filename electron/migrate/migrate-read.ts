import { readFileSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import { z } from 'zod';
import { KeyholderError, migrateLimits, type MigratePreview } from '../../shared/contract';
import { parseCsv } from '../transfer/csv-read';
import { decodeText } from '../transfer/source-file';

/**
 * One login from another password manager's export, whatever the format.
 * KeePassXC: `keepassxc-cli export -f csv` (or Database > Export > CSV):
 *   Group, Title, Username, Password, URL, Notes, TOTP, Icon, Last Modified, Created.
 * Bitwarden (Tools > Export vault, "File format: .json" or ".csv"): the
 * unencrypted formats in Bitwarden's help "Export vault data"; an encrypted
 * export cannot be read without Bitwarden and is refused with what to do.
 */
export interface SourceEntry {
  entry: number;
  title: string;
  group: string;
  url: string;
  username: string;
  password: string;
  totp: string;
  notes: string;
  /** Custom fields as "name: value" lines (Bitwarden); they may hold secrets. */
  fields: string;
  /** When the password was last changed, if the export says (ISO timestamp). */
  changedAt: string | null;
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
  return result;
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
    entries.push({
      entry: entries.length + 1,
      title: data.name ?? '',
      group: (data.folderId && folders.get(data.folderId)) || '',
      url: data.login?.uris?.find((u) => u.uri)?.uri ?? '',
      username: data.login?.username ?? '',
      password: data.login?.password ?? '',
      totp: data.login?.totp ?? '',
      notes: data.notes ?? '',
      fields: (data.fields ?? []).map((f) => `${f.name ?? ''}: ${f.value ?? ''}`).join('\n'),
      changedAt: data.login?.passwordRevisionDate ?? null,
    });
  }
  return { format: 'bitwarden-json', entries, skipped };
}

function readCsvExport(text: string, fileName: string): SourceFile {
  const sheet = parseCsv(text, fileName);
  const headers = sheet.headers.map((h) => h.trim().toLowerCase());
  const col = (name: string) => headers.indexOf(name);
  const cell = (cells: string[], name: string) => (col(name) >= 0 ? (cells[col(name)] ?? '') : '');
  const entries: SourceEntry[] = [];
  let skipped = 0;
  if (col('login_password') >= 0 && col('name') >= 0) {
    for (const row of sheet.rows) {
      if (cell(row.cells, 'type') && cell(row.cells, 'type') !== 'login') {
        skipped += 1;
        continue;
      }
      entries.push({
        entry: entries.length + 1,
        title: cell(row.cells, 'name'),
        group: cell(row.cells, 'folder'),
        // Bitwarden joins several addresses with commas; the first is the account's own.
        url: cell(row.cells, 'login_uri').split(',')[0]?.trim() ?? '',
        username: cell(row.cells, 'login_username'),
        password: cell(row.cells, 'login_password'),
        totp: cell(row.cells, 'login_totp'),
        notes: cell(row.cells, 'notes'),
        fields: cell(row.cells, 'fields'),
        changedAt: null,
      });
    }
    return { format: 'bitwarden-csv', entries, skipped };
  }
  if (col('title') >= 0 && col('password') >= 0 && col('group') >= 0) {
    for (const row of sheet.rows) {
      // Deleted entries wait in the recycle bin; they are not the school's accounts.
      if (/(^|\/)Recycle Bin(\/|$)/.test(cell(row.cells, 'group'))) {
        skipped += 1;
        continue;
      }
      const modified = cell(row.cells, 'last modified');
      entries.push({
        entry: entries.length + 1,
        title: cell(row.cells, 'title'),
        group: cell(row.cells, 'group'),
        url: cell(row.cells, 'url'),
        username: cell(row.cells, 'username'),
        password: cell(row.cells, 'password'),
        totp: cell(row.cells, 'totp'),
        notes: cell(row.cells, 'notes'),
        fields: '',
        changedAt: Number.isNaN(Date.parse(modified)) ? null : modified,
      });
    }
    return { format: 'keepassxc-csv', entries, skipped };
  }
  throw refuse(
    `${fileName} is not a KeePassXC or Bitwarden export (its columns are ${sheet.headers.slice(0, 6).join(', ')}). For the school's own spreadsheet, use Accounts > Import a spreadsheet.`,
  );
}
