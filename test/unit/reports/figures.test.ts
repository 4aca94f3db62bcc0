import { describe, expect, it } from 'vitest';
import { figures, useReportCores } from './harness';

const ready = useReportCores();

describe('engagement figures', () => {
  it('saves figures entered by hand, computes new followers, and audits the save', async () => {
    const h = await ready();
    const saved = await h.call('figures.save', figures(h.x));
    expect(saved).toMatchObject({
      accountLabel: '@stmaryspe',
      from: '2026-09-01',
      to: '2026-09-30',
      followersStart: 340,
      followersEnd: 352,
      newFollowers: 12,
      followerTypes: { schools: 40, clubs: 12, individuals: 290, other: 10 },
      posts: 21,
      source: 'manual',
      recordedBy: 'Alex Admin',
    });
    expect(await h.call('figures.list', { accountId: h.x })).toEqual([saved]);
    expect(await h.call('figures.list', { accountId: h.facebook })).toEqual([]);
    const audit = await h.audit('figures.saved');
    expect(audit[0]).toMatchObject({ targetLabel: '@stmaryspe', details: { figuresId: saved.id, from: '2026-09-01' } });
  });

  it('refuses numbers that are not whole, negative numbers, and an end date before the start', async () => {
    const h = await ready();
    const fraction = await h.refused('figures.save', figures(h.x, { posts: 2.5 }), 'INVALID_INPUT');
    expect(fraction.message).toContain('Posts must be a whole number');
    const negative = await h.refused('figures.save', figures(h.x, { likes: -1 }), 'INVALID_INPUT');
    expect(negative.message).toContain('Likes cannot be negative');
    const text = await h.refused('figures.save', { ...figures(h.x), shares: '12' }, 'INVALID_INPUT');
    expect(text.message).toContain('Shares must be a whole number');
    const backwards = await h.refused(
      'figures.save',
      figures(h.x, { from: '2026-09-30', to: '2026-09-01' }),
      'INVALID_INPUT',
    );
    expect(backwards.message).toContain('The end date must be after the start date');
    const unreal = await h.refused(
      'figures.save',
      figures(h.x, { from: '2026-02-30', to: '2026-03-31' }),
      'INVALID_INPUT',
    );
    expect(unreal.message).toContain('The start date is not a real date');
    expect(await h.call('figures.list', { accountId: null })).toEqual([]);
  });

  it('refuses an overlapping period, naming the figures already saved', async () => {
    const h = await ready();
    await h.call('figures.save', figures(h.x));
    const overlap = await h.refused('figures.save', figures(h.x, { from: '2026-09-20', to: '2026-10-31' }), 'CONFLICT');
    expect(overlap.message).toContain('already cover 01/09/2026 to 30/09/2026');
    expect(overlap.message).toContain('choose to merge');
    // The same dates on another account do not overlap anything.
    await h.call('figures.save', figures(h.facebook, { from: '2026-09-20', to: '2026-10-31' }));
    // Touching periods (next day on) are fine.
    await h.call(
      'figures.save',
      figures(h.x, { from: '2026-10-01', to: '2026-10-31', followersStart: 352, followersEnd: 360 }),
    );
    expect(await h.call('figures.list', { accountId: h.x })).toHaveLength(2);
  });

  it('merges overlapping figures when asked: one entry over both periods, counts added', async () => {
    const h = await ready();
    const first = await h.call('figures.save', figures(h.x));
    const merged = await h.call(
      'figures.save',
      figures(h.x, {
        from: '2026-09-25',
        to: '2026-10-31',
        followersStart: 350,
        followersEnd: 371,
        posts: 10,
        shares: 1,
        mentions: 2,
        likes: 3,
        onOverlap: 'merge',
      }),
    );
    expect(merged).toMatchObject({
      from: '2026-09-01',
      to: '2026-10-31',
      followersStart: 340,
      followersEnd: 371,
      newFollowers: 31,
      posts: 31,
      shares: 35,
      mentions: 11,
      likes: 121,
    });
    expect(merged.notes).toContain('Merged with 01/09/2026 to 30/09/2026');
    expect((await h.call('figures.list', { accountId: h.x })).map((f) => f.id)).toEqual([merged.id]);
    const audit = await h.audit('figures.saved');
    expect(audit[0]!.details).toMatchObject({ merged: [{ id: first.id, from: '2026-09-01', to: '2026-09-30' }] });
  });

  it('updates and deletes an entry; an update does not clash with itself', async () => {
    const h = await ready();
    const saved = await h.call('figures.save', figures(h.x));
    const updated = await h.call('figures.update', {
      id: saved.id,
      figures: figures(h.x, { posts: 22, to: '2026-10-02' }),
    });
    expect(updated).toMatchObject({ id: saved.id, posts: 22, to: '2026-10-02' });
    expect(await h.call('figures.delete', { id: saved.id })).toEqual({ deleted: true });
    expect(await h.call('figures.list', { accountId: null })).toEqual([]);
    await h.refused('figures.delete', { id: saved.id }, 'NOT_FOUND');
    expect((await h.audit('figures.deleted'))[0]!.details).toMatchObject({ figuresId: saved.id });
  });

  it('refuses writes while the vault is locked, and leaves nothing behind', async () => {
    const h = await ready();
    await h.call('vault.lock', {});
    await h.refused('figures.save', figures(h.x), 'VAULT_LOCKED');
    expect(await h.call('figures.list', { accountId: null })).toEqual([]);
  });
});
