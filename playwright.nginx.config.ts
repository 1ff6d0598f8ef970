import { defineConfig } from '@playwright/test';
import base from './playwright.config';
import { API_KEY, VAULT_TOKEN } from './e2e/support/env';
import {
  NGINX_PORT,
  NGINX_SANDBOX_PORT,
  NGINX_SKYVERN_UPSTREAM,
  NGINX_URL,
  NGINX_VAULT_PORT,
} from './e2e/nginx/env';

/*
 * The `nginx` project: the same build served the production way, by `npm run serve:nginx`
 * (deploy/nginx.conf.template rendered by deploy/render.sh, as in the container), with the
 * same-origin proxy in front of a sandbox that allows NO CORS origin. Anything the console
 * fetched from another origin would fail, and the specs also assert that none is requested.
 * Playwright's webServer list is global to a config, hence this second config, which
 * `npm run test:e2e` runs after the main one.
 */
export default defineConfig({
  ...base,
  testDir: './e2e/nginx',
  testIgnore: undefined,
  outputDir: process.env.E2E_OUTPUT_DIR
    ? `${process.env.E2E_OUTPUT_DIR}-nginx`
    : 'test-results-nginx',
  use: { ...base.use, baseURL: NGINX_URL },
  projects: [{ name: 'nginx' }],
  webServer: [
    {
      command: 'npx tsx sandbox/main.ts',
      url: `${NGINX_SKYVERN_UPSTREAM}/__sandbox/health`,
      reuseExistingServer: false,
      timeout: 60_000,
      stdout: 'ignore',
      stderr: 'pipe',
      env: {
        SANDBOX_PORT: String(NGINX_SANDBOX_PORT),
        VAULT_PORT: String(NGINX_VAULT_PORT),
        SANDBOX_DB: ':memory:',
        SANDBOX_API_KEY: API_KEY,
        VAULT_TOKEN,
        // No browser origin may read Skyvern's answers: only the proxy makes this work.
        SANDBOX_ALLOWED_ORIGINS: '[]',
      },
    },
    {
      command: 'node scripts/serve-nginx.mjs',
      url: `${NGINX_URL}/healthz`,
      reuseExistingServer: false,
      timeout: 60_000,
      stdout: 'ignore',
      stderr: 'pipe',
      gracefulShutdown: { signal: 'SIGTERM', timeout: 5_000 },
      env: {
        NGINX_PORT: String(NGINX_PORT),
        SKYVERN_UPSTREAM: NGINX_SKYVERN_UPSTREAM,
        ...(process.env.CONSOLE_OUT_DIR ? { CONSOLE_OUT_DIR: process.env.CONSOLE_OUT_DIR } : {}),
      },
    },
  ],
});
