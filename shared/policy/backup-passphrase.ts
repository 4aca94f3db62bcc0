import { checkPassword, type PasswordCheck } from './password-policy';

/**
 * The rule for a backup or KeePassXC export passphrase: the school's password
 * rule (letters, numbers and special characters; zxcvbn strength 3 of 4),
 * with a longer minimum. These files leave the laptop (a network share,
 * OneDrive, a USB stick), so anyone who copies one can guess at it offline
 * for as long as they like; only length and unpredictability stop that.
 * The first guesses at a school's file are its name, its town and the year
 * ("Oakfield2026!"), so those are refused and the strength shown drops.
 * Used in the renderer for live feedback and in the main process to decide.
 */
export const passphraseMinLength = 14;

/** What a guesser knows about the school: from its settings. */
export interface SchoolFacts {
  schoolName: string;
  schoolTown: string;
  schoolEmailDomain: string;
}

// Words every school name or address shares: refusing them would refuse half the dictionary and say nothing.
const commonWords = new Set(
  'school primary secondary academy college church england infant infants junior juniors nursery trust federation the and saint with high grammar community catholic'.split(
    ' ',
  ),
);
const domainParts = new Set('sch org com net gov edu co ac uk'.split(' '));

/** The distinctive words of the school's name, town and email domain ("Oakfield", "Hitchin"). */
export function schoolWords({ schoolName, schoolTown, schoolEmailDomain }: SchoolFacts): string[] {
  const words = [schoolName, schoolTown, schoolEmailDomain.split('@').pop() ?? '']
    .join(' ')
    .toLowerCase()
    .split(/[^a-z]+/)
    .filter((word) => word.length >= 4 && !commonWords.has(word) && !domainParts.has(word));
  return [...new Set(words)];
}

const yearPattern = /(19|20)\d\d/;

export function checkPassphrase(passphrase: string, school: SchoolFacts): PasswordCheck {
  const words = schoolWords(school);
  const flat = passphrase.toLowerCase().replace(/[^a-z]/g, '');
  const named = words.filter((word) => flat.includes(word));
  const check = checkPassword({
    password: passphrase,
    minLength: passphraseMinLength,
    // The school's words are refused below in their own words; here they only weaken the strength score.
    forbiddenWords: ['keyholder', 'backup'],
    userInputs: words,
  });
  const reasons = [...check.reasons];
  if (named.length > 0)
    reasons.push(`Leave out ${named.map(capital).join(' and ')}: the school's name and town are the first guesses.`);
  if (yearPattern.test(passphrase))
    reasons.push('Leave out years such as 2026: a year is among the first things a guesser tries.');
  const guessable = named.length > 0 || yearPattern.test(passphrase);
  // A guessable passphrase never shows as strong, whatever the pattern-matcher made of the rest.
  return { ok: reasons.length === 0, score: guessable ? Math.min(check.score, 1) : check.score, reasons };
}

function capital(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}
