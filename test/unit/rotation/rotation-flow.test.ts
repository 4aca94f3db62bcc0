import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Account, Person, RotationRow } from '../../../shared/contract';
import { checkPassword } from '../../../shared/policy/password-policy';
import { useTempDirs } from '../../support/temp-dir';
import { administrator, manualClock, useRotationCores, type Session } from './harness';

/**
 * Two-phase rotation through core.dispatch: start (pending password stored
 * encrypted), confirm (swap in, old to history, holders to tell), abandon,
 * "rotation required" events, the list, the termly record and its CSV, the
 * overdue notification, and a pending change surviving a restart.
 *
 * Default terms 2025/26: summer 13/04/2026-17/07/2026. 2026/27: autumn
 * 07/09/2026-18/12/2026, spring 04/01/2027-19/03/2027, summer 05/04/2027-16/07/2027.
 */
const open = useRotationCores();
const files = useTempDirs('keyholder-rotation-csv-');

const oldPassword = 'Kestrel-Harbour-7429!';
const typedNew = 'Violet#Quarry-5821-Lantern';
/** Summer term 2025/26, in BST. */
const june = '2026-06-15T09:00:00.000Z';
/** Autumn term 2026/27, in GMT. */
const november = '2026-11-12T10:00:00.000Z';

interface World {
  s: Session;
  account: Account;
  head: Person;
  ash: Person;
  bo: Person;
  holderIds: Record<string, number>;
}

/** An account whose password was set in June (so termly it is overdue by November), with two holders. */
async function world(now = november, passwordAt = june): Promise<World> {
  const s = await open({ clock: manualClock(passwordAt) });
  const head = await s.person('Hana Head', ['headteacher']);
  const ash = await s.person('Ash One');
  const bo = await s.person('Bo Two');
  const account = await s.account('@StMarysPE');
  const holderIds: Record<string, number> = {};
  for (const person of [ash, bo]) {
    const holders = await s.call('holders.add', {
      accountId: account.id,
      personId: person.id,
      authorisedById: head.id,
      authorisedOn: passwordAt.slice(0, 10),
    });
    holderIds[person.name] = holders.find((h) => h.person.id === person.id)!.id;
  }
  await s.call('secrets.set', {
    accountId: account.id,
    field: 'password',
    value: oldPassword,
    source: 'typed',
    reason: 'Taken over from the spreadsheet',
  });
  s.clock.set(now);
  return { s, account, head, ash, bo, holderIds };
}

const reveal = async (s: Session, accountId: number, field: 'password' | 'pendingPassword') =>
  (await s.call('secrets.reveal', { accountId, field })).value;

async function row(s: Session, accountId: number): Promise<RotationRow> {
  const found = (await s.call('rotations.list', {})).find((r) => r.accountId === accountId);
  if (!found) throw new Error(`account ${accountId} is not in rotations.list`);
  return found;
}

/** Starts and confirms a generated rotation at the clock's time; returns the new password. */
async function rotate(s: Session, accountId: number, reason = 'Termly change'): Promise<string> {
  const { rotationId } = await s.call('rotations.start', { accountId, reason });
  const value = await reveal(s, accountId, 'pendingPassword');
  await s.call('rotations.confirm', { rotationId });
  return value;
}

