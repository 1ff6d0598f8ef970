/*
 * Bitwarden's unencrypted JSON export ("File format: .json"):
 *
 *   { "encrypted": false, "folders": [{ "id", "name" }], "items": [{ "id", "folderId", "type",
 *     "name", "notes", "login": { "username", "password", "totp", "uris": [{ "uri" }],
 *     "fido2Credentials": [] }, "card": { "cardholderName", "brand", "number", "expMonth",
 *     "expYear", "code" }, "secureNote": { "type": 0 }, "deletedDate": null, ... }] }
 *
 * Item types: 1 login, 2 secure note, 3 card, 4 identity, 5 SSH key. An organization export has
 * "collections" and items' "collectionIds" instead of folders. Encrypted exports ("encrypted":
 * true, either account-restricted or password-protected) are refused with a way forward.
 */
import { ImportFileError, type ParseResult } from '../model';
import {
  array,
  checkCard,
  createYielder,
  isObject,
  loginProblems,
  plural,
  raw,
  readTotpField,
  ResultBuilder,
  text,
  unsupportedReasons,
  type JsonObject,
} from './common';

export function looksLikeBitwardenJson(json: unknown): boolean {
  return (
    isObject(json) &&
    typeof json.encrypted === 'boolean' &&
    (Array.isArray(json.items) || typeof json.data === 'string')
  );
}

export const bitwardenEncryptedMessage =
  'This is an encrypted Bitwarden export, which only Bitwarden can read. In Bitwarden, export ' +
  'the vault again with the file format ".json" (not ".json (Encrypted)") and pick that file.';

function namesById(list: unknown): Map<string, string> {
  const names = new Map<string, string>();
  for (const item of array(list)) {
    if (isObject(item) && text(item.id)) names.set(text(item.id), text(item.name));
  }
  return names;
}

export async function parseBitwardenJson(
  json: unknown,
  options: { signal?: AbortSignal | undefined } = {},
): Promise<ParseResult> {
  if (!isObject(json) || !looksLikeBitwardenJson(json)) {
    throw new ImportFileError('unknown-format', 'This is not a Bitwarden JSON export.');
  }
  if (json.encrypted === true)
    throw new ImportFileError('unsupported-version', bitwardenEncryptedMessage);
  const folders = namesById(json.folders);
  const collections = namesById(json.collections);
  const builder = new ResultBuilder('bitwarden-json');
  const yielder = createYielder(options.signal);
  let trashed = 0;
  for (const item of array(json.items)) {
    await yielder.tick();
    if (!isObject(item)) continue;
    if (item.deletedDate !== null && item.deletedDate !== undefined) {
      trashed += 1;
      continue;
    }
    addItem(builder, item, folderOf(item, folders, collections));
  }
  if (trashed > 0) {
    builder.warn(
      `${plural(trashed, 'item', 'items')} in the Bitwarden trash ${trashed === 1 ? 'was' : 'were'} left out.`,
    );
  }
  return builder.result();
}

function folderOf(
  item: JsonObject,
  folders: Map<string, string>,
  collections: Map<string, string>,
): string | null {
  const folder = folders.get(text(item.folderId));
  if (folder) return folder;
  const collectionId = array(item.collectionIds)
    .map(text)
    .find((id) => collections.has(id));
  return (collectionId && collections.get(collectionId)) || null;
}

function addItem(builder: ResultBuilder, item: JsonObject, folder: string | null): void {
  const sourceName = text(item.name) || 'Untitled item';
  const base = { sourceName, folder, problems: [] as string[] };
  switch (item.type) {
    case 1: {
      const login = isObject(item.login) ? item.login : {};
      const username = text(login.username);
      const password = raw(login.password);
      const hasPasskey = array(login.fido2Credentials).length > 0;
      if (hasPasskey && password === '') {
        builder.add({ ...base, kind: 'unsupported', reason: unsupportedReasons.passkey });
        return;
      }
      const problems = loginProblems(username, password);
      const reading = readTotpField(raw(login.totp), { issuer: sourceName, account: username });
      if (reading.kind === 'invalid' || reading.kind === 'unsupported')
        problems.push(reading.reason);
      const firstUri = array(login.uris).find((uri) => isObject(uri) && text(uri.uri));
      builder.add({
        ...base,
        problems,
        kind: 'password',
        name: sourceName,
        username,
        password,
        totp: reading.kind === 'totp' ? reading.totp : null,
        url: isObject(firstUri) ? text(firstUri.uri) : null,
      });
      if (hasPasskey) {
        builder.add({
          ...base,
          sourceName: `${sourceName} (passkey)`,
          kind: 'unsupported',
          reason: unsupportedReasons.passkey,
        });
      }
      return;
    }
    case 2: {
      const secret = raw(item.notes);
      builder.add({
        ...base,
        problems: secret.trim() === '' ? ['The secure note is empty.'] : [],
        kind: 'secret',
        name: sourceName,
        secret,
        label: null,
      });
      return;
    }
    case 3: {
      const card = isObject(item.card) ? item.card : {};
      const checked = checkCard({
        cardholder: text(card.cardholderName),
        number: text(card.number),
        expMonth: text(card.expMonth),
        expYear: text(card.expYear),
        cvv: text(card.code),
      });
      const { problems, ...fields } = checked;
      builder.add({ ...base, problems, kind: 'card', name: sourceName, ...fields });
      return;
    }
    case 4:
      builder.add({
        ...base,
        kind: 'unsupported',
        reason: 'Identity: Skyvern has no identity credentials.',
      });
      return;
    case 5:
      builder.add({
        ...base,
        kind: 'unsupported',
        reason: 'SSH key: Skyvern has no SSH key credentials.',
      });
      return;
    default:
      builder.add({
        ...base,
        kind: 'unsupported',
        reason: 'This kind of Bitwarden item is not supported.',
      });
  }
}
