import fc from 'fast-check';
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { genesisHash } from '../../../electron/audit/audit-log';
import { canonicalJson } from '../../../electron/audit/canonical-json';
import type { Core } from '../../../electron/core/create-core';
import { useTempDirs } from '../../support/temp-dir';
import { addAccount, administrator, call, manualClock, setUpVault, useCores } from '../vault/core-harness';

/**
 * The append-only, hash-chained audit log: how entries chain, how tampering
 * is found and named, how the list is filtered, and who is recorded.
 */
const tempDir = useTempDirs('keyholder-audit-');
const openCore = useCores();

interface Row {
  id: number;
  at: string;
  actor: string;
  action: string;
  target_type: string | null;
  target_id: number | null;
  target_label: string | null;
  details: string;
  prev_hash: string;
  hash: string;
}

function rows(core: Core): Row[] {
  return core.context.db.prepare('SELECT * FROM audit_log ORDER BY id').all() as Row[];
}

/** A vault with a few days of history: accounts, secrets, a reveal, a lock and an unlock. */
async function busyVault() {
  const clock = manualClock('2025-01-06T09:00:00.000Z');
  const harness = openCore(tempDir(), { clock });
  await setUpVault(harness.core);
  const news = await addAccount(harness.core, '@stmarysnews');
  clock.set('2025-01-07T10:30:00.000Z');
  const pe = await addAccount(harness.core, 'St Marys PE', 'facebook');
  const secret = { field: 'password', value: 'Wren~Slate-6624-Foxglove', source: 'typed', reason: 'Set up' } as const;
  await call(harness.core, 'secrets.set', { accountId: news.id, ...secret });
  clock.set('2025-01-09T23:59:59.000Z');
  await call(harness.core, 'secrets.set', { accountId: pe.id, ...secret });
  await call(harness.core, 'secrets.reveal', { accountId: pe.id, field: 'password' });
  clock.set('2025-01-10T00:00:00.000Z');
  await call(harness.core, 'vault.lock', {});
  await call(harness.core, 'vault.unlock', {});
  return { ...harness, clock, news, pe };
}

/**
 * Edits the log as someone with the file would: drop the append-only
 * triggers, change it, and put the triggers back so the schema looks untouched.
 */
function tamper(core: Core, edit: () => void): void {
  const db = core.context.db;
  const triggers = db
    .prepare("SELECT sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'audit_log'")
    .all() as { sql: string }[];
  db.exec('DROP TRIGGER audit_log_no_update; DROP TRIGGER audit_log_no_delete;');
  edit();
  for (const { sql } of triggers) db.exec(sql);
}

describe('the hash chain', () => {
  it('starts at 64 zeros and links each entry to the hash of the one before', async () => {
    const { core } = await busyVault();
    const log = rows(core);
    expect(log.length).toBe(8);
    expect(genesisHash).toBe('0'.repeat(64));
    expect(log[0]?.prev_hash).toBe(genesisHash);
    for (const [index, row] of log.entries()) {
      if (index > 0) expect(row.prev_hash).toBe(log[index - 1]?.hash);
      const body = canonicalJson({
        at: row.at,
        actor: row.actor,
        action: row.action,
        targetType: row.target_type,
        targetId: row.target_id,
        targetLabel: row.target_label,
        details: JSON.parse(row.details) as unknown,
      });
      expect(row.hash).toBe(createHash('sha256').update(row.prev_hash).update(body).digest('hex'));
    }
    expect(new Set(log.map((row) => row.hash)).size).toBe(log.length);
  });

  it('verifies an untouched log', async () => {
    const { core } = await busyVault();
    expect(await call(core, 'audit.verify', {})).toEqual({
      ok: true,
      checked: 8,
      firstBadId: null,
      damage: null,
      sealsChecked: true,
      message: 'All 8 audit entries verify.',
    });
  });

  it('refuses UPDATE and DELETE while the triggers are in place', async () => {
    const { core } = await busyVault();
    expect(() => core.context.db.prepare("UPDATE audit_log SET actor = 'Mallory' WHERE id = 2").run()).toThrow(
      /append-only/,
    );
    expect(() => core.context.db.prepare('DELETE FROM audit_log WHERE id = 2').run()).toThrow(/append-only/);
  });

  it.each([
    ['details', `details = '{"platform":"instagram"}'`],
    ['actor', "actor = 'Mallory'"],
    ['time', "at = '2025-01-06T09:00:01.000Z'"],
    ['action', "action = 'account.viewed'"],
  ])('names the entry whose %s was altered', async (_label, change) => {
    const { core } = await busyVault();
    tamper(core, () => core.context.db.exec(`UPDATE audit_log SET ${change} WHERE id = 2`));
    const result = await call(core, 'audit.verify', {});
    expect(result).toMatchObject({ ok: false, checked: 1, firstBadId: 2, damage: 'altered' });
    expect(result.message).toMatch(/^Audit entry 2 /);
  });

  it('names the entry after one deleted from the middle', async () => {
    const { core } = await busyVault();
    tamper(core, () => core.context.db.exec('DELETE FROM audit_log WHERE id = 5'));
    const result = await call(core, 'audit.verify', {});
    expect(result).toMatchObject({ ok: false, checked: 4, firstBadId: 6, damage: 'missing' });
    expect(result.message).toContain('audit entry 6');
  });

  it('catches an entry rewritten with a freshly computed hash at that entry: its seal no longer matches', async () => {
    const { core } = await busyVault();
    const row = rows(core)[3] as Row;
    const forged = { ...row, actor: 'Mallory' };
    const body = canonicalJson({
      at: forged.at,
      actor: forged.actor,
      action: forged.action,
      targetType: forged.target_type,
      targetId: forged.target_id,
      targetLabel: forged.target_label,
      details: JSON.parse(forged.details) as unknown,
    });
    const hash = createHash('sha256').update(forged.prev_hash).update(body).digest('hex');
    tamper(core, () =>
      core.context.db.prepare("UPDATE audit_log SET actor = 'Mallory', hash = ? WHERE id = ?").run(hash, row.id),
    );
    // Before sealing this was only caught at the next entry, whose link no longer matched.
    expect(await call(core, 'audit.verify', {})).toMatchObject({ ok: false, firstBadId: row.id, damage: 'forged' });
  });
});