describe('rotations.start', () => {
  it('stores a generated, policy-compliant candidate, encrypted, as the pending password; the old one stays current', async () => {
    const { s, account } = await world();
    const detail = await s.call('rotations.start', { accountId: account.id, reason: 'Termly change' });
    expect(detail).toMatchObject({
      accountId: account.id,
      label: '@StMarysPE',
      status: 'pending',
      reason: 'Termly change',
      source: 'generated',
      startedAt: november,
      startedBy: administrator,
      finishedAt: null,
      finishedBy: null,
    });
    expect(detail.steps).toHaveLength(6);
    expect(detail.steps[0]).toContain('X');
    expect(await s.call('rotations.get', { rotationId: detail.rotationId })).toEqual(detail);

    expect(await reveal(s, account.id, 'password')).toBe(oldPassword);
    const candidate = await reveal(s, account.id, 'pendingPassword');
    expect(candidate).not.toBe(oldPassword);
    expect(candidate).toHaveLength(20);
    expect(
      checkPassword({ password: candidate, minLength: 16, forbiddenWords: ['Test Academy', '@StMarysPE'] }),
    ).toMatchObject({
      ok: true,
      reasons: [],
    });

    // Encrypted at rest: neither the row nor the database files hold the plaintext.
    const stored = s.core.context.db
      .prepare("SELECT envelope FROM account_secrets WHERE account_id = ? AND field = 'pendingPassword'")
      .get(account.id) as { envelope: string };
    expect(stored.envelope).not.toContain(candidate);
    s.core.context.db.pragma('wal_checkpoint(TRUNCATE)');
    for (const file of ['keyholder.db', 'keyholder.db-wal']) {
      const path = join(s.dataDir, file);
      if (existsSync(path)) expect(readFileSync(path).includes(Buffer.from(candidate))).toBe(false);
    }

    // The summary and the history are about the current password only.
    expect((await s.call('secrets.summary', { accountId: account.id })).map((x) => x.field)).toEqual(['password']);
    expect(await s.call('secrets.history', { accountId: account.id })).toEqual([]);

    const [started] = await s.audit('rotation.started');
    expect(started).toMatchObject({
      actor: administrator,
      targetId: account.id,
      details: { rotationId: detail.rotationId, reason: 'Termly change', source: 'generated' },
    });
    expect(JSON.stringify(await s.call('audit.list', {}))).not.toContain(candidate);
    expect(await s.audit('secret.changed')).toEqual([]);

    expect(await row(s, account.id)).toMatchObject({
      state: 'overdue',
      lastRotatedOn: '2026-06-15',
      pending: { rotationId: detail.rotationId, startedAt: november },
    });
  });

  it('refuses a second start with CONFLICT and keeps the first candidate', async () => {
    const { s, account } = await world();
    const first = await s.call('rotations.start', { accountId: account.id, reason: 'Termly change' });
    const candidate = await reveal(s, account.id, 'pendingPassword');
    const error = await s.refused('rotations.start', { accountId: account.id, reason: 'Again' }, 'CONFLICT');
    expect(error.message).toContain('already under way');
    await s.refused('rotations.start', { accountId: account.id, reason: 'Typed', password: typedNew }, 'CONFLICT');
    expect(await reveal(s, account.id, 'pendingPassword')).toBe(candidate);
    expect(s.count("SELECT COUNT(*) AS n FROM rotations WHERE status = 'pending'")).toBe(1);
    expect((await row(s, account.id)).pending?.rotationId).toBe(first.rotationId);
  });

  it.each([
    ['too short', 'Ab1!xY9#qW', /at least 12 characters/],
    ['too easy to guess', 'Password123!', /too easy to guess/],
    ['no special character', 'Kestrel7429Harbour', /special character/],
    ['containing the handle', 'StMarysPE-9431-Quokka!', /Do not include "@StMarysPE"/],
    ['the current password', oldPassword, /used this password before/],
  ])('refuses a typed password that is %s with POLICY, storing nothing', async (_case, password, message) => {
    const { s, account } = await world();
    const error = await s.refused('rotations.start', { accountId: account.id, reason: 'Typed', password }, 'POLICY');
    expect(error.message).toMatch(message);
    expect(s.count('SELECT COUNT(*) AS n FROM rotations')).toBe(0);
    await s.refused('secrets.reveal', { accountId: account.id, field: 'pendingPassword' }, 'NOT_FOUND');
    expect(await s.audit('rotation.started')).toEqual([]);
  });

  it('accepts a strong typed password as the candidate', async () => {
    const { s, account } = await world();
    const detail = await s.call('rotations.start', { accountId: account.id, reason: 'Typed', password: typedNew });
    expect(detail.source).toBe('typed');
    expect(await reveal(s, account.id, 'pendingPassword')).toBe(typedNew);
    expect(await reveal(s, account.id, 'password')).toBe(oldPassword);
  });

  it('needs the vault unlocked', async () => {
    const { s, account } = await world();
    await s.call('vault.lock', {});
    await s.refused('rotations.start', { accountId: account.id, reason: 'Termly change' }, 'VAULT_LOCKED');
    expect(s.count('SELECT COUNT(*) AS n FROM rotations')).toBe(0);
  });
});

