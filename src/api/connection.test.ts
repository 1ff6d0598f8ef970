import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  addConnection,
  applyRuntimeDefaults,
  forgetApiKey,
  getConnection,
  getConnectionScope,
  isLoopbackUrl,
  removeConnection,
  setConnection,
  switchConnection,
} from './connection';

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
    expect(getConnection()).toMatchObject({ baseUrl: SANDBOX, apiKey: 'dev-key' });
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

describe('several connections', () => {
  beforeEach(() => {
    localStorage.clear();
    sessionStorage.clear();
    applyRuntimeDefaults({ apiBaseUrl: 'https://prod.example.com' });
  });

  it('starts with the deployment default as one connection, and keeps names and URLs only in localStorage', () => {
    expect(getConnection()).toMatchObject({
      id: 'default',
      name: 'Default',
      baseUrl: 'https://prod.example.com',
      apiKey: '',
    });
    setConnection({
      baseUrl: 'https://prod.example.com',
      apiKey: 'prod-key',
      name: 'Production',
      color: 'red',
    });
    const id = addConnection({
      name: 'Staging',
      baseUrl: 'https://staging.example.com/',
      color: 'amber',
    });
    switchConnection(id);
    setConnection({ baseUrl: 'https://staging.example.com', apiKey: 'staging-key' });

    const stored = JSON.stringify({ ...localStorage });
    expect(stored).toContain('Staging');
    expect(stored).toContain('https://staging.example.com');
    expect(stored).not.toContain('prod-key');
    expect(stored).not.toContain('staging-key');
    expect(sessionStorage.getItem('skyvern-console.apiKey')).toBe('prod-key');
    expect(sessionStorage.getItem(`skyvern-console.apiKey.${id}`)).toBe('staging-key');
  });

  it('switching changes the key, the URL and the cache scope; switching back restores them', () => {
    setConnection({ baseUrl: 'https://prod.example.com', apiKey: 'prod-key' });
    const prodScope = getConnectionScope();
    const id = addConnection({
      name: 'Staging',
      baseUrl: 'https://staging.example.com',
      color: 'amber',
    });
    switchConnection(id);
    expect(getConnection()).toMatchObject({ name: 'Staging', apiKey: '', color: 'amber' });
    expect(getConnectionScope()).not.toBe(prodScope);
    expect(getConnectionScope()).toContain(id);

    switchConnection('default');
    expect(getConnection()).toMatchObject({
      baseUrl: 'https://prod.example.com',
      apiKey: 'prod-key',
    });
    expect(getConnectionScope()).not.toBe(prodScope);
    expect(getConnectionScope().startsWith('default@https://prod.example.com#')).toBe(true);
  });

  it('forgetting a key forgets only the active connection’s', () => {
    setConnection({ baseUrl: 'https://prod.example.com', apiKey: 'prod-key' });
    const id = addConnection({
      name: 'Staging',
      baseUrl: 'https://staging.example.com',
      color: 'amber',
    });
    switchConnection(id);
    setConnection({ baseUrl: 'https://staging.example.com', apiKey: 'staging-key' });
    forgetApiKey();
    expect(getConnection().apiKey).toBe('');
    switchConnection('default');
    expect(getConnection().apiKey).toBe('prod-key');
  });

  it('removing the active connection drops its key and goes back to the default', () => {
    const id = addConnection({
      name: 'Staging',
      baseUrl: 'https://staging.example.com',
      color: 'amber',
    });
    switchConnection(id);
    setConnection({ baseUrl: 'https://staging.example.com', apiKey: 'staging-key' });
    removeConnection(id);
    expect(getConnection().id).toBe('default');
    expect(getConnection().all.map((connection) => connection.id)).toEqual(['default']);
    expect(sessionStorage.getItem(`skyvern-console.apiKey.${id}`)).toBeNull();
    removeConnection('default');
    expect(getConnection().all).toHaveLength(1);
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
