/*
 * 1Password's unencrypted export (.1pux, support.1password.com/1pux-format): a zip with
 * export.attributes ({ "version", "description", "createdAt" }), export.data and files/.
 *
 *   export.data: { "accounts": [{ "attrs": {...}, "vaults": [{ "attrs": { "name", ... },
 *     "items": [{ "uuid", "state": "active" | "archived", "categoryUuid", "overview": { "title",
 *     "url", "urls": [{ "url" }] }, "details": { "loginFields": [{ "designation", "value" }],
 *     "password", "notesPlain", "sections": [{ "fields": [{ "id", "title", "value": { "totp" |
 *     "concealed" | "string" | "creditCardNumber" | "monthYear" | ... } }] }] } }] }] }] }
 *
 * Categories read: 001 Login (username, password, first one-time password field), 002 Credit
 * Card, 003 Secure Note and 005 Password and 112 API Credential (as secrets). Other categories
 * are listed as unsupported. Vault names become folders. Attachments (files/) are not read.
 */
import { unzipSync } from 'fflate';
import { ImportFileError, type ParseResult } from '../model';
import {
  array,
  checkCard,
  createYielder,
  decodeText,
  isObject,
  loginProblems,
  parseJson,
  plural,
  raw,
  readTotpField,
  ResultBuilder,
  text,
  type JsonObject,
} from './common';

const KNOWN_VERSION = 3;

const CATEGORY_NAMES: Record<string, string> = {
  '004': 'Identity',
  '006': 'Document',
  '100': 'Software License',
  '101': 'Bank Account',
  '102': 'Database',
  '103': 'Driver License',
  '104': 'Outdoor License',
  '105': 'Membership',
  '106': 'Passport',
  '107': 'Rewards Program',
  '108': 'Social Security Number',
  '109': 'Wireless Router',
  '110': 'Server',
  '111': 'Email Account',
  '113': 'Medical Record',
  '114': 'SSH Key',
};

/** A zip file starts with a local file header, "PK\3\4". */
export function looksLikeZip(bytes: Uint8Array): boolean {
  return bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

function readArchive(bytes: Uint8Array): { data: unknown; version: number | null } {
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(bytes, {
      filter: (file) => file.name === 'export.data' || file.name === 'export.attributes',
    });
  } catch {
    throw new ImportFileError(
      'corrupt',
      'This .1pux file is not a complete zip archive: it may have been cut off. Export it again.',
    );
  }
  const dataBytes = files['export.data'];
  if (!dataBytes) {
    throw new ImportFileError(
      'unknown-format',
      'This zip file has no export.data, so it is not a 1Password export (.1pux).',
    );
  }
  const attributesBytes = files['export.attributes'];
  let version: number | null = null;
  if (attributesBytes) {
    const attributes = parseJson(decodeText(attributesBytes), '1Password export');
    if (isObject(attributes) && typeof attributes.version === 'number')
      version = attributes.version;
  }
  return { data: parseJson(decodeText(dataBytes), '1Password export'), version };
}

export async function parseOnePassword1pux(
  bytes: Uint8Array,
  options: { signal?: AbortSignal | undefined } = {},
): Promise<ParseResult> {
  const { data, version } = readArchive(bytes);
  if (version !== null && version > KNOWN_VERSION) {
    throw new ImportFileError(
      'unsupported-version',
      `This 1Password export uses format version ${version}, which this importer does not know yet.`,
    );
  }
  if (!isObject(data) || !Array.isArray(data.accounts)) {
    throw new ImportFileError(
      'corrupt',
      'This 1Password export has no accounts in its export.data.',
    );
  }
  const builder = new ResultBuilder('1password-1pux');
  const yielder = createYielder(options.signal);
  let trashed = 0;
  for (const account of data.accounts) {
    for (const vault of array(isObject(account) ? account.vaults : null)) {
      if (!isObject(vault)) continue;
      const folder = text(isObject(vault.attrs) ? vault.attrs.name : '') || null;
      for (const item of array(vault.items)) {
        await yielder.tick();
        if (!isObject(item)) continue;
        const state = text(item.state) || 'active';
        if (state !== 'active' && state !== 'archived') {
          trashed += 1;
          continue;
        }
        addItem(builder, item, folder);
      }
    }
  }
  if (trashed > 0) {
    builder.warn(`${plural(trashed, 'deleted item was', 'deleted items were')} left out.`);
  }
  return builder.result();
}

