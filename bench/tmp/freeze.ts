import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCore } from '../../electron/core/create-core';
import { createMemoryStore } from '../../electron/vault/keytar-store';
import { createTestPlatform } from '../../test/support/test-platform';
import { seedRegister } from '../seed';
import { loadRegister } from '../../electron/accounts/register-rows';
import { readRotations } from '../../electron/rotations/due';
import { readSettings } from '../../electron/settings/settings-store';
import { deepFreeze } from '../../electron/lib/deep-freeze';
import { median } from '../measure';
import { accountStatus } from '../../shared/policy/account-status';

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
const res: Record<string, number[]> = {};
const t = (name: string, fn: () => unknown) => {
  const s = performance.now();
  const r = fn();
  (res[name] ??= []).push(performance.now() - s);
  return r;
};
for (let i = 0; i < 9; i++) {
  const st = readSettings(db);
  const reg = t('loadRegister', () => loadRegister(db, st)) as ReturnType<typeof loadRegister>;
  t('freeze register', () => deepFreeze(reg));
  const rot = t('readRotations', () => readRotations(db, st, now)) as ReturnType<typeof readRotations>;
  t('freeze rot', () => rot.map(deepFreeze));
  const ws = new WeakSet<object>();
  t('weakset 10k', () => {
    for (const a of reg.accounts) ws.add(a);
  });
  const rmap = new Map(rot.map((r) => [r.accountId, r]));
  const by = new Map<number, typeof reg.breaches>();
  for (const b of reg.breaches) {
    const l = by.get(b.accountId);
    if (l) l.push(b);
    else by.set(b.accountId, [b]);
  }
  const states = t('accountStatus 10k', () =>
    reg.accounts.map((a) =>
      accountStatus({
        account: {
          id: a.id,
          label: a.handle,
          status: a.status,
          approvedOn: a.approvedOn,
          hasLead: a.leadName !== null,
          hasPassword: a.passwordSetAt !== null,
          launch: { launchedOn: a.launchedOn, sltToldOn: a.sltToldOn, websiteLinkedOn: a.websiteLinkedOn },
        },
        breaches: by.get(a.id) ?? [],
        rotation: rmap.get(a.id) ?? null,
      }),
    ),
  );
  t('freeze states', () => deepFreeze(states));
}
for (const [k, v] of Object.entries(res)) console.log(k.padEnd(24), median(v.slice(2)).toFixed(1));
const reg = loadRegister(db, readSettings(db));
console.log('breaches', reg.breaches.length);
const kinds: Record<string, number> = {};
const rot = readRotations(db, readSettings(db), now);
console.log('rot', rot.length);
await core.close();
