#!/usr/bin/env node
/*
 * `npm start`: starts the local Skyvern sandbox (seeded with demo data on first run), builds the
 * console and serves it, preconfigured for the sandbox. `npm run dev` does the same with Vite's
 * dev server instead of a production build. Ctrl-C stops everything.
 *
 * Ports (all overridable): CONSOLE_PORT=4317 (dev: CONSOLE_DEV_PORT=4316), SANDBOX_PORT=8717, VAULT_PORT=8718.
 */
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { assertPortFree } from './ports.mjs';

const dev = process.argv.includes('--dev');
const host = '127.0.0.1';
const consolePort = Number(
  dev ? (process.env.CONSOLE_DEV_PORT ?? 4316) : (process.env.CONSOLE_PORT ?? 4317),
);
const sandboxPort = Number(process.env.SANDBOX_PORT ?? 8717);
const vaultPort = Number(process.env.VAULT_PORT ?? 8718);
const bin = (name) => new URL(`../node_modules/.bin/${name}`, import.meta.url).pathname;

const children = new Set();
let stopping = false;

function stop(code = 0) {
  if (stopping) return;
  stopping = true;
  for (const child of children) child.kill('SIGTERM');
  const deadline = setTimeout(() => {
    for (const child of children) child.kill('SIGKILL');
    process.exit(code);
  }, 5_000);
  deadline.unref();
  const check = setInterval(() => {
    if ([...children].every((child) => child.exitCode !== null || child.signalCode !== null)) {
      clearInterval(check);
      process.exit(code);
    }
  }, 100);
}
process.on('SIGINT', () => stop(0));
process.on('SIGTERM', () => stop(0));

function run(command, args, options = {}) {
  const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'inherit'], ...options });
  children.add(child);
  child.on('exit', (code, signal) => {
    children.delete(child);
    if (!stopping) {
      console.error(
        `\n${options.label ?? command} stopped unexpectedly (${signal ?? `exit ${code}`}); stopping everything.`,
      );
      stop(code || 1);
    }
  });
  return child;
}

/** A step that is meant to finish (the build); resolves with its exit code. */
function runOnce(command, args) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { stdio: ['ignore', 'inherit', 'inherit'] });
    children.add(child);
    child.on('exit', (code) => {
      children.delete(child);
      resolve(code ?? 1);
    });
  });
}

try {
  await assertPortFree(consolePort, host, dev ? 'CONSOLE_DEV_PORT' : 'CONSOLE_PORT');
  await assertPortFree(sandboxPort, host, 'SANDBOX_PORT');
  await assertPortFree(vaultPort, host, 'VAULT_PORT');
} catch (error) {
  console.error(`npm start: ${error.message}`);
  process.exit(1);
}

const consoleOrigins = [`http://${host}:${consolePort}`, `http://localhost:${consolePort}`];

// 1. The sandbox: wait for its machine-readable ready line.
const sandbox = run(bin('tsx'), ['sandbox/main.ts'], {
  label: 'The sandbox',
  env: {
    ...process.env,
    SANDBOX_HOST: host,
    SANDBOX_PORT: String(sandboxPort),
    VAULT_PORT: String(vaultPort),
    SANDBOX_SEED: process.env.SANDBOX_SEED ?? 'demo',
    SANDBOX_ALLOWED_ORIGINS: process.env.SANDBOX_ALLOWED_ORIGINS ?? JSON.stringify(consoleOrigins),
  },
});
const ready = await new Promise((resolve) => {
  const lines = createInterface({ input: sandbox.stdout });
  lines.on('line', (line) => {
    if (line.startsWith('SANDBOX_READY ')) resolve(JSON.parse(line.slice('SANDBOX_READY '.length)));
    else if (line.trim()) console.log(`[sandbox] ${line}`);
  });
});

// 2. The console: build once, then serve (or Vite's dev server with --dev).
if (!dev) {
  console.log('Building the console…');
  const code = await runOnce(bin('vite'), ['build', '--logLevel', 'warn']);
  if (code !== 0) {
    console.error('npm start: the build failed (see above); stopping.');
    stop(code || 1);
  }
}
const server = run(bin('vite'), dev ? [] : ['preview'], {
  label: 'The console server',
  env: {
    ...process.env,
    CONSOLE_PORT: String(consolePort),
    CONSOLE_DEV_PORT: String(consolePort),
    SKYVERN_API_URL: ready.skyvernUrl,
    SKYVERN_SANDBOX_API_KEY: ready.apiKey,
  },
});
server.stdout.resume();

const consoleUrl = `http://${host}:${consolePort}`;
console.log(`
  Skyvern Credentials console  ${consoleUrl}
  Skyvern sandbox API          ${ready.skyvernUrl}   (x-api-key: ${ready.apiKey})
  Custom credential service    ${ready.vaultUrl}   (bearer token: ${ready.vaultToken})

  The console is preconfigured for the sandbox. Press Ctrl-C to stop everything.
`);
