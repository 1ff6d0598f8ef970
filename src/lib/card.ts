/*
 * Payment-card helpers for the credit card form. Skyvern itself checks nothing about a card
 * (contract 3.1: no Luhn, length, expiry or CVV rules), so the console catches typos before
 * they become a credential that fails at checkout time.
 */

export interface CardBrand {
  /** What is sent as `card_brand` and shown in the list. */
  label: string;
  /** Digit group sizes used to show the number, e.g. 4-6-5 for American Express. */
  groups: number[];
  lengths: number[];
}

const FOUR_BY_FOUR = [4, 4, 4, 4, 3];

const brands: Array<{ test: (digits: string) => boolean; brand: CardBrand }> = [
  {
    test: (d) => /^3[47]/.test(d),
    brand: { label: 'American Express', groups: [4, 6, 5], lengths: [15] },
  },
  {
    test: (d) => /^4/.test(d),
    brand: { label: 'Visa', groups: FOUR_BY_FOUR, lengths: [13, 16, 19] },
  },
  {
    test: (d) => /^5[1-5]/.test(d) || inRange(d, 6, 222100, 272099),
    brand: { label: 'Mastercard', groups: FOUR_BY_FOUR, lengths: [16] },
  },
  {
    test: (d) => /^(6011|65|64[4-9])/.test(d),
    brand: { label: 'Discover', groups: FOUR_BY_FOUR, lengths: [16, 19] },
  },
  {
    test: (d) => /^35(2[89]|[3-8])/.test(d),
    brand: { label: 'JCB', groups: FOUR_BY_FOUR, lengths: [16, 17, 18, 19] },
  },
  {
    test: (d) => /^3(0[0-5]|[689])/.test(d),
    brand: { label: 'Diners Club', groups: [4, 6, 4, 5], lengths: [14, 16, 19] },
  },
  {
    test: (d) => /^62/.test(d),
    brand: { label: 'UnionPay', groups: FOUR_BY_FOUR, lengths: [16, 17, 18, 19] },
  },
];

function inRange(digits: string, width: number, low: number, high: number): boolean {
  if (digits.length < width) return false;
  const prefix = Number(digits.slice(0, width));
  return prefix >= low && prefix <= high;
}

/** The digits of a card number as typed with spaces or dashes; other characters are kept so validation can flag them. */
export function cardDigits(input: string): string {
  return input.replace(/[\s-]/g, '');
}

export function detectCardBrand(digits: string): CardBrand | null {
  if (!/^\d+$/.test(digits)) return null;
  return brands.find(({ test }) => test(digits))?.brand ?? null;
}

/** The Luhn checksum every payment card number satisfies. */
export function passesLuhn(digits: string): boolean {
  if (!/^\d{2,}$/.test(digits)) return false;
  let sum = 0;
  let double = false;
  for (let index = digits.length - 1; index >= 0; index -= 1) {
    let digit = Number(digits[index]);
    if (double) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
    double = !double;
  }
  return sum % 10 === 0;
}

/** Shows a number in its brand's groups: `4242424242424242` → `4242 4242 4242 4242`. */
export function formatCardNumber(input: string): string {
  const digits = input.replace(/\D/g, '').slice(0, 19);
  const groups = detectCardBrand(digits)?.groups ?? FOUR_BY_FOUR;
  const parts: string[] = [];
  let offset = 0;
  for (const size of groups) {
    if (offset >= digits.length) break;
    parts.push(digits.slice(offset, offset + size));
    offset += size;
  }
  if (offset < digits.length) parts.push(digits.slice(offset));
  return parts.join(' ');
}

/** Why a card number is not usable, or null when it is. */
export function cardNumberProblem(input: string): string | null {
  const digits = cardDigits(input);
  if (!digits) return 'Enter the card number.';
  if (!/^\d+$/.test(digits)) return 'A card number has digits only.';
  if (digits.length < 12 || digits.length > 19) return 'A card number has 12 to 19 digits.';
  if (!passesLuhn(digits)) return 'This card number has a typo: its check digit does not match.';
  return null;
}

/** Whether a card that expires at the end of `month`/`year` is still valid on `now`. */
export function isExpired(month: number, year: number, now: Date = new Date()): boolean {
  const currentYear = now.getFullYear();
  const currentMonth = now.getMonth() + 1;
  return year < currentYear || (year === currentYear && month < currentMonth);
}

/**
 * How many digits the card's security code has: American Express prints a 4-digit CID on the
 * front, the other brands a 3-digit CVV on the back. Without a recognised brand, 3.
 */
export function cvvLength(brand: CardBrand | null): { digits: 3 | 4; message: string } {
  return brand?.label === 'American Express'
    ? { digits: 4, message: 'American Express cards have a 4-digit CID on the front.' }
    : { digits: 3, message: 'The CVV is the 3 digits on the back of the card.' };
}
