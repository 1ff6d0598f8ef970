import { zxcvbn, zxcvbnOptions } from '@zxcvbn-ts/core';
import { adjacencyGraphs, dictionary as commonDictionary } from '@zxcvbn-ts/language-common';
import { dictionary as englishDictionary, translations } from '@zxcvbn-ts/language-en';

/*
 * How guessable a typed password is, with zxcvbn-ts (a maintained TypeScript port of Dropbox's
 * zxcvbn; see docs/decisions/two-factor-on-edit.md). Its dictionaries weigh several hundred KB,
 * so this module is only ever imported dynamically, once the user types a password. Everything
 * runs in the browser: no matcher that calls a web service (such as the pwned-passwords one) is
 * installed, so the password never leaves the page.
 */

zxcvbnOptions.setOptions({
  translations,
  graphs: adjacencyGraphs,
  dictionary: { ...commonDictionary, ...englishDictionary },
});

export type StrengthScore = 0 | 1 | 2 | 3 | 4;

export interface PasswordStrength {
  score: StrengthScore;
  label: string;
  /** zxcvbn's advice, if any: a warning first, then suggestions. */
  advice: string | null;
}

const labels: Record<StrengthScore, string> = {
  0: 'Very weak',
  1: 'Weak',
  2: 'Fair',
  3: 'Strong',
  4: 'Very strong',
};

/** The score (0–4), a word for it and zxcvbn's advice. `userInputs` are words to penalise. */
export function measurePasswordStrength(
  password: string,
  userInputs: readonly string[] = [],
): PasswordStrength {
  const result = zxcvbn(
    password,
    userInputs.filter((input) => input.trim()),
  );
  const score = result.score as StrengthScore;
  const advice =
    [result.feedback.warning, ...result.feedback.suggestions].filter(Boolean).join(' ') || null;
  return { score, label: labels[score], advice };
}
