import type { CoreContext } from '../core/context';
import type { DomainHandlers } from '../core/dispatcher';
import { schemaDifferences } from '../db/schema-check';
import { listAudit } from './audit-log';
import { auditKeyIfUnlocked } from './audit-seal';
import { verifyAudit } from './audit-verify';

export function auditHandlers(ctx: CoreContext): DomainHandlers<'audit'> {
  return {
    'audit.list': (filter) => listAudit(ctx.db, filter),
    'audit.verify': () => {
      // Something added to the database since it was opened (a trigger that
      // deletes entries as they are written) is damage too.
      const extra = schemaDifferences(ctx.db);
      if (extra.length > 0) {
        return {
          ok: false,
          checked: 0,
          firstBadId: null,
          damage: 'schema' as const,
          sealsChecked: false,
          message: `The vault's database has been changed outside Keyholder (${extra.slice(0, 3).join('; ')}). Keep this vault as evidence and restore a backup.`,
        };
      }
      return verifyAudit(ctx.db, auditKeyIfUnlocked(ctx.db));
    },
  };
}