describe('rotations.confirm', () => {
  it('makes the new password current, moves the old one to history, moves the due date on, lists the holders to tell', async () => {
    const { s, account } = await world();
    expect(await row(s, account.id)).toMatchObject({
      state: 'overdue',
      lastRotatedOn: '2026-06-15',
      dueFrom: '2026-09-07',
      dueBy: '2026-09-13',
    });
    const { rotationId } = await s.call('rotations.start', { accountId: account.id, reason: 'Termly change' });
    const candidate = await reveal(s, account.id, 'pendingPassword');
    const confirmedAt = '2026-11-12T15:30:00.000Z';
    s.clock.set(confirmedAt);
    const detail = await s.call('rotations.confirm', { rotationId });
    expect(detail).toMatchObject({
      status: 'confirmed',
      finishedAt: confirmedAt,
      finishedBy: administrator,
      holdersToTell: [
        { personId: expect.any(Number), name: 'Ash One', told: null },
        { personId: expect.any(Number), name: 'Bo Two', told: null },
      ],
    });
    expect(detail.holdersToTell).toHaveLength(2);

    expect(await reveal(s, account.id, 'password')).toBe(candidate);
    await s.refused('secrets.reveal', { accountId: account.id, field: 'pendingPassword' }, 'NOT_FOUND');
    expect(await s.call('secrets.history', { accountId: account.id })).toEqual([
      {
        id: expect.any(Number),
        setAt: june,
        setBy: administrator,
        reason: 'Taken over from the spreadsheet',
        retiredAt: confirmedAt,
        retiredBy: administrator,
        retiredReason: 'Rotation: Termly change',
      },
    ]);
    // The old password is in the history, so it cannot come back.
    const reuse = await s.refused(
      'secrets.set',
      { accountId: account.id, field: 'password', value: oldPassword, source: 'typed', reason: 'Back' },
      'POLICY',
    );
    expect(reuse.message).toContain('used this password before');

    expect(await row(s, account.id)).toEqual({
      accountId: account.id,
      label: '@StMarysPE',
      platform: 'x',
      accountStatus: expect.any(String),
      policy: { kind: 'termly' },
      lastRotatedOn: '2026-11-12',
      dueFrom: '2027-01-04',
      dueBy: '2027-01-10',
      state: 'ok',
      reason: 'Termly',
      pending: null,
    });
    const [confirmed] = await s.audit('rotation.confirmed');
    expect(confirmed).toMatchObject({
      actor: administrator,
      targetId: account.id,
      details: { rotationId, reason: 'Termly change' },
    });
    expect(JSON.stringify(await s.call('audit.list', {}))).not.toContain(candidate);
  });

  it('refuses to confirm twice, or to abandon a confirmed change', async () => {
    const { s, account } = await world();
    const { rotationId } = await s.call('rotations.start', { accountId: account.id, reason: 'Termly change' });
    await s.call('rotations.confirm', { rotationId });
    const current = await reveal(s, account.id, 'password');
    expect((await s.refused('rotations.confirm', { rotationId }, 'CONFLICT')).message).toContain('already confirmed');
    await s.refused('rotations.abandon', { rotationId, note: '' }, 'CONFLICT');
    expect(await reveal(s, account.id, 'password')).toBe(current);
    expect(await s.call('secrets.history', { accountId: account.id })).toHaveLength(1);
  });

  it('clears "rotation required" (a reported threat)', async () => {
    const { s, account } = await world();
    await s.call('rotations.reportThreat', { accountId: account.id, reason: 'Phishing email clicked' });
    const { rotationId } = await s.call('rotations.start', { accountId: account.id, reason: 'Threat' });
    expect((await row(s, account.id)).state).toBe('required');
    await s.call('rotations.confirm', { rotationId });
    expect((await row(s, account.id)).state).toBe('ok');
    expect((await s.call('accounts.get', { id: account.id })).rotationRequired).toBeNull();
  });

  it('lists only the current holders to tell, not a removed one', async () => {
    const { s, account, holderIds } = await world();
    await s.call('holders.remove', { holderId: holderIds['Bo Two']!, reason: 'Left the school', on: '2026-11-12' });
    const { rotationId } = await s.call('rotations.start', { accountId: account.id, reason: 'Holder left' });
    const detail = await s.call('rotations.confirm', { rotationId });
    expect(detail.holdersToTell.map((h) => h.name)).toEqual(['Ash One']);
  });
});

