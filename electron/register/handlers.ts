import type { CoreContext } from '../core/context';
import type { Handlers } from '../core/dispatcher';
import type { VaultService } from '../vault/vault-service';
import { createAccount, getAccount, listAccounts } from './accounts';

export function registerHandlers(
  ctx: CoreContext,
  vault: VaultService,
): Pick<Handlers, 'accounts.list' | 'accounts.get' | 'accounts.create'> {
  return {
    // Reading the register needs no key: it stays viewable while locked.
    'accounts.list': () => listAccounts(ctx.db),
    'accounts.get': ({ id }) => getAccount(ctx.db, id),
    'accounts.create': (input) => {
      vault.key();
      return createAccount(ctx.db, ctx.clock.now(), vault.actor(), input);
    },
  };
}
