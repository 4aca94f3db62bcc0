import { appendAudit } from '../audit/audit-log';
import type { CoreContext } from '../core/context';
import type { Handlers } from '../core/dispatcher';
import type { VaultService } from '../vault/vault-service';
import { readSettings, writeSettings } from './settings-store';

export function settingsHandlers(
  ctx: CoreContext,
  vault: VaultService,
): Pick<Handlers, 'settings.get' | 'settings.update'> {
  return {
    'settings.get': () => readSettings(ctx.db),
    'settings.update': (patch) => {
      vault.key(); // refuses while locked: every change is audited under the administrator's name
      ctx.db
        .transaction(() => {
          const changes = writeSettings(ctx.db, patch);
          if (Object.keys(changes).length > 0) {
            appendAudit(ctx.db, ctx.clock.now(), {
              actor: vault.actor(),
              action: 'settings.changed',
              details: changes,
            });
          }
        })
        .immediate();
      return readSettings(ctx.db);
    },
  };
}
