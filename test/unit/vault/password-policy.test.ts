import { describe, expect, it } from 'vitest';
import type { Core } from '../../../electron/core/create-core';
import { historyDepth } from '../../../electron/secrets/secrets';
import { checkPassword } from '../../../shared/policy/password-policy';
import { useTempDirs } from '../../support/temp-dir';
import { addAccount, administrator, call, refused, school, setUpVault, useCores } from './core-harness';

/**
 * The password rules (DOMAIN.md rule 4) on their own, and as secrets.set
 * applies them: length, classes, no handle or school name, strength, and
 * no reuse of the last ten passwords.
 */
const tempDir = useTempDirs('keyholder-policy-');
const openCore = useCores();

const good = 'Kestrel^Marble-4821-Dovetail';
const words = [
  'Acorn',
  'Bramble',
  'Cinder',
  'Dapple',
  'Ember',
  'Fennel',
  'Garnet',
  'Hazel',
  'Indigo',
  'Juniper',
  'Kelp',
  'Larch',
  'Mistle',
];
/** Thirteen distinct strong passwords: one set, then twelve changes. */
const series = words.map((word, index) => `Vole*${word}-${3170 + index * 11}-Tarn`);

function reasonsFor(password: string, forbiddenWords: string[] = [], minLength = 12): string[] {
  return checkPassword({ password, minLength, forbiddenWords }).reasons;
}

describe('checkPassword', () => {
  it('passes a strong password with every class', () => {
    expect(checkPassword({ password: good, minLength: 12, forbiddenWords: ['@stmaryspe', school] })).toMatchObject({
      ok: true,
      reasons: [],
    });
  });

  it('refuses a password shorter than the minimum and says how long it is', () => {
    const reasons = reasonsFor('Kx9!vQ2#', [], 12);
    expect(reasons).toContain('Use at least 12 characters (this has 8).');
  });

  it('names each missing class', () => {
    expect(reasonsFor('correcthorsebatterystaple')).toEqual(
      expect.arrayContaining(['Include at least one number.', expect.stringMatching(/special character/)]),
    );
    expect(reasonsFor('7731-9902-4418-6605')).toContain('Include at least one letter.');
    expect(reasonsFor('Kestrel-Marble-Dovetail')).toContain('Include at least one number.');
  });

  it('refuses the handle, however it is decorated', () => {
    const reasons = reasonsFor('stmaryspe!Blue77Horse', ['@StMarysPE']);
    expect(reasons).toContain('Do not include "@StMarysPE" in the password.');
    expect(reasonsFor('Blue77Horse!St.Marys_PE', ['@StMarysPE'])).toContain(
      'Do not include "@StMarysPE" in the password.',
    );
  });

  it('refuses the school name', () => {
    expect(reasonsFor('StMarysPrimarySchool#2024!', [school])).toContain(`Do not include "${school}" in the password.`);
  });

  it('refuses a common password as too easy to guess', () => {
    const result = checkPassword({ password: 'Password123!', minLength: 12, forbiddenWords: [] });
    expect(result.score).toBeLessThan(3);
    expect(result.ok).toBe(false);
    expect(result.reasons.join(' ')).toMatch(/too easy to guess/);
  });
});

async function vaultWithAccount() {
  const harness = openCore(tempDir());
  await setUpVault(harness.core);
  const account = await addAccount(harness.core, '@stmaryspe');
  return { ...harness, accountId: account.id };
}

function setPassword(core: Core, accountId: number, value: string, reason = 'Termly rotation') {
  return core.dispatch('secrets.set', { accountId, field: 'password', value, source: 'typed', reason });
}

function stored(core: Core, accountId: number) {
  const db = core.context.db;
  return {
    envelope: (
      db.prepare("SELECT envelope FROM account_secrets WHERE account_id = ? AND field = 'password'").get(accountId) as
        { envelope: string } | undefined
    )?.envelope,
    history: (
      db.prepare('SELECT COUNT(*) AS n FROM password_history WHERE account_id = ?').get(accountId) as { n: number }
    ).n,
    audit: (db.prepare('SELECT COUNT(*) AS n FROM audit_log').get() as { n: number }).n,
  };
}

