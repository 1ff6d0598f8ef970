#!/usr/bin/env node
/*
 * `npm run serve:nginx`: serves the built console with Debian's (or any) nginx through exactly
 * the template and render script the container uses (deploy/nginx.conf.template,
 * deploy/render.sh), for trying a production setup locally and for the e2e suite's nginx project.
 *
 *   NGINX_PORT=4319            port on 127.0.0.1
 *   SKYVERN_UPSTREAM=<url>     proxy /skyvern-api/ to this Skyvern (same origin, no CORS), or
 *   SKYVERN_API_URL=<url>      the Skyvern browsers call directly (it must allow this origin)
 *   CONSOLE_OUT_DIR=dist       the build to serve; built first when it is missing
 *   NGINX_BIN, NGINX_MIME_TYPES  where nginx and its mime.types are, when not Debian's
 *
 * Ctrl-C stops nginx. A taken port stops the start with a message naming NGINX_PORT.
 */
import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { assertPortFree } from './ports.mjs';

const root = new URL('..', import.meta.url).pathname;
const host = '127.0.0.1';
const port = Number(process.env.NGINX_PORT ?? 4319);
const dist = resolve(root, process.env.CONSOLE_OUT_DIR ?? 'dist');

function fail(message) {
  console.error(`serve:nginx: ${message}`);
  process.exit(1);
}

function runOrFail(command, args, what, env = process.env) {
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', env });
  if (result.status !== 0) fail(`${what} failed (see above).`);
}

if (!Number.isInteger(port) || port < 1 || port > 65535) fail(`NGINX_PORT=${port} is not a port.`);

try {
  await assertPortFree(port, host, 'NGINX_PORT');
} catch (error) {
  fail(error.message);
}

runOrFail('bash', [join(root, 'scripts/ensure-nginx.sh')], 'Finding nginx');
const nginx =
  process.env.NGINX_BIN ??
  (spawnSync('sh', ['-c', 'command -v nginx'], { encoding: 'utf8' }).stdout.trim() ||
    '/usr/sbin/nginx');

// The header file is written by the build since the nginx setup exists; an older dist lacks it.
if (!existsSync(join(dist, 'index.html')) || !existsSync(join(dist, 'security-headers.conf'))) {
  console.log(`serve:nginx: no complete build in ${dist}; building…`);
  runOrFail(join(root, 'node_modules/.bin/vite'), ['build', '--logLevel', 'warn'], 'The build', {
    ...process.env,
    CONSOLE_OUT_DIR: dist,
  });
}

const runDir = mkdtempSync(join(tmpdir(), 'skyvern-console-nginx-'));
// Started as root, nginx's workers run as an unprivileged user that must read config.json here.
chmodSync(runDir, 0o755);
const cleanUp = () => rmSync(runDir, { recursive: true, force: true });

const renderEnv = { ...process.env, NGINX_LISTEN: `${host}:${port}` };
const render = spawnSync('sh', [join(root, 'deploy/render.sh'), dist, runDir], {
  stdio: 'inherit',
  env: renderEnv,
});
if (render.status !== 0) {
  cleanUp();
  fail('rendering the nginx configuration failed (see above).');
}

const conf = join(runDir, 'nginx.conf');
const nginxArgs = ['-e', 'stderr', '-p', runDir, '-c', conf];
const check = spawnSync(nginx, [...nginxArgs, '-t', '-q'], { stdio: 'inherit' });
if (check.status !== 0) {
  cleanUp();
  fail(`nginx -t rejected ${conf} (see above).`);
}

const server = spawn(nginx, [...nginxArgs, '-g', 'daemon off;'], {
  stdio: ['ignore', 'inherit', 'inherit'],
});
let stopping = false;
function stop() {
  if (stopping) return;
  stopping = true;
  server.kill('SIGTERM');
  setTimeout(() => server.kill('SIGKILL'), 5_000).unref();
}
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
server.on('exit', (code, signal) => {
  cleanUp();
  if (stopping) process.exit(0);
  console.error(`serve:nginx: nginx stopped unexpectedly (${signal ?? `exit ${code}`}).`);
  process.exit(code || 1);
});

// Announce the URL once nginx answers.
const url = `http://${host}:${port}`;
for (let attempt = 0; attempt < 100 && !stopping; attempt++) {
  try {
    const response = await fetch(`${url}/healthz`);
    if (response.ok) break;
  } catch {
    // Not listening yet.
  }
  await new Promise((done) => setTimeout(done, 100));
}
const target = process.env.SKYVERN_UPSTREAM
  ? `Skyvern proxied at ${url}/skyvern-api/ → ${process.env.SKYVERN_UPSTREAM}`
  : `Skyvern at ${process.env.SKYVERN_API_URL ?? 'http://localhost:8000 (the default)'}`;
console.log(`
  Skyvern Credentials console (nginx)  ${url}
  ${target}
  Configuration: ${conf}

  Press Ctrl-C to stop.
`);
