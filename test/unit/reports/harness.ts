import { type Core } from '../../../electron/core/create-core';
import type { Clock } from '../../../electron/core/platform';
import type { Channel, ChannelInput, ChannelOutput, IpcError } from '../../../shared/contract';
import { type TestPlatform } from '../../support/test-platform';
import { useOpenCore } from '../../support/open-core';

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
  const { openCore } = useOpenCore('keyholder-reports-');
  return async (start = defaultStart) => {
    const clock = manualClock(start);
    const base = await openCore({
      clock,
      setUp: { schoolName: "St Mary's Primary", administratorName: administrator },
    });
    const { call } = base;
    const x = await call('accounts.create', { platform: 'x', handle: 'stmaryspe', displayName: "St Mary's PE" });
    const facebook = await call('accounts.create', { platform: 'facebook', handle: 'StMarysPTA' });
    const slt = await call('people.create', { name: 'Sarah Barker', roles: ['slt'] });
    const teacher = await call('people.create', { name: 'Tom Teacher', roles: ['staff'] });
    return {
      ...base,
      clock,
      dir: base.dataDir,
      x: x.id,
      facebook: facebook.id,
      slt: slt.id,
      teacher: teacher.id,
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
