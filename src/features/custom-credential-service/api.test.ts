import { describe, expect, it } from 'vitest';
import { ApiError } from '../../api/client';
import { classifyTestFailure } from './api';
import { formatRelative } from './format';

const http400 = (message: string) => new ApiError({ status: 400, kind: 'http', message });

describe('classifyTestFailure (contract 5.3 detail strings)', () => {
  it.each([
    [
      'Connection test failed: server returned HTTP 404',
      { kind: 'not-found-or-method', status: 404 },
    ],
    [
      'Connection test failed: server returned HTTP 405',
      { kind: 'not-found-or-method', status: 405 },
    ],
    ['Connection test failed: server returned HTTP 401', { kind: 'unauthorized', status: 401 }],
    ['Connection test failed: server returned HTTP 403', { kind: 'unauthorized', status: 403 }],
    ['Connection test failed: server returned HTTP 502', { kind: 'other-status', status: 502 }],
    ['Connection test failed: could not reach the specified URL', { kind: 'unreachable' }],
    ['The host in your url is blocked: 10.0.0.5', { kind: 'host-blocked', host: '10.0.0.5' }],
    [
      'Invalid URL: localhost:8080. Skyvern supports HTTP and HTTPS urls with max 2083 character length.',
      {
        kind: 'invalid-url',
        message:
          'Invalid URL: localhost:8080. Skyvern supports HTTP and HTTPS urls with max 2083 character length.',
      },
    ],
    ['Invalid URL', { kind: 'invalid-url', message: 'Invalid URL' }],
    [
      '1 validation error for Url\nurl\n  Input should be a valid URL, input is empty',
      {
        kind: 'invalid-url',
        message: '1 validation error for Url\nurl\n  Input should be a valid URL, input is empty',
      },
    ],
    ['Something else entirely', { kind: 'rejected', message: 'Something else entirely' }],
  ])('%s', (message, expected) => {
    expect(classifyTestFailure(http400(message))).toEqual(expected);
  });

  it("leaves Skyvern's own failures to the caller", () => {
    expect(
      classifyTestFailure(new ApiError({ status: 403, kind: 'http', message: 'x' })),
    ).toBeNull();
    expect(
      classifyTestFailure(new ApiError({ status: 500, kind: 'http', message: 'x' })),
    ).toBeNull();
    expect(
      classifyTestFailure(new ApiError({ status: 0, kind: 'network', message: 'x' })),
    ).toBeNull();
  });
});

describe('formatRelative', () => {
  const now = new Date('2026-11-22T12:00:00Z');
  it('reads naturally', () => {
    expect(formatRelative(new Date('2026-11-22T11:59:50Z'), now)).toBe('just now');
    expect(formatRelative(new Date('2026-11-22T11:55:00Z'), now)).toMatch(/5 minutes ago/);
    expect(formatRelative(new Date('2026-11-22T09:00:00Z'), now)).toMatch(/3 hours ago/);
    expect(formatRelative(new Date('2026-11-21T12:00:00Z'), now)).toMatch(/yesterday|1 day ago/);
    // A Skyvern clock slightly ahead of ours is not "in 2 minutes".
    expect(formatRelative(new Date('2026-11-22T12:02:00Z'), now)).toBe('just now');
  });
});
