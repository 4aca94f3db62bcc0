import type { CoreContext } from '../core/context';
import type { DomainHandlers } from '../core/dispatcher';
import { appendAudit } from '../audit/audit-log';
import { printInfo } from '../lib/print-info';
import { writeFileAtomic } from '../lib/atomic-write';
import { getHandover, listHandovers, tickStep } from './handover-query';
import { executeHandover } from './handover-service';
import { planHandover } from './plan';
import { handoverRecordHtml } from './record-html';

/** handover.*: when a member of staff leaves: the plan, applying it, the checklist and the printed record. */
export function handoverHandlers(ctx: CoreContext): DomainHandlers<'handover'> {
  return {
    'handover.plan': ({ personId, leavingOn }) => planHandover(ctx.db, personId, leavingOn),
    'handover.execute': (input, call) => {
      const id = executeHandover(call.db, call.now, call.actor, input);
      return getHandover(call.db, id, call.now);
    },
    'handover.list': () => listHandovers(ctx.db, ctx.clock.now()),
    'handover.get': ({ id }) => getHandover(ctx.db, id, ctx.clock.now()),
    'handover.tick': ({ itemId, step, done }, call) => {
      const id = tickStep(call.db, call.now, call.actor, itemId, step, done);
      return getHandover(call.db, id, call.now);
    },
    'handover.exportPdf': async ({ id }, call) => {
      const handover = getHandover(call.db, id, call.now);
      const name = `keyholder-handover-${handover.person.name.toLowerCase().replace(/[^a-z0-9]+/g, '-')}-${handover.leavingOn}.pdf`;
      const path = await ctx.platform.chooseSavePath({
        title: 'Save the handover record',
        defaultName: name,
        filters: [{ name: 'PDF', extensions: ['pdf'] }],
      });
      if (!path) return { path: null };
      const pdf = await ctx.platform.printToPdf(handoverRecordHtml(handover, printInfo(ctx, call.actor)));
      writeFileAtomic(path, pdf);
      appendAudit(call.db, call.now, {
        actor: call.actor,
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
