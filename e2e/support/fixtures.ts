import {
  test as base,
  expect,
  type APIRequestContext,
  type Locator,
  type Page,
} from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { API_KEY, SKYVERN_URL, VAULT_TOKEN, VAULT_URL } from './env';

/*
 * Shared e2e fixtures. Every spec imports `test` and `expect` from here, so that every page:
 * - fails the test on an unexpected console error or uncaught page error;
 * - records console text and every URL it visited, for the secret checks below.
 */

export interface PageRecord {
  consoleMessages: string[];
  /**
   * Console errors a test expects (for example while the sandbox is down), matched against the
   * message text or, for "Failed to load resource" messages, against the resource's URL.
   */
  allowedConsoleErrors: RegExp[];
  visitedUrls: string[];
}

interface Fixtures {
  record: PageRecord;
  sandbox: SandboxApi;
}

export const test = base.extend<Fixtures>({
  // Automatic: every test gets console checks and URL recording without asking for them.
  record: [
    async ({ page }, use) => {
      const record: PageRecord = {
        consoleMessages: [],
        // Skyvern answers 404 for "no custom credential service configured" (contract 5.1), and
        // Chromium logs every 4xx it fetches as a console error. That one is an answer, not a bug.
        allowedConsoleErrors: [/\/v1\/credentials\/custom_credential\/get$/],
        visitedUrls: [],
      };
      const unexpected: string[] = [];
      page.on('console', (message) => {
        const text = message.text();
        record.consoleMessages.push(text);
        const resource = message.location().url;
        const allowed = record.allowedConsoleErrors.some(
          (re) =>
            re.test(text) || (text.startsWith('Failed to load resource') && re.test(resource)),
        );
        if (message.type() === 'error' && !allowed) {
          unexpected.push(text);
        }
      });
      page.on('pageerror', (error) => unexpected.push(`pageerror: ${error.message}`));
      page.on('framenavigated', (frame) => {
        if (frame === page.mainFrame()) record.visitedUrls.push(frame.url());
      });
      await use(record);
      expect(unexpected, 'console errors during the test').toEqual([]);
    },
    { auto: true },
  ],
  sandbox: async ({ playwright }, use) => {
    const context = await playwright.request.newContext();
    await use(new SandboxApi(context));
    await context.dispose();
  },
});

export { expect };

declare global {
  interface Window {
    /** Present in `--mode e2e` builds only (src/app/test-hooks.ts). */
    __dumpQueryCache?: () => string;
  }
}

type Scheme = 'light' | 'dark';

/** What the page shows now: `data-theme` on <html> (src/lib/theme.ts), or the system's scheme. */
async function currentScheme(page: Page): Promise<Scheme> {
  return page.evaluate(() => {
    const theme = document.documentElement.dataset['theme'];
    if (theme === 'dark' || theme === 'light') return theme;
    return window.matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
  });
}

/**
 * Shows `scheme` the way src/lib/theme.ts applies it (`data-theme` on <html>; an inline
 * `color-scheme`, if any, follows), without a reload, so dialogs, forms and focus stay as they
 * are. Waits for the restyle and for colour transitions to end, so axe reads final colours.
 * Returns how to put the page back exactly as it was.
 */
async function showScheme(page: Page, scheme: Scheme): Promise<() => Promise<void>> {
  const before = await page.evaluate((next) => {
    const root = document.documentElement;
    const saved = { theme: root.dataset['theme'] ?? null, colorScheme: root.style.colorScheme };
    root.dataset['theme'] = next;
    if (saved.colorScheme) root.style.colorScheme = next;
    return saved;
  }, scheme);
  await settleStyles(page);
  return async () => {
    await page.evaluate(({ theme, colorScheme }) => {
      const root = document.documentElement;
      if (theme === null) delete root.dataset['theme'];
      else root.dataset['theme'] = theme;
      root.style.colorScheme = colorScheme;
    }, before);
    await settleStyles(page);
  };
}

/** Two frames for the style change to apply, then every CSS transition it started (≤ 2 s). */
async function settleStyles(page: Page): Promise<void> {
  await page.evaluate(async () => {
    const frame = () => new Promise<void>((resolve) => requestAnimationFrame(() => resolve()));
    await frame();
    await frame();
    const transitions = document
      .getAnimations()
      .filter((animation) => animation instanceof CSSTransition)
      .map((animation) => animation.finished.catch(() => undefined));
    await Promise.race([
      Promise.all(transitions),
      new Promise((resolve) => setTimeout(resolve, 2_000)),
    ]);
  });
}

async function axeViolations(page: Page, include: string | undefined): Promise<string[]> {
  let builder = new AxeBuilder({ page }).withTags([
    'wcag2a',
    'wcag2aa',
    'wcag21a',
    'wcag21aa',
    'best-practice',
  ]);
  if (include) builder = builder.include(include);
  const results = await builder.analyze();
  return results.violations.map(
    (violation) =>
      `${violation.id} (${violation.impact}): ${violation.help}\n  ${violation.nodes
        .map((node) => node.target.join(' '))
        .join('\n  ')}`,
  );
}

