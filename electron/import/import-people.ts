import type { PersonRole } from '../../shared/contract';

/**
 * The "who knows it" and "approved by" columns: names as people type them
 * ("Mrs A. Carter and Bob", "Carter/Singh", "Zoë Ng; D Patel"), split into
 * people and matched to the staff directory ignoring case, accents, titles
 * and initials. "A. Carter" is Anna Carter when she is the only Carter it
 * could be; otherwise the administrator is asked.
 */
export interface PersonRecord {
  id: number;
  name: string;
  status: 'active' | 'leaving' | 'left';
  roles: PersonRole[];
}

export type PersonMatch =
  { kind: 'matched'; person: PersonRecord } | { kind: 'ambiguous'; candidates: PersonRecord[] } | { kind: 'none' };

const titles = new Set(['mr', 'mrs', 'ms', 'miss', 'mx', 'dr', 'prof', 'sir', 'rev', 'revd', 'dame', 'lady', 'lord']);

/** Splits a cell on ; , / " and " " & " "+" and line breaks, except inside quotes ("Carter, Anna"). */
export function splitNames(cell: string): string[] {
  const names: string[] = [];
  let current = '';
  let quoted = false;
  const flush = () => {
    const name = current.replace(/\s+/g, ' ').trim();
    if (name !== '' && !/^(and|&)$/i.test(name)) names.push(name);
    current = '';
  };
  for (let i = 0; i < cell.length; i += 1) {
    const c = cell[i]!;
    if (c === '"' || c === '“' || c === '”') {
      quoted = !quoted;
      continue;
    }
    if (!quoted && /[;,/\n\r+]/.test(c)) {
      flush();
      continue;
    }
    const rest = cell.slice(i);
    const joiner = !quoted && /^\s+(and|&)\s+/i.exec(rest);
    if (joiner) {
      flush();
      i += joiner[0].length - 1;
      continue;
    }
    current += c;
  }
  flush();
  const seen = new Set<string>();
  return names.filter((name) => {
    const key = nameKey(name);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** The words of a name: no accents, case, punctuation, titles or notes in brackets. */
export function nameTokens(name: string): string[] {
  return name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/\([^)]*\)/g, ' ')
    .replace(/['’`]/g, '')
    .replace(/[^a-z0-9-]+/g, ' ')
    .split(' ')
    .filter((token) => token !== '' && token !== '-')
    .filter((token, i, all) => !(titles.has(token) && i < all.length - 1));
}

/** How two spellings of one name compare: "Zoe Ng" and "zoë  ng" share a key. */
export function nameKey(name: string): string {
  return nameTokens(name).join(' ');
}

/** The name to give a new person: as written, without notes in brackets. */
export function cleanName(name: string): string {
  return name
    .replace(/\([^)]*\)/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, 120);
}

/**
 * Written "A Carter" or "Mr Carter" could be person "Anna Maria Carter": the
 * surnames are equal and each written first name is the person's (or its
 * initial), in order; middle names may be left out.
 */
function compatible(written: string[], person: string[]): boolean {
  if (written.length === 0 || person.length === 0) return false;
  if (written[written.length - 1] !== person[person.length - 1]) return false;
  const given = written.slice(0, -1);
  const theirs = person.slice(0, -1);
  let j = 0;
  for (const [i, token] of given.entries()) {
    const fits = (t: string) => t === token || (token.length === 1 && t.startsWith(token));
    if (i === 0) {
      if (!theirs[0] || !fits(theirs[0])) return false;
      j = 1;
      continue;
    }
    while (j < theirs.length && !fits(theirs[j]!)) j += 1;
    if (j >= theirs.length) return false;
    j += 1;
  }
  return true;
}

export function matchPerson(name: string, people: readonly PersonRecord[]): PersonMatch {
  const tokens = nameTokens(name);
  if (tokens.length === 0) return { kind: 'none' };
  const key = tokens.join(' ');
  const exact = people.filter((p) => nameKey(p.name) === key);
  const found = exact.length > 0 ? exact : people.filter((p) => compatible(tokens, nameTokens(p.name)));
  if (found.length === 1) return { kind: 'matched', person: found[0]! };
  if (found.length > 1) return { kind: 'ambiguous', candidates: found };
  return { kind: 'none' };
}

const approverRole = (p: PersonRecord) => p.roles.includes('headteacher') || p.roles.includes('slt');

export type ApproverMatch =
  | { kind: 'approver'; person: PersonRecord }
  | { kind: 'not-approver'; person: PersonRecord }
  | { kind: 'left'; person: PersonRecord }
  | { kind: 'ambiguous'; candidates: PersonRecord[] }
  | { kind: 'unknown' };

/** "Approved by": a Headteacher or SLT member; "Head" or "Headteacher" means the one Headteacher. */
export function matchApprover(text: string, people: readonly PersonRecord[]): ApproverMatch {
  if (/^(the )?(head|head ?teacher|head of school|ht|principal)$/i.test(text.trim())) {
    const heads = people.filter((p) => p.roles.includes('headteacher') && p.status !== 'left');
    if (heads.length === 1) return { kind: 'approver', person: heads[0]! };
    return heads.length > 1 ? { kind: 'ambiguous', candidates: heads } : { kind: 'unknown' };
  }
  const match = matchPerson(text, people);
  let person: PersonRecord;
  if (match.kind === 'ambiguous') {
    // Of several people it could be, the one Headteacher or SLT member (still at the school, if that decides it).
    const leaders = match.candidates.filter(approverRole);
    const current = leaders.filter((p) => p.status !== 'left');
    const one = leaders.length === 1 ? leaders[0] : current.length === 1 ? current[0] : undefined;
    if (!one) return { kind: 'ambiguous', candidates: leaders.length > 1 ? leaders : match.candidates };
    person = one;
  } else if (match.kind === 'matched') person = match.person;
  else return { kind: 'unknown' };
  if (!approverRole(person)) return { kind: 'not-approver', person };
  if (person.status === 'left') return { kind: 'left', person };
  return { kind: 'approver', person };
}
