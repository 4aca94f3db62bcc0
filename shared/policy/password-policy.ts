import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import * as common from '@zxcvbn-ts/language-common';
import * as english from '@zxcvbn-ts/language-en';

/**
 * Password rules from the policies (North Herts 4, TPAT 6) and DOMAIN.md
 * rule 4, usable in the renderer for live feedback and in the main process
 * as the check that decides. History is checked only in the main process.
 */
export interface PasswordCheckInput {
  password: string;
  minLength: number;
  /** Words the password must not contain: the handle, the school name. */
  forbiddenWords: string[];
  /** Words a guesser would try first, which lower the strength score without being refused outright. */
  userInputs?: string[];
}

export interface PasswordCheck {
  ok: boolean;
  /** 0 (very weak) to 4 (very strong), from zxcvbn. */
  score: number;
  reasons: string[];
}

export const minimumScore = 3;

let factory: ZxcvbnFactory | null = null;
function strength(): ZxcvbnFactory {
  factory ??= new ZxcvbnFactory({
    translations: english.translations,
    graphs: common.adjacencyGraphs,
    dictionary: { ...common.dictionary, ...english.dictionary },
  });
  return factory;
}

export const letters = /[A-Za-z]/;
export const digits = /[0-9]/;
export const symbols = /[^A-Za-z0-9\s]/;

/** Strips the decoration from a handle or name so "@StMarysPE" matches "stmaryspe". */
function normalise(word: string): string {
  return word.toLowerCase().replace(/[^a-z0-9]/g, '');
}

export function checkPassword({
  password,
  minLength,
  forbiddenWords,
  userInputs = [],
}: PasswordCheckInput): PasswordCheck {
  const reasons: string[] = [];
  if (password.length < minLength) reasons.push(`Use at least ${minLength} characters (this has ${password.length}).`);
  if (!letters.test(password)) reasons.push('Include at least one letter.');
  if (!digits.test(password)) reasons.push('Include at least one number.');
  if (!symbols.test(password)) reasons.push('Include at least one special character, such as ! # % or ?.');
  if (/^\s|\s$/.test(password)) reasons.push('Remove spaces from the start and end.');
  const flat = normalise(password);
  for (const word of forbiddenWords) {
    const bare = normalise(word);
    if (bare.length >= 3 && flat.includes(bare)) reasons.push(`Do not include "${word}" in the password.`);
  }
  const result = strength().check(
    password.slice(0, 256),
    [...forbiddenWords, ...userInputs].filter((w) => w.length > 0),
  );
  if (result.score < minimumScore) {
    const hint = result.feedback.warning ? ` ${result.feedback.warning}` : '';
    reasons.push(
      `This password is too easy to guess (strength ${result.score} of 4; at least ${minimumScore} needed).${hint}`,
    );
  }
  return { ok: reasons.length === 0, score: result.score, reasons };
}
