/*
 * Random passwords for the credential form. Every character is drawn with
 * crypto.getRandomValues and rejection sampling, so each character of the chosen sets is exactly
 * equally likely (a plain `value % size` would favour the first characters of the alphabet).
 * Nothing here keeps, logs or returns anything but the password itself.
 */

export const PASSWORD_CHARACTER_SETS = {
  lower: 'abcdefghijklmnopqrstuvwxyz',
  upper: 'ABCDEFGHIJKLMNOPQRSTUVWXYZ',
  digits: '0123456789',
  symbols: '!#$%&()*+,-./:;<=>?@[]^_{|}~',
} as const;

export type CharacterSet = keyof typeof PASSWORD_CHARACTER_SETS;

export interface PasswordOptions {
  length: number;
  sets: readonly CharacterSet[];
}

export const PASSWORD_LENGTH = { min: 8, max: 128, default: 20 } as const;

/** Fills the array with random 32-bit values; `crypto.getRandomValues` unless a test injects one. */
export type RandomSource = (array: Uint32Array<ArrayBuffer>) => Uint32Array<ArrayBuffer>;

const cryptoSource: RandomSource = (array) => crypto.getRandomValues(array);

const RANGE = 2 ** 32;

/** A uniformly random integer in [0, size), rejecting the values that would bias `% size`. */
export function randomIndex(size: number, random: RandomSource = cryptoSource): number {
  if (!Number.isInteger(size) || size < 1 || size > RANGE) throw new RangeError('Bad size');
  const limit = RANGE - (RANGE % size);
  const buffer = new Uint32Array(1);
  for (;;) {
    const value = random(buffer)[0] ?? 0;
    if (value < limit) return value % size;
  }
}

/** Why the options cannot make a password, or null when they can. */
export function passwordOptionsProblem(options: PasswordOptions): string | null {
  if (options.sets.length === 0) return 'Choose at least one kind of character.';
  if (
    !Number.isInteger(options.length) ||
    options.length < PASSWORD_LENGTH.min ||
    options.length > PASSWORD_LENGTH.max
  )
    return `Choose a length from ${PASSWORD_LENGTH.min} to ${PASSWORD_LENGTH.max}.`;
  return null;
}

/**
 * A password of `length` characters drawn from the union of the chosen sets, containing at
 * least one character of each. Passwords missing a set are drawn again whole (rather than
 * patched), so every password that satisfies the rule is equally likely.
 */
export function generatePassword(
  options: PasswordOptions,
  random: RandomSource = cryptoSource,
): string {
  const problem = passwordOptionsProblem(options);
  if (problem) throw new RangeError(problem);
  const sets = [...new Set(options.sets)].map((set) => PASSWORD_CHARACTER_SETS[set]);
  const alphabet = sets.join('');
  for (;;) {
    let password = '';
    for (let index = 0; index < options.length; index += 1) {
      password += alphabet[randomIndex(alphabet.length, random)];
    }
    if (sets.every((set) => [...password].some((char) => set.includes(char)))) return password;
  }
}
