import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { generatePassword, passwordAlphabet } from '../../../electron/vault/generator';
import { checkPassword, digits, letters, symbols } from '../../../shared/policy/password-policy';
import { defaultSettings } from '../../../shared/policy/settings';

/**
 * The password generator: every password has a letter, a digit and a
 * symbol, uses only its alphabet, and (given that) every character is as
 * likely as the rejection of incomplete passwords allows, no more.
 */
const length = defaultSettings.generatedPasswordLength;
const avoidLookAlikes = defaultSettings.avoidLookAlikes;
const count = 10_000;
const sample = Array.from({ length: count }, () => generatePassword({ length, avoidLookAlikes }));

/**
 * Expected share of each character when every password that has all three
 * classes is equally likely (inclusion-exclusion over the missing classes).
 */
function expectedShares(alphabet: string, size: number): Map<string, number> {
  const classes = [letters, digits, symbols].map((pattern) => [...alphabet].filter((c) => pattern.test(c)).length);
  const n = alphabet.length;
  /** Probability that `positions` uniform characters include every class in `needed`. */
  const covers = (needed: number[], positions: number): number => {
    let total = 0;
    for (let mask = 0; mask < 1 << needed.length; mask += 1) {
      const missing = needed.filter((_, i) => mask & (1 << i));
      const left = n - missing.reduce((sum, k) => sum + (classes[k] ?? 0), 0);
      total += (missing.length % 2 === 0 ? 1 : -1) * (left / n) ** positions;
    }
    return total;
  };
  const valid = covers([0, 1, 2], size);
  const shares = new Map<string, number>();
  for (const c of alphabet) {
    const own = [letters, digits, symbols].findIndex((pattern) => pattern.test(c));
    const others = [0, 1, 2].filter((k) => k !== own);
    shares.set(c, covers(others, size - 1) / n / valid);
  }
  return shares;
}

function chiSquared(passwords: string[], alphabet: string): { statistic: number; worstRatio: number } {
  const counts = new Map<string, number>([...alphabet].map((c) => [c, 0]));
  for (const password of passwords) for (const c of password) counts.set(c, (counts.get(c) ?? 0) + 1);
  const total = passwords.length * length;
  let statistic = 0;
  let worstRatio = 0;
  for (const [c, share] of expectedShares(alphabet, length)) {
    const expected = share * total;
    const observed = counts.get(c) ?? 0;
    statistic += (observed - expected) ** 2 / expected;
    worstRatio = Math.max(worstRatio, Math.abs(observed - expected) / expected);
  }
  return { statistic, worstRatio };
}

describe('generatePassword', () => {
  const alphabet = passwordAlphabet(avoidLookAlikes);

  it('makes 10,000 passwords of the default length, each with a letter, a digit and a symbol', () => {
    expect(length).toBe(20);
    for (const password of sample) {
      expect(password).toHaveLength(length);
      expect(letters.test(password) && digits.test(password) && symbols.test(password)).toBe(true);
      expect([...password].every((c) => alphabet.includes(c))).toBe(true);
    }
    expect(new Set(sample).size).toBe(count);
  });

  it('leaves out characters that look alike, and only when asked', () => {
    const confusing = ['I', 'l', '1', 'O', '0', 'o', '|', '`', "'", '"'];
    expect(sample.some((password) => confusing.some((c) => password.includes(c)))).toBe(false);
    for (const c of confusing) expect(alphabet).not.toContain(c);
    const plain = passwordAlphabet(false);
    for (const c of ['I', 'l', '1', 'O', '0', 'o']) expect(plain).toContain(c);
    const withLookAlikes = Array.from({ length: 500 }, () => generatePassword({ length, avoidLookAlikes: false })).join(
      '',
    );
    expect(['I', 'l', '1', 'O', '0', 'o'].filter((c) => withLookAlikes.includes(c))).toHaveLength(6);
  });

  it('shows no bias over 200,000 characters', () => {
    const { statistic, worstRatio } = chiSquared(sample, alphabet);
    // 75 degrees of freedom: 150 is about six standard deviations above the mean.
    expect(alphabet.length - 1).toBe(75);
    expect(statistic).toBeLessThan(150);
    expect(worstRatio).toBeLessThan(0.15);
  });

  it('would catch a generator with modulo bias', () => {
    const biased = Array.from({ length: count }, () => {
      for (;;) {
        const password = [...randomBytes(length)].map((byte) => alphabet[byte % alphabet.length]).join('');
        if (letters.test(password) && digits.test(password) && symbols.test(password)) return password;
      }
    });
    expect(chiSquared(biased, alphabet).statistic).toBeGreaterThan(150);
  });

  it('makes passwords that pass the password policy', () => {
    for (const password of sample.slice(0, 8)) {
      const result = checkPassword({
        password,
        minLength: defaultSettings.minGeneratedPasswordLength,
        forbiddenWords: [],
      });
      expect(result).toMatchObject({ ok: true, reasons: [] });
      expect(result.score).toBeGreaterThanOrEqual(3);
    }
  });

  it.each([5, 257, 20.5, Number.NaN])('refuses a length of %s', (bad) => {
    expect(() => generatePassword({ length: bad, avoidLookAlikes: true })).toThrow(RangeError);
  });

  it('honours the length it is given', () => {
    expect(generatePassword({ length: 6, avoidLookAlikes: true })).toHaveLength(6);
    expect(generatePassword({ length: 128, avoidLookAlikes: false })).toHaveLength(128);
  });
});
