import { checkPassword, type PasswordCheck } from './password-policy';

/**
 * The rule for a backup or KeePassXC export passphrase: the school's password
 * rule (letters, numbers and special characters; zxcvbn strength 3 of 4),
 * with a longer minimum. These files leave the laptop (a network share,
 * OneDrive, a USB stick), so anyone who copies one can guess at it offline
 * for as long as they like; only length and unpredictability stop that.
 * Used in the renderer for live feedback and in the main process to decide.
 */
export const passphraseMinLength = 14;

export function checkPassphrase(passphrase: string, schoolName: string): PasswordCheck {
  return checkPassword({
    password: passphrase,
    minLength: passphraseMinLength,
    forbiddenWords: [schoolName, 'keyholder', 'backup'].filter((word) => word.trim() !== ''),
  });
}
