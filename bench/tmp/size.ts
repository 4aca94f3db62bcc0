import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serialize } from 'node:v8';
import { createCore } from '../../electron/core/create-core';
import { createMemoryStore } from '../../electron/vault/keytar-store';
import { createTestPlatform } from '../../test/support/test-platform';
import { seedRegister } from '../seed';
import { value } from '../channels';
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
const r = await value<any>(core, 'compliance.needsYou');
const s = performance.now();
structuredClone(r);
const t = performance.now() - s;
console.log('items', r.accountItems.length, 'MB', serialize(r).byteLength / 1e6, 'clone ms', t.toFixed(1));
const groups: Record<string, number> = {};
for (const i of r.accountItems) groups[i.group] = (groups[i.group] ?? 0) + 1;
console.log(groups);

const { needsYou } = await import('../../shared/policy/needs-you');
const n = needsYou({
  today: r.today,
  accounts: [],
  accountItems: r.accountItems,
  liveAccounts: r.liveAccounts,
  pending: [],
  issues: [],
  handovers: [],
  termReport: null,
  backup: null,
});
const g = (l: any[]) => {
  const o: Record<string, number> = {};
  for (const i of l) o[i.group] = (o[i.group] ?? 0) + 1;
  return o;
};
console.log('now', n.now.length, g(n.now), 'coming', n.comingUp.length, g(n.comingUp));
let runs = 0;
let prev = '';
for (const i of n.comingUp) {
  if (i.group !== prev) runs++;
  prev = i.group;
}
console.log('coming runs', runs);
await core.close();
