import { describe, expect, it } from 'vitest';
import { inferSchoolDomain, isConsumerDomain, isPersonalEmail } from '../../../shared/policy/personal-email';
import { useRegister } from './harness';

/**
 * DOMAIN.md rule 6 as issue 12 sharpens it: a consumer mail service is
 * personal; an address at the school's own domain (set, or inferred from the
 * register) is never personal because of its mailbox name; elsewhere a
 * first.last mailbox is a person's.
 */
const generic = ['office', 'admin', 'socialmedia'];

describe('isPersonalEmail', () => {
  it.each([
    ['pe@school.example.sch.uk', false],
    ['jo.bloggs@school.example.sch.uk', false],
    ['y6trip@school.example.sch.uk', false],
    ['office@juniors.school.example.sch.uk', false],
    ['office@gmail.com', true],
    ['stmaryspe@hotmail.co.uk', true],
    ['head@yahoo.fr', true],
    ['pe.dept@btinternet.com', true],
    ['jo@icloud.com', true],
    ['jo.bloggs@academytrust.org.uk', true],
    ['a.carter@academytrust.org.uk', true],
    ['social.media@academytrust.org.uk', false],
    ['office@academytrust.org.uk', false],
    ['pe@academytrust.org.uk', false],
    ['', false],
  ])('with the school domain set: %s is personal: %s', (email, personal) => {
    expect(isPersonalEmail(email, { schoolDomain: 'school.example.sch.uk', genericMailboxNames: generic })).toBe(
      personal,
    );
  });

  it("counts a member of staff's own work address as personal, even at the school's domain", () => {
    const ctx = {
      schoolDomain: 'school.example.sch.uk',
      genericMailboxNames: generic,
      staffEmails: new Set(['a.carter@school.example.sch.uk']),
    };
    expect(isPersonalEmail('A.Carter@school.example.sch.uk', ctx)).toBe(true);
    expect(isPersonalEmail('pe@school.example.sch.uk', ctx)).toBe(false);
  });

  it('knows the consumer services by their country domains too', () => {
    expect(['hotmail.co.uk', 'outlook.ie', 'live.co.uk', 'aol.co.uk', 'googlemail.com'].map(isConsumerDomain)).toEqual([
      true,
      true,
      true,
      true,
      true,
    ]);
    expect(isConsumerDomain('stmarys.sch.uk')).toBe(false);
  });
});

describe('inferSchoolDomain', () => {
  it('takes the most common domain that is not a consumer service', () => {
    expect(
      inferSchoolDomain([
        'office@stmarys.sch.uk',
        'pe@stmarys.sch.uk',
        'jo@gmail.com',
        'jo2@gmail.com',
        'jo3@gmail.com',
        'trust@academytrust.org.uk',
      ]),
    ).toBe('stmarys.sch.uk');
    expect(inferSchoolDomain(['jo@gmail.com'])).toBe('');
  });
});

describe('the register with no school domain set', () => {
  const open = useRegister();
  it('infers it from the login emails and staff addresses, so pe@ is not personal', async () => {
    const s = await open();
    await s.call('settings.update', { schoolEmailDomain: '' });
    await s.person('Anna Carter', { workEmail: 'a.carter@stmarys.sch.uk' });
    for (const [handle, loginEmail] of [
      ['@one', 'office@stmarys.sch.uk'],
      ['@pe', 'pe@stmarys.sch.uk'],
      ['@mine', 'jo.bloggs@gmail.com'],
      ['@anna', 'a.carter@stmarys.sch.uk'],
    ] as const)
      await s.account(handle, { loginEmail });
    const { breaches } = await s.call('compliance.list', {});
    expect(
      breaches
        .filter((b) => b.code === 'personal-login-email')
        .map((b) => b.accountLabel)
        .sort(),
    ).toEqual(['@anna', '@mine']);
  });
});
