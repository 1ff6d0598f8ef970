/*
 * RFC 4648 Base32 decoding with the exact acceptance rules of Python's
 * `base64.b32decode(s, casefold=True)` after pyotp pads the key to a multiple of 8 (contract 3.8):
 * letters in either case and digits 2–7; an unpadded length whose remainder modulo 8 is 0, 2, 4,
 * 5 or 7; explicit `=` padding only when the total length is a multiple of 8.
 */
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
const VALID_PAD_COUNTS = new Set([0, 1, 3, 4, 6]);

/** Decodes a Base32 key the way pyotp would, or returns null when pyotp would reject it. */
export function decodeBase32(input: string): Buffer | null {
  let text = input.toUpperCase();
  const hadPadding = text.includes('=');
  if (hadPadding && text.length % 8 !== 0) return null;
  if (!hadPadding && text.length % 8 !== 0) text += '='.repeat(8 - (text.length % 8));
  const data = text.replace(/=+$/, '');
  const padCount = text.length - data.length;
  if (!VALID_PAD_COUNTS.has(padCount)) return null;

  let bits = 0;
  let value = 0;
  const out: number[] = [];
  for (const char of data) {
    const index = ALPHABET.indexOf(char);
    if (index === -1) return null;
    value = (value << 5) | index;
    bits += 5;
    if (bits >= 8) {
      out.push((value >>> (bits - 8)) & 0xff);
      bits -= 8;
    }
    value &= (1 << bits) - 1;
  }
  return Buffer.from(out);
}

export function isValidBase32(input: string): boolean {
  return decodeBase32(input) !== null;
}
