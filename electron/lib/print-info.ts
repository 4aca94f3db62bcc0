import type { CoreContext } from '../core/context';
import { readSettings } from '../settings/settings-store';
import { ukDateTime } from '../transfer/uk-date';
import type { PrintInfo } from './print-html';

/** The school, the person printing and the time from the core's clock (never the machine's own). */
export function printInfo(ctx: CoreContext, printedBy: string): PrintInfo {
  return {
    schoolName: readSettings(ctx.db).schoolName,
    printedBy,
    printedAt: ukDateTime(ctx.clock.now()),
  };
}
