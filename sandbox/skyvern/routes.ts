/*
 * Starlette-style routing. Hono's router answers 404 for a known path with an unknown method, but
 * Skyvern answers 405, lets the first registered full match win (so `GET /v1/credentials/totp`
 * beats `GET /v1/credentials/{credential_id}`), registers both trailing-slash forms, and matches
 * the percent-decoded path. This small table reproduces that inside one Hono handler.
 */
import type { RouteHandler } from './http';

interface Route {
  method: string;
  pattern: RegExp;
  keys: string[];
  handler: RouteHandler;
}

export type RouteMatch =
  | { kind: 'found'; handler: RouteHandler; params: Record<string, string> }
  | { kind: 'method_not_allowed'; allow: string[] }
  | { kind: 'not_found' };

function compile(path: string): { pattern: RegExp; keys: string[] } {
  const keys: string[] = [];
  const source = path
    .split(/(\{[a-z_]+\})/)
    .map((part) => {
      const key = /^\{([a-z_]+)\}$/.exec(part)?.[1];
      if (key !== undefined) {
        keys.push(key);
        return '([^/]+)';
      }
      return part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    })
    .join('');
  // Both `/x` and `/x/` answer directly; neither redirects.
  return { pattern: new RegExp(`^${source}/?$`), keys };
}

export class RouteTable {
  private readonly routes: Route[] = [];

  add(method: string, path: string, handler: RouteHandler): this {
    this.routes.push({ method, handler, ...compile(path) });
    return this;
  }

  match(requestMethod: string, path: string): RouteMatch {
    // Starlette routes that accept GET also accept HEAD.
    const method = requestMethod === 'HEAD' ? 'GET' : requestMethod;
    const allow = new Set<string>();
    for (const route of this.routes) {
      const found = route.pattern.exec(path);
      if (found === null) continue;
      if (route.method === method) {
        const params: Record<string, string> = {};
        route.keys.forEach((key, index) => {
          params[key] = found[index + 1] ?? '';
        });
        return { kind: 'found', handler: route.handler, params };
      }
      allow.add(route.method);
      if (route.method === 'GET') allow.add('HEAD');
    }
    return allow.size > 0
      ? { kind: 'method_not_allowed', allow: [...allow].sort() }
      : { kind: 'not_found' };
  }
}
