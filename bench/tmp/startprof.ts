import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Session } from 'node:inspector/promises';
import { createCore } from '../../electron/core/create-core';
import { createMemoryStore } from '../../electron/vault/keytar-store';
import { createTestPlatform } from '../../test/support/test-platform';
import { seedRegister } from '../seed';
import { value } from '../channels';
import { dashboardChannels } from '../startup';

const dataDir = mkdtempSync(join(tmpdir(), 'kh-prof-'));
const secretStore = createMemoryStore();
const opts = () => ({ dataDir, secretStore, platform: createTestPlatform(), log: () => undefined });
let core = createCore(opts());
await core.start();
await core.dispatch('vault.setup', { schoolName: 'Bench Academy', administratorName: 'Bench Admin' });
await core.dispatch('settings.update', { schoolEmailDomain: 'school.sch.uk' });
seedRegister(core.context.db, 10000, 2000);
await core.close();
const inputs: Record<string, unknown> = {
  'issues.list': { status: 'open', accountId: null },
  'audit.list': { action: 'report.exported', from: '2000-01-01' },
};
const session = new Session();
session.connect();
await session.post('Profiler.enable');
await session.post('Profiler.setSamplingInterval', { interval: 100 });
await session.post('Profiler.start');
for (let r = 0; r < 6; r++) {
  core = createCore(opts());
  await core.start();
  for (const c of dashboardChannels) await value(core, c, inputs[c] ?? {});
  await core.close();
}
const { profile } = await session.post('Profiler.stop');
writeFileSync('/tmp/prof.cpuprofile', JSON.stringify(profile));
