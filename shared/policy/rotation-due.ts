import { academicYearOf, defaultTerms, type Term } from './term-calendar';
import { addDays, type IsoDate } from '../time';

/**
 * When each account's password is next due for a change. "The school will
 * change the password on a termly basis" (sutton-manor, wentworth), and at
 * once after a security threat or when a holder leaves (north-herts 4).
 */
export type RotationPolicy =
  { kind: 'termly' } | { kind: 'half-termly' } | { kind: 'days'; days: number } | { kind: 'manual' };

export type RotationState = 'ok' | 'due-soon' | 'due' | 'overdue' | 'required' | 'manual';

export interface DueInput {
  policy: RotationPolicy;
  /** Europe/London date of the last confirmed change, or null if none is stored. */
  lastRotatedOn: IsoDate | null;
  createdOn: IsoDate;
  required: { reason: string; since: IsoDate } | null;
  today: IsoDate;
  /** The school's terms; years not covered fall back to the defaults. */
  terms: Term[];
  graceDays: number;
  dueSoonDays: number;
}

export interface DueResult {
  state: RotationState;
  /** First day the change is expected (start of the next term, for termly). */
  dueFrom: IsoDate | null;
  /** Last day before it is overdue. */
  dueBy: IsoDate | null;
  reason: string;
}

interface Segment {
  readonly start: IsoDate;
  readonly end: IsoDate;
}

/** Terms (or half terms) in date order, covering the years around `around`. */
export function segments(terms: Term[], half: boolean, around: IsoDate[]): readonly Segment[] {
  const memo = memoFor(terms);
  // Most accounts ask about two dates in the same few years: a key of their years (a number for two dates,
  // as every account asks: no string made) finds the list without sorting.
  const quick =
    around.length === 2
      ? (half ? -1 : 1) * (academicYearOf(around[0]!) * 10_000 + academicYearOf(around[1]!))
      : `${half ? 'h' : 't'}:${around.map(academicYearOf).join(':')}`;
  let list = memo.get(quick);
  if (list) return list;
  const years = new Set<number>();
  for (const date of around) {
    const y = academicYearOf(date);
    years
      .add(y - 1)
      .add(y)
      .add(y + 1);
  }
  const sorted = [...years].sort((a, b) => a - b);
  const key = `${half ? 'h' : 't'}${sorted.join(',')}`;
  list = memo.get(key);
  if (!list) {
    if (memo.size > 500) memo.clear();
    list = buildSegments(terms, half, sorted);
    memo.set(key, list);
  }
  memo.set(quick, list);
  return list;
}

/**
 * Segments depend only on the calendar, the kind and the years, so they are
 * worked out once per calendar (found by the array first, then by its
 * content, so a calendar read afresh with the same dates reuses them) rather
 * than once per account. Callers only read the lists they are given.
 */
const memoByArray = new WeakMap<Term[], Map<string | number, Segment[]>>();
const memoByContent = new Map<string, Map<string | number, Segment[]>>();

function memoFor(terms: Term[]): Map<string | number, Segment[]> {
  let memo = memoByArray.get(terms);
  if (!memo) {
    const content = JSON.stringify(terms);
    memo = memoByContent.get(content);
    if (!memo) {
      if (memoByContent.size > 20) memoByContent.clear();
      memoByContent.set(content, (memo = new Map()));
    }
    memoByArray.set(terms, memo);
  }
  return memo;
}

function buildSegments(terms: Term[], half: boolean, years: number[]): Segment[] {
  const all: Term[] = [];
  for (const year of years) {
    const own = terms.filter((t) => t.academicYear === year);
    all.push(...(own.length === 3 ? own : defaultTerms(year)));
  }
  all.sort((a, b) => a.startsOn.localeCompare(b.startsOn));
  return all.flatMap((t) =>
    half
      ? [
          { start: t.startsOn, end: addDays(t.halfTermStartsOn, -1) },
          { start: addDays(t.halfTermEndsOn, 1), end: t.endsOn },
        ]
      : [{ start: t.startsOn, end: t.endsOn }],
  );
}

/** The period a date counts for: the one containing it, or the next one if it is in a holiday. */
function periodIndex(list: readonly Segment[], date: IsoDate): number {
  const index = list.findIndex((s) => date <= s.end);
  return index === -1 ? list.length : index;
}

export function computeDue(input: DueInput): DueResult {
  const { policy, today } = input;
  if (input.required) {
    // A departure recorded ahead of time: the change is due on the leaving date, not before.
    if (input.required.since > today) {
      return classify(today, input.required.since, input.required.since, input.dueSoonDays, input.required.reason);
    }
    return {
      state: 'required',
      dueFrom: input.required.since,
      dueBy: input.required.since,
      reason: input.required.reason,
    };
  }
  if (policy.kind === 'manual')
    return { state: 'manual', dueFrom: null, dueBy: null, reason: 'Changed only when needed' };
  if (!input.lastRotatedOn) {
    return classify(today, input.createdOn, input.createdOn, input.dueSoonDays, 'No password is stored yet');
  }
  const last = input.lastRotatedOn;
  if (policy.kind === 'days') {
    const due = addDays(last, policy.days);
    return classify(today, due, due, input.dueSoonDays, `Every ${policy.days} days`);
  }
  const list = segments(input.terms, policy.kind === 'half-termly', [last, today]);
  const next = list[periodIndex(list, last) + 1];
  if (!next) return { state: 'ok', dueFrom: null, dueBy: null, reason: 'No later term in the calendar' };
  const dueBy = addDays(next.start, Math.max(0, input.graceDays - 1));
  return classify(today, next.start, dueBy, input.dueSoonDays, policy.kind === 'termly' ? 'Termly' : 'Every half term');
}

function classify(today: IsoDate, dueFrom: IsoDate, dueBy: IsoDate, dueSoonDays: number, reason: string): DueResult {
  let state: RotationState = 'ok';
  if (today > dueBy) state = 'overdue';
  else if (today >= dueFrom) state = 'due';
  else if (today >= addDays(dueFrom, -dueSoonDays)) state = 'due-soon';
  return { state, dueFrom, dueBy, reason };
}

/** Most urgent first: for sorting the Rotations page. */
export const stateRank: Record<RotationState, number> = {
  required: 0,
  overdue: 1,
  due: 2,
  'due-soon': 3,
  ok: 4,
  manual: 5,
};
