import type { CoreContext } from '../core/context';
import type { Handlers } from '../core/dispatcher';
import { appendAudit } from '../audit/audit-log';
import { printInfo } from '../lib/print-info';
import { writeFileAtomic } from '../transfer/atomic-write';
import type { VaultService } from '../vault/vault-service';
import { getHandover, listHandovers, tickStep } from './handover-query';
import { executeHandover } from './handover-service';
import { planHandover } from './plan';
import { handoverRecordHtml } from './record-html';

type Channels =
  'handover.plan' | 'handover.execute' | 'handover.list' | 'handover.get' | 'handover.tick' | 'handover.exportPdf';

export function handoverHandlers(ctx: CoreContext, vault: VaultService): Pick<Handlers, Channels> {
  return {
    'handover.plan': ({ personId, leavingOn }) => planHandover(ctx.db, personId, leavingOn),
    'handover.execute': (input) => {
      vault.key();
      const id = executeHandover(ctx.db, ctx.clock.now(), vault.actor(), input);
      return getHandover(ctx.db, id, ctx.clock.now());
    },
    'handover.list': () => listHandovers(ctx.db, ctx.clock.now()),
    'handover.get': ({ id }) => getHandover(ctx.db, id, ctx.clock.now()),
    'handover.tick': ({ itemId, step, done }) => {
      vault.key();
      const id = tickStep(ctx.db, ctx.clock.now(), vault.actor(), itemId, step, done);
      return getHandover(ctx.db, id, ctx.clock.now());
    },
    'handover.exportPdf': async ({ id }) => {
      const handover = getHandover(ctx.db, id, ctx.clock.now());
      const name = `keyholder-handover-${handover.person.name.toLowerCase().replace(/[^a-z0-9]+/g, '-')}-${handover.leavingOn}.pdf`;
      const path = await ctx.platform.chooseSavePath({
        title: 'Save the handover record',
        defaultName: name,
        filters: [{ name: 'PDF', extensions: ['pdf'] }],
      });
      if (!path) return { path: null };
      const pdf = await ctx.platform.printToPdf(handoverRecordHtml(handover, printInfo(ctx, vault.actor())));
      writeFileAtomic(path, pdf);
      appendAudit(ctx.db, ctx.clock.now(), {
        actor: vault.actor(),
        action: 'handover.record-printed',
        targetType: 'person',
        targetId: handover.person.id,
        targetLabel: handover.person.name,
        details: { path },
      });
      return { path };
    },
  };
}
