import { ukDateOf } from '../time';
import type { PolicyItem } from './policy-items';

/**
 * The emergency kit (issue 16 item 12): if the administrator is off sick or
 * leaves suddenly, the Headteacher must still reach the accounts. The vault's
 * key is in one computer's keychain, so the kit in the school safe says which
 * computer, where the automatic backups go and how to restore one elsewhere,
 * with a space for the backup passphrase written by hand (never printed).
 * A kit describes things that change: it is due again when they do.
 */
export interface KitFacts {
  /** The last kit printed, and the computer it named; null if none. */
  kit: { printedAt: string; host: string } | null;
  /** When the automatic backups' folder or passphrase last changed; null if never. */
  backupChangedAt: string | null;
  /** The computer the vault is on now. */
  host: string;
}

/** Why a (new) kit should be printed, in words for the administrator, or null when the one in the safe is current. */
export function kitNeeded(facts: KitFacts): string | null {
  const { kit, backupChangedAt, host } = facts;
  if (!kit)
    return 'No emergency kit has been printed. If you were away, the Headteacher could not reach the accounts: print one for the school safe.';
  if (backupChangedAt !== null && backupChangedAt > kit.printedAt)
    return `The automatic backups' folder or passphrase changed on ${ukDateOf(backupChangedAt)}, after the emergency kit was printed on ${ukDateOf(kit.printedAt)}. Print a new kit and replace the one in the safe.`;
  if (kit.host !== host)
    return `The emergency kit in the safe names the computer ${kit.host}, but the vault is now on ${host}. Print a new kit and replace the one in the safe.`;
  return null;
}

/** The Dashboard's item for the kit: none while the kit in the safe is current. */
export function emergencyKitItems(reason: string | null): PolicyItem[] {
  return reason === null
    ? []
    : [{ kind: 'emergency-kit-needed', message: reason, dueOn: null, screen: '#/settings/backup' }];
}
