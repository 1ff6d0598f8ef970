/*
 * `npm run sandbox` (sandbox/main.ts) as a real process: the SANDBOX_READY line, clean shutdown on
 * SIGTERM and SIGINT, and the port-in-use message. Ports are ephemeral (0) or ones this test holds.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));
const tsx = fileURLToPath(new URL('../../node_modules/.bin/tsx', import.meta.url));
const children: ChildProcessWithoutNullStreams[] = [];

afterEach(() => {
  for (const child of children.splice(0)) if (child.exitCode === null) child.kill('SIGKILL');
});

function run(env: Record<string, string>) {
  const child = spawn(tsx, ['sandbox/main.ts'], {
    cwd: root,
    env: { ...process.env, SANDBOX_PORT: '0', VAULT_PORT: '0', SANDBOX_DB: ':memory:', ...env },
  });
  children.push(child);
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const ready = new Promise<Record<string, string>>((resolve, reject) => {
    child.stdout.on('data', () => {
      const line = stdout.split('\n').find((candidate) => candidate.startsWith('SANDBOX_READY '));
      if (line !== undefined)
        resolve(JSON.parse(line.slice('SANDBOX_READY '.length)) as Record<string, string>);
    });
    void exited.then((code) => reject(new Error(`exited ${code}: ${stderr}`)));
  });
  // Tests that expect a failed start never await `ready`; keep its rejection from going unhandled.
  ready.catch(() => undefined);
  return { child, ready, exited, output: () => ({ stdout, stderr }) };
}

describe('sandbox/main.ts', () => {
  it('prints one SANDBOX_READY line, serves, and exits 0 on SIGTERM', async () => {
    const sandbox = run({ SANDBOX_API_KEY: 'cli-test-key', VAULT_TOKEN: 'cli-vault-token' });
    const ready = await sandbox.ready;
    expect(Object.keys(ready)).toEqual(['skyvernUrl', 'apiKey', 'vaultUrl', 'vaultToken']);
    expect(ready).toMatchObject({
      skyvernUrl: expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+$/),
      apiKey: 'cli-test-key',
      vaultUrl: expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+\/api\/v1\/credentials$/),
      vaultToken: 'cli-vault-token',
    });
    expect(sandbox.output().stdout.match(/SANDBOX_READY/g)).toHaveLength(1);
    expect(sandbox.output().stdout).toContain('cli-vault-token');
    const list = await fetch(`${ready['skyvernUrl']}/v1/credentials`, {
      headers: { 'x-api-key': 'cli-test-key' },
    });
    expect(list.status).toBe(200);
    const vault = await fetch(String(ready['vaultUrl']), {
      headers: { authorization: 'Bearer cli-vault-token' },
    });
    expect(vault.status).toBe(200);
    sandbox.child.kill('SIGTERM');
    expect(await sandbox.exited).toBe(0);
    await expect(fetch(`${ready['skyvernUrl']}/__sandbox/health`)).rejects.toThrow();
  });

  it('exits 0 on SIGINT', async () => {
    const sandbox = run({});
    await sandbox.ready;
    sandbox.child.kill('SIGINT');
    expect(await sandbox.exited).toBe(0);
  });

  it('names the port and the variable when a port is taken, and exits 1', async () => {
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const { port } = blocker.address() as AddressInfo;
    try {
      const sandbox = run({ VAULT_PORT: String(port) });
      expect(await sandbox.exited).toBe(1);
      expect(sandbox.output().stderr).toContain(
        `port ${port} on 127.0.0.1 is already in use; set VAULT_PORT to a free port`,
      );
      expect(sandbox.output().stdout).not.toContain('SANDBOX_READY');
    } finally {
      await new Promise<void>((resolve) => blocker.close(() => resolve()));
    }
  });

  it('explains a malformed setting', async () => {
    const sandbox = run({ SANDBOX_ALLOWED_ORIGINS: 'http://x' });
    expect(await sandbox.exited).toBe(1);
    expect(sandbox.output().stderr).toContain('SANDBOX_ALLOWED_ORIGINS must be a JSON list');
  });
});
