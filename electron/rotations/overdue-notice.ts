import { londonDateOf } from '../../shared/time';
import type { CoreContext } from '../core/context';
import { applyDepartures } from '../handover/handover-query';
import type { VaultService } from '../vault/vault-service';
import { listRotations } from './rotation-cache';
import { changeNeeded } from '../../shared/policy/account-status';

/**
 * At start-up and then once a London day: departures recorded ahead of time
 * take effect on their date, and a desktop notification says when any
 * password is overdue for a change.
 */
export function createOverdueNotice(ctx: CoreContext, vault: VaultService): () => void {
  let lastCheck = '';
  return () => {
    const now = ctx.clock.now();
    const today = londonDateOf(now);
    if (lastCheck === today) return;
    lastCheck = today;
    if (vault.isUnlocked()) applyDepartures(ctx.db, now, vault.actor());
    const overdue = listRotations(ctx.db, now).filter((r) => changeNeeded(r) === 'now').length;
    if (overdue === 0) return;
    ctx.platform.notify(
      'Keyholder: passwords to change',
      `${overdue} account${overdue === 1 ? ' is' : 's are'} overdue for a password change. Open Keyholder's Rotations page.`,
    );
  };
}
