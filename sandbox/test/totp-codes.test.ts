/*
 * Contract 4.1 and 4.2: pushing one-time codes (with the deterministic stand-in for Skyvern's LLM
 * extraction) and listing them.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { extractCode } from '../skyvern/totp-codes';
import { expectArray, expectObject, startTestSandbox, type TestSandbox } from './helpers';

let sandbox: TestSandbox;

beforeAll(async () => {
  sandbox = await startTestSandbox();
});
afterAll(() => sandbox.close());

const push = (body: unknown, path = '/v1/credentials/totp') =>
  sandbox.request('POST', path, { body });

const NAIVE_ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{6})?$/;

describe('push (4.1)', () => {
  it('returns the full record, with the documented keys in order', async () => {
    const response = await push({
      totp_identifier: 'Jane@Example.com',
      content: 'Your Acme sign-in code is 482913. It expires in 10 minutes.',
      source: 'email',
    });
    expect(response.status).toBe(200);
    const body = expectObject(response.body);
    expect(Object.keys(body)).toEqual([
      'totp_identifier',
      'task_id',
      'workflow_id',
      'workflow_run_id',
      'source',
      'content',
      'expired_at',
      'type',
      'totp_code_id',
      'code',
      'organization_id',
      'created_at',
      'modified_at',
      'otp_type',
    ]);
    expect(body).toMatchObject({
      totp_identifier: 'jane@example.com',
      task_id: null,
      workflow_id: null,
      workflow_run_id: null,
      source: 'email',
      content: 'Your Acme sign-in code is 482913. It expires in 10 minutes.',
      expired_at: null,
      type: null,
      code: '482913',
      organization_id: sandbox.organizationId,
      otp_type: 'totp',
    });
    expect(body['totp_code_id']).toMatch(/^totp_\d{18,19}$/);
    expect(body['created_at']).toMatch(NAIVE_ISO);
    expect(body['modified_at']).toMatch(NAIVE_ISO);
  });

  it.each([
    ['Code: 1234', 'Code: 1234', 'totp'],
    ['  123456  ', '123456', 'totp'],
    ['abc', 'abc', 'totp'],
    ['http://x.y', 'http://x.y', 'magic_link'],
    ['HTTPS://a.b', 'HTTPS://a.b', 'magic_link'],
    ['', '', 'totp'],
    [
      'https://acme.example/magic?token=abc&amp;next=%2F.',
      'https://acme.example/magic?token=abc&next=%2F',
      'magic_link',
    ],
    [
      '  https://acme.example/verify/123456789!  ',
      'https://acme.example/verify/123456789',
      'magic_link',
    ],
    ['Your code is 123 456 and expires soon', '123456', 'totp'],
    ['Use 987-654 to sign in to Acme', '987654', 'totp'],
    ['G-12345678 is your Google verification code', '12345678', 'totp'],
    ['Order 1234567890123 shipped, code 4711 inside', '4711', 'totp'],
  ])('%j → code %j (%s)', async (content, code, otpType) => {
    const response = await push({ totp_identifier: 'x', content });
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ code, otp_type: otpType });
    expect(expectObject(response.body)).not.toHaveProperty('status');
  });

  it('stores unparseable content as a raw pending record that the list does not show', async () => {
    const response = await push({
      totp_identifier: 'pending@example.com',
      content: 'Please click the button in this email to continue.',
    });
    expect(response.status).toBe(200);
    const body = expectObject(response.body);
    expect(body).toMatchObject({ code: '', otp_type: null, status: 'raw_pending' });
    expect(Object.keys(body).at(-1)).toBe('status');
    const listed = expectArray(
      (await sandbox.request('GET', '/v1/credentials/totp?totp_identifier=pending@example.com'))
        .body,
    );
    expect(listed).toEqual([]);
  });

  it('refuses more than 65,536 characters when nothing can be extracted', async () => {
    expect(await push({ totp_identifier: 'x', content: 'a'.repeat(65_537) })).toMatchObject({
      status: 400,
      body: { detail: 'Failed to parse otp login' },
    });
    expect((await push({ totp_identifier: 'x', content: 'a'.repeat(65_536) })).status).toBe(200);
    expect(
      await push({ totp_identifier: 'x', content: `${'a '.repeat(40_000)} 424242` }),
    ).toMatchObject({
      status: 200,
      body: { code: '424242' },
    });
  });

  it('trims and lower-cases email identifiers only', async () => {
    expect(
      expectObject((await push({ totp_identifier: '  Jane.Doe@Example.COM ', content: '1' })).body)[
        'totp_identifier'
      ],
    ).toBe('jane.doe@example.com');
    expect(
      expectObject((await push({ totp_identifier: ' +1 (415) ABC ', content: '1' })).body)[
        'totp_identifier'
      ],
    ).toBe(' +1 (415) ABC ');
  });

  it('strips NUL characters from content but does not trim it', async () => {
    expect(
      expectObject((await push({ totp_identifier: 'x', content: ' 12\u000034 ' })).body),
    ).toMatchObject({
      content: ' 1234 ',
      code: '1234',
    });
  });

  it('rejects task, workflow and run ids (the sandbox has none); empty strings are fine', async () => {
    expect(await push({ totp_identifier: 'x', content: '1', task_id: 'tsk_1' })).toMatchObject({
      status: 400,
      body: { detail: 'Invalid task id: tsk_1' },
    });
    expect(
      await push({ totp_identifier: 'x', content: '1', workflow_id: 'wpid_123456' }),
    ).toMatchObject({
      status: 400,
      body: { detail: 'Invalid workflow id: wpid_123456' },
    });
    expect(
      await push({ totp_identifier: 'x', content: '1', workflow_run_id: 'wr_1' }),
    ).toMatchObject({
      status: 400,
      body: { detail: 'Invalid workflow run id: wr_1' },
    });
    expect(
      (await push({ totp_identifier: 'x', content: '1', task_id: '', workflow_id: null })).status,
    ).toBe(200);
  });

  it('accepts expired_at as ISO or Unix time and returns it naive UTC; ignores type but validates it', async () => {
    expect(
      expectObject(
        (
          await push({
            totp_identifier: 'x',
            content: '1',
            expired_at: '2026-08-22T20:35:12+02:00',
          })
        ).body,
      )['expired_at'],
    ).toBe('2026-08-22T18:35:12');
    expect(
      expectObject(
        (await push({ totp_identifier: 'x', content: '1', expired_at: 1_787_423_712.5 })).body,
      )['expired_at'],
    ).toBe('2026-08-22T18:35:12.500000');
    expect(
      expectObject((await push({ totp_identifier: 'x', content: '1', type: 'magic_link' })).body),
    ).toMatchObject({
      type: null,
      otp_type: 'totp',
    });
    expect((await push({ totp_identifier: 'x', content: '1', type: 'sms' })).status).toBe(422);
    expect(
      (await push({ totp_identifier: 'x', content: '1', expired_at: 'tomorrow' })).status,
    ).toBe(422);
  });

  it('answers missing fields with a sanitized 422 on /v1 and FastAPI’s default format on /api/v1/totp', async () => {
    const v1 = await push({ content: '1' });
    expect(v1.body).toEqual({
      detail: [{ loc: ['body', 'totp_identifier'], msg: 'Field required', type: 'missing' }],
    });
    const legacy = await push({ content: '1' }, '/api/v1/totp');
    expect(legacy.status).toBe(422);
    expect(legacy.body).toEqual({
      detail: [
        {
          type: 'missing',
          loc: ['body', 'totp_identifier'],
          msg: 'Field required',
          input: { content: '1' },
        },
      ],
    });
    const enumError = await push(
      { totp_identifier: 'x', content: '1', type: 'sms' },
      '/api/v1/totp',
    );
    expect(enumError.body).toEqual({
      detail: [
        {
          type: 'enum',
          loc: ['body', 'type'],
          msg: "Input should be 'totp' or 'magic_link'",
          input: 'sms',
          ctx: { expected: "'totp' or 'magic_link'" },
        },
      ],
    });
  });
});

describe('list (4.2)', () => {
  let org: TestSandbox;
  beforeAll(async () => {
    org = await startTestSandbox();
    const bodies = [
      { totp_identifier: 'Jane@Example.com', content: '111111' },
      { totp_identifier: 'bob@example.com', content: '222222' },
      { totp_identifier: 'Phone-1', content: 'https://magic.example/a-long-link' },
      { totp_identifier: 'phone-1', content: '444444' },
      { totp_identifier: 'jane@example.com', content: 'no code here, sorry about that' },
      { totp_identifier: 'jane@example.com', content: '555555' },
    ];
    for (const body of bodies)
      expect((await org.request('POST', '/v1/credentials/totp', { body })).status).toBe(200);
  });
  afterAll(() => org.close());

  const codes = async (query = '') => {
    const response = await org.request('GET', `/v1/credentials/totp${query}`);
    expect(response.status, response.text).toBe(200);
    return expectArray(response.body).map((record) => record['code']);
  };

  it('lists parsed records newest first, without raw pending ones', async () => {
    expect(await codes()).toEqual([
      '555555',
      '444444',
      'https://magic.example/a-long-link',
      '222222',
      '111111',
    ]);
  });

  it('matches email identifiers case-insensitively after trimming, others exactly', async () => {
    expect(await codes('?totp_identifier=%20JANE@example.COM%20')).toEqual(['555555', '111111']);
    expect(await codes('?totp_identifier=Phone-1')).toEqual(['https://magic.example/a-long-link']);
    expect(await codes('?totp_identifier=')).toHaveLength(5);
  });

  it('filters by otp_type and workflow_run_id, and limits', async () => {
    expect(await codes('?otp_type=magic_link')).toEqual(['https://magic.example/a-long-link']);
    expect(await codes('?workflow_run_id=wr_1')).toEqual([]);
    expect(await codes('?limit=2')).toEqual(['555555', '444444']);
  });

  it.each([
    ['?limit=0', 'Input should be greater than or equal to 1', 'greater_than_equal'],
    ['?limit=201', 'Input should be less than or equal to 200', 'less_than_equal'],
    [
      '?limit=x',
      'Input should be a valid integer, unable to parse string as an integer',
      'int_parsing',
    ],
  ])('%s → 422', async (query, msg, type) => {
    expect((await org.request('GET', `/v1/credentials/totp${query}`)).body).toEqual({
      detail: [{ loc: ['query', 'limit'], msg, type }],
    });
  });

  it('rejects an unknown otp_type', async () => {
    expect((await org.request('GET', '/v1/credentials/totp?otp_type=sms')).status).toBe(422);
  });
});

describe('extractCode', () => {
  it('never extracts from inside longer digit runs or words', () => {
    expect(extractCode('Reference 123456789012 attached, thanks')).toBeNull();
    expect(extractCode('Token ABC12345DEF for you today')).toBeNull();
  });
});
