import { readFileSync } from 'node:fs';
import { KeyholderError } from '../../shared/contract';
import { appendAudit } from '../audit/audit-log';
import type { CoreContext } from '../core/context';
import type { DomainHandlers } from '../core/dispatcher';
import { writeFileAtomic } from '../lib/atomic-write';
import { calendarView, readTerms, saveTerms, termsFromCsv, termsToCsv } from './calendar';

/** calendar.*: the school's term dates, which termly password changes follow. */
export function calendarHandlers(ctx: CoreContext): DomainHandlers<'calendar'> {
  return {
    'calendar.get': () => calendarView(ctx.db, ctx.clock.now()),
    'calendar.save': ({ terms }, call) => ({ saved: saveTerms(call.db, call.now, call.actor, terms) }),
    'calendar.exportCsv': async (_input, call) => {
      const path = await ctx.platform.chooseSavePath({
        title: 'Save the term dates',
        defaultName: 'keyholder-term-dates.csv',
        filters: [{ name: 'CSV', extensions: ['csv'] }],
      });
      if (!path) return { path: null };
      const terms = readTerms(ctx.db);
      writeFileAtomic(path, termsToCsv(terms.length > 0 ? terms : calendarView(ctx.db, call.now).terms));
      appendAudit(call.db, call.now, { actor: call.actor, action: 'calendar.exported', details: { path } });
      return { path };
    },
    'calendar.importCsv': async (_input, call) => {
      const path = await ctx.platform.chooseOpenPath({
        title: 'Choose a term dates file',
        filters: [{ name: 'CSV', extensions: ['csv'] }],
      });
      if (!path) return { path: null, saved: 0 };
      const text = readFileSync(path, 'utf8');
      if (text.length > 100_000)
        throw new KeyholderError('INVALID_INPUT', 'That file is too large to be a term calendar.');
      return { path, saved: saveTerms(call.db, call.now, call.actor, termsFromCsv(text)) };
    },
  };
}
