/*
 * The reference custom credential service (the API of
 * shared/reference/custom-credential-service.md), plus `GET {base}` so Skyvern's Test Connection
 * passes and tests can see which items landed here.
 *
 *   POST   /api/v1/credentials        → 201 { "id": "vault-item-…" }
 *   GET    /api/v1/credentials        → 200 { "items": [ { "id", "name", "type" } ] } (no secrets)
 *   GET    /api/v1/credentials/{id}   → 200 { "type", …type fields } (no name, as in contract 6.2)
 *   DELETE /api/v1/credentials/{id}   → 200 { "status": "deleted" }
 *
 * Every route needs `Authorization: Bearer <token>` (401 JSON otherwise). Errors are JSON objects
 * `{ "error": <code>, "message": <text> }`, so Skyvern's 502 details read "HTTP <status>: <text>".
 */
import { randomBytes } from 'node:crypto';
import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { constantTimeEqual } from '../lib/crypto';
import type { VaultStore } from './store';
import { VaultFaults, vaultFaultInjection } from './faults';

export const VAULT_BASE_PATH = '/api/v1/credentials';

const TYPES = ['password', 'credit_card', 'secret'] as const;
type ItemType = (typeof TYPES)[number];

/** Which keys each type keeps, and which of them must be non-empty strings. */
const FIELDS: Record<ItemType, { required: string[]; optionalText: string[]; objects: string[] }> =
  {
    password: {
      required: ['username', 'password'],
      optionalText: ['totp', 'totp_type'],
      objects: ['metadata'],
    },
    credit_card: {
      required: [
        'card_holder_name',
        'card_number',
        'card_exp_month',
        'card_exp_year',
        'card_cvv',
        'card_brand',
      ],
      optionalText: ['billing_email', 'billing_phone'],
      objects: ['billing_address', 'metadata'],
    },
    secret: { required: ['secret_value'], optionalText: ['secret_label'], objects: [] },
  };

function problem(status: number, error: string, message: string): Response {
  return new Response(JSON.stringify({ error, message }), {
    status,
    headers: { 'content-type': 'application/json' },
  });
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Validates a create body; returns the fields to store or an error message. */
function validateItem(
  body: unknown,
): { name: string; type: ItemType; fields: Record<string, unknown> } | string {
  if (!isObject(body)) return 'The body must be a JSON object';
  const { name, type } = body;
  if (typeof name !== 'string') return "'name' is required and must be a string";
  if (typeof type !== 'string') return "'type' is required and must be a string";
  const itemType = TYPES.find((candidate) => candidate === type);
  if (itemType === undefined) return `'type' must be one of ${TYPES.join(', ')}`;
  const spec = FIELDS[itemType];
  const fields: Record<string, unknown> = {};
  for (const key of spec.required) {
    const value = body[key];
    if (typeof value !== 'string' || value === '')
      return `'${key}' is required for ${itemType} items`;
    fields[key] = value;
  }
  for (const key of spec.optionalText) {
    if (!Object.hasOwn(body, key)) continue;
    const value = body[key];
    if (value !== null && typeof value !== 'string') return `'${key}' must be a string or null`;
    fields[key] = value;
  }
  for (const key of spec.objects) {
    if (!Object.hasOwn(body, key)) continue;
    const value = body[key];
    if (value !== null && !isObject(value)) return `'${key}' must be an object or null`;
    if (
      isObject(value) &&
      Object.values(value).some((inner) => inner !== null && typeof inner !== 'string')
    ) {
      return `'${key}' values must be strings`;
    }
    fields[key] = value;
  }
  return { name, type: itemType, fields };
}

export function createVaultApp(options: {
  store: VaultStore;
  token: string;
  bodyLimitBytes: number;
  /** SANDBOX_TEST_CONTROL=1: the /__vault/faults routes (./faults.ts). */
  testControl?: boolean;
}) {
  const app = new Hono();
  const { store } = options;

  // Auth comes first on every route, including unknown ones under the base path.
  app.use('*', async (c, next) => {
    const header = c.req.header('authorization') ?? '';
    const match = /^Bearer (.+)$/.exec(header);
    if (match?.[1] === undefined || !constantTimeEqual(match[1], options.token)) {
      return problem(401, 'unauthorized', 'Missing or invalid bearer token');
    }
    return next();
  });

  app.use(
    '*',
    bodyLimit({
      maxSize: options.bodyLimitBytes,
      onError: () => problem(413, 'payload_too_large', 'Request body too large'),
    }),
  );

  if (options.testControl === true) {
    const faults = new VaultFaults();
    app.post('/__vault/faults', async (c) => {
      const body: unknown = await c.req.json().catch(() => null);
      const refused = faults.set(body);
      return refused === null
        ? c.json({ ok: true, fault: faults.current })
        : problem(400, 'validation_error', refused);
    });
    app.delete('/__vault/faults', (c) => {
      faults.clear();
      return c.json({ ok: true });
    });
    app.use('*', vaultFaultInjection(faults, VAULT_BASE_PATH));
  }

  const readJson = async (
    c: Context,
  ): Promise<{ ok: true; value: unknown } | { ok: false; response: Response }> => {
    const text = await c.req.text();
    try {
      return { ok: true, value: JSON.parse(text) as unknown };
    } catch {
      return { ok: false, response: problem(400, 'invalid_json', 'The body is not valid JSON') };
    }
  };

  const collection = [VAULT_BASE_PATH, `${VAULT_BASE_PATH}/`];
  app.on('POST', collection, async (c) => {
    const body = await readJson(c);
    if (!body.ok) return body.response;
    const item = validateItem(body.value);
    if (typeof item === 'string') return problem(400, 'validation_error', item);
    const id = `vault-item-${randomBytes(8).toString('hex')}`;
    store.insert({ id, ...item });
    return c.json({ id }, 201);
  });
  app.on('GET', collection, (c) => c.json({ items: store.list() }));

  const item = `${VAULT_BASE_PATH}/:id`;
  app.get(item, (c) => {
    const found = store.get(c.req.param('id'));
    if (found === undefined) return problem(404, 'not_found', 'Credential not found');
    return c.json({ type: found.type, ...found.fields });
  });
  app.delete(item, (c) => {
    if (!store.remove(c.req.param('id'))) return problem(404, 'not_found', 'Credential not found');
    return c.json({ status: 'deleted' });
  });

  app.all(item, () => problem(405, 'method_not_allowed', 'Method Not Allowed'));
  app.all(`${VAULT_BASE_PATH}`, () => problem(405, 'method_not_allowed', 'Method Not Allowed'));
  app.notFound(() => problem(404, 'not_found', 'Not Found'));
  app.onError((error) => {
    console.error('[vault] unhandled error:', error);
    return problem(500, 'internal_error', 'Internal error');
  });
  return app;
}
