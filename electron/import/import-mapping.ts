import {
  importTargetLabels,
  importTargets,
  requiredImportTargets,
  type ImportMapping,
  type ImportTarget,
} from '../../shared/contract';
import { cleanText } from './import-values';
import { columnLetter, dataLikeCell, type RawSheet } from './sheet';

/**
 * Which spreadsheet column is which field: the header row, the first guess
 * from the column names, and the checks on the person's choice of columns.
 */

/**
 * Column names that mean "this holds a secret". Dates and hints about
 * passwords are not secrets, and nor is a "recovery email" or phone.
 */
const secretWords =
  /password|passwd|passcode|passphrase|pwd|secret|recovery|backup.?codes?|credential|\b(pass|pw|pin|otp|key|code|word)\b/i;
const notSecretWords =
  /date|changed|updated|\blast\b|\bwhen\b|\bset on\b|expir|hint|e-?mail|phone|mobile|\bwho\b|know|holder|post ?code/i;

export function looksSecret(header: string): boolean {
  return secretWords.test(header) && !notSecretWords.test(header);
}

/** Tried in this order; each column is given to one field at most. [target, matches, unless] */
const guesses: [ImportTarget, RegExp, RegExp?][] = [
  [
    'passwordChangedOn',
    /\b(password|pwd|pass)\b.*\b(changed|updated|set|date|reset)\b|\b(changed|updated|reset)\b.*\b(password|pwd)\b|^(last changed|date changed|changed on|date set|last updated)$/,
  ],
  ['approvedOn', /\bapprov\w*\b.*\b(date|on|when)\b|\bdate\b.*\bapprov/],
  ['approvedBy', /approv|authoris|authoriz|sign(ed)? off/],
  [
    'holders',
    /who knows|known (to|by)|\bholders?\b|key ?holders?|people with|staff with|\baccess\b|shared with|who has/,
  ],
  ['recoveryCodes', /recovery|backup code/, /mail|phone|mobile|number/],
  ['password', /password|passwd|pwd|passcode|^pass$|^pw$/, /hint/],
  ['loginUrl', /\blog ?in\b.*\b(url|page|link|address)\b|sign ?in page/],
  ['loginEmail', /e ?mail/, /recovery|backup|personal|contact/],
  ['twoFactorMethod', /\b2fa\b|two factor|2 step|two step|\bmfa\b|multi factor|authenticat/],
  ['profileUrl', /\burl\b|\blink\b|web ?address|profile|website/],
  ['platform', /platform|network|\bsite\b|service|social media|channel|^type$|^media$|^app$/],
  ['handle', /handle|^account$|^@$|^account handle$|^twitter name$|^page$/],
  ['username', /user ?name|^user$|^login$|^log ?in name$|^user id$|^id$/],
  // north-herts 6.0's identity table: the full name and the display name are separate fields.
  ['fullName', /full name/],
  ['displayName', /display name|^name$|account name|page name|^title$/],
  ['notes', /note|comment|remark|^info/],
];

function normaliseHeader(header: string): string {
  return header
    .toLowerCase()
    .replace(/[^a-z0-9@]+/g, ' ')
    .trim();
}

function guessOf(header: string): ImportTarget | null {
  const name = normaliseHeader(header);
  if (name === '') return null;
  return guesses.find(([, pattern, unless]) => pattern.test(name) && !unless?.test(name))?.[0] ?? null;
}

export function emptyMapping(): ImportMapping {
  return Object.fromEntries(importTargets.map((target) => [target, null])) as ImportMapping;
}

export function suggestMapping(headers: string[]): ImportMapping {
  const mapping = emptyMapping();
  const used = new Set<number>();
  for (const [target, pattern, unless] of guesses) {
    const index = headers.findIndex((header, i) => {
      const name = normaliseHeader(header);
      return !used.has(i) && pattern.test(name) && !unless?.test(name);
    });
    if (index >= 0) {
      mapping[target] = index;
      used.add(index);
    }
  }
  // A sheet with a "Username" column and no "Handle" one means the handle by it.
  if (mapping.handle === null && mapping.username !== null)
    [mapping.handle, mapping.username] = [mapping.username, null];
  return mapping;
}

/**
 * The row that holds the column names: among the first rows with something
 * in them, the first with the most cells that name a field Keyholder knows
 * (a title such as "Social media accounts 2024" above the table names none).
 * Without two such cells, the first row of two or more cells, unless a row
 * that looks like an account comes first.
 */
export function detectHeaderRow(raw: RawSheet): number {
  const candidates = raw.rows.slice(0, 30);
  let best = 0;
  let bestScore = 1;
  for (const row of candidates) {
    if (dataLikeCell(row.cells) !== undefined) continue;
    const score = new Set(row.cells.map(guessOf).filter((target) => target !== null)).size;
    if (score > bestScore) [best, bestScore] = [row.rowNumber, score];
  }
  if (best) return best;
  // Past a title, the first row of two or more cells; a row that looks like an account means there is no header.
  const filled = (cells: string[]) => cells.filter((cell) => cleanText(cell) !== '').length;
  for (const row of candidates) {
    if (dataLikeCell(row.cells) !== undefined) break;
    if (filled(row.cells) >= 2) return row.rowNumber;
  }
  return raw.rows[0]!.rowNumber;
}

export function describeColumn(headers: string[], index: number): string {
  return `column ${columnLetter(index)} ("${headers[index] ?? ''}")`;
}

const secretTargets: readonly ImportTarget[] = ['password', 'recoveryCodes'];

/**
 * Problems with the choice of columns. The important one: a column of
 * passwords may only be imported as a secret, so a slip in the mapping can
 * never put passwords into the register's plain text fields.
 */
/** A column that only looks like passwords may still be an identifier: these fields can take one. */
const identifierTargets: readonly ImportTarget[] = ['platform', 'handle', 'username'];

export function mappingProblems(
  headers: string[],
  mapping: ImportMapping,
  secretColumns: ReadonlySet<number>,
  lookSecret: ReadonlySet<number> = new Set(),
): string[] {
  const problems: string[] = [];
  for (const target of requiredImportTargets) {
    if (mapping[target] === null)
      problems.push(
        `Choose the column that holds the ${importTargetLabels[target].toLowerCase()}: it is needed for every account.`,
      );
  }
  const byColumn = new Map<number, ImportTarget[]>();
  for (const target of importTargets) {
    const index = mapping[target];
    if (index === null) continue;
    if (index >= headers.length) {
      problems.push(
        `${importTargetLabels[target]} is set to column ${columnLetter(index)}, but this spreadsheet has only ${headers.length} columns.`,
      );
      continue;
    }
    byColumn.set(index, [...(byColumn.get(index) ?? []), target]);
  }
  for (const [index, targets] of byColumn) {
    const secret = targets.filter((t) => secretTargets.includes(t));
    const plain = targets.filter((t) => !secretTargets.includes(t));
    const labels = targets.map((t) => importTargetLabels[t]).join(' and ');
    if (secret.length > 0 && targets.length > 1) {
      problems.push(
        `${describeColumn(headers, index)} is chosen for both ${labels}. A column of secrets can only be imported once, as a secret, so it is never stored unencrypted.`,
      );
    } else if (
      secret.length === 0 &&
      (secretColumns.has(index) || (lookSecret.has(index) && plain.some((t) => !identifierTargets.includes(t))))
    ) {
      problems.push(
        `${describeColumn(headers, index)} looks like it holds passwords or codes, so it can only be imported as Password or Recovery codes (stored encrypted), not as ${plain.map((t) => importTargetLabels[t]).join(' or ')}.`,
      );
    }
  }
  return problems;
}
