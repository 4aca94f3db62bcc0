import type {
  ImportMapping,
  ImportPersonChoice,
  ImportPersonResult,
  ImportPreview,
  ImportRowChoice,
  ImportRowResult,
} from '../../shared/contract';
import { platformLabels } from '../../shared/policy/platforms';
import type { ReadyRow } from './commit-rows';
import { resolveName } from './import-holders';
import { mappingProblems } from './import-mapping';
import { nameKey } from './import-people';
import { checkRow, type CheckedRow, type RowContext } from './import-row';
import type { ParsedSheet } from './sheet';

/**
 * Checks every row against the chosen columns, the administrator's choices
 * and the register as it is now. The same function backs the preview and the
 * commit, so what the person saw is exactly what is written, or nothing is.
 */
export interface ExistingAccount {
  id: number;
  /** A two-phase password change is under way: its password cannot be replaced now. */
  pending: boolean;
}

export interface ValidationInput {
  sheet: ParsedSheet;
  mapping: ImportMapping;
  /** Columns that may only be imported as secrets. */
  secretColumns: ReadonlySet<number>;
  /** Columns whose cells look like passwords: only a secret or an identifier (handle, username). */
  lookSecret?: ReadonlySet<number>;
  rowChoices: readonly ImportRowChoice[];
  personChoices: readonly ImportPersonChoice[];
  /** "platform:handle" in lower case for every account in the register. */
  existing: ReadonlyMap<string, ExistingAccount>;
  context: Omit<RowContext, 'mapping' | 'choice' | 'personChoices' | 'notes'>;
}

export interface Validation {
  problems: string[];
  results: ImportRowResult[];
  people: ImportPersonResult[];
  ready: ReadyRow[];
  counts: ImportPreview['counts'];
}

export function validateImport(input: ValidationInput): Validation {
  const { sheet, mapping } = input;
  const problems = mappingProblems(sheet.headers, mapping, input.secretColumns, input.lookSecret);
  const rowChoices = new Map(input.rowChoices.map((choice) => [choice.rowNumber, choice]));
  const personChoices = new Map(input.personChoices.map((choice) => [nameKey(choice.name), choice]));
  const checked = sheet.rows.map((row) => {
    const choice = rowChoices.get(row.rowNumber);
    const one = checkRow(row, { ...input.context, mapping, choice, personChoices, notes: sheet.notes });
    one.result.include = choice?.include ?? true;
    return one;
  });
  markDuplicates(checked);
  markExisting(checked, rowChoices, input.existing);
  const duplicates = checked.filter(
    (row) => row.result.duplicateOf.length > 0 || row.result.existingAccountId !== null,
  ).length;

  const included = checked.filter((row) => row.result.include);
  const results = checked.map((row) => row.result);
  const ready = included.flatMap((row) => (row.ready && row.result.errors.length === 0 ? [row.ready] : []));
  const errors = included.filter((row) => row.result.errors.length > 0).length;
  const people = namedPeople(included, input.context.people, personChoices);
  return {
    problems,
    results,
    people,
    ready: problems.length === 0 ? ready : [],
    counts: {
      rows: results.length,
      included: included.length,
      excluded: results.length - included.length,
      ok: included.length - errors,
      errors,
      warnings: included.filter((row) => row.result.warnings.length > 0).length,
      duplicates,
      emptyRowsSkipped: sheet.emptyRowsSkipped,
      passwords: included.filter((row) => row.result.hasPassword).length,
      updates: included.filter((row) => row.result.updateExisting).length,
      newPeople: people.filter((p) => p.decision === 'new').length,
    },
  };
}

const labelOf = (row: CheckedRow) =>
  row.result.platform ? `${row.result.handle} on ${platformLabels[row.result.platform]}` : row.result.handle;

/**
 * The same account (platform and handle, ignoring case) on several rows: only
 * the administrator knows which row is right, so while more than one of them
 * is included, each included one is an error with a one-click way out.
 */
function markDuplicates(checked: CheckedRow[]): void {
  const byKey = new Map<string, CheckedRow[]>();
  for (const row of checked) if (row.key) byKey.set(row.key, [...(byKey.get(row.key) ?? []), row]);
  for (const group of byKey.values()) {
    if (group.length < 2) continue;
    const included = group.filter((row) => row.result.include);
    for (const row of group) {
      row.result.duplicateOf = group.filter((other) => other !== row).map((other) => other.result.rowNumber);
      if (included.length > 1 && row.result.include) {
        const others = row.result.duplicateOf.join(', ');
        row.result.errors.push(
          `${labelOf(row)} is also on row ${others}. Choose "Keep this one" on the row to import, or leave the others out.`,
        );
      }
    }
  }
}

/** An account already in the register: leave the row out, or replace that account's password with this one. */
function markExisting(
  checked: CheckedRow[],
  choices: ReadonlyMap<number, ImportRowChoice>,
  existing: ReadonlyMap<string, ExistingAccount>,
): void {
  for (const row of checked) {
    const account = row.key ? existing.get(row.key) : undefined;
    if (!account) continue;
    row.result.existingAccountId = account.id;
    if (!row.result.include) continue;
    if (!choices.get(row.result.rowNumber)?.updateExisting) {
      row.result.errors.push(
        `${labelOf(row)} is already in the register. Leave this row out, or choose "Update the password" to replace its password with this one.`,
      );
      continue;
    }
    row.result.updateExisting = true;
    if (account.pending)
      row.result.errors.push(
        `A password change for ${labelOf(row)} is under way in Keyholder. Confirm or abandon it on the account page first.`,
      );
    else if (!row.result.hasPassword)
      row.result.errors.push('There is no password in this row to update the account with. Leave this row out.');
    else {
      row.result.warnings.push(
        `The password of ${labelOf(row)} in the register is replaced by this one; the old one is kept in its history. Nothing else from this row is used.`,
      );
      if (row.ready) row.ready = { ...row.ready, updateAccountId: account.id, holders: [], approval: null };
    }
  }
}

/** Every name in the "who knows it" column of the included rows, with whom it was matched to. */
function namedPeople(
  included: CheckedRow[],
  people: RowContext['people'],
  choices: ReadonlyMap<string, ImportPersonChoice>,
): ImportPersonResult[] {
  const byKey = new Map<string, ImportPersonResult>();
  for (const row of included) {
    if (row.result.updateExisting) continue;
    for (const holder of row.result.holders) {
      const key = nameKey(holder.name);
      const known = byKey.get(key);
      if (known) {
        known.rows.push(row.result.rowNumber);
        continue;
      }
      const found = resolveName(holder.name, { people, personChoices: choices });
      const auto = resolveName(holder.name, { people, personChoices: new Map() });
      byKey.set(key, {
        name: holder.name,
        status: auto.status === 'matched' ? 'matched' : auto.status === 'ambiguous' ? 'ambiguous' : 'new',
        // For a matched name, the one person it was matched to; for an ambiguous one, everyone it could be.
        candidates: (auto.status === 'ambiguous'
          ? auto.candidates
          : auto.status === 'matched'
            ? [auto.person]
            : []
        ).map((p) => ({ id: p.id, name: p.name })),
        decision: { matched: 'existing', new: 'new', skipped: 'skip', ambiguous: 'ask' }[found.status] as
          'existing' | 'new' | 'skip' | 'ask',
        personId: found.status === 'matched' ? found.person.id : null,
        rows: [row.result.rowNumber],
      });
    }
  }
  return [...byKey.values()];
}
