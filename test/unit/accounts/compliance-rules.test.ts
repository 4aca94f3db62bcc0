import { describe, expect, it } from 'vitest';
import { breachCodes, type BreachCode } from '../../../shared/contract';
import { isPersonalEmail } from '../../../shared/policy/personal-email';
import {
  accountBreaches,
  type ComplianceAccount,
  type ComplianceHolder,
  type ComplianceSettings,
} from '../../../shared/policy/compliance';

/**
 * The pure rules in shared/policy/compliance.ts over hand-built inputs: a
 * clean live account produces nothing, and each single fault produces
 * exactly its own code with the right severity and a link to the account.
 */
const settings: ComplianceSettings = {
  maxHolders: 3,
  minRunners: 2,
  schoolEmailDomain: 'school.sch.uk',
  genericMailboxNames: ['office', 'socialmedia'],
};

function holder(name: string, extra: Partial<ComplianceHolder> = {}): ComplianceHolder {
  return {
    name,
    status: 'active',
    leavingOn: null,
    policyAcknowledgedOn: '2024-09-02',
    trainingCompletedOn: '2024-09-03',
    overrideReason: '',
    authorised: true,
    ...extra,
  };
}

function clean(extra: Partial<ComplianceAccount> = {}): ComplianceAccount {
  return {
    id: 17,
    label: '@StMarys',
    status: 'active',
    approvedOn: '2025-01-06',
    businessCase: { aim: 'News', audience: 'Parents', promotion: 'Newsletter', visibility: 'open', runnerCount: 2 },
    lead: { name: 'Lena Lead', status: 'active' },
    holders: [holder('Ash One'), holder('Bo Two')],
    loginEmail: 'office@school.sch.uk',
    hasPassword: true,
    passwordWeakness: '',
    rotationRequired: null,
    ...extra,
  };
}

const codes = (account: ComplianceAccount, s = settings) => accountBreaches(account, s).map((b) => b.code);
const only = (account: ComplianceAccount, s = settings) => {
  const found = accountBreaches(account, s);
  expect(found).toHaveLength(1);
  return found[0]!;
};

describe('accountBreaches: the baseline', () => {
  it.each(['approved', 'active', 'suspended'] as const)('finds nothing wrong with a clean %s account', (status) => {
    expect(accountBreaches(clean({ status }), settings)).toEqual([]);
  });

  // Issue 12: a proposed account (every imported one arrives so) is still
  // checked for its password, its login email, its approval and its holders.
  it('checks a proposed account for what it lacks, but not for a lead', () => {
    const proposed = clean({
      status: 'proposed',
      approvedOn: null,
      lead: null,
      holders: [],
      hasPassword: false,
      loginEmail: 'jo.bloggs@gmail.com',
    });
    expect(accountBreaches(proposed, settings).map((b) => [b.code, b.severity])).toEqual([
      ['not-approved', 'warning'],
      ['too-few-holders', 'warning'],
      ['personal-login-email', 'breach'],
      ['password-not-set', 'breach'],
    ]);
    expect(accountBreaches(clean({ status: 'proposed', approvedOn: null }), settings).map((b) => b.code)).toEqual([
      'not-approved',
    ]);
  });
});

