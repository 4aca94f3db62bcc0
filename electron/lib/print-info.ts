import type { CoreContext } from '../core/context';
import { readSettings } from '../settings/settings-store';
import type { PrintInfo } from './print-html';
import { ukDateTime } from '../../shared/time';

/** The school, the person printing and the time from the core's clock (never the machine's own). */
export function printInfo(ctx: CoreContext, printedBy: string): PrintInfo {
  return {
    schoolName: readSettings(ctx.db).schoolName,
    printedBy,
    printedAt: ukDateTime(ctx.clock.now()),
  };
}
