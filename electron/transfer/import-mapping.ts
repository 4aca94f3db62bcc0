import {
  importTargetLabels,
  importTargets,
  requiredImportTargets,
  type ImportMapping,
  type ImportTarget,
} from '../../shared/contract';
import { columnLetter } from './sheet';

/**
 * Which spreadsheet column is which field: the first guess from the column
 * names, the columns that must never be shown or stored in the clear, and
 * the checks on the person's choice of columns.
 */

/**
 * Column names that mean "this holds a secret". Dates and hints about
 * passwords are not secrets, and nor is a "recovery email" or phone.
 */
const secretWords = /password|passwd|passcode|passphrase|pwd|secret|recovery|backup.?codes?|\b(pass|pw|pin|otp)\b/i;
const notSecretWords = /date|changed|updated|\blast\b|\bwhen\b|\bset on\b|expir|hint|e-?mail|phone|mobile/i;

export function looksSecret(header: string): boolean {
  return secretWords.test(header) && !notSecretWords.test(header);
}

/** Tried in this order; each column is given to one field at most. [target, matches, unless] */
const guesses: [ImportTarget, RegExp, RegExp?][] = [
  [
    'passwordChangedOn',
    /\b(password|pwd|pass)\b.*\b(changed|updated|set|date|reset)\b|\b(changed|updated|reset)\b.*\b(password|pwd)\b|^(last changed|date changed|changed on|date set|last updated)$/,
  ],
  ['recoveryCodes', /recovery|backup code/, /mail|phone|mobile|number/],
  ['password', /password|passwd|pwd|passcode|^pass$|^pw$/, /hint/],
  ['loginEmail', /e ?mail/, /recovery|backup|personal|contact/],
  ['twoFactorMethod', /\b2fa\b|two factor|2 step|two step|\bmfa\b|multi factor|authenticat/],
  ['profileUrl', /\burl\b|\blink\b|web ?address|profile|website/],
  ['platform', /platform|network|\bsite\b|service|social media|channel|^type$|^media$|^app$/],
  ['handle', /handle|user ?name|^user$|^account$|^login$|^user id$|^id$|^@$/],
  ['displayName', /display name|^name$|account name|full name|page name|^title$/],
  ['notes', /note|comment|remark|^info/],
];

function normaliseHeader(header: string): string {
  return header
    .toLowerCase()
    .replace(/[^a-z0-9@]+/g, ' ')
    .trim();
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
  return mapping;
}

/** Columns whose contents the renderer must not see: secret-looking names, or guessed as secrets. */
export function maskedColumns(headers: string[], suggested: ImportMapping): number[] {
  const masked = new Set<number>();
  headers.forEach((header, i) => {
    if (looksSecret(header)) masked.add(i);
  });
  if (suggested.password !== null) masked.add(suggested.password);
  if (suggested.recoveryCodes !== null) masked.add(suggested.recoveryCodes);
  return [...masked].sort((a, b) => a - b);
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
export function mappingProblems(headers: string[], mapping: ImportMapping): string[] {
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
    } else if (secret.length === 0 && looksSecret(headers[index] ?? '')) {
      problems.push(
        `${describeColumn(headers, index)} looks like it holds passwords or codes, so it can only be imported as Password or Recovery codes (stored encrypted), not as ${plain.map((t) => importTargetLabels[t]).join(' or ')}.`,
      );
    }
  }
  return problems;
}