describe('rotations.markTold', () => {
  it('ticks off each holder with the channel, only after confirming, only for holders; audited', async () => {
    const { s, account, ash, bo, head } = await world();
    const { rotationId } = await s.call('rotations.start', { accountId: account.id, reason: 'Termly change' });
    const early = await s.refused(
      'rotations.markTold',
      { rotationId, personId: ash.id, channel: 'in-person' },
      'POLICY',
    );
    expect(early.message).toContain('after the change is confirmed');
    await s.call('rotations.confirm', { rotationId });

    s.clock.set('2026-11-12T11:00:00.000Z');
    const once = await s.call('rotations.markTold', { rotationId, personId: ash.id, channel: 'in-person' });
    expect(once.holdersToTell).toEqual([
      { personId: ash.id, name: 'Ash One', told: { channel: 'in-person', toldAt: '2026-11-12T11:00:00.000Z' } },
      { personId: bo.id, name: 'Bo Two', told: null },
    ]);
    s.clock.set('2026-11-12T12:00:00.000Z');
    await s.call('rotations.markTold', { rotationId, personId: bo.id, channel: 'secure-channel' });
    expect((await s.call('rotations.get', { rotationId })).holdersToTell).toEqual([
      { personId: ash.id, name: 'Ash One', told: { channel: 'in-person', toldAt: '2026-11-12T11:00:00.000Z' } },
      { personId: bo.id, name: 'Bo Two', told: { channel: 'secure-channel', toldAt: '2026-11-12T12:00:00.000Z' } },
    ]);

    const outsider = await s.refused(
      'rotations.markTold',
      { rotationId, personId: head.id, channel: 'in-person' },
      'POLICY',
    );
    expect(outsider.message).toContain('Only the named holders');
    const told = await s.audit('rotation.holder-told');
    expect(told.map((e) => e.details)).toEqual(
      expect.arrayContaining([
        { rotationId, holder: 'Ash One', channel: 'in-person' },
        { rotationId, holder: 'Bo Two', channel: 'secure-channel' },
      ]),
    );
    expect(told).toHaveLength(2);
  });
});

describe('rotations.abandon', () => {
  it('discards the pending password and keeps the old one; audited; a new change can start', async () => {
    const { s, account } = await world();
    await s.call('rotations.reportThreat', { accountId: account.id, reason: 'Laptop stolen' });
    const { rotationId } = await s.call('rotations.start', { accountId: account.id, reason: 'Threat' });
    const abandonedAt = '2026-11-12T10:20:00.000Z';
    s.clock.set(abandonedAt);
    const detail = await s.call('rotations.abandon', { rotationId, note: 'The platform refused the password' });
    expect(detail).toMatchObject({ status: 'abandoned', finishedAt: abandonedAt, finishedBy: administrator });

    await s.refused('secrets.reveal', { accountId: account.id, field: 'pendingPassword' }, 'NOT_FOUND');
    expect(s.count("SELECT COUNT(*) AS n FROM account_secrets WHERE field = 'pendingPassword'")).toBe(0);
    expect(await reveal(s, account.id, 'password')).toBe(oldPassword);
    expect(await s.call('secrets.history', { accountId: account.id })).toEqual([]);
    // Still required: the password has not changed.
    expect(await row(s, account.id)).toMatchObject({ state: 'required', pending: null, lastRotatedOn: '2026-06-15' });
    const [entry] = await s.audit('rotation.abandoned');
    expect(entry).toMatchObject({
      targetId: account.id,
      details: { rotationId, note: 'The platform refused the password' },
    });

    await s.refused('rotations.confirm', { rotationId }, 'CONFLICT');
    await s.refused('rotations.abandon', { rotationId, note: '' }, 'CONFLICT');
    const again = await s.call('rotations.start', { accountId: account.id, reason: 'Second try' });
    expect(again.rotationId).not.toBe(rotationId);
    expect(await reveal(s, account.id, 'password')).toBe(oldPassword);
  });
});

