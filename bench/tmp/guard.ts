import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Session } from 'node:inspector/promises';
import { createCore } from '../../electron/core/create-core';
import { createMemoryStore } from '../../electron/vault/keytar-store';
import { createTestPlatform } from '../../test/support/test-platform';
import { seedRegister } from '../seed';
import { registerRows } from '../../electron/accounts/register-list';
import { compileGuard } from '../../electron/core/output-guard';
import { contract } from '../../shared/contract';
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
seedRegister(core.context.db, 10000, 2000);
const db = core.context.db;
const now = new Date('2026-11-23T12:00:00Z');
const forget = () =>
  db.exec('INSERT INTO temp.register_changes VALUES (0); INSERT INTO temp.rotation_changes VALUES (0);');
registerRows(db, now);
const times: number[] = [];
const session = new Session();
session.connect();
await session.post('Profiler.enable');
await session.post('Profiler.setSamplingInterval', { interval: 50 });
for (let i = 0; i < 12; i++) {
  forget();
  const rows = registerRows(db, now);
  const guard = compileGuard(contract['accounts.list'].output as never);
  if (i === 4) await session.post('Profiler.start');
  const s = performance.now();
  const r = guard(rows);
  times.push(performance.now() - s);
  if (!r.ok) throw new Error('bad');
}
const { profile } = await session.post('Profiler.stop');
writeFileSync('/tmp/prof.cpuprofile', JSON.stringify(profile));
console.log('guard ms', median(times.slice(2)).toFixed(1), times.map((t) => t.toFixed(0)).join(' '));
await core.close();
