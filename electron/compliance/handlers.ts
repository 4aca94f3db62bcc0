import type { CoreContext } from '../core/context';
import type { DomainHandlers } from '../core/dispatcher';
import { loadRegister } from '../accounts/register-query';
import { readSettings } from '../settings/settings-store';

/** compliance.*: the school policy checked against the register (rules in shared/policy/compliance.ts). */
export function complianceHandlers(ctx: CoreContext): DomainHandlers<'compliance'> {
  return {
    'compliance.list': () => {
      const { accounts, breaches } = loadRegister(ctx.db, readSettings(ctx.db));
      const counts: Record<string, number> = {};
      for (const breach of breaches) counts[breach.code] = (counts[breach.code] ?? 0) + 1;
      return { breaches, counts, accountsChecked: accounts.length };
    },
    'compliance.forAccount': ({ accountId }) => loadRegister(ctx.db, readSettings(ctx.db), accountId).breaches,
  };
}
