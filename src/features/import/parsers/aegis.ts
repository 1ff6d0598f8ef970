/*
 * Aegis Authenticator's vault export (docs/vault.md in beemdevelopment/Aegis):
 *
 *   { "version": 1, "header": { "slots": [...] | null, "params": { "nonce", "tag" } | null },
 *     "db": { "version", "entries": [...] } | "<base64 ciphertext>" }
 *
 * Encrypted vaults keep a random 256-bit master key, wrapped in each slot with AES-256-GCM. A
 * password slot (type 1) derives its wrapping key with scrypt(password, salt, n, r, p, 32 bytes);
 * the master key then decrypts db with header.params' nonce and tag. Hex for slot fields and
 * params, base64 for db. Entries: { type: totp|hotp|steam|yandex|motp, name, issuer,
 * info: { secret (Base32), algo, digits, period } }; newer vaults file entries under groups.
 */
import { scryptAsync } from '@noble/hashes/scrypt.js';
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
import { aesGcmDecrypt, base64ToBytes, concatBytes, hexToBytes } from './crypto';

const WHAT = 'Aegis vault';

export function looksLikeAegis(json: unknown): boolean {
  return (
    isObject(json) && typeof json.version === 'number' && isObject(json.header) && 'db' in json
  );
}

export function aegisIsEncrypted(json: unknown): boolean {
  return isObject(json) && typeof json.db === 'string';
}

export async function parseAegis(
  json: unknown,
  password: string | undefined,
  options: { signal?: AbortSignal | undefined } = {},
): Promise<ParseResult> {
  if (!isObject(json) || !looksLikeAegis(json)) {
    throw new ImportFileError('unknown-format', 'This is not an Aegis vault export.');
  }
  if (json.version !== 1) {
    throw new ImportFileError(
      'unsupported-version',
      'This Aegis vault uses a newer file version than this importer knows. Update the console or export from Aegis as plain text.',
    );
  }
  const db = typeof json.db === 'string' ? await decryptDb(json, password) : json.db;
  if (!isObject(db) || !Array.isArray(db.entries)) {
    throw new ImportFileError('corrupt', 'This Aegis vault has no list of entries.');
  }
  if (typeof db.version !== 'number' || db.version < 1 || db.version > 3) {
    throw new ImportFileError(
      'unsupported-version',
      'This Aegis vault’s contents use a version this importer does not know.',
    );
  }
  const groups = new Map<string, string>();
  for (const group of array(db.groups)) {
    if (isObject(group)) groups.set(text(group.uuid), text(group.name));
  }
  const builder = new ResultBuilder('aegis');
  const yielder = createYielder(options.signal);
  for (const entry of db.entries) {
    await yielder.tick();
    if (isObject(entry)) addEntry(builder, entry, groups);
  }
  return builder.result();
}

function addEntry(builder: ResultBuilder, entry: JsonObject, groups: Map<string, string>): void {
  const issuer = text(entry.issuer);
  const account = text(entry.name);
  const groupId = array(entry.groups)
    .map(text)
    .find((id) => groups.has(id));
  const folder = (groupId && groups.get(groupId)) || text(entry.group) || null;
  const type = text(entry.type).toLowerCase();
  const sourceName = issuer && account ? `${issuer} (${account})` : issuer || account || 'Untitled';
  if (type !== 'totp') {
    const reason =
      type in unsupportedReasons
        ? unsupportedReasons[type as keyof typeof unsupportedReasons]
        : 'This kind of one-time password is not supported.';
    builder.add({ kind: 'unsupported', sourceName, folder, problems: [], reason });
    return;
  }
  const info = isObject(entry.info) ? entry.info : {};
  const parsed = totpFromParts({
    secret: text(info.secret),
    issuer,
    account,
    algorithm: text(info.algo),
    digits: info.digits,
    period: info.period,
  });
  addAuthenticator(builder, parsed, { sourceName, folder, issuer, account });
}

async function decryptDb(vault: JsonObject, password: string | undefined): Promise<unknown> {
  const header = isObject(vault.header) ? vault.header : {};
  const params = isObject(header.params) ? header.params : null;
  const slots = array(header.slots).filter(isObject);
  const passwordSlots = slots.filter((slot) => slot.type === 1);
  if (!params || slots.length === 0) {
    throw new ImportFileError(
      'corrupt',
      'This Aegis vault is encrypted but its header is missing.',
    );
  }
  if (passwordSlots.length === 0) {
    throw new ImportFileError(
      'unsupported-version',
      'This Aegis vault can only be unlocked with biometrics. In Aegis, set a password and export again.',
    );
  }
  if (!password) {
    throw new ImportFileError(
      'needs-password',
      'This Aegis vault is encrypted. Enter its password.',
    );
  }
  const passwordBytes = new TextEncoder().encode(password);
  let masterKey: Uint8Array | null = null;
  for (const slot of passwordSlots) {
    masterKey = await unwrapSlot(slot, passwordBytes);
    if (masterKey) break;
  }
  if (!masterKey) {
    throw new ImportFileError('wrong-password', 'That password does not unlock this Aegis vault.');
  }
  const content = await aesGcmDecrypt(
    masterKey,
    hexToBytes(text(params.nonce), WHAT),
    concatBytes(base64ToBytes(text(vault.db), WHAT), hexToBytes(text(params.tag), WHAT)),
  );
  masterKey.fill(0);
  if (!content) {
    throw new ImportFileError(
      'corrupt',
      'The password is right, but this Aegis vault’s contents are damaged and cannot be decrypted.',
    );
  }
  const json = parseJson(decodeText(content), WHAT);
  content.fill(0);
  return json;
}

async function unwrapSlot(slot: JsonObject, password: Uint8Array): Promise<Uint8Array | null> {
  const { n, r, p } = slot;
  const valid =
    typeof n === 'number' &&
    typeof r === 'number' &&
    typeof p === 'number' &&
    Number.isInteger(Math.log2(n)) &&
    n >= 2 &&
    n <= 2 ** 20 &&
    r >= 1 &&
    r <= 32 &&
    p >= 1 &&
    p <= 16 &&
    // scrypt needs 128·r·N bytes: refuse more than 256 MB rather than exhaust the tab.
    128 * r * n <= 2 ** 28;
  if (!valid) throw new ImportFileError('corrupt', 'This Aegis vault’s password slot is damaged.');
  const keyParams = isObject(slot.key_params) ? slot.key_params : {};
  const salt = hexToBytes(text(slot.salt), WHAT);
  const derived = await scryptAsync(password, salt, { N: n, r, p, dkLen: 32, asyncTick: 10 });
  const masterKey = await aesGcmDecrypt(
    derived,
    hexToBytes(text(keyParams.nonce), WHAT),
    concatBytes(hexToBytes(text(slot.key), WHAT), hexToBytes(text(keyParams.tag), WHAT)),
  );
  derived.fill(0);
  return masterKey;
}
