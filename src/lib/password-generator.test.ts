import { describe, expect, it } from 'vitest';
import {
  generatePassword,
  PASSWORD_CHARACTER_SETS,
  passwordOptionsProblem,
  randomIndex,
  type CharacterSet,
} from './password-generator';

const ALL: CharacterSet[] = ['lower', 'upper', 'digits', 'symbols'];

describe('generatePassword', () => {
  it('has the asked length and only characters of the chosen sets, each set at least once', () => {
    for (const sets of [['digits'], ['lower', 'symbols'], ALL] as CharacterSet[][]) {
      for (const length of [8, 20, 128]) {
        const password = generatePassword({ length, sets });
        expect(password).toHaveLength(length);
        const alphabet = sets.map((set) => PASSWORD_CHARACTER_SETS[set]).join('');
        for (const char of password) expect(alphabet).toContain(char);
        for (const set of sets) {
          expect([...password].some((char) => PASSWORD_CHARACTER_SETS[set].includes(char))).toBe(
            true,
          );
        }
      }
    }
  });

  it('refuses options that cannot make a password', () => {
    expect(passwordOptionsProblem({ length: 20, sets: [] })).toMatch(/at least one/);
    expect(passwordOptionsProblem({ length: 7, sets: ['lower'] })).toMatch(/8 to 128/);
    expect(() => generatePassword({ length: 129, sets: ['lower'] })).toThrow(RangeError);
  });

  it('uses every character of the alphabet about equally often', () => {
    const alphabet = Object.values(PASSWORD_CHARACTER_SETS).join('');
    const counts = new Map<string, number>();
    const samples = 400;
    for (let index = 0; index < samples; index += 1) {
      for (const char of generatePassword({ length: 128, sets: ALL })) {
        counts.set(char, (counts.get(char) ?? 0) + 1);
      }
    }
    const expected = (samples * 128) / alphabet.length;
    // Chi-square over 88 symbols (87 degrees of freedom): 99.99th percentile ≈ 145.
    let chiSquare = 0;
    for (const char of alphabet) {
      const observed = counts.get(char) ?? 0;
      chiSquare += (observed - expected) ** 2 / expected;
    }
    expect(counts.size).toBe(alphabet.length);
    expect(chiSquare).toBeLessThan(145);
  });
});

describe('randomIndex', () => {
  it('rejects the values that would bias the modulo and draws again', () => {
    // For size 10, 2^32 % 10 = 6: the six largest values must be rejected.
    const values = [2 ** 32 - 1, 2 ** 32 - 6, 2 ** 32 - 7];
    const drawn: number[] = [];
    const source = (array: Uint32Array<ArrayBuffer>) => {
      const value = values.shift() ?? 0;
      drawn.push(value);
      array[0] = value;
      return array;
    };
    expect(randomIndex(10, source)).toBe((2 ** 32 - 7) % 10);
    expect(drawn).toHaveLength(3);
  });

  it('reads its randomness from crypto.getRandomValues', () => {
    const original = crypto.getRandomValues.bind(crypto);
    let calls = 0;
    const spy = (array: Uint32Array<ArrayBuffer>) => {
      calls += 1;
      return original(array);
    };
    const descriptor = Object.getOwnPropertyDescriptor(crypto, 'getRandomValues');
    Object.defineProperty(crypto, 'getRandomValues', { value: spy, configurable: true });
    try {
      generatePassword({ length: 12, sets: ['lower'] });
    } finally {
      if (descriptor) Object.defineProperty(crypto, 'getRandomValues', descriptor);
      else Reflect.deleteProperty(crypto, 'getRandomValues');
    }
    expect(calls).toBeGreaterThanOrEqual(12);
  });
});
