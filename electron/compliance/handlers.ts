import type { CoreContext } from '../core/context';
import type { DomainHandlers } from '../core/dispatcher';
import { requireAccount } from '../accounts/accounts';
import { registerCache } from '../accounts/register-cache';
import type { Register } from '../accounts/register-rows';
import { deepFreeze } from '../lib/deep-freeze';
import type { ChannelOutput } from '../../shared/contract';
import { needsYouReport } from './needs-you';
import { accountStates, statusReport } from './status';

/** compliance.*: the school policy checked against the register (rules in shared/policy/compliance.ts). */
export function complianceHandlers(ctx: CoreContext): DomainHandlers<'compliance'> {
  // An unchanged register is the same frozen object (register-cache.ts): its report is counted once.
  const reports = new WeakMap<Register, ChannelOutput<'compliance.list'>>();
  return {
    'compliance.list': () => {
      const register = registerCache(ctx.db).list();
      let report = reports.get(register);
      if (!report) reports.set(register, (report = deepFreeze(complianceReport(register))));
      return report;
    },
    'compliance.forAccount': ({ accountId }) => {
      requireAccount(ctx.db, accountId);
      return registerCache(ctx.db).one(accountId).breaches;
    },
    'compliance.status': () => statusReport(ctx.db, ctx.clock.now()),
    'compliance.accountStatus': ({ accountId }) => {
      requireAccount(ctx.db, accountId);
      return accountStates(ctx.db, ctx.clock.now(), accountId)[0]!;
    },
    'compliance.needsYou': ({ full }) => needsYouReport(ctx.db, ctx.clock.now(), full === true),
  };
}

function complianceReport({ accounts, breaches }: Register): ChannelOutput<'compliance.list'> {
  const counts: Record<string, number> = {};
  for (const breach of breaches) counts[breach.code] = (counts[breach.code] ?? 0) + 1;
  return { breaches, counts, accountsChecked: accounts.length };
}
