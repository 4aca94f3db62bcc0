import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, it, type ExpectStatic } from 'vitest';
import { createCore, type Core } from '../../../electron/core/create-core';
import { aad, decryptSecret } from '../../../electron/vault/envelope';
import { buildCrashChild, removeCrashChild, runCrashChild } from '../../support/crash-child';
import { createTestPlatform } from '../../support/test-platform';
import { createFileStore } from '../../support/file-store';
import { call } from '../../support/core-calls';

/**
 * Crash safety of the two-phase rotation: a child process runs a rotation on
 * a real vault and is killed with SIGKILL at each step boundary (and inside
 * the start, confirm and abandon transactions), then at random moments in a
 * run of back-to-back rotations. The child (crash-child.ts) is built once by
 * Vite (see test/support/crash-child.ts). After every kill a fresh core opens the
 * vault and checks: the old password is still current and decrypts, or the
 * new one is current with the old one in the history; never neither. Also
 * at most one pending change (with its encrypted password, or neither), an
 * intact audit chain and database, and a pending change that can still be
 * confirmed.
 */
const oldPassword = 'Kestrel-Harbour-7429!';
const newPassword = 'Violet#Quarry-5821-Lantern';

let root = '';
let childBundle = '';
beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'keyholder-crash-'));
  childBundle = await buildCrashChild('test/unit/rotations/crash-child.ts', 'crash-child');
  await makeTemplate();
}, 60_000);
afterAll(() => {
  rmSync(root, { recursive: true, force: true });
  removeCrashChild(childBundle);
});

function openCore(dir: string): Core {
  return createCore({
    dataDir: dir,
    secretStore: createFileStore(join(dir, 'keychain.json')),
    platform: createTestPlatform(),
    log: () => undefined,
  });
}

/** Sets up a vault with one account whose password is `oldPassword`, once; each run gets a copy. */
let template = '';
let templateAccountId = 0;
async function makeTemplate(): Promise<void> {
  template = mkdtempSync(join(root, 'template-'));
  const core = openCore(template);
  try {
    await core.start();
    await call(core, 'vault.setup', { schoolName: 'Test Academy', administratorName: 'Alex Admin' });
    const account = await call(core, 'accounts.create', { platform: 'x', handle: '@StMarysPE' });
    await call(core, 'secrets.set', {
      accountId: account.id,
      field: 'password',
      value: oldPassword,
      source: 'typed',
      reason: 'First',
    });
    templateAccountId = account.id;
  } finally {
    // Closing checkpoints the WAL, so the database file alone holds everything.
    core.close();
  }
}

function prepare(name: string): { dir: string; accountId: number } {
  const dir = mkdtempSync(join(root, `${name.replace(/[^a-z0-9]+/gi, '-')}-`));
  for (const file of ['keyholder.db', 'keychain.json']) copyFileSync(join(template, file), join(dir, file));
  return { dir, accountId: templateAccountId };
}

/** Runs the rotation child, failing the run if it has not reached its kill point within 30 s. */
const runChild = (env: Record<string, string>, killWhen: (stdout: string) => boolean | number) =>
  runCrashChild(childBundle, env, killWhen, 30_000);

interface VaultState {
  current: string;
  history: string[];
  pending: { rotationId: number; password: string | null }[];
  pendingSecret: string | null;
  statuses: string[];
  integrity: string;
  auditOk: boolean;
  /** The current password after confirming the change left pending, if there was one. */
  afterConfirming: string | null;
}

/** Opens the vault after the crash, as the next start-up would, and reads everything the invariant needs. */
async function inspect(dir: string, accountId: number): Promise<VaultState> {
  const core = openCore(dir);
  try {
    await core.start();
    const db = core.context.db;
    const integrity = db.pragma('integrity_check', { simple: true }) as string;
    const current = (await call(core, 'secrets.reveal', { accountId, field: 'password' })).value;
    const rows = db
      .prepare('SELECT id, envelope FROM password_history WHERE account_id = ? ORDER BY id')
      .all(accountId) as { id: number; envelope: string }[];
    const history = rows.map((r) =>
      decryptSecret(core.vault.key(), r.envelope, aad.history(core.vault.vaultId(), accountId, r.id)),
    );
    const pendingSecret = core.secrets.decryptField(accountId, 'pendingPassword');
    const pending = (
      db.prepare("SELECT id FROM rotations WHERE account_id = ? AND status = 'pending'").all(accountId) as {
        id: number;
      }[]
    ).map((r) => ({ rotationId: r.id, password: pendingSecret }));
    const statuses = (db.prepare('SELECT status FROM rotations ORDER BY id').all() as { status: string }[]).map(
      (r) => r.status,
    );
    const auditOk = (await call(core, 'audit.verify', {})).ok;

    // Whatever was left pending can still be finished.
    let afterConfirming: string | null = null;
    if (pending[0]) {
      await call(core, 'rotations.confirm', { rotationId: pending[0].rotationId });
      afterConfirming = (await call(core, 'secrets.reveal', { accountId, field: 'password' })).value;
    }
    return { current, history, pending, pendingSecret, statuses, integrity, auditOk, afterConfirming };
  } finally {
    core.close();
  }
}

