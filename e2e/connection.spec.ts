import { expect, expectNoAxeViolations, test } from './support/fixtures';
import { API_KEY, CONSOLE_PORT, CONSOLE_URL, SKYVERN_URL } from './support/env';

test.describe('Connection', () => {
  test('is preconfigured for the sandbox and the test passes', async ({ page }) => {
    await page.goto('/settings/connection');
    await expect(page.getByLabel('Skyvern API URL')).toHaveValue(SKYVERN_URL);
    await page.getByRole('button', { name: 'Test connection' }).click();
    await expect(page.getByText('Connected. Skyvern accepted the key.')).toBeVisible();
    await expectNoAxeViolations(page);
  });

  test('the saved key is never put back into an input; a new one is masked, in sessionStorage only', async ({
    page,
    record,
  }) => {
    await page.goto('/settings/connection');
    await expect(page.getByText(`Key set (ends …${API_KEY.slice(-4)})`)).toBeVisible();
    const values = await page.$$eval('input', (inputs) => inputs.map((input) => input.value));
    expect(values).not.toContain(API_KEY);
    expect(await page.content()).not.toContain(API_KEY);

    await page.getByRole('button', { name: 'Replace key' }).click();
    const key = page.getByLabel('New API key', { exact: true });
    await expect(key).toBeFocused();
    await expect(key).toHaveValue('');
    await expect(key).toHaveAttribute('type', 'password');
    await page.getByRole('button', { name: 'Show API key' }).click();
    await expect(key).toHaveAttribute('type', 'text');
    await page.getByRole('button', { name: 'Hide API key' }).click();
    await expectNoAxeViolations(page);
    const stores = await page.evaluate(() => ({
      local: JSON.stringify(localStorage),
      session: JSON.stringify(sessionStorage),
    }));
    expect(stores.local).not.toContain(API_KEY);
    expect(stores.session).toContain(API_KEY);
    expect(record.consoleMessages.join('\n')).not.toContain(API_KEY);
  });

  test('Forget key survives a reload: the sandbox key is not adopted again in this tab', async ({
    page,
    record,
  }) => {
    record.allowedConsoleErrors.push(/status of 403/);
    await page.goto('/settings/connection');
    await page.getByRole('button', { name: 'Forget key' }).click();
    await expect(page.getByLabel('API key', { exact: true })).toHaveValue('');
    await page.reload();
    await expect(page.getByRole('heading', { level: 1, name: 'Connection' })).toBeVisible();
    await expect(page.getByLabel('API key', { exact: true })).toHaveValue('');
    await expect(page.getByText(/Key set/)).toHaveCount(0);
    const session = await page.evaluate(() => JSON.stringify(sessionStorage));
    expect(session).not.toContain(API_KEY);
  });

  test('a wrong key is reported as such', async ({ page, record }) => {
    record.allowedConsoleErrors.push(/status of 403/);
    await page.goto('/settings/connection');
    await page.getByRole('button', { name: 'Replace key' }).click();
    await page.getByLabel('New API key', { exact: true }).fill('not-the-key');
    await page.getByRole('button', { name: 'Test connection' }).click();
    await expect(page.getByRole('alert')).toContainText('Wrong API key');
  });

  test('a server that is not Skyvern is reported as such', async ({ page, record }) => {
    record.allowedConsoleErrors.push(/status of 404/);
    await page.goto('/settings/connection');
    // The console's own origin answers every path with its index.html.
    await page.getByLabel('Skyvern API URL').fill(CONSOLE_URL);
    await page.getByRole('button', { name: 'Test connection' }).click();
    await expect(page.getByRole('alert')).toContainText('This does not look like Skyvern');
  });

  test('an unreachable server is reported as such', async ({ page, record }) => {
    record.allowedConsoleErrors.push(/Failed to load resource|ERR_CONNECTION_REFUSED/);
    await page.goto('/settings/connection');
    await page.getByLabel('Skyvern API URL').fill('http://127.0.0.1:9');
    await page.getByRole('button', { name: 'Test connection' }).click();
    await expect(page.getByRole('alert')).toContainText('Skyvern is unreachable');
  });

  test("a URL outside the console's Content-Security-Policy is explained", async ({
    page,
    record,
  }) => {
    record.allowedConsoleErrors.push(/Content Security Policy|Failed to load resource/);
    await page.goto('/settings/connection');
    await page.getByLabel('Skyvern API URL').fill('http://127.0.0.1:10');
    await page.getByRole('button', { name: 'Test connection' }).click();
    const alert = page.getByRole('alert');
    await expect(alert).toContainText('This console may not connect there');
    await expect(alert).toContainText('connect-src');
  });

  test('a browser-blocked (CORS) response names this origin and ALLOWED_ORIGINS', async ({
    page,
    record,
  }) => {
    record.allowedConsoleErrors.push(/CORS|Failed to load resource|Access-Control/);
    // The sandbox only allows the 127.0.0.1 origin; the same console on "localhost" is refused.
    const otherOrigin = `http://localhost:${CONSOLE_PORT}`;
    await page.goto(`${otherOrigin}/settings/connection`);
    // The sandbox key is adopted in this tab too; it is used without being shown.
    await expect(page.getByText(/Key set/)).toBeVisible();
    await page.getByRole('button', { name: 'Test connection' }).click();
    const alert = page.getByRole('alert');
    await expect(alert).toContainText('The browser blocked the response');
    await expect(alert).toContainText(otherOrigin);
    await expect(alert).toContainText('ALLOWED_ORIGINS');
  });

  test('invalid input is explained at the field', async ({ page }) => {
    await page.goto('/settings/connection');
    await page.getByLabel('Skyvern API URL').fill('localhost:8000');
    await page.getByRole('button', { name: 'Forget key' }).click();
    await page.getByRole('button', { name: 'Save' }).click();
    await expect(page.getByText('Enter an absolute http:// or https:// URL')).toBeVisible();
    await expect(page.getByText('Enter the API key')).toBeVisible();
  });
});
