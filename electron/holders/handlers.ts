import type { CoreContext } from '../core/context';
import type { DomainHandlers } from '../core/dispatcher';
import { addHolder, authoriseHolder, listHolders, removeHolder } from './holders';
import { listTemporaryHolders } from './temporary-access';

/** holders.*: the named people who know each password (at most three, each authorised). */
export function holdersHandlers(ctx: CoreContext): DomainHandlers<'holders'> {
  return {
    'holders.list': ({ accountId }) => listHolders(ctx.db, accountId),
    'holders.temporary': () => listTemporaryHolders(ctx.db),
    'holders.add': (input, call) => addHolder(call.db, call.now, call.actor, input),
    'holders.authorise': (input, call) => authoriseHolder(call.db, call.now, call.actor, input),
    'holders.remove': ({ holderId, reason, on }, call) =>
      removeHolder(call.db, call.now, call.actor, holderId, reason, on),
  };
}
