import { writeSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { createCore } from '../../../electron/core/create-core';
import type { Db } from '../../../electron/db/open';
import type { IpcResult } from '../../../shared/contract';
import { createTestPlatform } from '../../support/test-platform';
import { createFileStore } from '../../support/file-store';

/**
 * The process restore-crash.test.ts kills: restores CRASH_BACKUP (passphrase
 * CRASH_PASSPHRASE) into the vault in CRASH_DIR, whose keychain is the
 * file store beside it. Every step prints "STEP <name>" before anything after
 * it runs; with CRASH_PAUSE set, the child blocks at that step until SIGKILL.
 * "copy:N" steps come from copying one page at a time (only when pausing in
 * the copy), so a kill lands inside SQLite's write transaction.
 */
const env = (name: string) => process.env[name] ?? '';
const dataDir = env('CRASH_DIR');
const pauseAt = env('CRASH_PAUSE');

const say = (line: string) => writeSync(1, `${line}\n`);
function step(name: string): void {
  say(`STEP ${name}`);
  // Blocks this thread (and any transaction it has open) until the test kills it.
  if (name === pauseAt) Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0);
}

if (pauseAt.startsWith('copy:')) {
  const backup = Database.prototype.backup;
  Database.prototype.backup = function (this: Db, destination: string) {
    return backup.call(this, destination, {
      progress: ({ totalPages, remainingPages }) => {
        step(`copy:${totalPages - remainingPages}`);
        return 1;
      },
    });
  } as typeof backup;
}

const platform = createTestPlatform();
const core = createCore({
  dataDir,
  secretStore: createFileStore(join(dataDir, 'keychain.json')),
  platform,
  log: () => undefined,
});
step('core-created');
const db: Db = core.context.db;
const exec = db.exec.bind(db);
db.exec = ((sql: string) => {
  const result = exec(sql);
  if (sql.startsWith('VACUUM INTO')) step('snapshot-written');
  return result;
}) as Db['exec'];

async function call<T>(channel: string, input: unknown): Promise<T> {
  const result = (await core.dispatch(channel, input)) as IpcResult<T>;
  if (!result.ok) throw new Error(`${channel} was refused: ${result.error.code} ${result.error.message}`);
  return result.value;
}

await core.start();
step('started');
platform.openPaths.push(env('CRASH_BACKUP'));
const { restoreId } = await call<{ restoreId: string }>('restore.open', {});
step('opened');
await call('restore.inspect', { restoreId, passphrase: env('CRASH_PASSPHRASE') });
step('inspected');
await call('restore.commit', { restoreId });
step('committed');
core.close();
step('closed');