describe('secrets.set and the password history', () => {
  it('refuses a typed password that breaks the policy and changes nothing', async () => {
    const { core, accountId } = await vaultWithAccount();
    const before = stored(core, accountId);
    const error = await refused(
      core,
      'secrets.set',
      { accountId, field: 'password', value: 'stmaryspe!Blue77Horse', source: 'typed', reason: 'x' },
      'POLICY',
    );
    expect(error.message).toMatch(/^The password was not saved\./);
    expect(error.message).not.toContain('stmaryspe!Blue77Horse');
    expect(stored(core, accountId)).toEqual(before);
  });

  it(
    'keeps only the last ten, refuses reuse of any of them, and allows one older than that',
    { timeout: 60_000 },
    async () => {
      const { core, accountId } = await vaultWithAccount();
      for (const [index, value] of series.entries()) {
        expect((await setPassword(core, accountId, value, `Change ${index}`)).ok).toBe(true);
      }
      expect(historyDepth).toBe(10);
      const before = stored(core, accountId);
      expect(before.history).toBe(10);

      // series[2] is the oldest kept; series[1] and series[0] were dropped.
      const error = await refused(
        core,
        'secrets.set',
        { accountId, field: 'password', value: series[2], source: 'typed', reason: 'Reuse' },
        'POLICY',
      );
      expect(error.message).toMatch(/used this password before/);
      expect(error.message).not.toContain(series[2]);
      await refused(
        core,
        'secrets.set',
        { accountId, field: 'password', value: series[12], source: 'typed', reason: 'Same again' },
        'POLICY',
      );
      // Nothing stored changed; each refusal (a guess that matched) is recorded.
      expect(stored(core, accountId)).toEqual({ ...before, audit: before.audit + 2 });
      expect(await call(core, 'audit.list', { action: 'secret.reuse-refused' })).toHaveLength(2);
      const check = await call(core, 'vault.checkPassword', { accountId, password: series[7] ?? '' });
      expect(check.ok).toBe(false);

      expect((await setPassword(core, accountId, series[0] ?? '', 'Back to the first')).ok).toBe(true);
      expect((await call(core, 'secrets.reveal', { accountId, field: 'password' })).value).toBe(series[0]);
      expect(stored(core, accountId).history).toBe(10);
    },
  );

  it('lists history with who, when and why, and never a password', { timeout: 60_000 }, async () => {
    const { core, accountId } = await vaultWithAccount();
    for (const [index, value] of series.slice(0, 4).entries()) {
      expect((await setPassword(core, accountId, value, `Reason ${index}`)).ok).toBe(true);
    }
    const history = await call(core, 'secrets.history', { accountId });
    expect(history.map((entry) => [entry.reason, entry.retiredReason])).toEqual([
      ['Reason 2', 'Reason 3'],
      ['Reason 1', 'Reason 2'],
      ['Reason 0', 'Reason 1'],
    ]);
    for (const entry of history) {
      expect(entry).toMatchObject({ setBy: administrator, retiredBy: administrator });
      expect(Date.parse(entry.setAt)).not.toBeNaN();
      expect(Date.parse(entry.retiredAt)).toBeGreaterThanOrEqual(Date.parse(entry.setAt));
    }
    const shown = JSON.stringify(history);
    for (const value of series.slice(0, 4)) expect(shown).not.toContain(value);

    const audit = await call(core, 'audit.list', { targetType: 'account', targetId: accountId });
    const secretEntries = audit.filter((entry) => entry.action.startsWith('secret.'));
    expect(secretEntries.map((entry) => entry.action)).toEqual([
      'secret.changed',
      'secret.changed',
      'secret.changed',
      'secret.set',
    ]);
    expect(secretEntries[0]?.details).toEqual({ field: 'password', source: 'typed', reason: 'Reason 3' });
    const everything = JSON.stringify(await call(core, 'audit.list', {}));
    for (const value of series.slice(0, 4)) expect(everything).not.toContain(value);
  });
});
