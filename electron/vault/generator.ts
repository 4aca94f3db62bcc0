import { randomInt } from 'node:crypto';
import { digits, letters, symbols } from '../../shared/policy/password-policy';

/**
 * Password generator. Each character is drawn with crypto.randomInt, which
 * is uniform (it rejection-samples internally); whole passwords that miss a
 * character class are rejected and drawn again, so every valid password of
 * the length is equally likely.
 */
const lower = 'abcdefghijklmnopqrstuvwxyz';
const upper = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const numbers = '0123456789';
// Symbols every platform's password field accepts; no quotes or backslash
// (awkward to type, and some sites reject them).
const specials = '!#$%&*+-=?@^_~.,:;()[]{}';
const lookAlikes = /[Il1O0o|`'".,:;]/g;

export interface GeneratorOptions {
  length: number;
  avoidLookAlikes: boolean;
}

export function passwordAlphabet(avoidLookAlikes: boolean): string {
  const all = lower + upper + numbers + specials;
  return avoidLookAlikes ? all.replace(lookAlikes, '') : all;
}

export function generatePassword({ length, avoidLookAlikes }: GeneratorOptions): string {
  if (!Number.isInteger(length) || length < 6 || length > 256) throw new RangeError('Password length out of range');
  const alphabet = passwordAlphabet(avoidLookAlikes);
  for (;;) {
    let password = '';
    for (let i = 0; i < length; i += 1) password += alphabet[randomInt(alphabet.length)];
    if (letters.test(password) && digits.test(password) && symbols.test(password)) return password;
  }
}
