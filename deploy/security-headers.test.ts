import { spawnSync } from 'node:child_process';
import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { preview, type PreviewServer } from 'vite';
import { NGINX_HEADERS_FILE, nginxSecurityHeaders } from '../vite.config';

/*
 * The nginx deployment must send what `vite preview` (npm start, the main e2e suite) sends: the
 * build writes the header file from the same function, and deploy/render.sh fills in the Skyvern
 * origin. This runs a real `vite preview` and compares its headers with the rendered file.
 */

const ROOT = new URL('..', import.meta.url).pathname;
const SKYVERN = 'http://127.0.0.1:8000/';
const EXTRA_CONNECT_SRC = 'http://127.0.0.1:9 https://telemetry.example.com';
const SANDBOX_KEY = 'sandbox-dev-key-for-this-test';

let server: PreviewServer;
let port = 0;
let dir = '';
const savedEnv = { ...process.env };

interface Answer {
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
}

/** node:http rather than fetch: a test must be able to send any Host and Origin. */
function get(path: string, headers: Record<string, string> = {}): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port, path, headers }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

beforeAll(async () => {
  process.env.SKYVERN_API_URL = SKYVERN;
  process.env.SKYVERN_SANDBOX_API_KEY = SANDBOX_KEY;
  process.env.CONSOLE_CONNECT_SRC = EXTRA_CONNECT_SRC;
  dir = mkdtempSync(join(tmpdir(), 'headers-test-'));
  const dist = join(dir, 'dist');
  spawnSync('mkdir', ['-p', dist]);
  writeFileSync(
    join(dist, 'index.html'),
    '<!doctype html><head><link rel="preload" href="/config.json" as="fetch" crossorigin="anonymous" /></head><div id="root"></div>',
  );
  writeFileSync(join(dist, NGINX_HEADERS_FILE), nginxSecurityHeaders());
  server = await preview({
    root: ROOT,
    configFile: join(ROOT, 'vite.config.ts'),
    logLevel: 'silent',
    build: { outDir: dist },
    // Vite's own host check would stop foreign Host headers first; this tests the key rule itself.
    preview: { port: 0, strictPort: false, allowedHosts: true },
  });
  port = (server.httpServer.address() as AddressInfo).port;
}, 30_000);

afterAll(async () => {
  await server.close();
  rmSync(dir, { recursive: true, force: true });
  process.env = savedEnv;
});

function renderNginx(env: Record<string, string>): string {
  const out = join(dir, `nginx-${Object.keys(env).join('-')}`);
  const result = spawnSync('sh', [join(ROOT, 'deploy/render.sh'), join(dir, 'dist'), out], {
    encoding: 'utf8',
    // No nginx needed here: any mime.types file will do for rendering.
    env: { PATH: process.env.PATH, NGINX_MIME_TYPES: join(dir, 'dist', 'index.html'), ...env },
  });
  expect(result.status, result.stderr).toBe(0);
  return out;
}

/** The headers nginx sends with the rendered config: the included file, its variable filled in. */
function nginxHeaders(out: string): Record<string, string> {
  const conf = readFileSync(join(out, 'nginx.conf'), 'utf8');
  const connectSrc = /map \$host \$skyvern_connect_src \{\s*default "([^"]*)";/.exec(conf)?.[1];
  expect(connectSrc).toBeDefined();
  const included = /include (\S+security-headers\.conf);/.exec(conf)?.[1] ?? '';
  const headers: Record<string, string> = {};
  for (const match of readFileSync(included, 'utf8').matchAll(
    /^add_header (\S+) "(.*)" always;$/gm,
  )) {
    headers[(match[1] ?? '').toLowerCase()] = (match[2] ?? '').replace(
      '$skyvern_connect_src',
      connectSrc ?? '',
    );
  }
  return headers;
}

describe('security headers', () => {
  it('nginx sends exactly the headers vite preview sends, CSP included', async () => {
    const page = await get('/credentials', { accept: 'text/html' });
    const out = renderNginx({ SKYVERN_API_URL: SKYVERN, CONSOLE_CONNECT_SRC: EXTRA_CONNECT_SRC });
    const nginx = nginxHeaders(out);
    expect(Object.keys(nginx).sort()).toEqual([
      'content-security-policy',
      'permissions-policy',
      'referrer-policy',
      'x-content-type-options',
      'x-frame-options',
    ]);
    for (const [name, value] of Object.entries(nginx)) {
      expect(page.headers[name], name).toBe(value);
    }
    expect(nginx['content-security-policy']).toContain(
      "connect-src 'self' http://127.0.0.1:8000 http://127.0.0.1:9 https://telemetry.example.com;",
    );
  });

  it('behind the same-origin proxy the policy connects to this origin only', () => {
    const nginx = nginxHeaders(renderNginx({ SKYVERN_UPSTREAM: 'http://skyvern:8000' }));
    expect(nginx['content-security-policy']).toContain("connect-src 'self';");
  });
});

describe('the sandbox key stays local (vite preview)', () => {
  it('is written into a page served on a loopback origin', async () => {
    const page = await get('/credentials', { accept: 'text/html', host: `127.0.0.1:${port}` });
    expect(page.body).toContain('skyvern-console-config');
    expect(page.body).toContain(SANDBOX_KEY);
    const config = await get('/config.json', { host: `localhost:${port}` });
    expect(JSON.parse(config.body)).toEqual({ apiBaseUrl: SKYVERN, sandboxApiKey: SANDBOX_KEY });
  });

  it('is withheld from a page reached through another host name (LAN, tunnel, rebinding)', async () => {
    const page = await get('/credentials', { accept: 'text/html', host: 'console.example.com' });
    expect(page.body).toContain('skyvern-console-config');
    expect(page.body).not.toContain(SANDBOX_KEY);
    const config = await get('/config.json', { host: `192.168.1.20:${port}` });
    expect(JSON.parse(config.body)).toEqual({ apiBaseUrl: SKYVERN });
  });

  it('is withheld when the API it would unlock is not loopback', async () => {
    process.env.SKYVERN_API_URL = 'https://skyvern.example.com';
    try {
      const config = await get('/config.json', { host: `127.0.0.1:${port}` });
      expect(JSON.parse(config.body)).toEqual({ apiBaseUrl: 'https://skyvern.example.com' });
    } finally {
      process.env.SKYVERN_API_URL = SKYVERN;
    }
  });

  it('config.json answers no other origin, not even another localhost port', async () => {
    for (const origin of ['https://evil.example', 'http://localhost:3000']) {
      const config = await get('/config.json', { host: `127.0.0.1:${port}`, origin });
      expect(config.status, origin).toBe(403);
      expect(config.body).not.toContain(SANDBOX_KEY);
      expect(config.headers['access-control-allow-origin'], origin).toBeUndefined();
    }
    const own = await get('/config.json', {
      host: `127.0.0.1:${port}`,
      origin: `http://127.0.0.1:${port}`,
    });
    expect(own.status).toBe(200);
  });
});
