import type { HolderMatch, ImportPersonChoice, ImportRowChoice, ImportTarget } from '../../shared/contract';
import type { ReadyHolder } from './commit-rows';
import { cleanName, matchApprover, matchPerson, nameKey, splitNames, type PersonRecord } from './import-people';
import { readUkDate } from './import-values';

/**
 * The people columns of one row: who knows the password (matched to People,
 * new, or left out by the administrator, within the school's limit or with a
 * written reason) and who approved the account. Whatever is not recorded is
 * said on the row and kept in the account's notes, so nothing from the sheet
 * is lost.
 */
export interface PeopleContext {
  people: readonly PersonRecord[];
  maxHolders: number;
  today: string;
  /** The administrator's answers, by nameKey(). */
  personChoices: ReadonlyMap<string, ImportPersonChoice>;
  /** This row's choices (keep holders, override), if any. */
  choice?: ImportRowChoice;
}

type Issues = { errors: string[]; warnings: string[] };

export type NameResolution =
  | { status: 'matched'; person: PersonRecord }
  | { status: 'ambiguous'; candidates: PersonRecord[] }
  | { status: 'new' }
  | { status: 'skipped' };

export function resolveName(name: string, ctx: Pick<PeopleContext, 'people' | 'personChoices'>): NameResolution {
  const choice = ctx.personChoices.get(nameKey(name));
  if (choice?.personId) {
    const person = ctx.people.find((p) => p.id === choice.personId);
    if (person) return { status: 'matched', person };
  }
  const auto = matchPerson(name, ctx.people);
  if (choice)
    return choice.create
      ? auto.kind === 'matched'
        ? { status: 'matched', person: auto.person }
        : { status: 'new' }
      : { status: 'skipped' };
  if (auto.kind === 'matched') return { status: 'matched', person: auto.person };
  if (auto.kind === 'ambiguous') return { status: 'ambiguous', candidates: auto.candidates };
  return { status: 'new' };
}

const list = (names: string[]) =>
  names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;

export function readHolders(
  cell: string,
  ctx: PeopleContext,
  issues: Issues,
  notes: string[],
): { shown: HolderMatch[]; ready: ReadyHolder[] } {
  const names = splitNames(cell);
  const shown: HolderMatch[] = [];
  const recordable: { name: string; ready: ReadyHolder }[] = [];
  const notRecorded: string[] = [];
  for (const name of names) {
    const found = resolveName(name, ctx);
    if (found.status === 'ambiguous') {
      issues.errors.push(
        `Who is "${name}"? ${list(found.candidates.map((p) => p.name))} could each be meant: choose under "People named in the sheet".`,
      );
      shown.push({ name, status: 'ambiguous', personId: null, personName: null, kept: false });
    } else if (found.status === 'skipped') {
      notRecorded.push(name);
      shown.push({ name, status: 'skipped', personId: null, personName: null, kept: false });
    } else {
      const person = found.status === 'matched' ? found.person : null;
      if (person?.status === 'left')
        issues.warnings.push(
          `${person.name} has left the school but is named as knowing the password: recorded, and shown as a breach until they are removed and the password changed.`,
        );
      shown.push({
        name,
        status: found.status,
        personId: person?.id ?? null,
        personName: person?.name ?? cleanName(name),
        kept: true,
      });
      recordable.push({
        name,
        ready: {
          personId: person?.id ?? null,
          newName: person ? null : cleanName(name),
          key: nameKey(name),
          overrideReason: '',
        },
      });
    }
  }
  if (notRecorded.length > 0)
    issues.warnings.push(
      `${list(notRecorded)} ${notRecorded.length === 1 ? 'is' : 'are'} not added to People, so not recorded as knowing the password; the name${notRecorded.length === 1 ? ' is' : 's are'} kept in the account's notes.`,
    );
  const ready = applyLimit(recordable, shown, ctx, issues, notRecorded);
  if (notRecorded.length > 0)
    notes.push(`Named in the spreadsheet as knowing the password, not recorded: ${notRecorded.join(', ')}`);
  return { shown, ready };
}

/** More holders than the school allows: record the ones the administrator keeps, or all with a reason. */
function applyLimit(
  recordable: { name: string; ready: ReadyHolder }[],
  shown: HolderMatch[],
  ctx: PeopleContext,
  issues: Issues,
  notRecorded: string[],
): ReadyHolder[] {
  const keep = ctx.choice?.keepHolders ?? null;
  const kept = keep === null ? recordable : recordable.filter((h) => keep.includes(h.name));
  const dropped = recordable.filter((h) => !kept.includes(h));
  for (const h of dropped) {
    const entry = shown.find((s) => s.name === h.name);
    if (entry) entry.kept = false;
  }
  if (dropped.length > 0) {
    issues.warnings.push(
      `Not recorded as holders, as you chose: ${list(dropped.map((h) => h.name))}. They still know the current password, which is marked to be changed.`,
    );
    notRecorded.push(...dropped.map((h) => h.name));
  }
  const override = ctx.choice?.holdersOverride ?? '';
  if (kept.length > ctx.maxHolders) {
    if (override)
      issues.warnings.push(
        `All ${kept.length} are recorded as holders, over the limit of ${ctx.maxHolders}, for the reason given.`,
      );
    else
      issues.warnings.push(
        `${kept.length} people know this password; the school allows ${ctx.maxHolders}. Choose whom to record, or give a reason to record them all. As it is, they are all recorded and it shows as a breach.`,
      );
  }
  return kept.map((h, i) => ({ ...h.ready, overrideReason: i >= ctx.maxHolders ? override : '' }));
}

export interface ReadyApproval {
  personId: number;
  name: string;
  on: string;
}

export function readApproval(
  text: string,
  approvedOnCell: string,
  ctx: PeopleContext,
  issues: Issues,
  notes: string[],
  where: (target: ImportTarget) => string,
): ReadyApproval | null {
  const date = readUkDate(approvedOnCell, ctx.today);
  if (!date.ok) issues.errors.push(`${where('approvedOn')}: ${date.error}`);
  if (text === '') {
    if (date.ok && date.value)
      issues.warnings.push('There is an approval date but no one named as approving, so the date is not used.');
    return null;
  }
  const match = matchApprover(text, ctx.people);
  const keep = (why: string) => {
    issues.warnings.push(`The approval is not recorded: ${why} "Approved by: ${text}" is kept in the account's notes.`);
    notes.push(`Approved by (from the spreadsheet): ${text}`);
    return null;
  };
  if (match.kind === 'unknown') return keep(`"${text}" is not the Headteacher or a member of SLT in People.`);
  if (match.kind === 'ambiguous')
    return keep(`"${text}" could be ${list(match.candidates.map((p) => p.name))}; record the approval on the account.`);
  if (match.kind === 'not-approver')
    return keep(`${match.person.name} is not the Headteacher or on the SLT in People.`);
  if (match.kind === 'left')
    issues.warnings.push(`${match.person.name} has left the school; the approval is recorded as given by them.`);
  let on = date.ok ? date.value : '';
  if (!on) {
    on = ctx.today;
    issues.warnings.push(
      `No approval date in the spreadsheet: the approval by ${match.person.name} is recorded with today's date.`,
    );
  }
  return { personId: match.person.id, name: match.person.name, on };
}
