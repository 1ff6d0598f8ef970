import { spawnSync } from 'node:child_process';
import { createServer } from 'node:http';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { APIRequestContext, Page } from '@playwright/test';
import {
  expect,
  expectNoSecretLeaks,
  field,
  test as base,
  uniqueSuffix,
} from '../support/fixtures';
import { API_KEY, GENERATED_DIR, HOST, VAULT_TOKEN } from '../support/env';
import { QR_FIXTURES } from '../fixtures/generate';
import { contentSecurityPolicy, securityHeaderValues } from '../../vite.config';
import { NGINX_FOREIGN_PORT, NGINX_SKYVERN_UPSTREAM, NGINX_URL, NGINX_VAULT_URL } from './env';

/*
 * The console served by nginx (npm run serve:nginx) with the same-origin proxy, in front of a
 * sandbox that allows no CORS origin. Every test fails if the page requests anything from
 * another origin.
 */

const ROOT = new URL('../../', import.meta.url).pathname;
const DIST = join(ROOT, process.env.CONSOLE_OUT_DIR ?? 'dist');
const API_KEY_STORAGE = 'skyvern-console.apiKey';
// "No custom credential service configured" is a 404 answer (contract 5.1) that Chromium logs.
const STATUS_404 = /Failed to load resource: the server responded with a status of 404/;

const test = base.extend<{ foreignRequests: string[] }>({
  foreignRequests: [
    async ({ page }, use) => {
      const foreign: string[] = [];
      page.on('request', (request) => {
        const url = new URL(request.url());
        if ((url.protocol === 'http:' || url.protocol === 'https:') && url.origin !== NGINX_URL) {
          foreign.push(request.url());
        }
      });
      await use(foreign);
      expect(foreign, 'requests to another origin than the console').toEqual([]);
    },
    { auto: true },
  ],
});

/** What the operator does once: type the API key; the tab keeps it in sessionStorage. */
async function signIn(page: Page) {
  await page.addInitScript(
    ([name, key]) => {
      if (!sessionStorage.getItem(name)) sessionStorage.setItem(name, key);
    },
    [API_KEY_STORAGE, API_KEY] as const,
  );
}

async function skyvern(request: APIRequestContext, method: 'GET' | 'DELETE', path: string) {
  return request.fetch(`${NGINX_SKYVERN_UPSTREAM}${path}`, {
    method,
    headers: { 'x-api-key': API_KEY },
  });
}

