/*
 * Base32 (RFC 4648) as authenticator setup keys use it, with the structural rules Skyvern applies
 * to a raw key (contract 3.8, rule 4). Pure: no React, no otpauth.
 */

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

/** Removes what people and sites add for readability: whitespace anywhere, and hyphens. */
export function compactKey(text: string): string {
  return text.replace(/[\s-]+/g, '');
}

/**
 * Whether `text` decodes as Base32 the way Skyvern checks it: A–Z in either case and 2–7, an
 * unpadded length whose remainder modulo 8 is 0, 2, 4, 5 or 7, and `=` padding only when the
 * padded length is a multiple of 8.
 */
export function isValidBase32(text: string): boolean {
  const match = /^([A-Za-z2-7]+)(=*)$/.exec(text);
  if (!match) return false;
  const body = match[1] ?? '';
  const padding = match[2] ?? '';
  if (padding.length > 0 && text.length % 8 !== 0) return false;
  return [0, 2, 4, 5, 7].includes(body.length % 8);
}

/**
 * A bare setup key as the console sends it: spaces and hyphens removed, upper case, no padding.
 * Returns null when what is left is not valid Base32.
 */
export function normaliseBase32Key(text: string): string | null {
  const compact = compactKey(text);
  if (!isValidBase32(compact)) return null;
  return compact.replace(/=+$/, '').toUpperCase();
}

/** Bytes → unpadded upper-case Base32 (Google Authenticator exports carry raw secret bytes). */
export function base32Encode(bytes: Uint8Array): string {
  let bits = 0;
  let value = 0;
  let out = '';
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += ALPHABET[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) out += ALPHABET[(value << (5 - bits)) & 31];
  return out;
}
