import type { LockReason } from '../../shared/contract';

/**
 * Turns what keytar throws into a lock reason and a message that says what
 * happened and how to fix it. The D-Bus and Secret Service texts are what
 * libsecret reports on Linux; Windows and macOS rarely fail this way.
 */
export function describeKeychainError(error: unknown): { reason: LockReason; message: string } {
  const text = error instanceof Error ? error.message : String(error);
  if (
    /autolaunch D-Bus|DBUS_SESSION_BUS_ADDRESS|org\.freedesktop\.secrets|ServiceUnknown|No such secret service|Cannot find module|was not provided by any \.service files/i.test(
      text,
    )
  ) {
    return {
      reason: 'keychain-unavailable',
      message:
        'The vault is locked because no keychain (Secret Service) is running. Log in to a desktop session with GNOME Keyring or KWallet running, then choose Unlock. Your data is safe and nothing was changed.',
    };
  }
  if (/locked|prompt|dismissed|cancel|interaction/i.test(text)) {
    return {
      reason: 'keychain-locked',
      message:
        'The vault is locked because the computer keychain is locked or the request was cancelled. Unlock your keychain (you may be asked for your login password), then choose Unlock.',
    };
  }
  return {
    reason: 'keychain-unavailable',
    message: `The vault is locked because the computer keychain could not be read (${text.slice(0, 160)}). Restart the computer, log in, then choose Unlock. Nothing was changed.`,
  };
}

export const keyMissingMessage =
  'The vault is locked because its key is not in this computer keychain. This happens after moving to a new computer or user account, or if the keychain was reset. Restore from a Keyholder backup, or log in as the user who set Keyholder up. Keyholder will not create a new key, because that would make the stored passwords unreadable.';

export const keyMismatchMessage =
  'The vault is locked because the key in this computer keychain does not match this vault. Another Keyholder vault may have replaced it. Restore from a Keyholder backup. Nothing was changed.';
