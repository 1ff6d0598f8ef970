import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { applyRuntimeDefaults, getConnection, isLoopbackUrl } from './connection';

// Vitest's jsdom environment exposes its JSDOM instance, which can move the page to another URL.
declare const jsdom: { reconfigure(options: { url: string }): void };

const SANDBOX = 'http://127.0.0.1:8717';
const ORIGINAL_URL = window.location.href;

function pageAt(url: string) {
  jsdom.reconfigure({ url });
}

describe('applyRuntimeDefaults', () => {
  beforeEach(() => {
    localStorage.clear();
    sessionStorage.clear();
  });
  afterEach(() => pageAt(ORIGINAL_URL));

  it('resolves a relative apiBaseUrl (the same-origin proxy) against the page', () => {
    pageAt('https://console.example.com/credentials');
    applyRuntimeDefaults({ apiBaseUrl: '/skyvern-api' });
    expect(getConnection().baseUrl).toBe('https://console.example.com/skyvern-api');
  });

  it('keeps an absolute apiBaseUrl as it is', () => {
    applyRuntimeDefaults({ apiBaseUrl: 'https://skyvern.example.com/' });
    expect(getConnection().baseUrl).toBe('https://skyvern.example.com');
  });

  it('adopts the sandbox key when the page and the API are both loopback', () => {
    pageAt('http://127.0.0.1:4317/credentials');
    applyRuntimeDefaults({ apiBaseUrl: SANDBOX, sandboxApiKey: 'dev-key' });
    expect(getConnection()).toEqual({ baseUrl: SANDBOX, apiKey: 'dev-key' });
  });

  it('refuses the sandbox key on a page served from another host', () => {
    pageAt('https://console.example.com/credentials');
    applyRuntimeDefaults({ apiBaseUrl: SANDBOX, sandboxApiKey: 'dev-key' });
    expect(getConnection().apiKey).toBe('');
    expect(sessionStorage.length).toBe(0);
  });

  it('refuses the sandbox key for an API that is not loopback', () => {
    pageAt('http://localhost:4317/');
    applyRuntimeDefaults({ apiBaseUrl: 'https://skyvern.example.com', sandboxApiKey: 'dev-key' });
    expect(getConnection().apiKey).toBe('');
  });

  it('refuses the sandbox key behind a proxy on a public host', () => {
    pageAt('https://console.example.com/');
    applyRuntimeDefaults({ apiBaseUrl: '/skyvern-api', sandboxApiKey: 'dev-key' });
    expect(getConnection().apiKey).toBe('');
  });
});

describe('isLoopbackUrl', () => {
  it.each([
    ['http://localhost:4317', true],
    ['http://127.0.0.1:8000', true],
    ['http://127.8.9.10', true],
    ['http://[::1]:4317', true],
    ['http://localhost.example.com', false],
    ['http://127.0.0.1.nip.io', false],
    ['http://192.168.1.4:4317', false],
    ['not a url', false],
  ])('%s → %s', (url, expected) => {
    expect(isLoopbackUrl(url)).toBe(expected);
  });
});