describe('rotation required', () => {
  it('reportThreat marks the account required at once, with the reason, audited', async () => {
    const { s, account } = await world();
    await rotate(s, account.id);
    expect((await row(s, account.id)).state).toBe('ok');
    s.clock.set('2026-11-20T16:00:00.000Z');
    const result = await s.call('rotations.reportThreat', {
      accountId: account.id,
      reason: 'Suspicious login from abroad',
    });
    expect(result).toMatchObject({
      accountId: account.id,
      state: 'required',
      reason: 'security threat reported: Suspicious login from abroad',
      dueFrom: '2026-11-20',
      dueBy: '2026-11-20',
    });
    expect(await row(s, account.id)).toEqual(result);
    expect((await s.call('accounts.get', { id: account.id })).rotationRequired).toEqual({
      reason: 'security threat reported: Suspicious login from abroad',
      since: '2026-11-20T16:00:00.000Z',
    });
    const [entry] = await s.audit('rotation.required');
    expect(entry).toMatchObject({
      actor: administrator,
      targetId: account.id,
      details: { reason: 'security threat reported: Suspicious login from abroad' },
    });
  });

  it('overrides a manual policy', async () => {
    const { s, account } = await world();
    expect((await s.call('rotations.setPolicy', { accountId: account.id, policy: { kind: 'manual' } })).state).toBe(
      'manual',
    );
    expect(
      (await s.call('rotations.reportThreat', { accountId: account.id, reason: 'Password seen on screen' })).state,
    ).toBe('required');
  });

  it('removing a holder makes it required', async () => {
    const { s, account, holderIds } = await world();
    await rotate(s, account.id);
    await s.call('holders.remove', { holderId: holderIds['Bo Two']!, reason: 'Left the school', on: '2026-11-12' });
    const after = await row(s, account.id);
    expect(after.state).toBe('required');
    expect(after.reason).toContain('Bo Two');
    expect(after.reason).toContain('Left the school');
  });
});

describe('closed accounts', () => {
  it('refuses a threat report, a policy change or a rotation, writing nothing', async () => {
    const { s, account } = await world();
    await s.call('accounts.setStatus', { id: account.id, status: 'closed', on: '2026-11-12' });
    const audits = s.count('SELECT COUNT(*) AS n FROM audit_log');
    await s.refused('rotations.reportThreat', { accountId: account.id, reason: 'Phishing' }, 'NOT_FOUND');
    await s.refused('rotations.setPolicy', { accountId: account.id, policy: { kind: 'manual' } }, 'NOT_FOUND');
    await s.refused('rotations.start', { accountId: account.id, reason: 'Termly change' }, 'POLICY');
    expect(s.count('SELECT COUNT(*) AS n FROM audit_log')).toBe(audits);
    const stored = await s.call('accounts.get', { id: account.id });
    expect(stored.rotationRequired).toBeNull();
    expect(s.count("SELECT COUNT(*) AS n FROM accounts WHERE rotation_policy = 'termly'")).toBe(1);
    expect((await s.call('rotations.list', {})).map((r) => r.accountId)).not.toContain(account.id);
  });
});

describe('rotations.setPolicy', () => {
  it.each([
    [{ kind: 'termly' as const }, 'overdue', '2026-09-07', '2026-09-13'],
    // Half-termly from 15/06/2026 (second half of summer, from 30/05): due from 07/09/2026 too.
    [{ kind: 'half-termly' as const }, 'overdue', '2026-09-07', '2026-09-13'],
    [{ kind: 'days' as const, days: 160 }, 'due-soon', '2026-11-22', '2026-11-22'],
    [{ kind: 'manual' as const }, 'manual', null, null],
  ])('%o: %s from %s', async (policy, state, dueFrom, dueBy) => {
    const { s, account } = await world();
    const result = await s.call('rotations.setPolicy', { accountId: account.id, policy });
    expect(result).toMatchObject({ policy, state, dueFrom, dueBy });
    const [entry] = await s.audit('rotation.policy-set');
    expect(entry).toMatchObject({ targetId: account.id, details: { policy } });
  });
});

