import { randomBytes } from 'node:crypto';
import type { LockReason } from '../../shared/contract';
import type { SecretStore } from '../core/platform';

/**
 * Turns what keytar throws into a lock reason and a message that says what
 * happened and how to fix it. The D-Bus and Secret Service texts are what
 * libsecret reports on Linux; Windows and macOS rarely fail this way.
 */
const lockedMessage =
  "The vault is locked because this computer's keychain is locked, or its unlock request was cancelled. Your vault key is still there. Unlock the keychain (you may be asked for your login password), then choose Unlock. Nothing was changed.";

export function describeKeychainError(error: unknown): { reason: LockReason; message: string } {
  const text = error instanceof Error ? error.message : String(error);
  if (
    /autolaunch D-Bus|dbus-launch|Error spawning command line|DBUS_SESSION_BUS_ADDRESS|org\.freedesktop\.secrets|ServiceUnknown|No such secret service|Cannot find module|was not provided by any \.service files/i.test(
      text,
    )
  ) {
    return {
      reason: 'keychain-unavailable',
      message:
        'The vault is locked because no keychain (Secret Service) is running. Log in to a desktop session with GNOME Keyring or KWallet running, then choose Unlock. Your data is safe and nothing was changed.',
    };
  }
  if (/locked|prompt|dismissed|cancel|interaction/i.test(text))
    return { reason: 'keychain-locked', message: lockedMessage };
  return {
    reason: 'keychain-unavailable',
    message: `The vault is locked because the computer keychain could not be read (${text.slice(0, 160)}). Restart the computer, log in, then choose Unlock. Nothing was changed.`,
  };
}

export const keyMissingMessage =
  'The vault is locked because its key is not in this computer keychain. This happens after moving to a new computer or user account, or if the keychain was reset. Restore from a Keyholder backup, or log in as the user who set Keyholder up. Keyholder will not create a new key, because that would make the stored passwords unreadable.';

export const keyMismatchMessage =
  'The vault is locked because the key in this computer keychain does not match this vault. Another Keyholder vault may have replaced it. Restore from a Keyholder backup. Nothing was changed.';

/**
 * When the keychain answers "no key" it may really be locked: the Secret
 * Service returns nothing, without an error, when its unlock prompt cannot
 * be shown or is dismissed. A locked keychain refuses a write, so a
 * throwaway entry is written, read back and deleted. Returns the locked
 * state to show, or null when the keychain works (the key really is gone).
 */
export async function probeKeychain(
  store: SecretStore,
  vaultId: string,
): Promise<{ kind: 'locked'; reason: LockReason; message: string } | null> {
  const account = `${vaultId}/probe`;
  const value = randomBytes(16).toString('hex');
  try {
    await store.set('Keyholder', account, value);
    const back = await store.get('Keyholder', account);
    await store.delete('Keyholder', account);
    if (back === value) return null;
    throw new Error('The keychain is locked');
  } catch (error) {
    const described = describeKeychainError(error);
    const reason =
      described.reason === 'keychain-unavailable' && !/D-Bus|dbus|Secret Service/i.test(described.message)
        ? 'keychain-locked'
        : described.reason;
    return { kind: 'locked', reason, message: reason === 'keychain-locked' ? lockedMessage : described.message };
  }
}
