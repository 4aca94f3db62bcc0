import { describe, expect, it } from 'vitest';
import { manualClock, useRotationCores } from './harness';

const open = useRotationCores();
const oldPassword = 'Kestrel-Harbour-7429!';
const direct = 'Violet#Quarry-5821-Lantern';

describe('a password change under way', () => {
  it('blocks setting the password directly until it is confirmed or abandoned', async () => {
    const s = await open({ clock: manualClock('2026-11-12T10:00:00.000Z') });
    const account = await s.account('@StMarysPE');
    await s.call('secrets.set', {
      accountId: account.id,
      field: 'password',
      value: oldPassword,
      source: 'typed',
      reason: 'First',
    });
    const { rotationId } = await s.call('rotations.start', { accountId: account.id, reason: 'Termly' });
    const error = await s.refused(
      'secrets.set',
      { accountId: account.id, field: 'password', value: direct, source: 'typed', reason: 'Changed by hand' },
      'CONFLICT',
    );
    expect(error.message).toContain('Confirm or abandon it');
    // Nothing changed: the old password is current and nothing went to history.
    expect(await s.call('secrets.reveal', { accountId: account.id, field: 'password' })).toMatchObject({
      value: oldPassword,
    });
    expect(await s.call('secrets.history', { accountId: account.id })).toHaveLength(0);
    await s.call('rotations.abandon', { rotationId, note: '' });
    await s.call('secrets.set', {
      accountId: account.id,
      field: 'password',
      value: direct,
      source: 'typed',
      reason: 'Changed by hand',
    });
    expect(await s.call('secrets.reveal', { accountId: account.id, field: 'password' })).toMatchObject({
      value: direct,
    });
  });
});
