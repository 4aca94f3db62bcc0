import { afterEach, expect } from 'vitest';
import { createCore, type Core } from '../../../electron/core/create-core';
import type { Clock } from '../../../electron/core/platform';
import { createMemoryStore } from '../../../electron/vault/keytar-store';
import type { Channel, ChannelInput, ChannelOutput, IpcError, IpcResult } from '../../../shared/contract';
import { useTempDirs } from '../../support/temp-dir';
import { createTestPlatform, type TestPlatform } from '../../support/test-platform';

/**
 * A real core over a real SQLite file in a temp folder, driven through
 * core.dispatch as the renderer drives it, with a clock the test sets.
 * Seeds what every report test needs: an X account, a Facebook account and
 * a member of SLT.
 */
export const administrator = 'Alex Admin';

export interface ManualClock extends Clock {
  set(iso: string): void;
}

export function manualClock(start: string): ManualClock {
  let now = Date.parse(start);
  return { now: () => new Date(now), set: (iso) => void (now = Date.parse(iso)) };
}

export interface ReportsSession {
  core: Core;
  platform: TestPlatform;
  clock: ManualClock;
  dir: string;
  x: number;
  facebook: number;
  slt: number;
  teacher: number;
  call<C extends Channel>(channel: C, input: ChannelInput<C>): Promise<ChannelOutput<C>>;
  refused(channel: Channel, input: unknown, code: IpcError['code']): Promise<IpcError>;
  audit(action: string): Promise<ChannelOutput<'audit.list'>>;
}

export function useReportCores(defaultStart = '2026-10-05T09:00:00Z'): (start?: string) => Promise<ReportsSession> {
  const tempDir = useTempDirs('keyholder-reports-');
  const open: Core[] = [];
  // Registered after useTempDirs, so vitest runs it first: close before the folder goes.
  afterEach(() => {
    for (const core of open.splice(0)) core.close();
  });
  return async (start = defaultStart) => {
    const dir = tempDir();
    const clock = manualClock(start);
    const platform = createTestPlatform();
    const core = createCore({ dataDir: dir, secretStore: createMemoryStore(), platform, clock, log: () => undefined });
    open.push(core);
    await core.start();
    const call = async <C extends Channel>(channel: C, input: ChannelInput<C>): Promise<ChannelOutput<C>> => {
      const result = (await core.dispatch(channel, input)) as IpcResult<ChannelOutput<C>>;
      if (!result.ok) throw new Error(`${channel} was refused: ${result.error.code} ${result.error.message}`);
      return result.value;
    };
    const refused = async (channel: Channel, input: unknown, code: IpcError['code']): Promise<IpcError> => {
      const result = await core.dispatch(channel, input);
      if (result.ok) throw new Error(`${channel} should have been refused with ${code}, but it succeeded`);
      expect(result.error, result.error.message).toMatchObject({ code });
      return result.error;
    };
    await call('vault.setup', { schoolName: "St Mary's Primary", administratorName: administrator });
    const x = await call('accounts.create', { platform: 'x', handle: 'stmaryspe', displayName: "St Mary's PE" });
    const facebook = await call('accounts.create', { platform: 'facebook', handle: 'StMarysPTA' });
    const slt = await call('people.create', { name: 'Sarah Barker', roles: ['slt'] });
    const teacher = await call('people.create', { name: 'Tom Teacher', roles: ['staff'] });
    return {
      core,
      platform,
      clock,
      dir,
      x: x.id,
      facebook: facebook.id,
      slt: slt.id,
      teacher: teacher.id,
      call,
      refused,
      audit: (action) => call('audit.list', { action }),
    };
  };
}

/** Figures for the X account with sensible defaults; override what a test is about. */
export function figures(
  accountId: number,
  over: Partial<ChannelInput<'figures.save'>> = {},
): ChannelInput<'figures.save'> {
  return {
    accountId,
    from: '2026-09-01',
    to: '2026-09-30',
    followersStart: 340,
    followersEnd: 352,
    followerTypes: { schools: 40, clubs: 12, individuals: 290, other: 10 },
    posts: 21,
    shares: 34,
    mentions: 9,
    likes: 118,
    ...over,
  };
}
