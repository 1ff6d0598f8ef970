import { describe, expect, it } from 'vitest';
import { ImportFileError } from '../model';
import {
  input,
  KEY_A,
  ONEPASSWORD_CSV_HEADER,
  onePux,
  onePuxData,
  onePuxField,
  onePuxItem,
  toCsv,
  VISA_BAD_LUHN,
  VISA_OK,
} from './fixtures';
import { parseImport } from './parse-import';

async function failure(promise: Promise<unknown>): Promise<ImportFileError> {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  if (!(error instanceof ImportFileError)) throw new Error('expected an ImportFileError');
  return error;
}

const login = onePuxItem('001', {
  title: 'GitHub',
  url: 'https://github.com',
  loginFields: [
    { value: 'octo', id: '', name: 'username', fieldType: 'T', designation: 'username' },
    { value: 'p@ss, word', id: '', name: 'password', fieldType: 'P', designation: 'password' },
  ],
  sections: [
    {
      title: 'Security',
      name: 'sec',
      fields: [
        onePuxField(
          'TOTP_abc',
          { totp: `otpauth://totp/GitHub:octo?secret=${KEY_A}&issuer=GitHub` },
          'one-time password',
        ),
      ],
    },
  ],
});
const card = onePuxItem('002', {
  title: 'Corporate card',
  sections: [
    {
      title: '',
      name: '',
      fields: [
        onePuxField('cardholder', { string: 'Jane Doe' }),
        onePuxField('type', { creditCardType: 'visa' }),
        onePuxField('ccnum', { creditCardNumber: VISA_OK }),
        onePuxField('cvv', { concealed: '321' }),
        onePuxField('expiry', { monthYear: 203107 }),
      ],
    },
  ],
});
const typoCard = onePuxItem('002', {
  title: 'Typo card',
  sections: [
    {
      title: '',
      fields: [
        onePuxField('cardholder', { string: 'Jane Doe' }),
        onePuxField('cvv', { concealed: '999' }),
        onePuxField('ccnum', { creditCardNumber: VISA_BAD_LUHN }),
        onePuxField('expiry', { monthYear: 203107 }),
      ],
    },
  ],
});
const password = onePuxItem('005', { title: 'Wi-Fi', password: 'router-secret' });
const api = onePuxItem('112', {
  title: 'Stripe key',
  sections: [
    {
      title: '',
      fields: [
        onePuxField('username', { string: 'billing' }),
        onePuxField('credential', { concealed: 'sk_live_123' }),
      ],
    },
  ],
});
const identity = onePuxItem('004', { title: 'Me' });

describe('1Password .1pux export', () => {
  it('reads logins with one-time passwords, cards, passwords and API credentials; vaults as folders', async () => {
    const file = onePux(
      onePuxData([
        { name: 'Private', items: [login, password] },
        {
          name: 'Shared',
          items: [
            card,
            typoCard,
            api,
            identity,
            onePuxItem('001', {
              title: 'Archived',
              state: 'archived',
              loginFields: [{ designation: 'password', value: 'x' }],
            }),
          ],
        },
      ]),
    );
    const result = await parseImport(input('ACCOUNT.1pux', file));
    expect(result.source).toBe('1password-1pux');
    expect(result.folders).toEqual(['Private', 'Shared']);
    const [first, second, third, fourth, fifth, sixth, seventh] = result.entries;
    expect(first).toMatchObject({
      kind: 'password',
      name: 'GitHub',
      username: 'octo',
      password: 'p@ss, word',
      url: 'https://github.com',
      folder: 'Private',
      problems: [],
      totp: { secret: KEY_A, issuer: 'GitHub', account: 'octo' },
    });
    expect(second).toMatchObject({
      kind: 'secret',
      name: 'Wi-Fi',
      secret: 'router-secret',
      problems: [],
    });
    expect(third).toMatchObject({
      kind: 'card',
      cardholder: 'Jane Doe',
      number: VISA_OK,
      cvv: '321',
      expMonth: '07',
      expYear: '2031',
      brand: 'Visa',
      folder: 'Shared',
      problems: [],
    });
    expect(fourth?.problems).toEqual([expect.stringMatching(/check digit/)]);
    expect(fifth).toMatchObject({ kind: 'secret', secret: 'sk_live_123', label: 'billing' });
    expect(sixth).toMatchObject({ kind: 'unsupported', reason: expect.stringMatching(/Identity/) });
    expect(seventh).toMatchObject({ kind: 'password', name: 'Archived' });
  });

  it('says a cut-off zip is damaged, and a zip without export.data is not a 1Password export', async () => {
    const whole = onePux(onePuxData([{ name: 'Private', items: [login] }]));
    const cut = await failure(
      parseImport(input('ACCOUNT.1pux', whole.slice(0, whole.length - 40))),
    );
    expect(cut.code).toBe('corrupt');
    const { zipSync } = await import('fflate');
    const other = await failure(
      parseImport(input('other.zip', zipSync({ 'readme.txt': new Uint8Array([65]) }))),
    );
    expect(other.code).toBe('unknown-format');
  });

  it('says cut-off export.data is not complete JSON, and refuses a newer format version', async () => {
    const json = JSON.stringify(onePuxData([{ name: 'Private', items: [login] }]));
    const cut = await failure(
      parseImport(input('A.1pux', onePux(null, { dataOverride: json.slice(0, 100) }))),
    );
    expect(cut).toMatchObject({
      code: 'corrupt',
      message: expect.stringMatching(/not complete JSON/),
    });
    const newer = await failure(
      parseImport(input('A.1pux', onePux(JSON.parse(json), { version: 9 }))),
    );
    expect(newer.code).toBe('unsupported-version');
  });
});

describe('1Password CSV export', () => {
  it('reads logins with quoted commas, quotes and line breaks, and their one-time passwords', async () => {
    const csv = toCsv([
      ONEPASSWORD_CSV_HEADER,
      [
        'Acme, Inc.',
        'https://acme.example',
        'ops',
        'pa"ss,word',
        `otpauth://totp/Acme:ops?secret=${KEY_A}`,
        'false',
        'false',
        'work',
        'line 1\nline 2',
      ],
      ['No password', '', 'someone', '', '', 'false', 'false', '', ''],
    ]);
    const result = await parseImport(input('1PasswordExport.csv', csv));
    expect(result.source).toBe('1password-csv');
    expect(result.entries).toHaveLength(2);
    expect(result.entries[0]).toMatchObject({
      kind: 'password',
      name: 'Acme, Inc.',
      username: 'ops',
      password: 'pa"ss,word',
      url: 'https://acme.example',
      problems: [],
      totp: { secret: KEY_A },
    });
    expect(result.entries[1]?.problems).toEqual([expect.stringMatching(/No password/)]);
  });
});