/** Every section field of an item, flattened. */
function sectionFields(details: JsonObject): JsonObject[] {
  return array(details.sections)
    .filter(isObject)
    .flatMap((section) => array(section.fields).filter(isObject));
}

function fieldValue(field: JsonObject | undefined): string {
  if (!field || !isObject(field.value)) return '';
  const value = Object.values(field.value)[0];
  return typeof value === 'string' ? value : typeof value === 'number' ? String(value) : '';
}

function fieldById(fields: JsonObject[], id: string): JsonObject | undefined {
  return fields.find((field) => field.id === id);
}

function addItem(builder: ResultBuilder, item: JsonObject, folder: string | null): void {
  const overview = isObject(item.overview) ? item.overview : {};
  const details = isObject(item.details) ? item.details : {};
  const sourceName = text(overview.title) || 'Untitled item';
  const fields = sectionFields(details);
  const base = { sourceName, folder, problems: [] as string[] };
  const category = text(item.categoryUuid);
  switch (category) {
    case '001': {
      const loginFields = array(details.loginFields).filter(isObject);
      const username = text(loginFields.find((field) => field.designation === 'username')?.value);
      const password = raw(loginFields.find((field) => field.designation === 'password')?.value);
      const problems = loginProblems(username, password);
      const otpField = fields.find(
        (field) => isObject(field.value) && typeof field.value.totp === 'string',
      );
      const reading = readTotpField(
        otpField && isObject(otpField.value) ? raw(otpField.value.totp) : '',
        {
          issuer: sourceName,
          account: username,
        },
      );
      if (reading.kind === 'invalid' || reading.kind === 'unsupported')
        problems.push(reading.reason);
      const firstUrl = array(overview.urls).find((url) => isObject(url) && text(url.url));
      builder.add({
        ...base,
        problems,
        kind: 'password',
        name: sourceName,
        username,
        password,
        totp: reading.kind === 'totp' ? reading.totp : null,
        url: text(overview.url) || (isObject(firstUrl) ? text(firstUrl.url) : '') || null,
      });
      return;
    }
    case '002': {
      const expiry = fieldValue(fieldById(fields, 'expiry'));
      const checked = checkCard({
        cardholder: fieldValue(fieldById(fields, 'cardholder')),
        number: fieldValue(fieldById(fields, 'ccnum')),
        // monthYear is a number, YYYYMM.
        expMonth: /^\d{6}$/.test(expiry) ? expiry.slice(4) : '',
        expYear: /^\d{6}$/.test(expiry) ? expiry.slice(0, 4) : '',
        cvv: fieldValue(fieldById(fields, 'cvv')),
      });
      const { problems, ...cardFields } = checked;
      builder.add({ ...base, problems, kind: 'card', name: sourceName, ...cardFields });
      return;
    }
    case '003':
    case '005':
    case '112': {
      const secret =
        category === '003'
          ? raw(details.notesPlain)
          : category === '005'
            ? raw(details.password)
            : fieldValue(fieldById(fields, 'credential'));
      const label =
        category === '112' ? text(fieldValue(fieldById(fields, 'username'))) || null : null;
      const empty =
        category === '003'
          ? 'The secure note is empty.'
          : category === '005'
            ? 'The password is empty.'
            : 'The API credential is empty.';
      builder.add({
        ...base,
        problems: secret.trim() === '' ? [empty] : [],
        kind: 'secret',
        name: sourceName,
        secret,
        label,
      });
      return;
    }
    default: {
      const kind = CATEGORY_NAMES[category];
      builder.add({
        ...base,
        kind: 'unsupported',
        reason: kind
          ? `${kind}: Skyvern has no matching credential type.`
          : 'This kind of 1Password item is not supported.',
      });
    }
  }
}
