/*
 * 2FAS Authenticator's backup (.2fas), as the app writes it (twofas/2fas-android, BackupContent):
 *
 *   { "services": [...], "groups": [{ "id", "name" }], "schemaVersion": 4, "appOrigin", ...,
 *     "servicesEncrypted": "<b64 ciphertext+tag>:<b64 salt>:<b64 iv>", "reference": "<same>" }
 *
 * Encrypted backups (reference present) hold the services list as AES-256-GCM ciphertext with
 * a key from PBKDF2-HMAC-SHA256(password, salt, 10 000 iterations, 256 bits). "reference" is a
 * fixed text encrypted the same way: failing to decrypt it means the password is wrong.
 * A service: { name, secret (Base32), groupId, otp: { account, issuer, label, digits, period,
 * algorithm, tokenType: TOTP | HOTP | STEAM } }.
 */
import { ImportFileError, type ParseResult } from '../model';
import {
  array,
  createYielder,
  decodeText,
  isObject,
  parseJson,
  ResultBuilder,
  text,
  totpFromParts,
  unsupportedReasons,
  type JsonObject,
} from './common';
import { addAuthenticator } from './authenticator-entry';
import { aesGcmDecrypt, base64ToBytes } from './crypto';

const WHAT = '2FAS backup';
export const TWOFAS_PBKDF2_ITERATIONS = 10_000;
const KNOWN_SCHEMA = 4;

export function looksLikeTwofas(json: unknown): boolean {
  return (
    isObject(json) &&
    typeof json.schemaVersion === 'number' &&
    (Array.isArray(json.services) || typeof json.servicesEncrypted === 'string')
  );
}

export function twofasIsEncrypted(json: unknown): boolean {
  return isObject(json) && (text(json.reference) !== '' || text(json.servicesEncrypted) !== '');
}

export async function parseTwofas(
  json: unknown,
  password: string | undefined,
  options: { signal?: AbortSignal | undefined } = {},
): Promise<ParseResult> {
  if (!isObject(json) || !looksLikeTwofas(json)) {
    throw new ImportFileError('unknown-format', 'This is not a 2FAS backup.');
  }
  const schema = json.schemaVersion as number;
  if (schema < 1 || schema > KNOWN_SCHEMA) {
    throw new ImportFileError(
      'unsupported-version',
      `This 2FAS backup uses schema version ${schema}, which this importer does not know yet (it reads versions 1 to ${KNOWN_SCHEMA}).`,
    );
  }
  const services = twofasIsEncrypted(json) ? await decryptServices(json, password) : json.services;
  if (!Array.isArray(services)) {
    throw new ImportFileError('corrupt', 'This 2FAS backup has no list of services.');
  }
  const groups = new Map<string, string>();
  for (const group of array(json.groups)) {
    if (isObject(group)) groups.set(text(group.id), text(group.name));
  }
  const builder = new ResultBuilder('2fas');
  const yielder = createYielder(options.signal);
  for (const service of services) {
    await yielder.tick();
    if (isObject(service)) addService(builder, service, groups);
  }
  return builder.result();
}

function addService(builder: ResultBuilder, service: JsonObject, groups: Map<string, string>) {
  const otp = isObject(service.otp) ? service.otp : {};
  const issuer = text(otp.issuer) || text(service.name);
  const account = text(otp.account) || text(otp.label);
  const folder = groups.get(text(service.groupId)) || null;
  const sourceName = account
    ? `${text(service.name) || issuer} (${account})`
    : text(service.name) || issuer || 'Untitled';
  const tokenType = (text(otp.tokenType) || 'TOTP').toUpperCase();
  if (tokenType !== 'TOTP') {
    const reason =
      tokenType === 'HOTP'
        ? unsupportedReasons.hotp
        : tokenType === 'STEAM'
          ? unsupportedReasons.steam
          : 'This kind of one-time password is not supported.';
    builder.add({ kind: 'unsupported', sourceName, folder, problems: [], reason });
    return;
  }
  const parsed = totpFromParts({
    secret: text(service.secret),
    issuer,
    account,
    algorithm: text(otp.algorithm),
    digits: otp.digits,
    period: otp.period,
  });
  addAuthenticator(builder, parsed, { sourceName, folder, issuer, account });
}

interface Sealed {
  data: Uint8Array<ArrayBuffer>;
  salt: Uint8Array<ArrayBuffer>;
  iv: Uint8Array<ArrayBuffer>;
}

function splitSealed(value: string): Sealed {
  const parts = value.split(':');
  if (parts.length !== 3) {
    throw new ImportFileError(
      'corrupt',
      'This 2FAS backup is damaged: its encrypted part is malformed.',
    );
  }
  const [data = '', salt = '', iv = ''] = parts;
  return {
    data: base64ToBytes(data, WHAT),
    salt: base64ToBytes(salt, WHAT),
    iv: base64ToBytes(iv, WHAT),
  };
}

async function deriveKey(password: string, salt: Uint8Array<ArrayBuffer>): Promise<Uint8Array> {
  const base = await crypto.subtle.importKey(
    'raw',
    new TextEncoder().encode(password),
    'PBKDF2',
    false,
    ['deriveBits'],
  );
  const bits = await crypto.subtle.deriveBits(
    { name: 'PBKDF2', hash: 'SHA-256', salt, iterations: TWOFAS_PBKDF2_ITERATIONS },
    base,
    256,
  );
  return new Uint8Array(bits);
}

async function decryptServices(json: JsonObject, password: string | undefined): Promise<unknown> {
  const sealedServices = text(json.servicesEncrypted);
  if (!sealedServices) {
    throw new ImportFileError(
      'corrupt',
      'This 2FAS backup is marked encrypted but holds no encrypted services.',
    );
  }
  if (!password) {
    throw new ImportFileError(
      'needs-password',
      'This 2FAS backup is encrypted. Enter its password.',
    );
  }
  const services = splitSealed(sealedServices);
  const key = await deriveKey(password, services.salt);
  const reference = text(json.reference);
  if (reference) {
    const sealedReference = splitSealed(reference);
    const referenceKey = sameBytes(sealedReference.salt, services.salt)
      ? key
      : await deriveKey(password, sealedReference.salt);
    if (!(await aesGcmDecrypt(referenceKey, sealedReference.iv, sealedReference.data))) {
      throw new ImportFileError(
        'wrong-password',
        'That password does not unlock this 2FAS backup.',
      );
    }
  }
  const plain = await aesGcmDecrypt(key, services.iv, services.data);
  key.fill(0);
  if (!plain) {
    throw reference
      ? new ImportFileError(
          'corrupt',
          'The password is right, but this 2FAS backup’s services are damaged and cannot be decrypted.',
        )
      : new ImportFileError('wrong-password', 'That password does not unlock this 2FAS backup.');
  }
  const parsed = parseJson(decodeText(plain), WHAT);
  plain.fill(0);
  return parsed;
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((byte, index) => byte === b[index]);
}
