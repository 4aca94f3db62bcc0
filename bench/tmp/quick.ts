import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCore } from '../../electron/core/create-core';
import { createMemoryStore } from '../../electron/vault/keytar-store';
import { createTestPlatform } from '../../test/support/test-platform';
import { seedRegister } from '../seed';
import { measureChannels } from '../channels';
import { measureStartup } from '../startup';
import { formatTable, MemorySampler } from '../measure';
const dataDir = mkdtempSync(join(tmpdir(), 'kh-prof-'));
const secretStore = createMemoryStore();
const opts = () => ({ dataDir, secretStore, platform: createTestPlatform(), log: () => undefined });
const core = createCore(opts());
await core.start();
await core.dispatch('vault.setup', { schoolName: 'Bench Academy', administratorName: 'Bench Admin' });
await core.dispatch('settings.update', { schoolEmailDomain: 'school.sch.uk' });
seedRegister(core.context.db, 10000, 2000);
const memory = new MemorySampler();
const ch = await measureChannels(core, memory, { runs: 7, warmup: 2, size: 10000 });
await core.close();
const st = await measureStartup(opts, 7, memory);
memory.stop();
console.log(
  formatTable([
    ...ch.rows,
    { name: 'startup', value: st.startup, target: { max: 300 } },
    { name: 'open accounts', value: st.openAccounts },
  ]),
);
