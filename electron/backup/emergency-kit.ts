import { hostname } from 'node:os';
import type { KitStatus } from '../../shared/contract';
import { kitNeeded } from '../../shared/policy/emergency-kit';
import { appendAudit } from '../audit/audit-log';
import type { CoreContext, WriteContext } from '../core/context';
import { writeFileAtomic } from '../lib/atomic-write';
import { printInfo } from '../lib/print-info';
import { readSettings, writeSettings } from '../settings/settings-store';
import type { AutomaticBackups } from './automatic-backups';
import { kitHtml } from './kit-html';

/** The emergency kit (shared/policy/emergency-kit.ts): its state, and printing it for the school safe. */
export class EmergencyKit {
  constructor(
    private readonly ctx: CoreContext,
    private readonly automatic: AutomaticBackups,
    /** This computer's name, as the kit prints it; the tests pass their own. */
    private readonly host: () => string = hostname,
  ) {}

  status(): KitStatus {
    const { emergencyKit, backupChangedAt } = readSettings(this.ctx.db);
    return {
      printedAt: emergencyKit?.printedAt ?? null,
      needed: kitNeeded({ kit: emergencyKit, backupChangedAt, host: this.host() }),
    };
  }

  /** Saves the kit as a PDF where the administrator chooses, and records when it was printed and for which computer. */
  async print(call: WriteContext): Promise<{ cancelled: true } | { cancelled: false; path: string }> {
    const path = await this.ctx.platform.chooseSavePath({
      title: 'Save the emergency kit, then print it for the school safe',
      defaultName: 'keyholder-emergency-kit.pdf',
      filters: [{ name: 'PDF', extensions: ['pdf'] }],
    });
    if (path === null) return { cancelled: true };
    const settings = readSettings(call.db);
    const host = this.host();
    const html = kitHtml(
      {
        host,
        dataDir: this.ctx.dataDir,
        administrator: settings.administratorName,
        backupFolder: settings.backupFolder,
        backupKeep: settings.backupKeep,
        lastBackupAt: settings.lastBackupAt,
        newestBackup: settings.backupFolder ? (this.automatic.files()[0]?.name ?? null) : null,
      },
      printInfo(this.ctx, call.actor),
    );
    writeFileAtomic(path, await this.ctx.platform.printToPdf(html));
    call.db
      .transaction(() => {
        writeSettings(call.db, { emergencyKit: { printedAt: call.now.toISOString(), host } });
        appendAudit(call.db, call.now, {
          actor: call.actor,
          action: 'backup.kit-printed',
          details: { path, host, backupFolder: settings.backupFolder },
        });
      })
      .immediate();
    return { cancelled: false, path };
  }
}
