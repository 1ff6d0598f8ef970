/*
 * Encryption at rest (AES-256-GCM) and the small crypto helpers both servers share.
 */
import {
  createCipheriv,
  createDecipheriv,
  createHash,
  randomBytes,
  timingSafeEqual,
} from 'node:crypto';
import { chmodSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const FORMAT = 'v1';

/**
 * Seals strings with AES-256-GCM. The associated data binds a ciphertext to its row (for example
 * the vault item id), so a ciphertext copied onto another row fails to open.
 */
export class SecretBox {
  constructor(private readonly key: Buffer) {
    if (key.length !== 32) throw new Error('The encryption key must be 32 bytes');
  }

  seal(plaintext: string, associatedData: string): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv);
    cipher.setAAD(Buffer.from(associatedData, 'utf8'));
    const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
    const tag = cipher.getAuthTag();
    return `${FORMAT}:${iv.toString('base64')}:${tag.toString('base64')}:${body.toString('base64')}`;
  }

  open(sealed: string, associatedData: string): string {
    const [format, iv, tag, body] = sealed.split(':');
    if (format !== FORMAT || iv === undefined || tag === undefined || body === undefined) {
      throw new Error('Unrecognised ciphertext format');
    }
    const decipher = createDecipheriv('aes-256-gcm', this.key, Buffer.from(iv, 'base64'));
    decipher.setAAD(Buffer.from(associatedData, 'utf8'));
    decipher.setAuthTag(Buffer.from(tag, 'base64'));
    return Buffer.concat([decipher.update(Buffer.from(body, 'base64')), decipher.final()]).toString(
      'utf8',
    );
  }
}

/** Parses a 64-hex-character key, or explains what is wrong with it. */
export function parseHexKey(hex: string, envName: string): Buffer {
  if (!/^[0-9a-fA-F]{64}$/.test(hex)) {
    throw new Error(`${envName} must be 64 hexadecimal characters (32 bytes)`);
  }
  return Buffer.from(hex, 'hex');
}

/**
 * The key for a store: the configured one, else one generated once into the data directory (so
 * data survives restarts), else (memory mode) a random key for this process only.
 */
export function resolveKey(options: {
  configuredHex: string | undefined;
  envName: string;
  dataDir: string | null;
  fileName: string;
}): Buffer {
  if (options.configuredHex) return parseHexKey(options.configuredHex, options.envName);
  if (options.dataDir === null) return randomBytes(32);
  const file = join(options.dataDir, options.fileName);
  if (existsSync(file)) return parseHexKey(readFileSync(file, 'utf8').trim(), file);
  const key = randomBytes(32);
  writeFileSync(file, `${key.toString('hex')}\n`, { mode: 0o600 });
  chmodSync(file, 0o600);
  return key;
}

/** Compares two secrets without leaking where they differ (hashing first equalises lengths). */
export function constantTimeEqual(a: string, b: string): boolean {
  const left = createHash('sha256').update(a, 'utf8').digest();
  const right = createHash('sha256').update(b, 'utf8').digest();
  return timingSafeEqual(left, right) && a.length === b.length;
}

export function randomHex(bytes: number): string {
  return randomBytes(bytes).toString('hex');
}
