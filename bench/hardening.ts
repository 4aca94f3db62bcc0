import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Core } from '../electron/core/create-core';
import type { TestPlatform } from '../test/support/test-platform';
import { time, type Row } from './measure';
import { withKdf } from '../test/support/backup-files';

/**
 * How fast hostile input is turned away (issue: inputs that stall the main
 * process). A 10 MB typed array once took zod 4-7 s to describe; a crafted
 * backup header once froze Keyholder for about 43 s of Argon2 before the
 * passphrase was even tried.
 */
export async function measureHardening(core: Core, platform: TestPlatform, dir: string): Promise<Row[]> {
  const big = new Uint8Array(10 * 1024 * 1024);
  const typedArray = await time(20, async () => {
    const result = await core.dispatch('accounts.list', big);
    if (result.ok) throw new Error('A typed array was accepted');
  });

  const file = join(dir, 'bench.khbackup');
  platform.savePaths.push(file);
  const made = await core.dispatch('backup.create', { passphrase: 'Harbour-Lantern#Quarry-5821' });
  if (!made.ok) throw new Error(`Backup failed: ${made.error.message}`);
  const crafted = join(dir, 'crafted.khbackup');
  writeFileSync(crafted, withKdf(readFileSync(file), { memoryKiB: 1024 * 1024, iterations: 20 }));
  const header = await time(10, async () => {
    platform.openPaths.push(crafted);
    const result = await core.dispatch('restore.open', {});
    if (result.ok) throw new Error('A crafted header was accepted');
  });
  return [
    { name: 'refuse a 10 MB typed-array payload', value: typedArray, target: { max: 50 } },
    { name: 'refuse a backup header asking for 1 GiB x 20 passes', value: header, target: { max: 1000 } },
  ];
}
