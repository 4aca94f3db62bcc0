import {
  accountInputSchema,
  importTargetLabels,
  type AccountInput,
  type ImportMapping,
  type ImportRowResult,
  type ImportTarget,
} from '../../shared/contract';
import { isPersonalEmail } from '../../shared/policy/personal-email';
import type { PlatformId } from '../../shared/policy/platforms';
import type { ReadyRow } from './commit-rows';
import { readApproval, readHolders, type PeopleContext } from './import-holders';
import {
  cleanLine,
  cleanText,
  readEmail,
  readHandle,
  readPlatform,
  readProfileUrl,
  readTwoFactor,
  readUkDate,
  type Read,
} from './import-values';
import { columnLetter, type CellNote, type SheetRow } from './sheet';

/**
 * Checks one row against the chosen columns: each field read as the
 * register's own form would take it, with errors (the row cannot be
 * imported as it is) and warnings (it can, and the administrator should
 * know). Nothing here touches the database.
 */
export interface RowContext extends PeopleContext {
  mapping: ImportMapping;
  today: string;
  schoolDomain: string;
  genericMailboxNames: readonly string[];
  staffEmails: ReadonlySet<string>;
  /** Why a password falls short of the school's policy, or '' (cached: the check is slow). */
  weakness: (password: string, forbiddenWords: string[]) => string;
  notes: readonly CellNote[];
}

export interface CheckedRow {
  result: ImportRowResult;
  /** platform:handle in lower case, for duplicates. */
  key: string | null;
  ready: ReadyRow | null;
}

type Issues = { errors: string[]; warnings: string[] };

/** One row's cells by field, with its errors and warnings collected as each field is read. */
interface RowReader {
  issues: Issues;
  cell: (target: ImportTarget) => string;
  where: (target: ImportTarget) => string;
  take: <T>(target: ImportTarget, read: Read<T>, fallback: T) => T;
  limit: (target: ImportTarget, value: string, max: number) => void;
}

function rowReader(row: SheetRow, mapping: ImportMapping): RowReader {
  const issues: Issues = { errors: [], warnings: [] };
  const cell = (target: ImportTarget) => {
    const index = mapping[target];
    return index === null ? '' : (row.cells[index] ?? '');
  };
  const where = (target: ImportTarget) => {
    const index = mapping[target];
    const label = importTargetLabels[target];
    return index === null ? label : `${label} (column ${columnLetter(index)})`;
  };
  return {
    issues,
    cell,
    where,
    take: (target, read, fallback) => {
      if (!read.ok) {
        issues.errors.push(`${where(target)}: ${read.error}`);
        return fallback;
      }
      if (read.warning) issues.warnings.push(read.warning);
      return read.value;
    },
    limit: (target, value, max) => {
      if (value.length > max) issues.errors.push(`${where(target)} is longer than ${max} characters.`);
    },
  };
}

/** The account's own fields, read as the register's form reads them. */
function readFields(r: RowReader, mapping: ImportMapping) {
  let platform: PlatformId | null = null;
  if (mapping.platform !== null) platform = r.take('platform', readPlatform(r.cell('platform')), null);
  let handle = '';
  let urlFromHandle: string | null = null;
  if (mapping.handle !== null) {
    const read = r.take('handle', readHandle(platform, r.cell('handle')), null);
    if (read) [handle, urlFromHandle] = [read.handle, read.url];
  }
  const displayName = cleanLine(r.cell('displayName'));
  r.limit('displayName', displayName, 200);
  const fullName = cleanLine(r.cell('fullName'));
  r.limit('fullName', fullName, 200);
  const username = cleanLine(r.cell('username'));
  r.limit('username', username, 200);
  const notes: string[] = [];
  const platformName = cleanLine(r.cell('platform'));
  if (platform === 'other' && platformName.toLowerCase() !== 'other')
    notes.push(`Platform in the imported spreadsheet: ${platformName.slice(0, 50)}`);
  const ownNotes = cleanText(r.cell('notes'));
  if (ownNotes) notes.push(ownNotes);
  return {
    platform,
    handle,
    fullName,
    displayName,
    username,
    profileUrl: r.take('profileUrl', readProfileUrl(r.cell('profileUrl')), '') || (urlFromHandle ?? ''),
    loginUrl: r.take('loginUrl', readProfileUrl(r.cell('loginUrl')), ''),
    loginEmail: r.take('loginEmail', readEmail(r.cell('loginEmail')), ''),
    twoFactorMethod: r.take('twoFactorMethod', readTwoFactor(r.cell('twoFactorMethod')), 'none'),
    notes,
  };
}

