import { describe, expect, it } from 'vitest';
import {
  matchApprover,
  matchPerson,
  nameKey,
  splitNames,
  type PersonRecord,
} from '../../../electron/import/import-people';

/**
 * The "who knows it" and "approved by" columns: names split as people type
 * them and matched to the staff directory ignoring case, accents, titles and
 * initials; an initial that fits two people is asked, never guessed.
 */
const person = (
  id: number,
  name: string,
  roles: PersonRecord['roles'] = ['staff'],
  status: PersonRecord['status'] = 'active',
) => ({
  id,
  name,
  roles,
  status,
});
const people: PersonRecord[] = [
  person(1, 'Anna Carter'),
  person(2, 'Zoë Ng'),
  person(3, 'Dev Patel'),
  person(4, 'Deepa Patel'),
  person(5, 'Helen Head', ['headteacher']),
  person(6, 'Mark Owen', ['slt']),
  person(7, 'Sam Smith'),
  person(8, "Siobhán O'Brien-Kelly"),
  person(9, 'Old Head', ['headteacher'], 'left'),
];

describe('splitNames', () => {
  it.each([
    ['Anna Carter; Ben Singh', ['Anna Carter', 'Ben Singh']],
    ['Anna Carter, Ben Singh', ['Anna Carter', 'Ben Singh']],
    ['Anna Carter and Ben Singh', ['Anna Carter', 'Ben Singh']],
    ['Anna Carter & Ben Singh', ['Anna Carter', 'Ben Singh']],
    ['Carter/Singh', ['Carter', 'Singh']],
    ['Anna Carter\nBen Singh\r\nZoe Ng', ['Anna Carter', 'Ben Singh', 'Zoe Ng']],
    ['"Carter, Anna"; Ben Singh', ['Carter, Anna', 'Ben Singh']],
    ['Anna Carter, , Anna  Carter', ['Anna Carter']],
    ['Alexander Anderson', ['Alexander Anderson']],
    ['  ', []],
  ])('%j is %j', (cell, names) => {
    expect(splitNames(cell)).toEqual(names);
  });
});

describe('matchPerson', () => {
  const match = (name: string) => {
    const found = matchPerson(name, people);
    if (found.kind === 'matched') return found.person.name;
    if (found.kind === 'ambiguous') return found.candidates.map((p) => p.name);
    return null;
  };

  it('ignores case, accents, spacing, punctuation and titles', () => {
    expect(match('anna  CARTER')).toBe('Anna Carter');
    expect(match('Zoe Ng')).toBe('Zoë Ng');
    expect(match('Mrs Siobhan OBrien-Kelly')).toBe("Siobhán O'Brien-Kelly");
    expect(nameKey('Dr. Zoë  Ng (PE)')).toBe('zoe ng');
  });

  it('takes an initial or a surname when only one person fits, and asks when several do', () => {
    expect(match('A. Carter')).toBe('Anna Carter');
    expect(match('Ms Carter')).toBe('Anna Carter');
    expect(match('D Patel')).toEqual(['Dev Patel', 'Deepa Patel']);
    expect(match('Mr Patel')).toEqual(['Dev Patel', 'Deepa Patel']);
    expect(match('Dev Patel')).toBe('Dev Patel');
    expect(match('B. Carter')).toBeNull();
    expect(match('Ben Singh')).toBeNull();
  });
});

describe('matchApprover', () => {
  const kind = (text: string) => {
    const found = matchApprover(text, people);
    return 'person' in found ? [found.kind, found.person.name] : [found.kind];
  };

  it('accepts the Headteacher or SLT by name, title or "Headteacher"', () => {
    expect(kind('Headteacher')).toEqual(['approver', 'Helen Head']);
    expect(kind('the head')).toEqual(['approver', 'Helen Head']);
    expect(kind('Mrs Head')).toEqual(['approver', 'Helen Head']);
    expect(kind('M. Owen')).toEqual(['approver', 'Mark Owen']);
  });

  it('says who is not an approver, who has left, and who is unknown', () => {
    expect(kind('Mr Smith')).toEqual(['not-approver', 'Sam Smith']);
    expect(kind('O. Head')).toEqual(['left', 'Old Head']);
    expect(kind('Governors')).toEqual(['unknown']);
  });
});
