import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCore } from '../../electron/core/create-core';
import { createMemoryStore } from '../../electron/vault/keytar-store';
import { createTestPlatform } from '../../test/support/test-platform';
import { seedRegister } from '../seed';
import { value } from '../channels';
import { floors } from '../floors';
import { loadRegister } from '../../electron/accounts/register-rows';
import { readRotations } from '../../electron/rotations/due';
import { readSettings } from '../../electron/settings/settings-store';
import { registerRows } from '../../electron/accounts/register-list';
import { registerCache } from '../../electron/accounts/register-cache';
import { listRotations } from '../../electron/rotations/rotation-cache';
import { accountStates } from '../../electron/compliance/status';
import { median } from '../measure';

const dataDir = mkdtempSync(join(tmpdir(), 'kh-prof-'));
const core = createCore({
  dataDir,
  secretStore: createMemoryStore(),
  platform: createTestPlatform(),
  log: () => undefined,
});
await core.start();
await core.dispatch('vault.setup', { schoolName: 'Bench Academy', administratorName: 'Bench Admin' });
await core.dispatch('settings.update', { schoolEmailDomain: 'school.sch.uk' });
seedRegister(core.context.db, 10000, 2000);
const db = core.context.db;
const now = new Date('2026-11-23T12:00:00Z');
const forget = () =>
  db.exec('INSERT INTO temp.register_changes VALUES (0); INSERT INTO temp.rotation_changes VALUES (0);');
for (const c of ['accounts.list', 'compliance.list', 'rotations.list']) await value(core, c);
const f = floors(db);
const res: Record<string, number[]> = {};
const t = async (name: string, fn: () => unknown, before?: () => void) => {
  before?.();
  const s = performance.now();
  await fn();
  (res[name] ??= []).push(performance.now() - s);
};
const touch = db.prepare('UPDATE accounts SET notes = ? WHERE id = ?');
let w = 0;
for (let i = 0; i < 9; i++) {
  await t('floor arrays acc', f['accounts.list'].arrays);
  await t('floor sqlite acc', f['accounts.list'].sqlite);
  await t('floor arrays comp', f['compliance.list'].arrays);
  await t('floor arrays rot', f['rotations.list'].arrays);
  const st = readSettings(db);
  await t('loadRegister', () => loadRegister(db, st));
  await t('readRotations', () => readRotations(db, st, now));
  await t('cache list cold', () => registerCache(db).list(), forget);
  await t('rot cache cold', () => listRotations(db, now), forget);
  await t('states cold', () => accountStates(db, now), forget);
  await t('registerRows cold', () => registerRows(db, now), forget);
  await t('accounts.list cold', () => value(core, 'accounts.list'), forget);
  await t('compliance.list cold', () => value(core, 'compliance.list'), forget);
  await t('rotations.list cold', () => value(core, 'rotations.list'), forget);
  await t(
    'accounts.list write',
    () => value(core, 'accounts.list'),
    () => touch.run('n' + ++w, 1 + (w % 500)),
  );
  await t(
    'compliance.list write',
    () => value(core, 'compliance.list'),
    () => touch.run('n' + ++w, 1 + (w % 500)),
  );
}
for (const [k, v] of Object.entries(res)) console.log(k.padEnd(24), median(v.slice(2)).toFixed(1));
await core.close();
