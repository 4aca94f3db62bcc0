import { describe, expect, it } from 'vitest';
import { june, oldPassword, reveal, row, useRotationWorld } from './flow-fixtures';
import { administrator } from './harness';

/**
 * Finishing a rotation through core.dispatch: confirm (swap in, old to
 * history, holders to tell), ticking off the holders told, and abandoning.
 * Setup and term dates: flow-fixtures.ts.
 */
const { world } = useRotationWorld();

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