describe('accountBreaches: one rule at a time', () => {
  const cases: [BreachCode, Partial<ComplianceAccount>, 'breach' | 'warning', RegExp][] = [
    ['active-not-approved', { approvedOn: null }, 'breach', /has not approved it/],
    ['not-approved', { status: 'proposed', approvedOn: null }, 'warning', /has not approved this account yet/],
    [
      'business-case-incomplete',
      { businessCase: { ...clean().businessCase, promotion: '' } },
      'breach',
      /does not say how it will be promoted\./,
    ],
    ['too-few-holders', { holders: [holder('Ash One')] }, 'breach', /Only 1 named person knows the password/],
    [
      'too-many-holders',
      { holders: ['A', 'B', 'C', 'D'].map((n) => holder(n)) },
      'breach',
      /4 people know the password; the policy allows 3/,
    ],
    ['no-lead', { lead: null }, 'breach', /No lead/],
    ['lead-not-eligible', { lead: { name: 'Lena Lead', status: 'left' } }, 'breach', /Lena Lead, has left/],
    [
      'holder-left',
      { holders: [holder('Ash One'), holder('Bo Two', { status: 'left' })] },
      'breach',
      /Bo Two has left but still knows the password/,
    ],
    [
      'holder-leaving',
      { holders: [holder('Ash One'), holder('Bo Two', { status: 'leaving', leavingOn: '2025-07-18' })] },
      'warning',
      /Bo Two is leaving on 18\/07\/2025\./,
    ],
    [
      'holder-not-acknowledged',
      { holders: [holder('Ash One', { policyAcknowledgedOn: null }), holder('Bo Two')] },
      'warning',
      /Ash One has not signed/,
    ],
    [
      'holder-not-trained',
      { holders: [holder('Ash One'), holder('Bo Two', { trainingCompletedOn: null })] },
      'warning',
      /Bo Two has no training recorded/,
    ],
    [
      'runner-not-acknowledged',
      {
        runners: [
          { name: 'Vic Volunteer', status: 'active', policyAcknowledgedOn: null, trainingCompletedOn: '2025-01-01' },
        ],
      },
      'warning',
      /Vic Volunteer runs this account but has not signed/,
    ],
    [
      'runner-not-trained',
      {
        runners: [
          { name: 'Vic Volunteer', status: 'active', policyAcknowledgedOn: '2025-01-01', trainingCompletedOn: null },
        ],
      },
      'warning',
      /Vic Volunteer runs this account but has no training recorded/,
    ],
    [
      'holder-not-authorised',
      { holders: [holder('Ash One'), holder('Bo Two', { authorised: false })] },
      'breach',
      /No authorisation .* for Bo Two/,
    ],
    ['personal-login-email', { loginEmail: 'jo.bloggs@gmail.com' }, 'breach', /jo\.bloggs@gmail\.com/],
    ['password-not-set', { hasPassword: false }, 'breach', /No password is stored/],
    [
      'weak-password',
      { passwordWeakness: 'Use at least 12 characters (this has 9).' },
      'breach',
      /does not meet the school's policy: Use at least 12/,
    ],
    [
      'rotation-required',
      { rotationRequired: 'Bo Two no longer holds the password (left)' },
      'breach',
      /must be changed: Bo Two no longer holds the password \(left\)\./,
    ],
  ];

  it('has a case for every breach code', () => {
    expect(cases.map(([code]) => code).sort()).toEqual([...breachCodes].sort());
  });

  it.each(cases)(
    '%s: produced by its fault alone, with its severity, message and fix link',
    (code, fault, severity, message) => {
      expect(codes(clean())).not.toContain(code);
      const breach = only(clean(fault));
      expect(breach).toMatchObject({ accountId: 17, accountLabel: '@StMarys', code, severity });
      expect(breach.message).toMatch(message);
      expect(breach.fix.href).toBe('#/accounts/17');
      expect(breach.fix.label).not.toBe('');
    },
  );

  it.each(['closed', 'transferred'] as const)('%s: produces nothing even with every fault at once', (status) => {
    const everything = clean({
      status,
      approvedOn: null,
      businessCase: { aim: '', audience: '', promotion: '', visibility: '', runnerCount: 0 },
      lead: { name: 'Lena Lead', status: 'left' },
      holders: ['A', 'B', 'C', 'D'].map((n) => holder(n, { status: 'left', policyAcknowledgedOn: null })),
      loginEmail: 'jo@gmail.com',
      hasPassword: false,
      rotationRequired: 'a threat',
    });
    expect(accountBreaches(everything, settings)).toEqual([]);
    // The same account, live, is full of breaches: closing is what silenced them.
    expect(accountBreaches({ ...everything, status: 'active' }, settings).length).toBeGreaterThan(5);
  });

  it('gives every breach of a badly broken account the same fix link', () => {
    const broken = clean({ id: 4021, lead: null, hasPassword: false, holders: [holder('A', { status: 'left' })] });
    const found = accountBreaches(broken, settings);
    expect(found.map((b) => b.code)).toEqual(['too-few-holders', 'no-lead', 'holder-left', 'password-not-set']);
    expect(new Set(found.map((b) => b.fix.href))).toEqual(new Set(['#/accounts/4021']));
  });
});

