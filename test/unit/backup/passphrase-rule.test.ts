import { describe, expect, it } from 'vitest';
import { checkPassphrase, schoolWords, type SchoolFacts } from '../../../shared/policy/backup-passphrase';

const oakfield: SchoolFacts = {
  schoolName: 'Oakfield Primary School',
  schoolTown: 'Hitchin',
  schoolEmailDomain: 'oakfield.herts.sch.uk',
};

describe('the backup passphrase rule', () => {
  it('takes the distinctive words of the name, town and domain, not the words every school shares', () => {
    expect(schoolWords(oakfield)).toEqual(['oakfield', 'hitchin', 'herts']);
    expect(
      schoolWords({ schoolName: "St Mary's C of E Primary Academy", schoolTown: '', schoolEmailDomain: '' }),
    ).toEqual(['mary']);
  });

  it.each([
    ['Oakfield2026!', /Leave out Oakfield/],
    ['Oakfield-Owls-Forever-2026!', /Leave out years such as 2026/],
    ['Hitchin#Rainbow#Kettle#77', /Leave out Hitchin/],
    ['OAKFIELD-river-lantern-91!', /Leave out Oakfield/],
  ])('refuses %s and never rates it strong', (passphrase, reason) => {
    const check = checkPassphrase(passphrase, oakfield);
    expect(check.ok).toBe(false);
    expect(check.score).toBeLessThanOrEqual(1);
    expect(check.reasons.some((r) => reason.test(r))).toBe(true);
  });

  it('accepts a long unpredictable passphrase with none of the school in it', () => {
    const check = checkPassphrase('Kestrel!Harbour-5521-Violet', oakfield);
    expect(check).toMatchObject({ ok: true, reasons: [] });
    expect(check.score).toBeGreaterThanOrEqual(3);
  });

  it('still asks for the length and the kinds of character', () => {
    const check = checkPassphrase('kettle', { schoolName: '', schoolTown: '', schoolEmailDomain: '' });
    expect(check.ok).toBe(false);
    expect(check.reasons).toContain('Use at least 14 characters (this has 6).');
  });
});
