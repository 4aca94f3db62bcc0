import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCore } from '../../electron/core/create-core';
import { createMemoryStore } from '../../electron/vault/keytar-store';
import { createTestPlatform } from '../../test/support/test-platform';
import { seedRegister } from '../seed';
import { readRotations, byUrgency } from '../../electron/rotations/due';
import { readSettings } from '../../electron/settings/settings-store';
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
const res: Record<string, number[]> = {};
const t = (name: string, fn: () => unknown) => {
  const s = performance.now();
  const r = fn();
  (res[name] ??= []).push(performance.now() - s);
  return r;
};
for (let i = 0; i < 9; i++) {
  const st = readSettings(db);
  const rot = t('readRotations', () => readRotations(db, st, now)) as ReturnType<typeof readRotations>;
  const shuffled = [...rot].sort((a, b) => a.accountId - b.accountId);
  t('sort', () => shuffled.sort(byUrgency));
}
const { Session } = await import('node:inspector/promises');
const session = new Session();
session.connect();
await session.post('Profiler.enable');
await session.post('Profiler.setSamplingInterval', { interval: 100 });
await session.post('Profiler.start');
const { loadRegister } = await import('../../electron/accounts/register-rows');
for (let i = 0; i < 10; i++) loadRegister(db, readSettings(db));
const { profile } = await session.post('Profiler.stop');
(await import('node:fs')).writeFileSync('/tmp/prof.cpuprofile', JSON.stringify(profile));
for (const [k, v] of Object.entries(res)) console.log(k.padEnd(24), median(v.slice(2)).toFixed(1));
await core.close();
