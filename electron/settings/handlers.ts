import { appendAudit } from '../audit/audit-log';
import type { CoreContext } from '../core/context';
import type { DomainHandlers } from '../core/dispatcher';
import { readSettings, writeSettings } from './settings-store';

/** settings.*: the school's own choices (the policy's values are the defaults); every change is audited. */
export function settingsHandlers(ctx: CoreContext): DomainHandlers<'settings'> {
  return {
    'settings.get': () => readSettings(ctx.db),
    'settings.update': (patch, call) => {
      call.db
        .transaction(() => {
          const changes = writeSettings(call.db, patch);
          if (Object.keys(changes).length > 0) {
            appendAudit(call.db, call.now, { actor: call.actor, action: 'settings.changed', details: changes });
          }
        })
        .immediate();
      return readSettings(call.db);
    },
  };
}
