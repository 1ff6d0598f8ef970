/*
 * Test helpers: an in-process sandbox on ephemeral ports (other agents share this machine, so never
 * a fixed port), a small fetch wrapper, and a programmable stand-in custom credential service that
 * records every call Skyvern makes to it.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { startSandbox, type SandboxHandle, type SandboxOptions } from '../server';

export interface ApiResponse {
  status: number;
  headers: Headers;
  text: string;
  /** Parsed JSON body, or undefined when the body is empty or not JSON. */
  body: unknown;
}

export interface RequestOptions {
  body?: unknown;
  /** A raw body, sent as bytes with no Content-Type unless `headers` gives one. */
  raw?: string;
  headers?: Record<string, string>;
  /** The x-api-key to send; null sends none. Defaults to the sandbox key. */
  key?: string | null;
}

export interface TestSandbox extends SandboxHandle {
  request(method: string, path: string, options?: RequestOptions): Promise<ApiResponse>;
  vaultRequest(
    method: string,
    path: string,
    options?: { body?: unknown; token?: string | null },
  ): Promise<ApiResponse>;
}

export async function send(url: string, init: RequestInit): Promise<ApiResponse> {
  const response = await fetch(url, init);
  const text = await response.text();
  let body: unknown;
  try {
    body = text === '' ? undefined : (JSON.parse(text) as unknown);
  } catch {
    body = undefined;
  }
  return { status: response.status, headers: response.headers, text, body };
}

export async function startTestSandbox(options: SandboxOptions = {}): Promise<TestSandbox> {
  const sandbox = await startSandbox({ port: 0, vaultPort: 0, dataDir: null, ...options });
  return {
    ...sandbox,
    request(method, path, { body, raw, headers = {}, key } = {}) {
      const apiKey = key === undefined ? sandbox.apiKey : key;
      const allHeaders: Record<string, string> = { ...headers };
      if (apiKey !== null) allHeaders['x-api-key'] = apiKey;
      let payload: string | Uint8Array<ArrayBuffer> | undefined;
      if (raw !== undefined) payload = new TextEncoder().encode(raw);
      else if (body !== undefined) {
        payload = JSON.stringify(body);
        allHeaders['content-type'] ??= 'application/json';
      }
      return send(`${sandbox.skyvernUrl}${path}`, { method, headers: allHeaders, body: payload });
    },
    vaultRequest(method, path, { body, token } = {}) {
      const headers: Record<string, string> = { 'content-type': 'application/json' };
      const bearer = token === undefined ? sandbox.vaultToken : token;
      if (bearer !== null) headers['authorization'] = `Bearer ${bearer}`;
      const base = sandbox.vaultUrl.replace(/\/api\/v1\/credentials$/, '');
      return send(`${base}${path}`, {
        method,
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
      });
    },
  };
}

// ---- bodies ------------------------------------------------------------------------------------

export function passwordBody(
  overrides: Record<string, unknown> = {},
  credential: Record<string, unknown> = {},
) {
  return {
    name: 'Acme portal',
    credential_type: 'password',
    credential: {
      username: 'jane@example.com',
      password: 'correct horse battery staple',
      ...credential,
    },
    ...overrides,
  };
}

export function cardBody(
  overrides: Record<string, unknown> = {},
  credential: Record<string, unknown> = {},
) {
  return {
    name: 'Company card',
    credential_type: 'credit_card',
    credential: {
      card_number: '4242424242424242',
      card_cvv: '123',
      card_exp_month: '12',
      card_exp_year: '2030',
      card_brand: 'visa',
      card_holder_name: 'Jane Doe',
      ...credential,
    },
    ...overrides,
  };
}

export function secretBody(
  overrides: Record<string, unknown> = {},
  credential: Record<string, unknown> = {},
) {
  return {
    name: 'API key',
    credential_type: 'secret',
    credential: {
      secret_value: 'sk-test-very-secret',
      secret_label: 'Billing API key',
      ...credential,
    },
    ...overrides,
  };
}

// ---- a recording stand-in custom credential service -------------------------------------------

export interface RecordedCall {
  method: string;
  path: string;
  headers: IncomingMessage['headers'];
  body: string;
}

export interface StubReply {
  status: number;
  body?: string;
  contentType?: string;
  headers?: Record<string, string>;
  /** Never answer (for timeouts). */
  hang?: boolean;
}

export interface StubService {
  url: string;
  calls: RecordedCall[];
  /** Decides the reply; the default stores items like a well-behaved service. */
  reply: (call: RecordedCall) => StubReply | undefined;
  close(): Promise<void>;
}

/** A custom credential service whose answers each test can script; unscripted calls behave well. */
export async function startStubService(basePath = '/api/credentials'): Promise<StubService> {
  const items = new Map<string, string>();
  let counter = 0;
  const sockets = new Set<import('node:net').Socket>();
  const defaultReply = (call: RecordedCall): StubReply => {
    const json = (status: number, value: unknown): StubReply => ({
      status,
      body: JSON.stringify(value),
      contentType: 'application/json',
    });
    if (call.path === basePath && call.method === 'POST') {
      counter += 1;
      const id = `stub-${counter}`;
      const parsed = JSON.parse(call.body) as Record<string, unknown>;
      delete parsed['name'];
      items.set(id, JSON.stringify(parsed));
      return json(201, { id });
    }
    if (call.path === basePath && call.method === 'GET')
      return json(200, { items: [...items.keys()] });
    const id = call.path.slice(basePath.length + 1);
    if (call.method === 'GET') {
      const item = items.get(id);
      return item === undefined
        ? json(404, { message: 'not found' })
        : { status: 200, body: item, contentType: 'application/json' };
    }
    if (call.method === 'DELETE') {
      return items.delete(id)
        ? json(200, { status: 'deleted' })
        : json(404, { message: 'not found' });
    }
    return json(405, { message: 'method not allowed' });
  };
  const stub: StubService = {
    url: '',
    calls: [],
    reply: () => undefined,
    close: () =>
      new Promise((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
  const server: Server = createServer((request: IncomingMessage, response: ServerResponse) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const call: RecordedCall = {
        method: request.method ?? '',
        path: decodeURI((request.url ?? '').split('?')[0] ?? ''),
        headers: request.headers,
        body: Buffer.concat(chunks).toString('utf8'),
      };
      stub.calls.push(call);
      const reply = stub.reply(call) ?? defaultReply(call);
      if (reply.hang) return;
      response.writeHead(reply.status, {
        ...(reply.contentType ? { 'content-type': reply.contentType } : {}),
        ...reply.headers,
      });
      response.end(reply.body ?? '');
    });
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  stub.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}${basePath}`;
  return stub;
}

/** A port nothing listens on (bound, then released). */
export async function deadPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

export function expectObject(value: unknown): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new Error(`Expected a JSON object, got ${JSON.stringify(value)}`);
  }
  return value as Record<string, unknown>;
}

export function expectArray(value: unknown): Array<Record<string, unknown>> {
  if (!Array.isArray(value)) throw new Error(`Expected a JSON array, got ${JSON.stringify(value)}`);
  return value as Array<Record<string, unknown>>;
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