test.describe('nginx', () => {
  test('nginx -t accepts the rendered template, with and without the proxy', () => {
    for (const env of [
      // nginx -t resolves the upstream's host name, so a resolvable one.
      { SKYVERN_UPSTREAM: 'http://127.0.0.1:8000' },
      { SKYVERN_API_URL: 'https://skyvern.example.com' },
      {},
    ]) {
      const out = mkdtempSync(join(tmpdir(), 'nginx-t-'));
      try {
        const render = spawnSync('sh', [join(ROOT, 'deploy/render.sh'), DIST, out], {
          encoding: 'utf8',
          env: { PATH: process.env.PATH, NGINX_LISTEN: '127.0.0.1:8080', ...env },
        });
        expect(render.status, render.stderr).toBe(0);
        const nginx = process.env.NGINX_BIN ?? '/usr/sbin/nginx';
        const check = spawnSync(
          nginx,
          ['-e', 'stderr', '-t', '-p', out, '-c', join(out, 'nginx.conf')],
          { encoding: 'utf8' },
        );
        expect(check.status, check.stderr).toBe(0);
        expect(check.stderr).toContain('test is successful');
        // Production config never carries a key.
        expect(readFileSync(join(out, 'config.json'), 'utf8')).not.toContain('sandboxApiKey');
      } finally {
        rmSync(out, { recursive: true, force: true });
      }
    }
  });

  test('headers on the shell, a deep link, an asset and config.json; SPA fallback and 404s', async ({
    request,
  }) => {
    // Exactly what vite preview sends, computed by the same function (connect-src 'self' only:
    // the proxy is same-origin).
    const security = securityHeaderValues(contentSecurityPolicy('/skyvern-api'));
    expect(security['Content-Security-Policy']).toContain("connect-src 'self';");

    const shell = await request.get('/', { headers: { 'Accept-Encoding': 'gzip' } });
    const html = await shell.text();
    const asset = /src="(\/assets\/[^"]+\.js)"/.exec(html)?.[1];
    expect(asset, 'the shell loads a hashed script').toBeTruthy();

    const checks = [
      { path: '/', type: 'text/html', cache: 'no-store' },
      { path: '/credentials/cred_123/anything', type: 'text/html', cache: 'no-store' },
      { path: asset ?? '', type: 'javascript', cache: 'public, max-age=31536000, immutable' },
      { path: '/config.json', type: 'application/json', cache: 'no-store' },
    ];
    for (const check of checks) {
      const response = await request.get(check.path, { headers: { 'Accept-Encoding': 'gzip' } });
      expect(response.status(), check.path).toBe(200);
      const headers = response.headers();
      for (const [name, value] of Object.entries(security)) {
        expect(headers[name.toLowerCase()], `${name} on ${check.path}`).toBe(value);
      }
      expect(headers['content-type'], check.path).toContain(check.type);
      expect(headers['cache-control'], check.path).toBe(check.cache);
      if (check.type !== 'application/json') {
        expect(headers['content-encoding'], `gzip on ${check.path}`).toBe('gzip');
      }
    }
    const deepLink = await request.get('/credentials/cred_123/anything');
    expect(await deepLink.text()).toBe(html);
    expect(await (await request.get('/config.json')).json()).toEqual({
      apiBaseUrl: '/skyvern-api',
    });

    const missingAsset = await request.get('/assets/missing-0000.js');
    expect(missingAsset.status()).toBe(404);
    expect(missingAsset.headers()['cache-control']).toBeUndefined();
    expect(missingAsset.headers()['x-frame-options']).toBe('DENY');
    expect((await request.get('/security-headers.conf')).status()).toBe(404);
  });

  test('refuses to load inside another site’s frame', async ({ browser }) => {
    // A real second origin on loopback (Chromium blocks public pages from framing loopback
    // addresses anyway, which would prove nothing about our headers).
    const foreign = createServer((_request, response) => {
      response.setHeader('Content-Type', 'text/html');
      response.end(
        `<!doctype html><title>Foreign</title><iframe name="console" src="${NGINX_URL}/credentials"></iframe>`,
      );
    });
    await new Promise<void>((resolve) => foreign.listen(NGINX_FOREIGN_PORT, HOST, resolve));
    const context = await browser.newContext();
    try {
      const page = await context.newPage();
      const served = page.waitForResponse(`${NGINX_URL}/credentials`);
      await page.goto(`http://${HOST}:${NGINX_FOREIGN_PORT}/`);
      // nginx answered, and Chromium put its error page in the frame instead of the console.
      const response = await served;
      const frame = page.frame({ name: 'console' });
      await expect.poll(() => frame?.url()).toMatch(/^chrome-error:/);
      expect(await frame?.locator('#root').count()).toBe(0);
      expect(response.headers()['x-frame-options']).toBe('DENY');
    } finally {
      await context.close();
      await new Promise((resolve) => foreign.close(resolve));
    }
  });

  test('connects through the proxy: the URL is this origin, no key is handed out', async ({
    page,
  }) => {
    await page.goto('/settings/connection');
    await expect(page.getByLabel('Skyvern API URL')).toHaveValue(`${NGINX_URL}/skyvern-api`);
    await expect(page.getByLabel('API key', { exact: true })).toHaveValue('');
    await page.getByLabel('API key', { exact: true }).fill(API_KEY);
    await page.getByRole('button', { name: 'Test connection' }).click();
    await expect(page.getByText('Connected. Skyvern accepted the key.')).toBeVisible();
  });

  test('creates, edits and deletes a password credential', async ({ page, record, request }) => {
    record.allowedConsoleErrors.push(STATUS_404);
    await signIn(page);
    const name = `Nginx portal ${uniqueSuffix()}`;
    const password = `first-password-${uniqueSuffix()}`;
    const newPassword = `second-password-${uniqueSuffix()}`;

    await page.goto('/credentials');
    await expect(page.getByRole('heading', { level: 1, name: 'Credentials' })).toBeVisible();
    await page.getByRole('button', { name: /New credential/ }).click();
    let dialog = page.getByRole('dialog', { name: 'New credential' });
    await field(dialog, 'Name').fill(name);
    await field(dialog, 'Username').fill('ops@example.com');
    await field(dialog, 'Password').fill(password);
    await dialog.getByRole('button', { name: 'Create credential' }).click();
    const created = page.getByRole('dialog', { name: 'Credential created' });
    const id = (await created.getByTestId('new-credential-id').textContent()) ?? '';
    expect(id).toMatch(/^cred_\d+$/);
    await created.getByRole('button', { name: 'Done' }).click();
    expect((await skyvern(request, 'GET', `/v1/credentials/${id}`)).status()).toBe(200);

    await page.goto(`/credentials?search=${encodeURIComponent(name)}`);
    await page.getByRole('button', { name: `Edit ${name}` }).click();
    dialog = page.getByRole('dialog', { name: `Edit ${name}` });
    await expect(field(dialog, 'Password')).toHaveValue('');
    await field(dialog, 'Username').fill('ops+edited@example.com');
    await field(dialog, 'Password').fill(newPassword);
    await dialog.getByRole('button', { name: 'Save changes' }).click();
    await expect(dialog).toBeHidden();
    const stored = (await (await skyvern(request, 'GET', `/v1/credentials/${id}`)).json()) as {
      credential: { username: string };
    };
    expect(stored.credential.username).toBe('ops+edited@example.com');

    await page.getByRole('button', { name: `Actions for ${name}` }).click();
    await page.getByRole('menuitem', { name: 'Delete' }).click();
    dialog = page.getByRole('dialog', { name: `Delete ${name}?` });
    await dialog.getByRole('button', { name: 'Delete', exact: true }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByText('No credentials match')).toBeVisible();
    expect((await skyvern(request, 'GET', `/v1/credentials/${id}`)).status()).toBe(404);
    await expectNoSecretLeaks(page, record, [password, newPassword]);
  });

  test('scans a QR code from an image', async ({ page, record }) => {
    await signIn(page);
    await page.goto('/two-factor');
    await page.getByRole('button', { name: 'Scan a QR code' }).click();
    const dialog = page.getByRole('dialog', { name: 'Scan QR code' });
    await dialog.getByRole('tab', { name: 'Image' }).click();
    await dialog
      .getByLabel('QR code image')
      .setInputFiles(join(GENERATED_DIR, QR_FIXTURES.clean.file));
    await expect(dialog.getByText('Read an authenticator key from the image.')).toBeVisible({
      timeout: 20_000,
    });
    await expect(dialog).toContainText('Acme Portal');
    await expectNoSecretLeaks(page, record, [QR_FIXTURES.clean.secret]);
  });

  test('tests a custom credential service connection', async ({ page, record, request }) => {
    record.allowedConsoleErrors.push(STATUS_404);
    await skyvern(request, 'DELETE', '/v1/credentials/custom_credential');
    await signIn(page);
    await page.goto('/settings/custom-credential-service');
    await expect(page.getByText('Not configured')).toBeVisible();
    await page.getByLabel(/^API Base URL/).fill(NGINX_VAULT_URL);
    await page.getByLabel(/^API Token/).fill(VAULT_TOKEN);
    await page.getByRole('button', { name: 'Test Connection' }).click();
    const result = page.getByTestId('ccs-test-result');
    await expect(result).toContainText('Connection successful');
    await expect(result).toHaveAttribute('data-outcome', 'success');
    await expect(page.getByText('Not configured')).toBeVisible();
  });
});
