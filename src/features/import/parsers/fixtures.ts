/*
 * Test-only builders of export files, written from each format's documentation (see the header
 * comment of each parser) and encrypted with the same primitives the apps use, so that the tests
 * never depend on a copied real export. Not imported by application code.
 */
import { scrypt } from '@noble/hashes/scrypt.js';
import { strToU8, zipSync } from 'fflate';
import type { ImportInput } from '../model';

export const encoder = new TextEncoder();

export function input(
  fileName: string,
  content: string | Uint8Array,
  password?: string,
): ImportInput {
  return {
    fileName,
    bytes: typeof content === 'string' ? encoder.encode(content) : content,
    password,
  };
}

function toHex(bytes: Uint8Array): string {
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
}

function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary);
}

function randomBytes(length: number): Uint8Array<ArrayBuffer> {
  return crypto.getRandomValues(new Uint8Array(length));
}

async function aesGcmEncrypt(
  key: Uint8Array,
  iv: Uint8Array<ArrayBuffer>,
  plain: Uint8Array<ArrayBuffer>,
): Promise<{ ciphertext: Uint8Array; tag: Uint8Array; sealed: Uint8Array }> {
  const cryptoKey = await crypto.subtle.importKey('raw', new Uint8Array(key), 'AES-GCM', false, [
    'encrypt',
  ]);
  const sealed = new Uint8Array(
    await crypto.subtle.encrypt({ name: 'AES-GCM', iv }, cryptoKey, plain),
  );
  return { sealed, ciphertext: sealed.slice(0, -16), tag: sealed.slice(-16) };
}

/* ----------------------------------------------------------------------------- Bitwarden */

// Keys used across the tests. JBSWY3DPEHPK3PXP is "Hello!\xDE\xAD\xBE\xEF".
export const KEY_A = 'JBSWY3DPEHPK3PXP';
export const KEY_B = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ';

export const VISA_OK = '4111111111111111';
export const VISA_BAD_LUHN = '4111111111111112';

export function bitwardenLogin(
  overrides: Record<string, unknown> = {},
  login: Record<string, unknown> = {},
) {
  return {
    id: crypto.randomUUID(),
    organizationId: null,
    folderId: null,
    type: 1,
    reprompt: 0,
    name: 'GitHub',
    notes: null,
    favorite: false,
    fields: [],
    login: {
      fido2Credentials: [],
      uris: [{ match: null, uri: 'https://github.com/login' }],
      username: 'octo@example.com',
      password: 'hunter2-github',
      totp: null,
      ...login,
    },
    collectionIds: null,
    revisionDate: '2026-01-02T03:04:05.000Z',
    creationDate: '2026-01-02T03:04:05.000Z',
    deletedDate: null,
    ...overrides,
  };
}

export function bitwardenCard(
  card: Record<string, unknown> = {},
  overrides: Record<string, unknown> = {},
) {
  return {
    id: crypto.randomUUID(),
    folderId: null,
    type: 3,
    name: 'Company Visa',
    notes: null,
    card: {
      cardholderName: 'Jane Doe',
      brand: 'Visa',
      number: VISA_OK,
      expMonth: '4',
      expYear: '2031',
      code: '123',
      ...card,
    },
    deletedDate: null,
    ...overrides,
  };
}

export function bitwardenNote(notes: string, overrides: Record<string, unknown> = {}) {
  return {
    id: crypto.randomUUID(),
    folderId: null,
    type: 2,
    name: 'Deploy key',
    notes,
    secureNote: { type: 0 },
    deletedDate: null,
    ...overrides,
  };
}

export function bitwardenExport(
  items: unknown[],
  folders: Array<{ id: string; name: string }> = [],
): string {
  return JSON.stringify({ encrypted: false, folders, items }, null, 2);
}