describe('canonicalJson', () => {
  /** The same value with the keys of every object in reverse order. */
  function reversed(value: unknown): unknown {
    if (Array.isArray(value)) return value.map(reversed);
    if (value === null || typeof value !== 'object') return value;
    return Object.fromEntries(
      Object.entries(value)
        .reverse()
        .map(([key, item]) => [key, reversed(item)]),
    );
  }

  it('gives the same text whatever order the keys were added in', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        expect(canonicalJson(reversed(value))).toBe(canonicalJson(value));
        expect(JSON.parse(canonicalJson(value))).toEqual(JSON.parse(JSON.stringify(value)));
      }),
      { numRuns: 300 },
    );
    expect(canonicalJson({ b: 1, a: { d: [3, { z: 1, y: 2 }], c: null } })).toBe(
      '{"a":{"c":null,"d":[3,{"y":2,"z":1}]},"b":1}',
    );
  });

  it('keeps array order and leaves out undefined values', () => {
    expect(canonicalJson([2, 1])).not.toBe(canonicalJson([1, 2]));
    expect(canonicalJson({ a: 1, b: undefined })).toBe('{"a":1}');
  });
});

describe('audit.list', () => {
  it('filters by target, action and dates, newest first', async () => {
    const { core, news, pe } = await busyVault();
    const forNews = await call(core, 'audit.list', { targetType: 'account', targetId: news.id });
    expect(forNews.map((entry) => entry.action)).toEqual(['secret.set', 'account.created']);
    expect(forNews.every((entry) => entry.targetLabel === '@stmarysnews')).toBe(true);
    const reveals = await call(core, 'audit.list', { action: 'secret.revealed' });
    expect(reveals.map((entry) => [entry.targetId, entry.details])).toEqual([[pe.id, { field: 'password' }]]);

    const days = async (filter: { from?: string; to?: string }) =>
      (await call(core, 'audit.list', filter)).map((entry) => entry.at.slice(0, 10));
    expect(await days({ from: '2025-01-07', to: '2025-01-07' })).toEqual(['2025-01-07', '2025-01-07']);
    // "to" takes in the whole day, up to 23:59:59.
    expect(await days({ from: '2025-01-08', to: '2025-01-09' })).toEqual(['2025-01-09', '2025-01-09']);
    expect(await days({ from: '2025-01-10' })).toEqual(['2025-01-10', '2025-01-10']);
    expect(await days({ to: '2025-01-06' })).toEqual(['2025-01-06', '2025-01-06']);
    expect((await call(core, 'audit.list', { limit: 3 })).map((entry) => entry.id)).toEqual([8, 7, 6]);
    expect(await call(core, 'audit.list', { targetType: 'account', targetId: 999 })).toEqual([]);
  });

  it("records setup, accounts, secrets, copies, locks and unlocks under the administrator's name", async () => {
    const { core, news } = await busyVault();
    await call(core, 'secrets.copy', { accountId: news.id, field: 'password' });
    const entries = await call(core, 'audit.list', {});
    expect(entries.map((entry) => entry.action).reverse()).toEqual([
      'vault.created',
      'account.created',
      'account.created',
      'secret.set',
      'secret.set',
      'secret.revealed',
      'vault.locked',
      'vault.unlocked',
      'secret.copied',
    ]);
    expect(new Set(entries.map((entry) => entry.actor))).toEqual(new Set([administrator]));
    expect(entries.find((entry) => entry.action === 'vault.locked')?.details).toEqual({ reason: 'manual' });
  });

  it("records a settings change under the administrator's name", async () => {
    const { core } = await busyVault();
    await call(core, 'settings.update', { clipboardSeconds: 45 });
    const [entry] = await call(core, 'audit.list', { action: 'settings.changed' });
    expect(entry?.actor).toBe(administrator);
    expect(entry?.details).toEqual({ clipboardSeconds: { from: 30, to: 45 } });
    expect((await call(core, 'audit.verify', {})).ok).toBe(true);
  });
});
