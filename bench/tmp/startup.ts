import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCore } from '../../electron/core/create-core';
import { createMemoryStore } from '../../electron/vault/keytar-store';
import { createTestPlatform } from '../../test/support/test-platform';
import { seedRegister } from '../seed';
import { value } from '../channels';
import { dashboardChannels } from '../startup';
import { median } from '../measure';

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
const res: Record<string, number[]> = {};
for (let r = 0; r < 7; r++) {
  let s = performance.now();
  core = createCore(opts());
  (res['createCore'] ??= []).push(performance.now() - s);
  s = performance.now();
  await core.start();
  (res['start'] ??= []).push(performance.now() - s);
  for (const c of dashboardChannels) {
    s = performance.now();
    await value(core, c, inputs[c] ?? {});
    (res[c] ??= []).push(performance.now() - s);
  }
  s = performance.now();
  await value(core, 'accounts.list');
  (res['accounts.list'] ??= []).push(performance.now() - s);
  await core.close();
}
let tot = 0;
for (const [k, v] of Object.entries(res)) {
  const m = median(v.slice(1));
  if (k !== 'accounts.list') tot += m;
  console.log(k.padEnd(24), m.toFixed(1));
}
console.log('total', tot.toFixed(1));