/** What must hold after any crash: the previous password is current, or the next is with the previous in history. */
function checkInvariant(expect: ExpectStatic, state: VaultState, previous: string, next: string | null, why: string) {
  expect(state.integrity, why).toBe('ok');
  expect(state.auditOk, why).toBe(true);
  expect(state.pending.length, why).toBeLessThanOrEqual(1);
  // A pending change and its encrypted password exist together or not at all.
  expect(state.pendingSecret !== null, why).toBe(state.pending.length === 1);
  expect(state.afterConfirming, why).toBe(state.pendingSecret);
  if (state.current === previous) {
    expect(state.history.includes(previous), why).toBe(false);
  } else {
    expect(state.current, `${why}: the current password is neither the old nor the new one`).toBe(next);
    expect(state.history.at(-1), `${why}: the old password is not in the history`).toBe(previous);
  }
}

type Expected = 'old' | 'pending' | 'new' | 'abandoned';

describe('killed at each step of one rotation', { concurrent: true, timeout: 60_000 }, () => {
  it.for<[string, 'confirm' | 'abandon', Expected]>([
    ['core-created', 'confirm', 'old'],
    ['unlocked', 'confirm', 'old'],
    ['start:pendingPassword-written', 'confirm', 'old'],
    ['start:before-commit', 'confirm', 'old'],
    ['start:committed', 'confirm', 'pending'],
    ['confirm:password-written', 'confirm', 'pending'],
    ['confirm:before-commit', 'confirm', 'pending'],
    ['confirm:committed', 'confirm', 'new'],
    ['closed', 'confirm', 'new'],
    ['abandon:before-commit', 'abandon', 'pending'],
    ['abandon:committed', 'abandon', 'abandoned'],
  ])('at %s (%s)', async ([pause, flow, expected], { expect }) => {
    const { dir, accountId } = prepare(pause);
    const run = await runChild(
      {
        CRASH_DIR: dir,
        CRASH_ACCOUNT: String(accountId),
        CRASH_FLOW: flow,
        CRASH_PAUSE: pause,
        CRASH_NEW: newPassword,
      },
      (out) => out.includes(`STEP ${pause}\n`),
    );
    expect(run.killed).toBe(true);
    expect(run.stdout.trim().split('\n').at(-1)).toBe(`STEP ${pause}`);

    const state = await inspect(dir, accountId);
    checkInvariant(expect, state, oldPassword, newPassword, pause);
    const exact = {
      old: { current: oldPassword, history: [], pendingSecret: null, statuses: [] },
      pending: { current: oldPassword, history: [], pendingSecret: newPassword, statuses: ['pending'] },
      new: { current: newPassword, history: [oldPassword], pendingSecret: null, statuses: ['confirmed'] },
      abandoned: { current: oldPassword, history: [], pendingSecret: null, statuses: ['abandoned'] },
    }[expected];
    expect(state).toMatchObject(exact);
  });

  it('runs to the end when not killed', async ({ expect }) => {
    const { dir, accountId } = prepare('complete');
    const run = await runChild(
      {
        CRASH_DIR: dir,
        CRASH_ACCOUNT: String(accountId),
        CRASH_FLOW: 'confirm',
        CRASH_PAUSE: '',
        CRASH_NEW: newPassword,
      },
      () => false,
    );
    expect(run).toMatchObject({ killed: false, code: 0 });
    expect(
      run.stdout
        .trim()
        .split('\n')
        .map((line) => line.replace('STEP ', '')),
    ).toEqual([
      'core-created',
      'unlocked',
      'start:pendingPassword-written',
      'start:before-commit',
      'start:committed',
      'confirm:password-written',
      'confirm:before-commit',
      'confirm:committed',
      'closed',
    ]);
    expect(await inspect(dir, accountId)).toMatchObject({ current: newPassword, history: [oldPassword] });
  });
});

describe('killed at random moments during back-to-back rotations', { concurrent: true, timeout: 60_000 }, () => {
  it.for([1, 2, 3, 4, 5])('run %i', async (n, { expect }) => {
    const { dir, accountId } = prepare(`random-${n}`);
    // Each back-to-back rotation takes some tens of milliseconds: this lands anywhere in the first few.
    const delay = 20 + Math.floor(Math.random() * 580);
    const run = await runChild(
      { CRASH_DIR: dir, CRASH_ACCOUNT: String(accountId), CRASH_FLOW: 'loop', CRASH_PAUSE: '' },
      (out) => (out.includes('STEP loop-start\n') ? delay : false),
    );
    expect(run.killed).toBe(true);

    // Replay what the child reported: the last confirmed password, and the candidate in flight.
    let previous = oldPassword;
    let inFlight: string | null = null;
    for (const line of run.stdout.split('\n')) {
      if (line.startsWith('PENDING ')) inFlight = (JSON.parse(line.slice(8)) as { candidate: string }).candidate;
      else if (line.startsWith('CONFIRMED ')) {
        previous = inFlight!;
        inFlight = null;
      } else if (line.startsWith('ABANDONED ')) inFlight = null;
    }
    const why = `killed ${delay} ms into the loop, after:\n${run.stdout.split('\n').slice(-4).join('\n')}`;
    const state = await inspect(dir, accountId);
    checkInvariant(expect, state, previous, inFlight, why);
    if (state.current === previous && inFlight !== null && state.pendingSecret !== null) {
      expect(state.pendingSecret, why).toBe(inFlight);
    }
  });
});
