import { serialize } from 'node:v8';
import type { Core } from '../electron/core/create-core';
import type { AccountListRow as Account, IpcResult } from '../shared/contract';
import { floors, type Measured } from './floors';
import { count, median, timeInterleaved, type MemorySampler, type Row, type Work } from './measure';

/**
 * The three big reads through core.dispatch (the path IPC takes: input
 * check, handler, cache, output guard), each three ways: cold (the caches
 * emptied first, as after a restore), just after a write to one account, and
 * warm (nothing changed); each beside its two floors (floors.ts), all
 * interleaved round by round so a busy machine slows them alike. Then what
 * the answer costs to send: its size as structured-clone bytes and the time
 * to clone it (what Electron's IPC does with it).
 */
const channels: Measured[] = ['accounts.list', 'compliance.list', 'rotations.list'];

export async function value<T>(core: Core, channel: string, input: unknown = {}): Promise<T> {
  const result = (await core.dispatch(channel, input)) as IpcResult<T>;
  if (!result.ok) throw new Error(`${channel} was refused: ${result.error.code} ${result.error.message}`);
  return result.value;
}

/** Empties both caches on the next read, as a commit by another connection would (electron/lib/change-tracker.ts). */
function forgetCaches(core: Core): void {
  core.context.db.exec('INSERT INTO temp.register_changes VALUES (0); INSERT INTO temp.rotation_changes VALUES (0);');
}

export interface ChannelResults {
  rows: Row[];
  /** Per channel and kind (cold, write, warm, clone, bytes), for the growth table. */
  values: Record<string, number>;
  accounts: Account[];
}

export async function measureChannels(
  core: Core,
  memory: MemorySampler,
  options: { runs: number; warmup: number; size: number },
): Promise<ChannelResults> {
  const db = core.context.db;
  const floor = floors(db);
  const ids = (db.prepare('SELECT id FROM accounts ORDER BY id').pluck().all() as number[]).slice(0, 500);
  const touch = db.prepare('UPDATE accounts SET notes = ? WHERE id = ?');
  let writes = 0;
  const writeOne = () => {
    writes += 1;
    touch.run(`Bench note ${writes}`, ids[writes % ids.length]!);
  };
  const call = (channel: Measured) => async () => {
    await value(core, channel);
    memory.sample();
  };
  for (const channel of channels) await call(channel)(); // makes the caches (and their change tables)

  const works: Work[] = channels.flatMap((channel): Work[] => [
    { before: () => forgetCaches(core), work: call(channel) },
    { before: writeOne, work: call(channel) },
    { work: call(channel) },
    { work: floor[channel].sqlite },
    { work: floor[channel].arrays },
  ]);
  const medians = await timeInterleaved(options.runs, options.warmup, works);

  const rows: Row[] = [];
  const values: Record<string, number> = {};
  const n = count(options.size);
  const findings = (await value<{ breaches: unknown[] }>(core, 'compliance.list')).breaches.length;
  const coldNote = (channel: Measured) =>
    channel === 'rotations.list'
      ? undefined
      : `The caches emptied first, as after a restore or a change every account depends on (a setting, a staff email, an account removed). The floors only read the rows; the cold read also runs the school's rules over every account (${count(findings)} findings, each with its sentence)${channel === 'accounts.list' ? ", works out each account's password schedule and its one state" : ''}, freezes what the cache keeps, and collects the garbage of all that: the difference from the floor is that work, which no read of the columns alone can skip.`;
  for (const [i, channel] of channels.entries()) {
    const [cold, write, warm, sqlite, arrays] = medians.slice(i * 5, i * 5 + 5) as [
      number,
      number,
      number,
      number,
      number,
    ];
    const floorsOf = { sqlite, arrays };
    Object.assign(values, { [`${channel} cold`]: cold, [`${channel} write`]: write, [`${channel} warm`]: warm });
    rows.push(
      {
        name: `${channel}, ${n} accounts: cold`,
        value: cold,
        ...floorsOf,
        target: channel === 'rotations.list' ? { max: 100 } : { max: 1.3, ofArrays: true },
        ...(coldNote(channel) ? { note: coldNote(channel) } : {}),
      },
      {
        name: `${channel}, ${n}: after a one-account write`,
        value: write,
        ...floorsOf,
        ...(channel === 'rotations.list' ? {} : { target: { max: 15 } }),
      },
      {
        name: `${channel}, ${n}: warm`,
        value: warm,
        ...floorsOf,
        ...(channel === 'rotations.list' ? {} : { target: { max: 1 } }),
      },
    );
  }

  const accounts = await value<Account[]>(core, 'accounts.list');
  for (const channel of channels) {
    const answer = await value<unknown>(core, channel);
    const bytes = serialize(answer).byteLength / 1e6;
    const clones: number[] = [];
    for (let i = 0; i < Math.max(3, options.runs); i += 1) {
      const start = performance.now();
      structuredClone(answer);
      clones.push(performance.now() - start);
      memory.sample();
    }
    const clone = median(clones);
    Object.assign(values, { [`${channel} bytes`]: bytes, [`${channel} clone`]: clone });
    rows.push(
      {
        name: `${channel}, ${n}: IPC payload (structured-clone bytes)`,
        value: bytes,
        unit: 'MB',
        ...(channel === 'accounts.list' ? { target: { max: 3 } } : {}),
      },
      { name: `${channel}, ${n}: structuredClone of the answer`, value: clone },
    );
  }
  return { rows, values, accounts };
}
