/*
 * The byte handling the encrypted authenticator backups need: hex and base64 decoding that fail
 * as a corrupt file, and AES-GCM decryption through WebCrypto that reports a failed tag as null
 * (a wrong password or a damaged file; the caller knows which).
 */
import { ImportFileError } from '../model';

type Bytes = Uint8Array<ArrayBuffer>;

function damaged(what: string): ImportFileError {
  return new ImportFileError(
    'corrupt',
    `This ${what} is damaged: an encryption field is malformed.`,
  );
}

export function hexToBytes(hex: string, what: string): Bytes {
  if (!/^(?:[0-9a-fA-F]{2})*$/.test(hex)) throw damaged(what);
  const bytes = new Uint8Array(hex.length / 2);
  for (let i = 0; i < bytes.length; i++) bytes[i] = parseInt(hex.slice(i * 2, i * 2 + 2), 16);
  return bytes;
}

export function base64ToBytes(base64: string, what: string): Bytes {
  let binary: string;
  try {
    binary = atob(base64.replace(/\s+/g, ''));
  } catch {
    throw damaged(what);
  }
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

export function concatBytes(first: Uint8Array, second: Uint8Array): Bytes {
  const joined = new Uint8Array(first.length + second.length);
  joined.set(first, 0);
  joined.set(second, first.length);
  return joined;
}

/** AES-256-GCM decryption of `data` (ciphertext followed by its 16-byte tag); null when the tag fails. */
export async function aesGcmDecrypt(
  key: Uint8Array,
  iv: Bytes,
  data: Bytes,
): Promise<Bytes | null> {
  try {
    // A key of the wrong length (a damaged slot) fails here, like a failed tag below.
    const cryptoKey = await crypto.subtle.importKey('raw', new Uint8Array(key), 'AES-GCM', false, [
      'decrypt',
    ]);
    return new Uint8Array(await crypto.subtle.decrypt({ name: 'AES-GCM', iv }, cryptoKey, data));
  } catch {
    return null;
  }
}
