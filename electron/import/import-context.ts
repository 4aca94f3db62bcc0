import type { PersonRole } from '../../shared/contract';
import { checkPassword } from '../../shared/policy/password-policy';
import { inferSchoolDomain } from '../../shared/policy/personal-email';
import type { Db } from '../db/open';
import { complianceSettings } from '../accounts/register-query';
import { readSettings } from '../settings/settings-store';
import type { PersonRecord } from './import-people';
import type { ExistingAccount, ValidationInput } from './import-rows';
import { londonDateOf } from '../../shared/time';

/**
 * What the row checks need to know about the register as it is now: the
 * school's own rules and domain, the staff directory, and the accounts
 * already there. Read afresh for every preview and again for the commit.
 */
export interface RegisterView {
  context: ValidationInput['context'];
  existing: Map<string, ExistingAccount>;
}

export function registerView(db: Db, now: Date, sheetEmails: string[], weakCache: Map<string, string>): RegisterView {
  const settings = readSettings(db);
  const rules = complianceSettings(db, settings);
  const people = (
    db.prepare('SELECT id, name, status, roles FROM people ORDER BY id').all() as {
      id: number;
      name: string;
      status: PersonRecord['status'];
      roles: string;
    }[]
  ).map((p) => ({ ...p, roles: JSON.parse(p.roles) as PersonRole[] }));
  const accounts = db
    .prepare(
      "SELECT a.id, a.platform, a.handle, a.login_email, EXISTS (SELECT 1 FROM rotations r WHERE r.account_id = a.id AND r.status = 'pending') AS pending FROM accounts a",
    )
    .all() as { id: number; platform: string; handle: string; login_email: string; pending: number }[];
  const existing = new Map(
    accounts.map((a) => [`${a.platform}:${a.handle.toLowerCase()}`, { id: a.id, pending: a.pending === 1 }]),
  );
  // The sheet's own addresses count too: a new school's first import is most of what Keyholder knows.
  const schoolDomain =
    settings.schoolEmailDomain ||
    inferSchoolDomain([
      ...accounts.map((a) => a.login_email).filter(Boolean),
      ...(rules.staffEmails ?? []),
      ...sheetEmails,
    ]);
  const weakness = (password: string, words: string[]) => {
    const key = `${password}\u0000${words.join('\u0000')}`;
    let found = weakCache.get(key);
    if (found === undefined) {
      const check = checkPassword({
        password,
        minLength: settings.minTypedPasswordLength,
        forbiddenWords: [settings.schoolName, ...words].filter(Boolean),
      });
      found = check.reasons.join(' ');
      weakCache.set(key, found);
    }
    return found;
  };
  return {
    existing,
    context: {
      today: londonDateOf(now),
      schoolDomain,
      genericMailboxNames: settings.genericMailboxNames,
      staffEmails: rules.staffEmails ?? new Set(),
      people,
      maxHolders: settings.maxHolders,
      weakness,
    },
  };
}
