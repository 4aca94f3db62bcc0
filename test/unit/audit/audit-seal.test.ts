import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { appendAudit, hashEntry } from '../../../electron/audit/audit-log';
import { canonicalJson } from '../../../electron/audit/canonical-json';
import type { Core } from '../../../electron/core/create-core';
import { migrations } from '../../../electron/db/migrations';
import { openDatabase } from '../../../electron/db/open';
import { aad, encryptSecret, keyCheckPlaintext } from '../../../electron/vault/envelope';
import { createMemoryStore } from '../../../electron/vault/keytar-store';
import { useTempDirs } from '../../support/temp-dir';
import { addAccount, call, manualClock, refused, setUpVault, useCores } from '../vault/core-harness';

/**
 * The sealed chain: what someone who can write the database file, but not
 * read the keychain, can no longer do unnoticed. Each test tampers as such a
 * person would (dropping the append-only triggers and putting them back) and
 * checks what audit.verify names.
 */
const tempDir = useTempDirs('keyholder-seal-');
const openCore = useCores();

async function vault() {
  const clock = manualClock('2026-01-12T09:00:00.000Z');
  const harness = openCore(tempDir(), { clock });
  await setUpVault(harness.core);
  const account = await addAccount(harness.core, '@stmarysnews');
  await call(harness.core, 'secrets.set', {
    accountId: account.id,
    field: 'password',
    value: 'Wren~Slate-6624-Foxglove',
    source: 'typed',
    reason: 'Set up',
  });
  await call(harness.core, 'secrets.reveal', { accountId: account.id, field: 'password' });
  return { ...harness, clock, account };
}

function tamper(core: Core, edit: (db: Core['context']['db']) => void): void {
  const db = core.context.db;
  const triggers = db.prepare("SELECT sql FROM sqlite_master WHERE type = 'trigger'").all() as { sql: string }[];
  db.exec('DROP TRIGGER audit_log_no_update; DROP TRIGGER audit_log_no_delete;');
  edit(db);
  for (const { sql } of triggers) db.exec(sql);
}

const entryCount = (core: Core) =>
  (core.context.db.prepare('SELECT COUNT(*) AS n FROM audit_log').get() as { n: number }).n;

describe('the sealed audit chain', () => {
  it('seals every entry and the head, and verifies', async () => {
    const { core } = await vault();
    const rows = core.context.db.prepare('SELECT mac FROM audit_log').all() as { mac: string | null }[];
    expect(rows.every((row) => /^[0-9a-f]{64}$/.test(row.mac ?? ''))).toBe(true);
    expect(await call(core, 'audit.verify', {})).toMatchObject({ ok: true, damage: null, sealsChecked: true });
  });

  it('notices entries cut off the end', async () => {
    const { core } = await vault();
    const total = entryCount(core);
    tamper(core, (db) => db.prepare('DELETE FROM audit_log WHERE id > ?').run(total - 2));
    const result = await call(core, 'audit.verify', {});
    expect(result).toMatchObject({ ok: false, damage: 'truncated', checked: total - 2 });
    expect(result.message).toMatch(/2 audit entries have been removed from the end/);
  });

  it('notices every entry deleted, and every entry deleted with the head', async () => {
    const { core } = await vault();
    tamper(core, (db) => db.exec('DELETE FROM audit_log'));
    expect(await call(core, 'audit.verify', {})).toMatchObject({ ok: false, damage: 'truncated', checked: 0 });
    tamper(core, (db) => db.exec('DELETE FROM audit_head'));
    expect(await call(core, 'audit.verify', {})).toMatchObject({ ok: false, damage: 'truncated' });
  });

  it('notices a chain rewritten with every SHA-256 recomputed', async () => {
    const { core } = await vault();
    tamper(core, (db) => {
      let prev = '0'.repeat(64);
      const rows = db.prepare('SELECT * FROM audit_log ORDER BY id').all() as {
        id: number;
        at: string;
        action: string;
        target_type: string | null;
        target_id: number | null;
        target_label: string | null;
        details: string;
      }[];
      for (const row of rows) {
        const body = canonicalJson({
          at: row.at,
          actor: 'Mallory',
          action: row.action,
          targetType: row.target_type,
          targetId: row.target_id,
          targetLabel: row.target_label,
          details: JSON.parse(row.details) as unknown,
        });
        const hash = createHash('sha256').update(prev).update(body).digest('hex');
        db.prepare("UPDATE audit_log SET actor = 'Mallory', prev_hash = ?, hash = ? WHERE id = ?").run(
          prev,
          hash,
          row.id,
        );
        prev = hash;
      }
    });
    expect(await call(core, 'audit.verify', {})).toMatchObject({ ok: false, damage: 'forged', firstBadId: 1 });
  });

  it('notices an entry added without the key', async () => {
    const { core } = await vault();
    tamper(core, (db) => {
      const last = db.prepare('SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1').get() as {
        id: number;
        hash: string;
      };
      db.prepare(
        "INSERT INTO audit_log (id, at, actor, action, details, prev_hash, hash) VALUES (?, '2026-01-12T10:00:00.000Z', 'Mallory', 'x', '{}', ?, ?)",
      ).run(last.id + 1, last.hash, 'f'.repeat(64));
    });
    expect((await call(core, 'audit.verify', {})).ok).toBe(false);
  });

  it('finds a planted trigger at once, and refuses to open the vault with it', async () => {
    const { core, dataDir, account } = await vault();
    core.context.db.exec(
      "CREATE TRIGGER hide_reveals AFTER INSERT ON audit_log WHEN NEW.action = 'secret.revealed' BEGIN SELECT 1; END",
    );
    const result = await call(core, 'audit.verify', {});
    expect(result).toMatchObject({ ok: false, damage: 'schema' });
    expect(result.message).toContain('hide_reveals');
    await call(core, 'secrets.reveal', { accountId: account.id, field: 'password' });
    await core.close();
    expect(() => openCore(dataDir)).toThrow(/changed outside Keyholder \(an extra trigger named "hide_reveals"\)/);
  });

  it('checks the chain at unlock and says so when it was tampered with', async () => {
    const { core } = await vault();
    await call(core, 'vault.lock', {});
    tamper(core, (db) => db.exec("UPDATE audit_log SET actor = 'Mallory' WHERE id = 2"));
    const status = await call(core, 'vault.unlock', {});
    expect(status.state).toBe('unlocked');
    expect(status.auditProblem).toMatch(/Audit entry 2 .* was changed after it was written/);
  });

  it('checks only the hashes while locked, and says the seals need the vault unlocked', async () => {
    const { core } = await vault();
    await call(core, 'vault.lock', {});
    const result = await call(core, 'audit.verify', {});
    expect(result).toMatchObject({ ok: true, sealsChecked: false });
    expect(result.message).toMatch(/Unlock the vault to check their seals/);
  });
});