describe('rotations.list', () => {
  it('sorts the most urgent first: required, overdue (earliest first), due, due soon, ok, manual', async () => {
    const s = await open({ clock: manualClock('2026-03-02T10:00:00.000Z') });
    const withPassword = async (handle: string) => {
      const account = await s.account(handle);
      await s.call('secrets.set', {
        accountId: account.id,
        field: 'password',
        value: `${oldPassword}-${account.id}`,
        source: 'typed',
        reason: 'First',
      });
      return account;
    };
    // Spring 2026: due from 13/04/2026, overdue after 19/04.
    await withPassword('@OverdueSpring');
    s.clock.set(june);
    // Summer 2026: due from 07/09/2026, overdue after 13/09.
    await withPassword('@OverdueSummer');
    s.clock.set('2026-11-02T10:00:00.000Z');
    await withPassword('@Ok');
    const manual = await withPassword('@Manual');
    await s.call('rotations.setPolicy', { accountId: manual.id, policy: { kind: 'manual' } });
    const soon = await withPassword('@Soon');
    await s.call('rotations.setPolicy', { accountId: soon.id, policy: { kind: 'days', days: 30 } });
    const threat = await withPassword('@Threat');
    await s.call('rotations.setPolicy', { accountId: threat.id, policy: { kind: 'manual' } });
    await s.call('rotations.reportThreat', { accountId: threat.id, reason: 'Compromised' });
    s.clock.set('2026-11-22T10:00:00.000Z');
    await s.account('@NoPassword');

    const list = await s.call('rotations.list', {});
    expect(list.map((r) => [r.label, r.state, r.dueFrom, r.dueBy])).toEqual([
      ['@Threat', 'required', '2026-11-02', '2026-11-02'],
      ['@OverdueSpring', 'overdue', '2026-04-13', '2026-04-19'],
      ['@OverdueSummer', 'overdue', '2026-09-07', '2026-09-13'],
      ['@NoPassword', 'due', '2026-11-22', '2026-11-22'],
      ['@Soon', 'due-soon', '2026-12-02', '2026-12-02'],
      ['@Ok', 'ok', '2027-01-04', '2027-01-10'],
      ['@Manual', 'manual', null, null],
    ]);
  });

  it('an account created mid-term is due once it has no password, and termly from the next term once it has one', async () => {
    const s = await open({ clock: manualClock('2026-11-04T10:00:00.000Z') });
    const account = await s.account('@NewClub');
    expect(await row(s, account.id)).toMatchObject({ state: 'due', dueFrom: '2026-11-04', lastRotatedOn: null });
    s.clock.set('2026-11-05T10:00:00.000Z');
    expect((await row(s, account.id)).state).toBe('overdue');
    await s.call('secrets.set', {
      accountId: account.id,
      field: 'password',
      value: oldPassword,
      source: 'typed',
      reason: 'First',
    });
    expect(await row(s, account.id)).toMatchObject({
      state: 'ok',
      lastRotatedOn: '2026-11-05',
      dueFrom: '2027-01-04',
      dueBy: '2027-01-10',
    });
  });

  it.each([
    // Summer 2025/26 ends Friday 17/07/2026, in BST.
    ['2026-07-17T22:30:00.000Z', '2026-07-17', '2026-09-07'], // 23:30 BST: still the last day of summer
    ['2026-07-17T23:30:00.000Z', '2026-07-18', '2027-01-04'], // 00:30 BST: the holiday, counts for autumn
  ])('a rotation confirmed at %s counts for %s in England: due from %s', async (at, day, dueFrom) => {
    const { s, account } = await world(at);
    await rotate(s, account.id);
    expect(await row(s, account.id)).toMatchObject({ lastRotatedOn: day, dueFrom });
  });

  it('editing the calendar after a rotation moves the due date', async () => {
    const { s, account } = await world('2026-12-14T10:00:00.000Z');
    await rotate(s, account.id);
    expect(await row(s, account.id)).toMatchObject({ lastRotatedOn: '2026-12-14', dueFrom: '2027-01-04' });
    // The school breaks up on 11/12: the 14th becomes the holiday, counting for spring.
    await s.call('calendar.save', {
      terms: [
        {
          academicYear: 2026,
          term: 'autumn',
          startsOn: '2026-09-03',
          halfTermStartsOn: '2026-10-19',
          halfTermEndsOn: '2026-10-23',
          endsOn: '2026-12-11',
        },
        {
          academicYear: 2026,
          term: 'spring',
          startsOn: '2027-01-06',
          halfTermStartsOn: '2027-02-15',
          halfTermEndsOn: '2027-02-19',
          endsOn: '2027-03-26',
        },
        {
          academicYear: 2026,
          term: 'summer',
          startsOn: '2027-04-12',
          halfTermStartsOn: '2027-05-31',
          halfTermEndsOn: '2027-06-04',
          endsOn: '2027-07-21',
        },
      ],
    });
    expect(await row(s, account.id)).toMatchObject({ dueFrom: '2027-04-12', dueBy: '2027-04-18', state: 'ok' });
    expect((await s.call('rotations.record', { academicYear: 2026, term: 'autumn' })).map((r) => r.label)).toEqual([]);
    expect((await s.call('rotations.record', { academicYear: 2026, term: 'spring' })).map((r) => r.label)).toEqual([
      '@StMarysPE',
    ]);
  });
});

