/*
 * Ports of the nginx e2e project (playwright.nginx.config.ts), apart from the main suite's so a
 * leftover server of one run never answers for the other. Each can be overridden.
 */
import { HOST } from '../support/env';

export const NGINX_PORT = Number(process.env.E2E_NGINX_PORT ?? 4345);
export const NGINX_SANDBOX_PORT = Number(process.env.E2E_NGINX_SANDBOX_PORT ?? 8745);
export const NGINX_VAULT_PORT = Number(process.env.E2E_NGINX_VAULT_PORT ?? 8746);
/** A second, foreign origin that tries to frame the console. */
export const NGINX_FOREIGN_PORT = Number(process.env.E2E_NGINX_FOREIGN_PORT ?? 4346);

export const NGINX_URL = `http://${HOST}:${NGINX_PORT}`;
/** Where nginx reaches Skyvern; the browser only ever sees NGINX_URL/skyvern-api. */
export const NGINX_SKYVERN_UPSTREAM = `http://${HOST}:${NGINX_SANDBOX_PORT}`;
export const NGINX_VAULT_URL = `http://${HOST}:${NGINX_VAULT_PORT}/api/v1/credentials`;
