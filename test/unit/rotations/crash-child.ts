import { writeSync } from 'node:fs';
import { join } from 'node:path';
import { createCore } from '../../../electron/core/create-core';
import type { SecretsService } from '../../../electron/secrets/secrets';
import type { Db } from '../../../electron/db/open';
import type { IpcResult, RotationDetail } from '../../../shared/contract';
import { createTestPlatform } from '../../support/test-platform';
import { createFileStore } from '../../support/file-store';

/**
 * The process crash-safety.test.ts kills. Run as
 * `node bench/launch.mjs test/unit/rotations/crash-child.ts` (the test runs a Vite build of it) with:
 *   CRASH_DIR      the vault folder (set up by the test, with one account)
 *   CRASH_ACCOUNT  the account's id
 *   CRASH_FLOW     "confirm" or "abandon": one rotation, typed CRASH_NEW;
 *                  "loop": generated rotations one after another until killed
 *   CRASH_PAUSE    a step name: print it, then block there (inside the
 *                  transaction for the "...-written" and "...:before-commit"
 *                  steps) until the test kills the process
 * Every step prints "STEP <name>" on stdout before anything after it runs.
 */
const env = (name: string) => process.env[name] ?? '';
const dataDir = env('CRASH_DIR');
const accountId = Number(env('CRASH_ACCOUNT'));
const flow = env('CRASH_FLOW');
const pauseAt = env('CRASH_PAUSE');

/** Straight to the pipe, synchronously, so the line is out before the next step. */
const say = (line: string) => writeSync(1, `${line}\n`);
let phase = '';

function step(name: string): void {
  say(`STEP ${name}`);

  if (name === pauseAt) {
    // Blocks this thread (and so any open transaction) until SIGKILL.
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0);
  }
}

const core = createCore({
  dataDir,
  secretStore: createFileStore(join(dataDir, 'keychain.json')),
  platform: createTestPlatform(),
  log: () => undefined,
});
step('core-created');

// Hooks that stop inside the rotation's transaction: after the secret is
// written, and after the whole body ran but before COMMIT.
const db: Db = core.context.db;
const transaction = db.transaction.bind(db);
db.transaction = ((fn: (...args: unknown[]) => unknown) =>
  transaction((...args: unknown[]) => {
    const result = fn(...args);
    if (phase) step(`${phase}:before-commit`);
    return result;
  })) as unknown as Db['transaction'];
const writeSecret = core.secrets.writeSecret.bind(core.secrets);
core.secrets.writeSecret = ((...args: Parameters<SecretsService['writeSecret']>) => {
  writeSecret(...args);
  if (phase) step(`${phase}:${args[2]}-written`);
}) as SecretsService['writeSecret'];

async function call<T>(channel: string, input: unknown): Promise<T> {
  const result = (await core.dispatch(channel, input)) as IpcResult<T>;
  if (!result.ok) throw new Error(`${channel} was refused: ${result.error.code} ${result.error.message}`);
  return result.value;
}

async function run(name: 'start' | 'confirm' | 'abandon', channel: string, input: unknown): Promise<RotationDetail> {
  phase = name;
  const detail = await call<RotationDetail>(channel, input);
  phase = '';
  step(`${name}:committed`);
  return detail;
}

await core.start();
step('unlocked');

if (flow === 'loop') {
  // The password checker builds its dictionaries on first use; do that before the clock starts.
  await call('vault.checkPassword', { password: 'warm-up' });
  step('loop-start');
  for (let i = 0; ; i += 1) {
    const { rotationId } = await call<RotationDetail>('rotations.start', { accountId, reason: `Loop ${i}` });
    const candidate = core.secrets.decryptField(accountId, 'pendingPassword');
    say(`PENDING ${JSON.stringify({ i, candidate })}`);
    if (i % 3 === 2) {
      await call('rotations.abandon', { rotationId, note: 'loop' });
      say(`ABANDONED ${i}`);
    } else {
      await call('rotations.confirm', { rotationId });
      say(`CONFIRMED ${i}`);
    }
  }
} else {
  const { rotationId } = await run('start', 'rotations.start', {
    accountId,
    reason: 'Crash test',
    password: env('CRASH_NEW'),
  });
  if (flow === 'abandon') await run('abandon', 'rotations.abandon', { rotationId, note: 'Crash test' });
  else await run('confirm', 'rotations.confirm', { rotationId });
  core.close();
  step('closed');
}