describe('the termly rotation record', () => {
  it('lists the changes confirmed for a term (the holiday before counts), by whom, and who was told', async () => {
    const { s, account, ash } = await world('2026-08-20T10:00:00.000Z');
    await rotate(s, account.id, 'Before term'); // summer holiday: counts for autumn 2026
    s.clock.set(november);
    const { rotationId } = await s.call('rotations.start', { accountId: account.id, reason: 'Termly change' });
    await s.call('rotations.confirm', { rotationId });
    await s.call('rotations.markTold', { rotationId, personId: ash.id, channel: 'in-person' });
    s.clock.set('2026-11-20T10:00:00.000Z');
    const abandoned = await s.call('rotations.start', { accountId: account.id, reason: 'Not done' });
    await s.call('rotations.abandon', { rotationId: abandoned.rotationId, note: '' });
    s.clock.set('2027-01-20T10:00:00.000Z');
    await rotate(s, account.id, 'Spring change');

    const autumn = await s.call('rotations.record', { academicYear: 2026, term: 'autumn' });
    expect(autumn).toEqual([
      {
        rotationId: expect.any(Number),
        accountId: account.id,
        label: '@StMarysPE',
        confirmedAt: '2026-08-20T10:00:00.000Z',
        confirmedBy: administrator,
        reason: 'Before term',
        told: [],
      },
      {
        rotationId,
        accountId: account.id,
        label: '@StMarysPE',
        confirmedAt: november,
        confirmedBy: administrator,
        reason: 'Termly change',
        told: ['Ash One (in person)'],
      },
    ]);
    expect((await s.call('rotations.record', { academicYear: 2026, term: 'spring' })).map((r) => r.reason)).toEqual([
      'Spring change',
    ]);
    expect(await s.call('rotations.record', { academicYear: 2025, term: 'summer' })).toEqual([]);
    expect(await s.call('rotations.record', { academicYear: 2026, term: 'summer' })).toEqual([]);
  });

  it('a change at 23:30 UTC on the last day of the summer term (00:30 BST) goes in the autumn record', async () => {
    const { s, account } = await world('2026-07-17T23:30:00.000Z');
    await rotate(s, account.id);
    expect(await s.call('rotations.record', { academicYear: 2025, term: 'summer' })).toEqual([]);
    expect(await s.call('rotations.record', { academicYear: 2026, term: 'autumn' })).toHaveLength(1);
  });

  it('exports the record as CSV with dd/mm/yyyy dates and spreadsheet formulas neutralised', async () => {
    const { s, account, ash } = await world();
    const reasons = ['=HYPERLINK("http://evil.example","x")', '+SUM(1,2)', '-2', 'Termly, as usual'];
    let last = 0;
    for (const [i, reason] of reasons.entries()) {
      s.clock.set(`2026-11-${String(10 + i).padStart(2, '0')}T10:00:00.000Z`);
      const { rotationId } = await s.call('rotations.start', { accountId: account.id, reason });
      await s.call('rotations.confirm', { rotationId });
      last = rotationId;
    }
    await s.call('rotations.markTold', { rotationId: last, personId: ash.id, channel: 'secure-channel' });
    const path = join(files(), 'record.csv');
    s.platform.savePaths.push(path);
    expect(await s.call('rotations.exportRecord', { academicYear: 2026, term: 'autumn' })).toEqual({ path, rows: 4 });
    expect(readFileSync(path, 'utf8')).toBe(
      '\uFEFF"Account","Changed on","Changed by","Reason","Holders told"\r\n' +
        `"'@StMarysPE","10/11/2026","${administrator}","'=HYPERLINK(""http://evil.example"",""x"")",""\r\n` +
        `"'@StMarysPE","11/11/2026","${administrator}","'+SUM(1,2)",""\r\n` +
        `"'@StMarysPE","12/11/2026","${administrator}","'-2",""\r\n` +
        `"'@StMarysPE","13/11/2026","${administrator}","Termly, as usual","Ash One (secure channel)"\r\n`,
    );
    expect(s.platform.dialogs.at(-1)).toMatchObject({ kind: 'save', title: 'Save the rotation record' });
  });

  it('writes nothing when the save dialog is cancelled', async () => {
    const { s } = await world();
    expect(await s.call('rotations.exportRecord', { academicYear: 2026, term: 'autumn' })).toEqual({
      path: null,
      rows: 0,
    });
  });
});