describe('accountBreaches: severity and thresholds', () => {
  it('makes an incomplete business case a warning while proposed and a breach once live', () => {
    const gaps = { aim: '', audience: 'Parents', promotion: '', visibility: '', runnerCount: 1 };
    const proposed = only(clean({ status: 'proposed', businessCase: gaps }));
    expect(proposed).toMatchObject({ code: 'business-case-incomplete', severity: 'warning' });
    expect(proposed.message).toBe(
      'The business case does not say the aim, how it will be promoted, whether it is open or private, at least 2 named people to run it.',
    );
    for (const status of ['approved', 'active', 'suspended'] as const) {
      expect(only(clean({ status, businessCase: gaps }))).toMatchObject({ severity: 'breach' });
    }
  });

  it('counts runners against settings.minRunners', () => {
    const three = { ...settings, minRunners: 3 };
    const bc = { ...clean().businessCase, runnerCount: 3 };
    expect(codes(clean({ businessCase: bc, holders: ['A', 'B', 'C'].map((n) => holder(n)) }), three)).toEqual([]);
    expect(
      codes(clean({ businessCase: { ...bc, runnerCount: 2 }, holders: ['A', 'B', 'C'].map((n) => holder(n)) }), three),
    ).toEqual(['business-case-incomplete']);
  });

  it('makes a missing approval a breach once active and a warning while proposed', () => {
    expect(codes(clean({ status: 'active', approvedOn: null }))).toEqual(['active-not-approved']);
    expect(only(clean({ status: 'proposed', approvedOn: null }))).toMatchObject({
      code: 'not-approved',
      severity: 'warning',
    });
  });

  it('allows exactly the holder limits: 2 to 3 by default, 0 is too few', () => {
    expect(codes(clean({ holders: [] }))).toEqual(['too-few-holders']);
    expect(only(clean({ holders: [] })).message).toContain('Only 0 named people know');
    expect(codes(clean({ holders: ['A', 'B', 'C'].map((n) => holder(n)) }))).toEqual([]);
    expect(codes(clean({ holders: ['A', 'B', 'C'].map((n) => holder(n)) }), { ...settings, maxHolders: 2 })).toEqual([
      'too-many-holders',
    ]);
  });

  it('makes too-many-holders a warning when every holder past the limit was overridden, and a breach otherwise', () => {
    const overridden = [holder('A'), holder('B'), holder('C'), holder('D', { overrideReason: 'Tournament cover' })];
    expect(only(clean({ holders: overridden }))).toMatchObject({ code: 'too-many-holders', severity: 'warning' });
    // An override on an earlier holder does not cover the one past the limit.
    const wrongOne = [holder('A', { overrideReason: 'x' }), holder('B'), holder('C'), holder('D')];
    expect(only(clean({ holders: wrongOne }))).toMatchObject({ severity: 'breach' });
    // Lowering the limit puts C past it too, and C was never overridden.
    expect(only(clean({ holders: overridden }), { ...settings, maxHolders: 2 })).toMatchObject({ severity: 'breach' });
    const both = [holder('A'), holder('B'), holder('C', { overrideReason: 'x' }), holder('D', { overrideReason: 'y' })];
    expect(only(clean({ holders: both }), { ...settings, maxHolders: 2 })).toMatchObject({ severity: 'warning' });
  });

  it('does not flag a lead who is leaving, only one who has left', () => {
    expect(codes(clean({ lead: { name: 'Lena Lead', status: 'leaving' } }))).toEqual([]);
  });

  it('reports each holder’s problems separately, naming each', () => {
    const found = accountBreaches(
      clean({
        holders: [
          holder('Ash One', { status: 'left', trainingCompletedOn: null }),
          holder('Bo Two', { status: 'leaving', policyAcknowledgedOn: null }),
        ],
      }),
      settings,
    );
    expect(found.map((b) => [b.code, b.message.split(' ').slice(0, 2).join(' ')])).toEqual([
      ['holder-left', 'Ash One'],
      ['holder-not-trained', 'Ash One'],
      ['holder-leaving', 'Bo Two'],
      ['holder-not-acknowledged', 'Bo Two'],
    ]);
    expect(found.find((b) => b.code === 'holder-leaving')?.message).toBe('Bo Two is leaving.');
  });

  it('checks each runner once: not a holder again, not the lead named twice, never one who has left', () => {
    const untrained = { status: 'active' as const, policyAcknowledgedOn: '2025-01-01', trainingCompletedOn: null };
    const found = accountBreaches(
      clean({
        runners: [
          { ...untrained, name: 'Lena Lead' },
          { ...untrained, name: 'Ash One' }, // a holder: checked as a holder (and trained there)
          { ...untrained, name: 'Lena Lead' }, // the lead named again as a runner
          { ...untrained, name: 'Cy Gone', status: 'left' },
          { ...untrained, name: 'Cy Gone' }, // the same name, not left: a different person, checked
        ],
      }),
      settings,
    );
    expect(found.map((b) => b.message)).toEqual([
      'Lena Lead runs this account but has no training recorded.',
      'Cy Gone runs this account but has no training recorded.',
    ]);
  });
});

// Issue 12 changed these: an address at the school's own domain is never
// personal because of its mailbox name, a consumer mail service always is,
// and a generic mailbox at another domain (a trust's) is not.
describe('isPersonalEmail', () => {
  const ctx = { schoolDomain: settings.schoolEmailDomain, genericMailboxNames: settings.genericMailboxNames };
  it.each([
    ['jo.bloggs@school.sch.uk', false],
    ['pe@school.sch.uk', false],
    ['office@school.sch.uk', false],
    ['Office@School.SCH.UK', false],
    ['socialmedia@school.sch.uk', false],
    ['office@gmail.com', true],
    ['office@notschool.sch.uk', false],
    ['jo.bloggs@notschool.sch.uk', true],
    ['office@media.school.sch.uk', false],
    ['', false],
  ])('with the school domain set: %s is personal: %s', (email, personal) => {
    expect(isPersonalEmail(email, ctx)).toBe(personal);
    expect(codes(clean({ loginEmail: email })).includes('personal-login-email')).toBe(personal);
  });

  it('without a school domain, judges by the mail service and the shape of the mailbox', () => {
    const noDomain = { ...ctx, schoolDomain: '' };
    expect(isPersonalEmail('office@gmail.com', noDomain)).toBe(true);
    expect(isPersonalEmail('jo.bloggs@gmail.com', noDomain)).toBe(true);
    expect(isPersonalEmail('office@stmarys.sch.uk', noDomain)).toBe(false);
    expect(isPersonalEmail('jo.bloggs@stmarys.sch.uk', noDomain)).toBe(true);
  });
});
