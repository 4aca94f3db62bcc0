import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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
seedRegister(core.context.db, 2000, 400);
for (const c of ['compliance.needsYou', 'accounts.list', 'compliance.list', 'rotations.list', 'compliance.status']) {
  console.log('==', c);
  await value(core, c);
}
await core.close();