describe('overdue notification', () => {
  it('at start-up and once a day, only when something is overdue', async () => {
    const first = await world(june);
    // Nothing overdue in June: no notification at start-up or the next day.
    first.s.clock.set('2026-06-16T09:00:00.000Z');
    first.s.core.tick();
    expect(first.s.platform.notifications).toEqual([]);

    // The app is opened again in January: the June password is overdue (due by 13/09/2026).
    const s = await first.s.reopen(manualClock('2027-01-20T09:00:00.000Z'));
    expect(s.platform.notifications).toEqual([
      {
        title: 'Keyholder: passwords to change',
        body: "1 account is overdue for a password change. Open Keyholder's Rotations page.",
      },
    ]);
    s.clock.set('2027-01-20T23:59:00.000Z');
    s.core.tick();
    expect(s.platform.notifications).toHaveLength(1);

    const other = await s.account('@Other');
    await s.call('rotations.reportThreat', { accountId: other.id, reason: 'Compromised' });
    s.clock.set('2027-01-21T00:01:00.000Z');
    s.core.tick();
    s.core.tick();
    expect(s.platform.notifications).toHaveLength(2);
    expect(s.platform.notifications[1]?.body).toBe(
      "2 accounts are overdue for a password change. Open Keyholder's Rotations page.",
    );
  });

  it('stops once the overdue password is changed', async () => {
    const { s, account } = await world('2027-01-20T09:00:00.000Z');
    const restarted = await s.reopen();
    expect(restarted.platform.notifications).toHaveLength(1);
    await rotate(restarted, account.id);
    restarted.clock.set('2027-01-21T09:00:00.000Z');
    restarted.core.tick();
    expect(restarted.platform.notifications).toHaveLength(1);
  });
});

describe('restarts', () => {
  it('a pending rotation survives closing and reopening, and can then be confirmed', async () => {
    const { s, account } = await world();
    const { rotationId } = await s.call('rotations.start', { accountId: account.id, reason: 'Termly change' });
    const candidate = await reveal(s, account.id, 'pendingPassword');

    const again = await s.reopen(manualClock('2026-11-13T09:00:00.000Z'));
    expect((await again.call('vault.status', {})).state).toBe('unlocked');
    expect((await row(again, account.id)).pending).toEqual({ rotationId, startedAt: november });
    expect(await reveal(again, account.id, 'password')).toBe(oldPassword);
    expect(await reveal(again, account.id, 'pendingPassword')).toBe(candidate);
    await again.refused('rotations.start', { accountId: account.id, reason: 'Again' }, 'CONFLICT');

    await again.call('rotations.confirm', { rotationId });
    expect(await reveal(again, account.id, 'password')).toBe(candidate);
    expect(await again.call('secrets.history', { accountId: account.id })).toHaveLength(1);
    expect((await again.call('audit.verify', {})).ok).toBe(true);
  });
});
