import type { CoreContext } from '../core/context';
import type { DomainHandlers } from '../core/dispatcher';
import { addApp, listApps, removeApp } from './integrations';

/** integrations.*: third-party apps connected to an account, each approved (tpat 6). */
export function integrationsHandlers(ctx: CoreContext): DomainHandlers<'integrations'> {
  return {
    'integrations.list': ({ accountId }) => listApps(ctx.db, accountId),
    'integrations.add': (input, call) => addApp(call, input),
    'integrations.remove': ({ appId, reason, on }, call) => removeApp(call, appId, reason, on),
  };
}
