import { appendAudit } from '../audit/audit-log';
import type { CoreContext } from '../core/context';
import type { DomainHandlers } from '../core/dispatcher';
import { writeFileAtomic } from '../lib/atomic-write';
import { printInfo } from '../lib/print-info';
import { readSettings } from '../settings/settings-store';
import { acknowledgementHtml } from './acknowledgement-html';
import { createPerson, getPersonDetail, listPeople, updatePerson } from './people';

/** people.*: the staff (and volunteers) who lead, run or know the password of an account. */
export function peopleHandlers(ctx: CoreContext): DomainHandlers<'people'> {
  return {
    'people.list': () => listPeople(ctx.db),
    'people.get': ({ id }) => getPersonDetail(ctx.db, id),
    'people.create': (input, call) => createPerson(call.db, call.now, call.actor, input),
    'people.update': ({ id, person }, call) => updatePerson(call.db, call.now, call.actor, id, person),
    'people.printAcknowledgement': async ({ id }, call) => {
      const person = getPersonDetail(call.db, id);
      const path = await ctx.platform.chooseSavePath({
        title: 'Save the acknowledgement sheet',
        defaultName: `policy-acknowledgement-${person.name.toLowerCase().replace(/[^a-z0-9]+/g, '-')}.pdf`,
        filters: [{ name: 'PDF', extensions: ['pdf'] }],
      });
      if (!path) return { path: null };
      const html = acknowledgementHtml(person, readSettings(call.db).policyTitle, printInfo(ctx, call.actor));
      writeFileAtomic(path, await ctx.platform.printToPdf(html));
      appendAudit(call.db, call.now, {
        actor: call.actor,
        action: 'person.acknowledgement-printed',
        targetType: 'person',
        targetId: person.id,
        targetLabel: person.name,
        details: { path },
      });
      return { path };
    },
  };
}