/**
 * Runs axe on the page (or a part of it) in BOTH colour schemes and fails on any WCAG 2.x A/AA
 * violation: first in the scheme the page shows, then in the other one (switched in place, no
 * reload, so an open dialog or a filled form is checked as it is), then the page goes back to
 * the scheme it had. Each violation names the scheme it was found in.
 */
export async function expectNoAxeViolations(page: Page, include?: string) {
  // No colour caught halfway: a toast fading out (or in) while axe reads it is neither scheme.
  const still = await page.addStyleTag({
    content: '*, *::before, *::after { transition: none !important; animation: none !important; }',
  });
  try {
    const shown = await currentScheme(page);
    const other: Scheme = shown === 'dark' ? 'light' : 'dark';
    const violations = (await axeViolations(page, include)).map((text) => `[${shown}] ${text}`);
    const restore = await showScheme(page, other);
    try {
      for (const text of await axeViolations(page, include)) violations.push(`[${other}] ${text}`);
    } finally {
      await restore();
    }
    expect(violations, 'axe violations, in the light and the dark scheme').toEqual([]);
  } finally {
    await still.evaluate((style) => (style as Element).remove());
  }
}

/**
 * Asserts that none of `secrets` is anywhere the console could leak it: web storage, IndexedDB,
 * cookies, the URL and every URL visited, console output, the react-query cache (exposed by e2e
 * builds only), and the page's DOM including form field values.
 */
export async function expectNoSecretLeaks(page: Page, record: PageRecord, secrets: string[]) {
  const wanted = secrets.filter((secret) => secret.length >= 4);
  expect(wanted.length, 'secrets to look for').toBeGreaterThan(0);

  const snapshot = await page.evaluate(async () => {
    const storage = (store: Storage) =>
      Object.keys(store).map((key) => `${key}=${store.getItem(key) ?? ''}`);
    const idb: string[] = [];
    if ('databases' in indexedDB) {
      for (const info of await indexedDB.databases()) {
        if (!info.name) continue;
        idb.push(info.name);
        const db = await new Promise<IDBDatabase>((resolve, reject) => {
          const request = indexedDB.open(info.name as string);
          request.onsuccess = () => resolve(request.result);
          request.onerror = () => reject(request.error);
        });
        for (const storeName of Array.from(db.objectStoreNames)) {
          const all = await new Promise<unknown[]>((resolve, reject) => {
            const request = db.transaction(storeName).objectStore(storeName).getAll();
            request.onsuccess = () => resolve(request.result);
            request.onerror = () => reject(request.error);
          });
          idb.push(JSON.stringify(all));
        }
        db.close();
      }
    }
    const fieldValues = Array.from(document.querySelectorAll('input, textarea, select')).map(
      (element) => (element as HTMLInputElement).value,
    );
    return {
      localStorage: storage(localStorage),
      sessionStorage: storage(sessionStorage),
      indexedDB: idb,
      cookie: document.cookie,
      url: location.href,
      historyState: JSON.stringify(history.state),
      dom: document.documentElement.outerHTML,
      fieldValues,
      queryCache: window.__dumpQueryCache ? window.__dumpQueryCache() : null,
    };
  });

  expect(snapshot.queryCache, 'the e2e build exposes the query cache').not.toBeNull();

  const places: Record<string, string> = {
    localStorage: snapshot.localStorage.join('\n'),
    sessionStorage: snapshot.sessionStorage.join('\n'),
    indexedDB: snapshot.indexedDB.join('\n'),
    cookie: snapshot.cookie,
    'current URL': decodeURIComponent(snapshot.url),
    'history state': snapshot.historyState,
    'visited URLs': record.visitedUrls.map((url) => decodeURIComponent(url)).join('\n'),
    'console messages': record.consoleMessages.join('\n'),
    'react-query cache': snapshot.queryCache ?? '',
    DOM: snapshot.dom,
    'form field values': snapshot.fieldValues.join('\n'),
  };
  const leaks: string[] = [];
  for (const secret of wanted) {
    for (const [place, text] of Object.entries(places)) {
      if (text.includes(secret)) leaks.push(`"${secret.slice(0, 3)}…" found in ${place}`);
    }
  }
  expect(leaks, 'secret leaks').toEqual([]);
}

/** A form field by its exact visible label (a required field's "*" is outside the label). */
export function field(scope: Page | Locator, label: string) {
  const escaped = label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return scope.getByLabel(new RegExp(`^${escaped}\\*?$`));
}

/**
 * Screenshots at several widths, to be looked at: into `dir`, or $SCREENSHOT_DIR (or
 * $E2E_SCREENSHOT_DIR), named `<name>-<width>.png`. Without a directory it does nothing, so a
 * test runs at its project's viewport throughout; with one, the viewport goes back to the
 * project's afterwards (the phone project stays a phone).
 */
