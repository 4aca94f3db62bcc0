import {
  importTargets,
  migrateFormatLabels,
  type ImportMapping,
  type ImportTarget,
  type MigrateChoice,
  type MigrateRow,
} from '../../shared/contract';
import type { Db } from '../db/open';
import { registerView } from '../import/import-context';
import { validateImport, type Validation } from '../import/import-rows';
import { cleanLine } from '../import/import-values';
import type { ParsedSheet } from '../import/sheet';
import { guessHandle, guessPlatform, loginEmailOf, secretNotesOf, urlsOf, usernameOf } from './migrate-guess';
import type { SourceEntry, SourceFile } from './migrate-read';
import { londonDateOf } from '../../shared/time';

/**
 * A password manager's entries checked as rows of the spreadsheet import
 * (electron/import/import-rows.ts): the same rules, duplicate checks
 * (platform + handle, in the file and in the register) and policy flags.
 * What a spreadsheet has no column for (the password history, TOTP seeds,
 * custom fields and notes) is attached to each ready row afterwards.
 */
export function defaultChoice(entry: SourceEntry): MigrateChoice {
  const platform = guessPlatform(entry);
  const handle = guessHandle(entry, platform);
  if (platform === null) {
    // Nothing recognised: offered as Other, named by its title, and left unticked.
    return {
      entry: entry.entry,
      include: false,
      platform: 'other',
      handle: handle || cleanLine(entry.title),
      updateExisting: false,
    };
  }
  return { entry: entry.entry, include: handle !== '', platform, handle, updateExisting: false };
}

export function choicesFor(source: SourceFile, given: MigrateChoice[]): MigrateChoice[] {
  const byEntry = new Map(given.map((choice) => [choice.entry, choice]));
  return source.entries.map((entry) => byEntry.get(entry.entry) ?? defaultChoice(entry));
}

export function sourceName(source: SourceFile): string {
  return migrateFormatLabels[source.format].replace(/ \(.*\)$/, '');
}

function cellsOf(entry: SourceEntry, choice: MigrateChoice, source: SourceFile, today: string): string[] {
  const changed = entry.changedAt ? londonDateOf(new Date(entry.changedAt)) : '';
  const { profileUrl, loginUrl, others } = urlsOf(entry, choice.platform);
  const cells: Partial<Record<ImportTarget, string>> = {
    platform: choice.platform ?? '',
    handle: choice.handle,
    displayName: cleanLine(entry.title) === choice.handle ? '' : entry.title,
    profileUrl,
    loginUrl,
    loginEmail: loginEmailOf(entry),
    username: usernameOf(entry),
    password: entry.password,
    twoFactorMethod: entry.totp.trim() ? 'authenticator app' : '',
    notes: others.length > 0 ? `Other web addresses in the ${sourceName(source)}: ${others.join(', ')}` : '',
    passwordChangedOn: changed && changed <= today ? changed : '',
  };
  return importTargets.map((target) => cells[target] ?? '');
}

export interface MigrateCheck {
  choices: MigrateChoice[];
  validation: Validation;
}

export function checkEntries(
  db: Db,
  now: Date,
  source: SourceFile,
  given: MigrateChoice[],
  weakCache: Map<string, string>,
): MigrateCheck {
  const choices = choicesFor(source, given);
  const today = londonDateOf(now);
  const rows = choices.map((choice) => ({
    rowNumber: choice.entry,
    cells: cellsOf(source.entries[choice.entry - 1]!, choice, source, today),
    hidden: false,
  }));
  const mapping = Object.fromEntries(importTargets.map((target, i) => [target, i])) as ImportMapping;
  const sheet: ParsedSheet = {
    format: 'csv',
    sheetName: null,
    headerRowNumber: 0,
    headers: [...importTargets],
    rows,
    above: [],
    emptyRowsSkipped: 0,
    hiddenColumns: [],
    notes: [],
  };
  const view = registerView(
    db,
    now,
    rows.map((row) => row.cells[importTargets.indexOf('loginEmail')]!),
    weakCache,
  );
  const validation = validateImport({
    sheet,
    mapping,
    secretColumns: new Set(),
    rowChoices: choices.map((c) => ({
      rowNumber: c.entry,
      include: c.include,
      updateExisting: c.updateExisting,
      keepHolders: null,
      holdersOverride: '',
    })),
    personChoices: [],
    existing: view.existing,
    context: view.context,
  });
  for (const result of validation.results) {
    const entry = source.entries[result.rowNumber - 1]!;
    if (result.include) result.errors.push(...entry.readProblems);
    if (result.include) result.warnings.push(...(entry.readWarnings ?? []));
  }
  const broken = new Set(validation.results.filter((r) => r.errors.length > 0).map((r) => r.rowNumber));
  validation.ready = validation.ready
    .filter((row) => !broken.has(row.rowNumber))
    .map((row) => {
      const entry = source.entries[row.rowNumber - 1]!;
      if (row.updateAccountId !== null) return row;
      const history = entry.history.map((h) => ({ password: h.password, retiredAt: h.lastUsedDate }));
      return { ...row, history, twoFactorNotes: secretNotesOf(entry, sourceName(source)) || null };
    });
  return { choices, validation };
}

/** The spreadsheet checker's words ("row", "column B") said for an export's entries. */
export function inEntryWords(message: string): string {
  if (message.startsWith('Handle (column B): Handle is empty'))
    return 'Give the handle (the account name) for this entry.';
  return message
    .replace(/ \(column [A-Z]+\)/g, '')
    .replace(/\bon rows? /g, 'in entry ')
    .replace('Choose "Keep this one" on the row to import, or leave the others out.', 'Tick only one of them.')
    .replace('Leave this row out, or choose', 'Untick this entry, or choose')
    .replace('Leave this row out.', 'Untick this entry.')
    .replace('in this row', 'in this entry');
}

export function rowOf(entry: SourceEntry, choice: MigrateChoice, validation: Validation): MigrateRow {
  const result = validation.results.find((r) => r.rowNumber === entry.entry);
  const recognised = guessPlatform(entry) !== null;
  const warnings = (result?.warnings ?? []).map(inEntryWords);
  if (!recognised && !choice.include)
    warnings.unshift(
      'Keyholder did not recognise this as one of the school’s social media accounts. Tick it to import it as Other, with the handle shown.',
    );
  return {
    entry: entry.entry,
    title: entry.title,
    group: entry.group,
    url: entry.url,
    urls: entry.urls,
    username: entry.username,
    recognised,
    include: choice.include,
    platform: choice.platform,
    handle: result?.handle || choice.handle,
    hasPassword: entry.password !== '',
    hasTotp: entry.totp.trim() !== '',
    hasNotes: entry.notes.trim() !== '' || entry.fields.trim() !== '',
    historyCount: entry.history.length,
    existingAccountId: result?.existingAccountId ?? null,
    updateExisting: result?.updateExisting ?? false,
    errors: choice.include ? (result?.errors ?? []).map(inEntryWords) : [],
    warnings: choice.include || !recognised ? warnings : [],
  };
}
