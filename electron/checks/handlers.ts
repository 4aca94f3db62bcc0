import type { CoreContext } from '../core/context';
import type { DomainHandlers } from '../core/dispatcher';
import { checksRecord, missedChecks, readWeek, tick, untick } from './weekly-checks';

/** checks.*: the weekly checks of each active account. */
export function checksHandlers(ctx: CoreContext): DomainHandlers<'checks'> {
  return {
    'checks.week': ({ week }) => readWeek(ctx.db, ctx.clock.now(), week),
    'checks.tick': (input, call) => tick(call, input),
    'checks.untick': (input, call) => untick(call, input),
    'checks.missed': () => missedChecks(ctx.db, ctx.clock.now()),
    'checks.record': ({ from, to }) => checksRecord(ctx.db, from, to),
  };
}