export async function shootAtWidths(
  page: Page,
  name: string,
  {
    widths = [1280, 1024, 390],
    fullPage = true,
    dir = process.env['SCREENSHOT_DIR'] ?? process.env['E2E_SCREENSHOT_DIR'],
  }: { widths?: number[]; fullPage?: boolean; dir?: string | undefined } = {},
): Promise<void> {
  if (!dir) return;
  const original = page.viewportSize();
  for (const width of widths) {
    await page.setViewportSize({ width, height: width === 390 ? 844 : 800 });
    await page.screenshot({ path: `${dir}/${name}-${width}.png`, fullPage });
  }
  if (original) await page.setViewportSize(original);
}

/**
 * Follows a link of the console's sections: in the sidebar, or on a phone (the phone project)
 * behind the header's Menu button, whose sheet closes as the link is followed.
 */
export async function followNav(page: Page, label: string): Promise<void> {
  await openMenuOnPhone(page);
  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('link', { name: label, exact: true })
    .click();
  await expect(page.getByRole('dialog', { name: 'Menu' })).toBeHidden();
}

/** The theme select: in the sidebar, or on a phone in the menu sheet (opened here). */
export async function themeSelect(page: Page): Promise<Locator> {
  await openMenuOnPhone(page);
  return page.getByRole('combobox', { name: 'Theme' });
}

/** Below 768 px (Tailwind's `md`) the sections sit behind the header's Menu button: open it. */
async function openMenuOnPhone(page: Page): Promise<void> {
  if ((page.viewportSize()?.width ?? 1280) >= 768) return;
  await page.getByRole('button', { name: 'Menu', exact: true }).click();
  await expect(page.getByRole('dialog', { name: 'Menu' })).toBeVisible();
}

/** True in the phone project (390 px wide): the flows that differ there branch on it. */
export function isPhone(page: Page): boolean {
  return (page.viewportSize()?.width ?? 1280) < 640;
}

/** A unique, readable suffix so tests never collide on names in the shared sandbox. */
export function uniqueSuffix(): string {
  return `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
}

/** Direct HTTP access to the sandbox and the reference vault, for arranging and checking state. */
export class SandboxApi {
  constructor(private readonly request: APIRequestContext) {}

  readonly skyvernUrl = SKYVERN_URL;
  readonly vaultUrl = VAULT_URL;
  readonly vaultToken = VAULT_TOKEN;

  async createCredential(body: unknown): Promise<{ credential_id: string; name: string }> {
    const response = await this.request.post(`${SKYVERN_URL}/v1/credentials`, {
      headers: { 'x-api-key': API_KEY },
      data: body,
    });
    expect(response.status(), await response.text()).toBe(201);
    return (await response.json()) as { credential_id: string; name: string };
  }

  async listCredentials(
    query: Record<string, string | number> = {},
  ): Promise<Array<{ credential_id: string; name: string }>> {
    const params = new URLSearchParams(
      Object.entries({ page: 1, page_size: 200, ...query }).map(([key, value]) => [
        key,
        String(value),
      ]),
    );
    const response = await this.request.get(`${SKYVERN_URL}/v1/credentials?${params}`, {
      headers: { 'x-api-key': API_KEY },
    });
    expect(response.ok()).toBe(true);
    return (await response.json()) as Array<{ credential_id: string; name: string }>;
  }

  async totpCode(credentialId: string): Promise<{ code: string; seconds_remaining: number }> {
    const response = await this.request.get(
      `${SKYVERN_URL}/v1/credentials/${credentialId}/totp-code`,
      {
        headers: { 'x-api-key': API_KEY },
      },
    );
    expect(response.status(), await response.text()).toBe(200);
    return (await response.json()) as { code: string; seconds_remaining: number };
  }

  /** Items held by the reference custom credential service (no secrets in the listing). */
  async vaultItems(): Promise<Array<{ id: string; name: string; type: string }>> {
    const response = await this.request.get(VAULT_URL, {
      headers: { Authorization: `Bearer ${VAULT_TOKEN}` },
    });
    expect(response.ok()).toBe(true);
    return ((await response.json()) as { items: Array<{ id: string; name: string; type: string }> })
      .items;
  }

  /** Test-only fault injection (the sandbox runs with SANDBOX_TEST_CONTROL=1 in e2e). */
  async injectFault(fault: {
    delayMs?: number;
    status?: number;
    pathPrefix?: string;
    /** Only requests of this method, e.g. 'POST' so a bulk delete's list refresh is not hit. */
    method?: string;
    count?: number;
    /** The `detail` of the error body, e.g. Skyvern's revoked-key text. */
    detail?: string;
  }) {
    const response = await this.request.post(`${SKYVERN_URL}/__sandbox/faults`, { data: fault });
    expect(response.ok()).toBe(true);
  }

  async clearFaults() {
    await this.request.delete(`${SKYVERN_URL}/__sandbox/faults`);
  }

  async clearCustomCredentialService() {
    await this.request.delete(`${SKYVERN_URL}/v1/credentials/custom_credential`, {
      headers: { 'x-api-key': API_KEY },
    });
  }
}