describe('well-formed text', () => {
  it('refuses a lone surrogate in any text sent to Keyholder, and the chain still verifies', async () => {
    const { core } = await vault();
    const error = await refused(
      core,
      'people.create',
      { name: 'Anna \ud800Carter', roles: ['staff'] },
      'INVALID_INPUT',
    );
    expect(error.message).toMatch(/not valid text/);
    expect(await call(core, 'audit.verify', {})).toMatchObject({ ok: true });
  });

  it('stores and hashes exactly the same text when one reaches the log another way', async () => {
    const { core } = await vault();
    core.context.db.transaction(() => {
      appendAudit(core.context.db, new Date('2026-01-12T10:00:00.000Z'), {
        actor: 'Imported \ud800name',
        action: 'person.added',
        targetLabel: 'lone \udc00 surrogate',
      });
    })();
    const [entry] = await call(core, 'audit.list', { limit: 1 });
    expect(entry).toMatchObject({ actor: 'Imported \ufffdname', targetLabel: 'lone \ufffd surrogate' });
    expect(await call(core, 'audit.verify', {})).toMatchObject({ ok: true });
  });

  it('normalises names to one form, so "é" typed two ways is one name', async () => {
    const { core } = await vault();
    const person = await call(core, 'people.create', { name: 'Ame\u0301lie Roux', roles: ['staff'] });
    expect(person.name).toBe('Amélie Roux'.normalize('NFC'));
  });
});

describe('a vault from before sealing', () => {
  /** A version 6 vault as the earlier Keyholder left it: a hash chain, no seals, no audit key. */
  function legacyVault(dataDir: string) {
    const store = createMemoryStore();
    const key = randomBytes(32);
    const vaultId = randomUUID();
    store.entries.set(`Keyholder/${vaultId}`, key.toString('base64'));
    const { db } = openDatabase(join(dataDir, 'keyholder.db'), { migrations: migrations.slice(0, 6) });
    db.prepare(
      "INSERT INTO vault (singleton, id, created_at, key_check) VALUES (1, ?, '2025-09-01T08:00:00.000Z', ?)",
    ).run(vaultId, encryptSecret(key, keyCheckPlaintext, aad.keyCheck(vaultId)));
    let prev = '0'.repeat(64);
    for (const [id, action] of ['vault.created', 'account.created', 'vault.locked'].entries()) {
      const row = {
        at: `2025-09-0${id + 1}T08:00:00.000Z`,
        actor: 'Alex Admin',
        action,
        target_type: null,
        target_id: null,
        target_label: null,
        details: '{}',
      };
      const hash = hashEntry(prev, row);
      db.prepare(
        'INSERT INTO audit_log (id, at, actor, action, target_type, target_id, target_label, details, prev_hash, hash) VALUES (@id, @at, @actor, @action, @target_type, @target_id, @target_label, @details, @prev, @hash)',
      ).run({ ...row, id: id + 1, prev, hash });
      prev = hash;
    }
    db.close();
    return store;
  }

  it('is sealed at its first unlock, as it stands, and truncation is noticed from then on', async () => {
    const dataDir = tempDir();
    const store = legacyVault(dataDir);
    const { core } = openCore(dataDir, { store });
    await core.start();
    expect(core.vault.isUnlocked()).toBe(true);
    expect(core.vault.status().auditProblem).toBeNull();
    const actions = (await call(core, 'audit.list', {})).map((e) => e.action).reverse();
    expect(actions).toEqual(['vault.created', 'account.created', 'vault.locked', 'audit.sealed', 'vault.unlocked']);
    expect(await call(core, 'audit.verify', {})).toMatchObject({ ok: true, checked: 5 });
    tamper(core, (db) => db.exec('DELETE FROM audit_log WHERE id > 3'));
    expect(await call(core, 'audit.verify', {})).toMatchObject({ ok: false, damage: 'truncated' });
  });

  it('a sealed vault whose audit key was removed is not quietly re-sealed', async () => {
    const { core, dataDir, store } = await vault();
    await core.close();
    const db = new Database(join(dataDir, 'keyholder.db'));
    db.exec('UPDATE vault SET audit_key = NULL');
    db.close();
    const again = openCore(dataDir, { store });
    await again.core.start();
    expect(again.core.vault.status().auditProblem).toMatch(/audit log's key was removed/);
    expect(await call(again.core, 'audit.list', { action: 'audit.key-replaced' })).toHaveLength(1);
    expect((await call(again.core, 'audit.verify', {})).ok).toBe(false);
  });
});
