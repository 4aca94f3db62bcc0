import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkPassword } from '../../../shared/policy/password-policy';
import { november, oldPassword, reveal, row, typedNew, useRotationWorld } from './flow-fixtures';
import { administrator } from './harness';

/**
 * Starting a rotation through core.dispatch: the pending password is a
 * policy-compliant candidate stored encrypted, the old one stays current.
 * Setup and term dates: flow-fixtures.ts.
 */
const { world } = useRotationWorld();

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
