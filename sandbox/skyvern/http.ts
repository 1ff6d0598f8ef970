/*
 * Request plumbing shared by every Skyvern route: error types that map onto the contract's error
 * shapes (1.4), JSON responses, body reading with a size cap and FastAPI's JSON/content-type rules,
 * and `endpoint()`, which runs the steps in FastAPI's order: JSON decoding, then auth, then query
 * and body validation, then the handler.
 */
import type { Context } from 'hono';
import {
  defaultIssues,
  sanitizedIssues,
  type Issue,
  type LocPart,
  type Parsed,
  type Schema,
} from './validation';

/** A handled error: `{"detail": …}` with CORS headers (shapes 1–3). */
export class HttpError extends Error {
  override name = 'HttpError';
  constructor(
    readonly status: number,
    readonly detail: unknown,
    readonly headers: Record<string, string> = {},
  ) {
    super(typeof detail === 'string' ? detail : `HTTP ${status}`);
  }
}

/**
 * An error Skyvern does not handle: `500 {"error": "Unexpected error: <ExceptionName>"}`, produced
 * outside the CORS layer (shape 4). `pythonName` is the exception class Skyvern would raise.
 */
export class UnexpectedError extends Error {
  override name = 'UnexpectedError';
  constructor(readonly pythonName: string) {
    super(`Unexpected error: ${pythonName}`);
  }
}

/** The rare empty-body 404 (shape 5): the row vanished between the check and the write. */
export class EmptyNotFound extends Error {
  override name = 'EmptyNotFound';
}

export type ErrorFormat = 'sanitized' | 'default';

export class ValidationFailure extends Error {
  override name = 'ValidationFailure';
  constructor(
    readonly issues: Issue[],
    readonly format: ErrorFormat,
  ) {
    super('Request validation failed');
  }
}

export function json(
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json', ...headers },
  });
}

export function validationResponse(failure: ValidationFailure): Response {
  const detail =
    failure.format === 'sanitized'
      ? sanitizedIssues(failure.issues)
      : defaultIssues(failure.issues);
  return json(422, { detail });
}

/** What FastAPI hands to body validation. */
export type BodyInput =
  { kind: 'missing' } | { kind: 'json'; value: unknown } | { kind: 'raw'; text: string };

function jsonPosition(error: unknown, text: string): number {
  const match = error instanceof Error ? /position (\d+)/.exec(error.message) : null;
  return match?.[1] !== undefined ? Number(match[1]) : text.length;
}

async function readLimited(c: Context, limit: number): Promise<Uint8Array> {
  const declared = Number(c.req.header('content-length') ?? NaN);
  if (Number.isFinite(declared) && declared > limit)
    throw new HttpError(413, 'Request body too large');
  const stream = c.req.raw.body;
  if (stream === null) return new Uint8Array();
  const reader = stream.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > limit) {
      await reader.cancel();
      throw new HttpError(413, 'Request body too large');
    }
    chunks.push(value);
  }
  const body = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    body.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return body;
}

/**
 * FastAPI's body handling: no bytes (or JSON `null`) means "missing"; JSON is parsed when there is
 * no Content-Type or it is application/json or application/*+json; any other type is passed on raw
 * and fails validation. A JSON syntax error is reported at once, before auth (contract 1.3).
 */
export async function readBody(c: Context, limit: number, format: ErrorFormat): Promise<BodyInput> {
  const bytes = await readLimited(c, limit);
  if (bytes.byteLength === 0) return { kind: 'missing' };
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new HttpError(400, 'There was an error parsing the body');
  }
  const contentType = c.req.header('content-type');
  const mediaType = (contentType?.split(';')[0] ?? '').trim().toLowerCase();
  const isJson =
    contentType === undefined ||
    mediaType === 'application/json' ||
    (mediaType.startsWith('application/') && mediaType.endsWith('+json'));
  if (!isJson) return { kind: 'raw', text };
  try {
    const value: unknown = JSON.parse(text);
    return value === null ? { kind: 'missing' } : { kind: 'json', value };
  } catch (error) {
    const message = error instanceof Error ? error.message : 'Expecting value';
    throw new ValidationFailure(
      [
        {
          type: 'json_invalid',
          loc: ['body', jsonPosition(error, text)],
          msg: 'JSON decode error',
          input: {},
          ctx: { error: message },
        },
      ],
      format,
    );
  }
}

export function validateBody<T>(schema: Schema<T>, body: BodyInput): Parsed<T> {
  if (body.kind === 'missing') {
    return {
      ok: false,
      issues: [{ type: 'missing', loc: ['body'], msg: 'Field required', input: null }],
    };
  }
  return schema.parse(body.kind === 'json' ? body.value : body.text, ['body']);
}

/** Query parameters as FastAPI sees them: blank values kept, the last of repeated keys wins. */
export function queryObject(url: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of new URL(url).searchParams) out[key] = value;
  return out;
}

/** A schema for routes that take no body or query: always valid, yields null. */
export const NONE: Schema<null> = { parse: () => ({ ok: true, value: null }) };

export interface EndpointContext<B, Q> {
  c: Context;
  organizationId: string;
  params: Record<string, string>;
  body: B;
  query: Q;
}

export interface EndpointDeps {
  authenticate: (headers: Headers) => string;
  bodyLimit: number;
}

export type RouteHandler = (c: Context, params: Record<string, string>) => Promise<Response>;

export function endpoint<B, Q>(
  deps: EndpointDeps,
  spec: { body: Schema<B> | null; query: Schema<Q>; format: ErrorFormat },
  handler: (context: EndpointContext<B, Q>) => Promise<Response> | Response,
): RouteHandler {
  return async (c, params) => {
    const body = spec.body === null ? null : await readBody(c, deps.bodyLimit, spec.format);
    const organizationId = deps.authenticate(c.req.raw.headers);
    const issues: Issue[] = [];
    const queryLoc: LocPart[] = ['query'];
    const query = spec.query.parse(queryObject(c.req.url), queryLoc);
    if (!query.ok) issues.push(...query.issues);
    let bodyValue: B | null = null;
    if (spec.body !== null && body !== null) {
      const parsed = validateBody(spec.body, body);
      if (parsed.ok) bodyValue = parsed.value;
      else issues.push(...parsed.issues);
    }
    if (issues.length > 0 || !query.ok) throw new ValidationFailure(issues, spec.format);
    return handler({
      c,
      organizationId,
      params,
      body: bodyValue as B,
      query: query.value,
    });
  };
}