/** A large personal export: logins (some with TOTP), cards and notes, in folders. */
export function bigBitwardenExport(count: number): string {
  const folders = Array.from({ length: 20 }, (_, index) => ({
    id: `f${index}`,
    name: `Team ${index}`,
  }));
  const items = Array.from({ length: count }, (_, index) => {
    const folderId = `f${index % 20}`;
    if (index % 10 === 0) return bitwardenCard({}, { folderId, name: `Card ${index}` });
    if (index % 10 === 1)
      return bitwardenNote(`note ${index}\nline two`, { folderId, name: `Note ${index}` });
    return bitwardenLogin(
      { folderId, name: `Site ${index}`, notes: 'x'.repeat(200) },
      {
        username: `user${index}@example.com`,
        password: `pw-${index}-${'y'.repeat(20)}`,
        totp:
          index % 3 === 0
            ? `otpauth://totp/Site%20${index}:user${index}?secret=${KEY_B}&issuer=Site%20${index}`
            : null,
        uris: [{ match: null, uri: `https://site${index}.example.com/login` }],
      },
    );
  });
  return bitwardenExport(items, folders);
}

/* -------------------------------------------------------------------------------------- CSV */

/** RFC 4180 writing: a field with a comma, quote or line break is quoted, quotes doubled. */
export function toCsv(rows: string[][], lineEnd = '\r\n'): string {
  return rows
    .map((row) =>
      row
        .map((field) => (/[",\r\n]/.test(field) ? `"${field.replaceAll('"', '""')}"` : field))
        .join(','),
    )
    .join(lineEnd);
}

export const BITWARDEN_CSV_HEADER = [
  'folder',
  'favorite',
  'type',
  'name',
  'notes',
  'fields',
  'reprompt',
  'login_uri',
  'login_username',
  'login_password',
  'login_totp',
];

export const ONEPASSWORD_CSV_HEADER = [
  'Title',
  'Url',
  'Username',
  'Password',
  'OTPAuth',
  'Favorite',
  'Archived',
  'Tags',
  'Notes',
];

/* ---------------------------------------------------------------------------------- Aegis */

export interface AegisEntryInit {
  type?: string;
  name?: string;
  issuer?: string;
  secret?: string;
  algo?: string;
  digits?: number;
  period?: number;
  group?: string;
}

export function aegisEntry(init: AegisEntryInit = {}) {
  return {
    type: init.type ?? 'totp',
    uuid: crypto.randomUUID(),
    name: init.name ?? 'alice@example.com',
    issuer: init.issuer ?? 'GitHub',
    note: '',
    icon: null,
    ...(init.group === undefined ? {} : { group: init.group }),
    info: {
      secret: init.secret ?? KEY_A,
      algo: init.algo ?? 'SHA1',
      digits: init.digits ?? 6,
      period: init.period ?? 30,
      ...(init.type === 'hotp' ? { counter: 0 } : {}),
    },
  };
}

export function aegisPlain(entries: unknown[], dbVersion = 2): string {
  return JSON.stringify({
    version: 1,
    header: { slots: null, params: null },
    db: { version: dbVersion, entries },
  });
}

/** An encrypted vault as Aegis writes it: master key wrapped in a scrypt password slot. */
export async function aegisEncrypted(
  entries: unknown[],
  password: string,
  options: { n?: number; dbOverride?: string; extraSlots?: unknown[] } = {},
): Promise<string> {
  const masterKey = randomBytes(32);
  const salt = randomBytes(32);
  const n = options.n ?? 2 ** 10;
  const derived = scrypt(encoder.encode(password), salt, { N: n, r: 8, p: 1, dkLen: 32 });
  const slotNonce = randomBytes(12);
  const wrapped = await aesGcmEncrypt(derived, slotNonce, masterKey);
  const dbNonce = randomBytes(12);
  const content = options.dbOverride ?? JSON.stringify({ version: 2, entries });
  const db = await aesGcmEncrypt(masterKey, dbNonce, encoder.encode(content));
  return JSON.stringify({
    version: 1,
    header: {
      slots: [
        ...(options.extraSlots ?? []),
        {
          type: 1,
          uuid: crypto.randomUUID(),
          key: toHex(wrapped.ciphertext),
          key_params: { nonce: toHex(slotNonce), tag: toHex(wrapped.tag) },
          n,
          r: 8,
          p: 1,
          salt: toHex(salt),
          repaired: true,
        },
      ],
      params: { nonce: toHex(dbNonce), tag: toHex(db.tag) },
    },
    db: toBase64(db.ciphertext),
  });
}

/* ----------------------------------------------------------------------------------- 2FAS */

export function twofasService(
  init: {
    name?: string;
    secret?: string;
    account?: string;
    issuer?: string;
    tokenType?: string;
    algorithm?: string;
    digits?: number;
    period?: number;
    groupId?: string | null;
  } = {},
) {
  return {
    name: init.name ?? 'Slack',
    secret: init.secret ?? KEY_A,
    updatedAt: 1704874073731,
    serviceTypeID: null,
    otp: {
      label: init.account ?? 'ops@example.com',
      account: init.account ?? 'ops@example.com',
      issuer: init.issuer ?? init.name ?? 'Slack',
      digits: init.digits ?? 6,
      period: init.period ?? 30,
      algorithm: init.algorithm ?? 'SHA1',
      tokenType: init.tokenType ?? 'TOTP',
      source: 'Manual',
    },
    order: { position: 0 },
    icon: null,
    groupId: init.groupId ?? null,
  };
}

export function twofasPlain(services: unknown[], extra: Record<string, unknown> = {}): string {
  return JSON.stringify({
    services,
    groups: [],
    updatedAt: 1708958781890,
    schemaVersion: 4,
    appVersionCode: 5000017,
    appVersionName: '5.3.5',
    appOrigin: 'android',
    ...extra,
  });
}

/** The fixed text 2FAS encrypts as "reference" (BackupContent.Reference in 2fas-android). */
export const TWOFAS_REFERENCE_TEXT =
  'tRViSsLKzd86Hprh4ceC2OP7xazn4rrt4xhfEUbOjxLX8Rc3mkISXE0lWbmnWfggogbBJhtYgpK6fMl1D6mtsy92R3HkdGfwuXbzLebqVFJsR7IZ2w58t938iymwG4824igYy1wi6n2WDpO1Q1P69zwJGs2F5a1qP4MyIiDSD7NCV2OvidXQCBnDlGfmz0f1BQySRkkt4ryiJeCjD2o4QsveJ9uDBUn8ELyOrESv5R5DMDkD4iAF8TXU7KyoJujd';

async function twofasSeal(plain: string, key: Uint8Array, salt: Uint8Array): Promise<string> {
  const iv = randomBytes(12);
  const { sealed } = await aesGcmEncrypt(key, iv, encoder.encode(plain));
  return `${toBase64(sealed)}:${toBase64(salt)}:${toBase64(iv)}`;
}

/** An encrypted backup as 2FAS writes it: PBKDF2-SHA256 (10,000 rounds), AES-256-GCM. */
export async function twofasEncrypted(
  services: unknown[],
  password: string,
  options: { servicesPlainOverride?: string } = {},
): Promise<string> {
  const salt = randomBytes(256);
  const base = await crypto.subtle.importKey('raw', encoder.encode(password), 'PBKDF2', false, [
    'deriveBits',
  ]);
  const key = new Uint8Array(
    await crypto.subtle.deriveBits(
      { name: 'PBKDF2', hash: 'SHA-256', salt, iterations: 10_000 },
      base,
      256,
    ),
  );
  return twofasPlain([], {
    servicesEncrypted: await twofasSeal(
      options.servicesPlainOverride ?? JSON.stringify(services),
      key,
      salt,
    ),
    reference: await twofasSeal(TWOFAS_REFERENCE_TEXT, key, salt),
  });
}

/* ------------------------------------------------------------------------------ 1Password */

export function onePuxItem(
  categoryUuid: string,
  init: {
    title: string;
    loginFields?: unknown[];
    sections?: unknown[];
    password?: string;
    notesPlain?: string;
    url?: string;
    state?: string;
  },
) {
  return {
    uuid: crypto.randomUUID(),
    favIndex: 0,
    createdAt: 1619467985,
    updatedAt: 1619468230,
    state: init.state ?? 'active',
    categoryUuid,
    details: {
      loginFields: init.loginFields ?? [],
      notesPlain: init.notesPlain ?? '',
      sections: init.sections ?? [],
      passwordHistory: [],
      ...(init.password === undefined ? {} : { password: init.password }),
    },
    overview: {
      subtitle: '',
      urls: init.url ? [{ label: '', url: init.url }] : [],
      title: init.title,
      url: init.url ?? '',
      ps: 0,
      pbe: 0,
      pgrng: false,
    },
  };
}

export function onePuxField(id: string, value: Record<string, unknown>, title = '') {
  return {
    title,
    id,
    value,
    guarded: false,
    multiline: false,
    dontGenerate: false,
    inputTraits: { keyboard: 'default', correction: 'default', capitalization: 'default' },
  };
}

export function onePuxData(vaults: Array<{ name: string; items: unknown[] }>) {
  return {
    accounts: [
      {
        attrs: {
          accountName: 'Acme',
          name: 'Jane',
          avatar: '',
          email: 'jane@example.com',
          uuid: 'ACC',
          domain: 'https://acme.1password.com/',
        },
        vaults: vaults.map((vault) => ({
          attrs: { uuid: crypto.randomUUID(), desc: '', avatar: '', name: vault.name, type: 'U' },
          items: vault.items,
        })),
      },
    ],
  };
}

/** A .1pux zip: export.attributes and export.data (and an attachment the parser ignores). */
export function onePux(
  data: unknown,
  options: { version?: number; dataOverride?: string } = {},
): Uint8Array {
  return zipSync({
    'export.attributes': strToU8(
      JSON.stringify({
        version: options.version ?? 3,
        description: '1Password Unencrypted Export',
        createdAt: 1585333569,
      }),
    ),
    'export.data': strToU8(options.dataOverride ?? JSON.stringify(data)),
    'files/attachment.bin': new Uint8Array([1, 2, 3]),
  });
}

/* ----------------------------------------------------------------- Google Authenticator */

function varint(value: number): number[] {
  const out: number[] = [];
  let rest = value;
  while (rest >= 0x80) {
    out.push((rest % 128) | 0x80);
    rest = Math.floor(rest / 128);
  }
  out.push(rest);
  return out;
}
const tag = (field: number, wire: number) => varint(field * 8 + wire);
const bytesField = (field: number, bytes: ArrayLike<number>) => [
  ...tag(field, 2),
  ...varint(bytes.length),
  ...Array.from(bytes),
];

export interface MigrationAccountInit {
  secret: number[];
  name: string;
  issuer?: string;
  /** 1 SHA1, 2 SHA256, 3 SHA512, 4 MD5. */
  algorithm?: number;
  /** 1 six digits, 2 eight. */
  digits?: number;
  /** 1 HOTP, 2 TOTP. */
  type?: number;
}

/** An otpauth-migration:// URI per Google Authenticator's MigrationPayload protobuf. */
export function migrationUri(
  accounts: MigrationAccountInit[],
  batch: { index?: number; size?: number; id?: number } = {},
): string {
  const payload = [
    ...accounts.flatMap((account) =>
      bytesField(1, [
        ...bytesField(1, account.secret),
        ...bytesField(2, encoder.encode(account.name)),
        ...(account.issuer === undefined ? [] : bytesField(3, encoder.encode(account.issuer))),
        ...tag(4, 0),
        ...varint(account.algorithm ?? 1),
        ...tag(5, 0),
        ...varint(account.digits ?? 1),
        ...tag(6, 0),
        ...varint(account.type ?? 2),
      ]),
    ),
    ...tag(2, 0),
    ...varint(1),
    ...tag(3, 0),
    ...varint(batch.size ?? 1),
    ...tag(4, 0),
    ...varint(batch.index ?? 0),
    ...tag(5, 0),
    ...varint(batch.id ?? 4242),
  ];
  return `otpauth-migration://offline?data=${encodeURIComponent(toBase64(new Uint8Array(payload)))}`;
}

/** Bytes of "Hello!\xDE\xAD\xBE\xEF", whose Base32 is KEY_A. */
export const HELLO_BYTES = [0x48, 0x65, 0x6c, 0x6c, 0x6f, 0x21, 0xde, 0xad, 0xbe, 0xef];
