import { describe, expect, it } from 'vitest';
import {
  cardNumberProblem,
  detectCardBrand,
  formatCardNumber,
  isExpired,
  passesLuhn,
} from './card';

describe('card helpers', () => {
  it('checks the Luhn digit', () => {
    expect(passesLuhn('4242424242424242')).toBe(true);
    expect(passesLuhn('4242424242424241')).toBe(false);
    expect(passesLuhn('378282246310005')).toBe(true);
  });

  it('detects brands from their prefixes', () => {
    expect(detectCardBrand('4242')?.label).toBe('Visa');
    expect(detectCardBrand('5555555555554444')?.label).toBe('Mastercard');
    expect(detectCardBrand('2223003122003222')?.label).toBe('Mastercard');
    expect(detectCardBrand('378282246310005')?.label).toBe('American Express');
    expect(detectCardBrand('6011111111111117')?.label).toBe('Discover');
    expect(detectCardBrand('3566002020360505')?.label).toBe('JCB');
    expect(detectCardBrand('9999')).toBeNull();
  });

  it('groups the number the way the brand prints it', () => {
    expect(formatCardNumber('4242424242424242')).toBe('4242 4242 4242 4242');
    expect(formatCardNumber('378282246310005')).toBe('3782 822463 10005');
    expect(formatCardNumber('4242-42x42')).toBe('4242 4242');
  });

  it('explains what is wrong with a number', () => {
    expect(cardNumberProblem('')).toMatch(/Enter/);
    expect(cardNumberProblem('4242 42')).toMatch(/12 to 19/);
    expect(cardNumberProblem('4242 4242 4242 4241')).toMatch(/check digit/);
    expect(cardNumberProblem('4242 4242 4242 4242')).toBeNull();
  });

  it('treats a card as valid through the end of its expiry month', () => {
    const now = new Date(2026, 10, 22);
    expect(isExpired(11, 2026, now)).toBe(false);
    expect(isExpired(10, 2026, now)).toBe(true);
    expect(isExpired(1, 2025, now)).toBe(true);
  });
});
