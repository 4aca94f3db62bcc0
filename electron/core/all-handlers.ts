import { accountsHandlers } from '../accounts/handlers';
import { appHandlers } from '../app/handlers';
import { auditHandlers } from '../audit/handlers';
import type { BackupFeature } from '../backup/backup-feature';
import { backupHandlers } from '../backup/handlers';
import { calendarHandlers } from '../calendar/handlers';
import { checksHandlers } from '../checks/handlers';
import { complianceHandlers } from '../compliance/handlers';
import { figuresHandlers } from '../figures/handlers';
import { handoverHandlers } from '../handover/handlers';
import { holdersHandlers } from '../holders/handlers';
import { importHandlers } from '../import/handlers';
import { integrationsHandlers } from '../integrations/handlers';
import type { ImportService } from '../import/import-service';
import { issuesHandlers } from '../issues/handlers';
import { migrateHandlers } from '../migrate/handlers';
import { peopleHandlers } from '../people/handlers';
import { reportsHandlers } from '../reports/handlers';
import { restoreHandlers } from '../restore/handlers';
import { rotationsHandlers } from '../rotations/handlers';
import type { RotationService } from '../rotations/rotation-service';
import { secretsHandlers } from '../secrets/handlers';
import type { SecretsService } from '../secrets/secrets';
import { settingsHandlers } from '../settings/handlers';
import { vaultHandlers } from '../vault/handlers';
import type { VaultService } from '../vault/vault-service';
import type { CoreContext } from './context';
import type { Handlers } from './dispatcher';

export interface Services {
  vault: VaultService;
  secrets: SecretsService;
  imports: ImportService;
  rotations: RotationService;
  backup: BackupFeature;
}

/**
 * Every channel's handler, one domain per line: `electron/<domain>/handlers.ts`
 * serves exactly the channels named `<domain>.*` (DomainHandlers checks it),
 * and TypeScript refuses a contract channel without one.
 */
export function allHandlers(ctx: CoreContext, s: Services): Handlers {
  return {
    ...appHandlers(ctx),
    ...vaultHandlers(ctx, s.vault, s.secrets),
    ...secretsHandlers(s.secrets),
    ...settingsHandlers(ctx),
    ...auditHandlers(ctx),
    ...accountsHandlers(ctx, s.vault),
    ...peopleHandlers(ctx),
    ...holdersHandlers(ctx),
    ...integrationsHandlers(ctx),
    ...complianceHandlers(ctx),
    ...calendarHandlers(ctx),
    ...rotationsHandlers(ctx, s.vault, s.rotations),
    ...handoverHandlers(ctx),
    ...importHandlers(s.imports),
    ...migrateHandlers(ctx, s.vault, s.backup.migrations, s.backup.backups),
    ...backupHandlers(s.backup),
    ...restoreHandlers(s.backup.restores),
    ...figuresHandlers(ctx),
    ...issuesHandlers(ctx),
    ...reportsHandlers(ctx, s.vault),
    ...checksHandlers(ctx),
  };
}
