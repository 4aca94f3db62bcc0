import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Session } from 'node:inspector/promises';
import { writeFileSync } from 'node:fs';
import { createCore } from '../../electron/core/create-core';
import { createMemoryStore } from '../../electron/vault/keytar-store';
import { createTestPlatform } from '../../test/support/test-platform';
import { seedRegister } from '../seed';
import { value } from '../channels';

const channel = process.env.CH ?? 'accounts.list';
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
const forget = () =>
  core.context.db.exec('INSERT INTO temp.register_changes VALUES (0); INSERT INTO temp.rotation_changes VALUES (0);');
for (const c of ['accounts.list', 'compliance.list', 'rotations.list']) await value(core, c);
const times: number[] = [];
const touch0 = core.context.db.prepare('UPDATE accounts SET notes = ? WHERE id = ?');
for (let i = 0; i < 6; i++) {
  if (process.env.MODE === 'write') touch0.run('x' + i, 1 + i);
  else forget();
  const s = performance.now();
  await value(core, channel);
  times.push(performance.now() - s);
}
console.log('cold', channel, times.map((t) => t.toFixed(1)).join(' '));
const session = new Session();
session.connect();
await session.post('Profiler.enable');
await session.post('Profiler.setSamplingInterval', { interval: 100 });
await session.post('Profiler.start');
const touch = core.context.db.prepare('UPDATE accounts SET notes = ? WHERE id = ?');
const mode = process.env.MODE ?? 'cold';
for (let i = 0; i < (mode === 'cold' ? 10 : 60); i++) {
  if (mode === 'cold') forget();
  else touch.run('n' + i, 1 + (i % 400));
  await value(core, channel);
}
const { profile } = await session.post('Profiler.stop');
writeFileSync('/tmp/prof.cpuprofile', JSON.stringify(profile));
await core.close();