export function checkRow(row: SheetRow, ctx: RowContext): CheckedRow {
  const r = rowReader(row, ctx.mapping);
  const { issues } = r;
  const { notes, ...fields } = readFields(r, ctx.mapping);
  const { platform, handle, displayName, loginEmail } = fields;
  const secrets = readSecrets(ctx, r, handle, displayName);
  const holders = readHolders(cleanText(r.cell('holders')), ctx, issues, notes);
  const approval = readApproval(cleanLine(r.cell('approvedBy')), r.cell('approvedOn'), ctx, issues, notes, r.where);
  if (loginEmail && isPersonalEmail(loginEmail, ctx))
    issues.warnings.push(
      `The login email ${loginEmail} looks like a person's own address, not a generic school one. It is imported, and shown as a breach until it is changed.`,
    );
  cellWarnings(row, ctx, issues);
  const allNotes = notes.join('\n');
  r.limit('notes', allNotes, 5000);

  let ready: ReadyRow | null = null;
  if (issues.errors.length === 0 && platform !== null && handle !== '') {
    // The register's own rules, exactly as when an account is added by hand.
    const input: AccountInput = { ...fields, platform, notes: allNotes };
    const parsed = accountInputSchema.safeParse(input);
    if (parsed.success) {
      ready = {
        rowNumber: row.rowNumber,
        account: parsed.data,
        ...secrets,
        twoFactorNotes: null,
        history: [],
        holders: holders.ready,
        approval,
        updateAccountId: null,
      };
    } else {
      for (const issue of parsed.error.issues.slice(0, 3))
        issues.errors.push(`${String(issue.path[0] ?? 'Row')}: ${issue.message}`);
    }
  }
  return {
    key: platform !== null && handle !== '' ? `${platform}:${handle.toLowerCase()}` : null,
    ready,
    result: {
      rowNumber: row.rowNumber,
      include: true,
      platform,
      handle,
      displayName,
      username: fields.username,
      loginEmail,
      hasPassword: secrets.password !== null,
      hasRecoveryCodes: secrets.recoveryCodes !== null,
      holders: holders.shown,
      approvedBy: approval ? approval.name : null,
      duplicateOf: [],
      existingAccountId: null,
      updateExisting: false,
      errors: issues.errors,
      warnings: issues.warnings,
    },
  };
}

/** The password exactly as typed (a space may be part of one), checked against the school's policy. */
function readSecrets(ctx: RowContext, { cell, limit, take, issues }: RowReader, handle: string, displayName: string) {
  const raw = cell('password');
  const password = raw.trim() === '' ? null : raw;
  let passwordWeakness = '';
  if (password !== null) {
    limit('password', password, 4096);
    if (password !== password.trim())
      issues.warnings.push(
        'The password starts or ends with a space; it is imported exactly as it is in the spreadsheet.',
      );
    passwordWeakness = ctx.weakness(password, [handle, displayName].filter(Boolean));
    if (passwordWeakness)
      issues.warnings.push(
        `The password does not meet the school's policy: ${passwordWeakness} It is imported, and shown as a breach until it is changed.`,
      );
  } else if (ctx.mapping.password !== null) {
    issues.warnings.push(
      'There is no password in this row: the account is imported without one, and shown as a breach until it is stored.',
    );
  }
  const codes = cleanText(cell('recoveryCodes'));
  const recoveryCodes = codes === '' ? null : codes;
  if (recoveryCodes !== null) limit('recoveryCodes', recoveryCodes, 4096);
  const changedOn = take('passwordChangedOn', readUkDate(cell('passwordChangedOn'), ctx.today), '');
  if (changedOn && password === null)
    issues.warnings.push('There is a password date but no password in this row, so the date is not used.');
  return { password, recoveryCodes, passwordChangedOn: changedOn || null, passwordWeakness };
}

const noteWords: Record<CellNote['kind'], (cell: string, label: string) => string> = {
  unclosed: (cell) =>
    `Cell ${cell} starts with a quotation mark (") that is never closed. A spreadsheet program would read the lines after it into this one cell; Keyholder read the mark as part of the text instead. Check the cell in the file, or leave this row out.`,
  'text-after-quote': (cell, label) =>
    `Cell ${cell}${label} has text after its closing quotation mark; it was read as a spreadsheet program reads it, without the quotation marks. Check it after importing.`,
  'formula-no-value': (cell, label) =>
    `Cell ${cell}${label} is a formula with no saved value. Open the workbook in Excel, save it, and open it here again.`,
  'formula-error': (cell, label) =>
    `Cell ${cell}${label} is a formula that shows an error in Excel (such as #REF!). Fix it in the workbook, or leave this row out.`,
};

/** What the reader noticed about this row's cells, and a hidden row. */
function cellWarnings(row: SheetRow, ctx: RowContext, issues: Issues): void {
  const mapped = new Map<number, string>();
  for (const [target, index] of Object.entries(ctx.mapping))
    if (index !== null) mapped.set(index, importTargetLabels[target as ImportTarget]);
  for (const note of ctx.notes) {
    if (note.rowNumber !== row.rowNumber) continue;
    const label = mapped.get(note.column);
    if (note.kind !== 'unclosed' && label === undefined) continue;
    const text = noteWords[note.kind](`${columnLetter(note.column)}${row.rowNumber}`, label ? ` (${label})` : '');
    (note.kind === 'text-after-quote' ? issues.warnings : issues.errors).push(text);
  }
  if (row.hidden) issues.warnings.push('This row is hidden in the workbook; it is imported like the others.');
  // CSV cells are text: a formula typed into a CSV is imported as those characters.
  for (const target of ['handle', 'fullName', 'displayName', 'profileUrl', 'loginEmail', 'notes'] as const) {
    const text = cleanText(ctx.mapping[target] === null ? '' : (row.cells[ctx.mapping[target]!] ?? ''));
    if (text.startsWith('='))
      issues.warnings.push(
        `${importTargetLabels[target]} is a formula; Keyholder imports its text "${text.slice(0, 40)}" as it is and does not work it out.`,
      );
  }
}
