import {
  accountInputSchema,
  importTargetLabels,
  type AccountInput,
  type ImportMapping,
  type ImportPreview,
  type ImportRowResult,
  type ImportTarget,
} from '../../shared/contract';
import { platformLabels, type PlatformId } from '../../shared/policy/platforms';
import { mappingProblems } from './import-mapping';
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
import { columnLetter, type ParsedSheet, type SheetRow } from './sheet';

/**
 * Checks every row against the chosen columns and the register as it is
 * now. The same function backs the preview and the commit, so what the
 * person saw is exactly what is written, or nothing is.
 */
export interface ReadyRow {
  rowNumber: number;
  account: ReturnType<typeof accountInputSchema.parse>;
  password: string | null;
  recoveryCodes: string | null;
  /** yyyy-mm-dd from the "password last changed" column, if any. */
  passwordChangedOn: string | null;
}

export interface Validation {
  problems: string[];
  results: ImportRowResult[];
  ready: ReadyRow[];
  counts: ImportPreview['counts'];
}

/** `existing` holds "platform:handle" in lower case for every account already in the register. */
export function validateImport(
  sheet: ParsedSheet,
  mapping: ImportMapping,
  existing: ReadonlySet<string>,
  today: string,
): Validation {
  const problems = mappingProblems(sheet.headers, mapping);
  const checked = sheet.rows.map((row) => checkRow(row, mapping, today));

  // Duplicates within the file: every copy is an error, because they may differ
  // (two passwords for one account) and only the person knows which is right.
  const byKey = new Map<string, number[]>();
  for (const row of checked) {
    if (row.key) byKey.set(row.key, [...(byKey.get(row.key) ?? []), row.result.rowNumber]);
  }
  let duplicates = 0;
  for (const row of checked) {
    if (!row.key || row.result.platform === null) continue;
    const label = `${row.result.handle} on ${platformLabels[row.result.platform]}`;
    const others = (byKey.get(row.key) ?? []).filter((n) => n !== row.result.rowNumber);
    const inRegister = existing.has(row.key);
    if (others.length > 0)
      row.result.errors.push(`${label} is also on row ${others.join(', ')}. Keep one row for each account.`);
    if (inRegister)
      row.result.errors.push(
        `${label} is already in the register. Remove this row, or change the account in Keyholder instead.`,
      );
    if (others.length > 0 || inRegister) duplicates += 1;
  }

  const results = checked.map((row) => row.result);
  const ready = checked.flatMap((row) => (row.ready && row.result.errors.length === 0 ? [row.ready] : []));
  const errors = results.filter((result) => result.errors.length > 0).length;
  return {
    problems,
    results,
    ready: problems.length === 0 ? ready : [],
    counts: {
      rows: results.length,
      ok: results.length - errors,
      errors,
      duplicates,
      emptyRowsSkipped: sheet.emptyRowsSkipped,
      passwords: results.filter((result) => result.hasPassword).length,
    },
  };
}

interface Checked {
  result: ImportRowResult;
  key: string | null;
  ready: ReadyRow | null;
}

function checkRow(row: SheetRow, mapping: ImportMapping, today: string): Checked {
  const errors: string[] = [];
  const warnings: string[] = [];
  const cell = (target: ImportTarget) => {
    const index = mapping[target];
    return index === null ? '' : (row.cells[index] ?? '');
  };
  const where = (target: ImportTarget) => {
    const index = mapping[target];
    const label = importTargetLabels[target];
    return index === null ? label : `${label} (column ${columnLetter(index)})`;
  };
  /** Takes a Read's value, or records its error against the field. */
  function take<T>(target: ImportTarget, read: Read<T>, fallback: T): T {
    if (!read.ok) {
      errors.push(`${where(target)}: ${read.error}`);
      return fallback;
    }
    if (read.warning) warnings.push(read.warning);
    return read.value;
  }
  const limit = (target: ImportTarget, value: string, max: number) => {
    if (value.length > max) errors.push(`${where(target)} is longer than ${max} characters.`);
  };

  let platform: PlatformId | null = null;
  if (mapping.platform !== null) platform = take('platform', readPlatform(cell('platform')), null);
  let handle = '';
  let urlFromHandle: string | null = null;
  if (mapping.handle !== null) {
    const read = take('handle', readHandle(platform, cell('handle')), null);
    if (read) [handle, urlFromHandle] = [read.handle, read.url];
  }
  const displayName = cleanLine(cell('displayName'));
  limit('displayName', displayName, 200);
  const profileUrl = take('profileUrl', readProfileUrl(cell('profileUrl')), '') || (urlFromHandle ?? '');
  const loginEmail = take('loginEmail', readEmail(cell('loginEmail')), '');
  const twoFactorMethod = take('twoFactorMethod', readTwoFactor(cell('twoFactorMethod')), 'none');
  let notes = cleanText(cell('notes'));
  const platformName = cleanLine(cell('platform'));
  if (platform === 'other' && platformName.toLowerCase() !== 'other')
    notes = [`Platform in the imported spreadsheet: ${platformName.slice(0, 50)}`, notes].filter(Boolean).join('\n');
  limit('notes', notes, 5000);

  // Passwords are kept exactly as typed: a space may be part of one.
  const rawPassword = cell('password');
  const password = rawPassword.trim() === '' ? null : rawPassword;
  if (password !== null) {
    limit('password', password, 4096);
    if (password !== password.trim())
      warnings.push('The password starts or ends with a space; it is imported exactly as it is in the spreadsheet.');
  }
  const codes = cleanText(cell('recoveryCodes'));
  const recoveryCodes = codes === '' ? null : codes;
  if (recoveryCodes !== null) limit('recoveryCodes', recoveryCodes, 4096);
  const changedOn = take('passwordChangedOn', readUkDate(cell('passwordChangedOn'), today), '');
  if (changedOn && password === null)
    warnings.push('There is a password date but no password in this row, so the date is not used.');

  // Spreadsheet formulas are never worked out; say so where it matters.
  for (const target of ['handle', 'displayName', 'profileUrl', 'loginEmail', 'notes'] as const) {
    const text = cleanText(cell(target));
    if (text.startsWith('='))
      warnings.push(
        `${where(target)} is a formula; Keyholder imports its text "${text.slice(0, 40)}" as it is and does not work it out.`,
      );
  }

  let ready: ReadyRow | null = null;
  if (errors.length === 0 && platform !== null && handle !== '') {
    // The register's own rules, exactly as when an account is added by hand.
    const input: AccountInput = { platform, handle, displayName, profileUrl, loginEmail, twoFactorMethod, notes };
    const parsed = accountInputSchema.safeParse(input);
    if (parsed.success) {
      const passwordChangedOn = changedOn || null;
      ready = { rowNumber: row.rowNumber, account: parsed.data, password, recoveryCodes, passwordChangedOn };
    } else {
      for (const issue of parsed.error.issues.slice(0, 3))
        errors.push(`${String(issue.path[0] ?? 'Row')}: ${issue.message}`);
    }
  }
  return {
    key: platform !== null && handle !== '' ? `${platform}:${handle.toLowerCase()}` : null,
    ready,
    result: {
      rowNumber: row.rowNumber,
      platform,
      handle,
      displayName,
      hasPassword: password !== null,
      hasRecoveryCodes: recoveryCodes !== null,
      errors,
      warnings,
    },
  };
}
