import type { CoreContext } from '../core/context';
import type { DomainHandlers } from '../core/dispatcher';
import { requireAccount } from '../accounts/accounts';
import { registerCache } from '../accounts/register-cache';
import { accountStates, statusReport } from './status';

/** compliance.*: the school policy checked against the register (rules in shared/policy/compliance.ts). */
export function complianceHandlers(ctx: CoreContext): DomainHandlers<'compliance'> {
  return {
    'compliance.list': () => {
      const { accounts, breaches } = registerCache(ctx.db).list();
      const counts: Record<string, number> = {};
      for (const breach of breaches) counts[breach.code] = (counts[breach.code] ?? 0) + 1;
      return { breaches, counts, accountsChecked: accounts.length };
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
  };
}
