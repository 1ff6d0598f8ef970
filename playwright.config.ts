import { defineConfig } from '@playwright/test';
import {
  API_KEY,
  API_KEY2,
  CHROMIUM_PATH,
  chromiumArgs,
  CONSOLE_PORT,
  CONSOLE_URL,
  FAKE_WEBCAM_FILE,
  SANDBOX_PORT,
  SANDBOX2_PORT,
  SKYVERN_URL,
  SKYVERN2_URL,
  VAULT_PORT,
  VAULT2_PORT,
  VAULT_TOKEN,
} from './e2e/support/env';

/*
 * End-to-end tests run a production build (made with `--mode e2e`, which only adds the query-cache
 * hook the secret checks read) against the real sandbox over HTTP, in Debian's Chromium.
 * `npm run test:e2e` builds first; Playwright starts and stops both servers.
 */
export default defineConfig({
  testDir: './e2e',
  // The nginx project has its own servers: playwright.nginx.config.ts.
  testIgnore: 'nginx/**',
  globalSetup: './e2e/support/global-setup.ts',
  fullyParallel: false,
  workers: 1,
  forbidOnly: Boolean(process.env.CI),
  retries: process.env.CI ? 1 : 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list']],
  outputDir: process.env.E2E_OUTPUT_DIR ?? 'test-results',
  use: {
    baseURL: CONSOLE_URL,
    viewport: { width: 1280, height: 800 },
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    permissions: ['camera', 'clipboard-read', 'clipboard-write'],
    launchOptions: {
      executablePath: CHROMIUM_PATH,
      args: chromiumArgs(FAKE_WEBCAM_FILE),
    },
  },
  /*
   * Every flow twice: at a laptop's width and at a phone's (390×844), where the sections sit
   * behind the Menu button and dialogs are full-height sheets. responsive.spec.ts walks its own
   * widths, so it runs once.
   */
  projects: [
    { name: 'desktop' },
    {
      name: 'phone',
      use: { viewport: { width: 390, height: 844 } },
      testIgnore: ['nginx/**', 'responsive.spec.ts'],
    },
  ],
  webServer: [
    {
      command: 'npx tsx sandbox/main.ts',
      url: `${SKYVERN_URL}/__sandbox/health`,
      reuseExistingServer: false,
      timeout: 60_000,
      stdout: 'ignore',
      stderr: 'pipe',
      env: {
        SANDBOX_PORT: String(SANDBOX_PORT),
        VAULT_PORT: String(VAULT_PORT),
        SANDBOX_DB: ':memory:',
        SANDBOX_API_KEY: API_KEY,
        VAULT_TOKEN,
        SANDBOX_TEST_CONTROL: '1',
        // Login tests (e2e/login-tests.spec.ts): short steps; /__demo/slow/ pages time out after 30 s.
        SANDBOX_LOGIN_TEST_STEP_MS: '300',
        SANDBOX_LOGIN_TEST_PAGE_TIMEOUT_MS: '30000',
        SANDBOX_ALLOWED_ORIGINS: JSON.stringify([CONSOLE_URL]),
      },
    },
    {
      // A second Skyvern ("staging"), with its own key and data: e2e/connections.spec.ts.
      command: 'npx tsx sandbox/main.ts',
      url: `${SKYVERN2_URL}/__sandbox/health`,
      reuseExistingServer: false,
      timeout: 60_000,
      stdout: 'ignore',
      stderr: 'pipe',
      env: {
        SANDBOX_PORT: String(SANDBOX2_PORT),
        VAULT_PORT: String(VAULT2_PORT),
        SANDBOX_DB: ':memory:',
        SANDBOX_API_KEY: API_KEY2,
        VAULT_TOKEN,
        SANDBOX_ALLOWED_ORIGINS: JSON.stringify([CONSOLE_URL]),
      },
    },
    {
      command: 'npx vite preview',
      url: CONSOLE_URL,
      reuseExistingServer: false,
      timeout: 60_000,
      stdout: 'ignore',
      stderr: 'pipe',
      env: {
        CONSOLE_PORT: String(CONSOLE_PORT),
        SKYVERN_API_URL: SKYVERN_URL,
        SKYVERN_SANDBOX_API_KEY: API_KEY,
        // The "unreachable" test needs a dead origin the CSP still allows.
        // The second sandbox is the several-connections tests' "staging".
        CONSOLE_CONNECT_SRC: `http://127.0.0.1:9 ${SKYVERN2_URL}`,
      },
    },
  ],
});
