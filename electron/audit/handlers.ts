import type { CoreContext } from '../core/context';
import type { Handlers } from '../core/dispatcher';
import { listAudit, verifyAudit } from './audit-log';

export function auditHandlers(ctx: CoreContext): Pick<Handlers, 'audit.list' | 'audit.verify'> {
  return {
    'audit.list': (filter) => listAudit(ctx.db, filter),
    'audit.verify': () => verifyAudit(ctx.db),
  };
}
