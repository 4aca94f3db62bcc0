import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCore } from '../../electron/core/create-core';
import { createMemoryStore } from '../../electron/vault/keytar-store';
import { createTestPlatform } from '../../test/support/test-platform';
import { seedRegister } from '../seed';
const dataDir = mkdtempSync(join(tmpdir(), 'kh-prof-'));
const core = createCore({
  dataDir,
  secretStore: createMemoryStore(),
  platform: createTestPlatform(),
  log: () => undefined,
});
await core.start();
await core.dispatch('vault.setup', { schoolName: 'Bench Academy', administratorName: 'Bench Admin' });
seedRegister(core.context.db, 10000, 2000);
const db = core.context.db;
const qs = {
  acc: `SELECT a.id FROM accounts a LEFT JOIN account_secrets s ON s.account_id = a.id AND s.field = 'password' LEFT JOIN people lp ON lp.id = a.lead_person_id ORDER BY a.platform, a.handle COLLATE NOCASE, a.id`,
  run: `SELECT r.account_id, p.name FROM account_runners r JOIN people p ON p.id = r.person_id ORDER BY p.name`,
  hold: `SELECT h.account_id, p.name FROM account_holders h JOIN people p ON p.id = h.person_id WHERE h.removed_on IS NULL ORDER BY h.id`,
  hold2: `SELECT account_id, person_id, override_reason, authorised_by IS NOT NULL FROM account_holders WHERE removed_on IS NULL ORDER BY id`,
  run2: `SELECT account_id, person_id FROM account_runners`,
  people: `SELECT id, name, status, leaving_on, policy_acknowledged_on, training_completed_on FROM people ORDER BY name`,
  holdfull: `SELECT h.account_id, p.name, p.status, p.leaving_on, p.policy_acknowledged_on, p.training_completed_on, h.override_reason, h.authorised_by IS NOT NULL FROM account_holders h JOIN people p ON p.id = h.person_id WHERE h.removed_on IS NULL ORDER BY h.id`,
  rot: `SELECT a.id FROM accounts a LEFT JOIN account_secrets s ON s.account_id = a.id AND s.field = 'password' LEFT JOIN rotations r ON r.account_id = a.id AND r.status = 'pending' WHERE a.status NOT IN ('closed', 'transferred')`,
};
for (const [k, q] of Object.entries(qs)) {
  console.log('==', k, (db.prepare('EXPLAIN QUERY PLAN ' + q).all() as any[]).map((r) => r.detail).join(' | '));
  const st = db.prepare(q).raw();
  const t0 = performance.now();
  for (let i = 0; i < 5; i++) st.all();
  console.log('ms', ((performance.now() - t0) / 5).toFixed(1));
}
console.log(
  db
    .prepare("SELECT sql FROM sqlite_master WHERE name IN ('account_secrets','account_runners','account_holders')")
    .pluck()
    .all()
    .join('\n'),
);
console.log(
  db.prepare('SELECT count(*) FROM account_runners').pluck().get(),
  db.prepare('SELECT count(*) FROM account_holders').pluck().get(),
);
await core.close();
