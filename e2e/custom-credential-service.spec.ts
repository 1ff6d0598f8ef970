import type { APIRequestContext, Page } from '@playwright/test';
import {
  expect,
  expectNoAxeViolations,
  expectNoSecretLeaks,
  test,
  uniqueSuffix,
  type PageRecord,
  type SandboxApi,
  followNav,
} from './support/fixtures';
import { API_KEY, SKYVERN_URL } from './support/env';

/*
 * Settings → Custom Credential Service against the sandbox and its reference custom credential
 * service. Every test starts and ends with nothing configured, so they do not depend on each other.
 */

const PAGE = '/settings/custom-credential-service';
const DEAD_URL = 'http://127.0.0.1:9/api/v1/credentials';
const WRONG_TOKEN = 'wrong-token-for-the-reference-service';

/** Set E2E_SCREENSHOT_DIR to keep a PNG of each state for review. */
async function shot(page: Page, name: string) {
  const dir = process.env.E2E_SCREENSHOT_DIR;
  if (dir) await page.screenshot({ path: `${dir}/${name}.png`, fullPage: true });
}

function lastFour(token: string): string {
  return token.slice(-4);
}

/** Arranges a saved configuration over HTTP (K2), as another admin would have. */
async function configureOverApi(request: APIRequestContext, sandbox: SandboxApi) {
  const response = await request.post(`${SKYVERN_URL}/v1/credentials/custom_credential/create`, {
    headers: { 'x-api-key': API_KEY },
    data: { config: { api_base_url: sandbox.vaultUrl, api_token: sandbox.vaultToken } },
  });
  expect(response.status(), await response.text()).toBe(200);
}

/**
 * A token typed but not saved legitimately sits in the open form. The flow ends by leaving the
 * page in-app (the react-query cache survives, the form unmounts); nothing may remain anywhere.
 */
async function leaveAndCheck(
  page: Page,
  record: PageRecord,
  secrets: string[],
  { unsaved = false } = {},
) {
  await followNav(page, 'Connection');
  // A form still holding a typed token asks before it is dropped.
  if (unsaved) {
    await page
      .getByRole('alertdialog', { name: 'Discard changes?' })
      .getByRole('button', { name: 'Discard' })
      .click();
  }
  await expect(page.getByRole('heading', { name: 'Connection', level: 1 })).toBeVisible();
  await expectNoSecretLeaks(page, record, secrets);
}

async function fill(page: Page, url: string, token: string) {
  await page.getByLabel(/^API Base URL/).fill(url);
  await page.getByLabel(/^API Token/).fill(token);
}

test.describe('Custom Credential Service', () => {
  test.beforeEach(async ({ sandbox, record }) => {
    // Skyvern answers "not configured" with a 404 (contract 5.1) and a failed test with a 400
    // (5.3): Chromium logs both as failed resource loads. Nothing else may reach the console.
    record.allowedConsoleErrors.push(
      /Failed to load resource: the server responded with a status of 40[04]/,
    );
    await sandbox.clearCustomCredentialService();
  });
  test.afterEach(async ({ sandbox }) => {
    await sandbox.clearCustomCredentialService();
  });

  test('configure: tests pass and fail in words, save, and a reload shows only the mask', async ({
    page,
    record,
    sandbox,
  }) => {
    await page.goto(PAGE);
    await expect(page.getByText('Not configured')).toBeVisible();
    await expect(page.getByLabel(/^API Base URL/)).toHaveValue('');
    await expect(page.getByLabel(/^API Token/)).toHaveAttribute('type', 'password');
    await expectNoAxeViolations(page, 'main');
    await shot(page, '01-not-configured');

    // The reference service with its token: the test passes.
    await fill(page, sandbox.vaultUrl, sandbox.vaultToken);
    await page.getByRole('button', { name: 'Test Connection' }).click();
    const result = page.getByTestId('ccs-test-result');
    await expect(result).toContainText('Connection successful');
    await expect(result).toHaveAttribute('data-outcome', 'success');
    await expectNoAxeViolations(page, 'main');
    await shot(page, '02-test-success');

    // A wrong token: the service answers 401.
    await page.getByLabel(/^API Token/).fill(WRONG_TOKEN);
    await expect(result).toBeHidden();
    await page.getByRole('button', { name: 'Test Connection' }).click();
    await expect(result).toContainText('The service refused the token (HTTP 401)');
    await expectNoAxeViolations(page, 'main');
    await shot(page, '03-test-wrong-token');

    // A port nothing listens on: unreachable.
    await fill(page, DEAD_URL, sandbox.vaultToken);
    await page.getByRole('button', { name: 'Test Connection' }).click();
    await expect(result).toContainText('Skyvern could not reach the service', {
      timeout: 20_000,
    });
    await shot(page, '04-test-unreachable');

    // Nothing was saved by testing.
    await expect(page.getByText('Not configured')).toBeVisible();

    // Save the working values.
    await fill(page, sandbox.vaultUrl, sandbox.vaultToken);
    await page.getByRole('button', { name: 'Update Configuration' }).click();
    await expect(page.getByText('Configured', { exact: true })).toBeVisible();
    const status = page.getByRole('region', { name: 'Current configuration' });
    await expect(status).toContainText(sandbox.vaultUrl);
    await expect(status).toContainText(`••••••••${lastFour(sandbox.vaultToken)}`);
    await expect(page.getByLabel(/^API Token/)).toHaveValue('');
    await expect(page.getByLabel(/^API Base URL/)).toHaveValue(sandbox.vaultUrl);
    await expectNoSecretLeaks(page, record, [sandbox.vaultToken, WRONG_TOKEN]);
    await expectNoAxeViolations(page, 'main');
    await shot(page, '05-configured');

    // A fresh load: the status comes from Skyvern (which returns the token in clear); only the
    // mask reaches the page.
    await page.reload();
    await expect(status).toContainText(`••••••••${lastFour(sandbox.vaultToken)}`);
    await expect(page.getByLabel(/^API Token/)).toHaveValue('');
    expect(await page.content()).not.toContain(sandbox.vaultToken);
    await expectNoSecretLeaks(page, record, [sandbox.vaultToken, WRONG_TOKEN]);
  });

  test('a service without GET on its base URL gets the 404/405 explanation', async ({
    page,
    record,
    sandbox,
  }) => {
    await page.goto(PAGE);
    // A path the reference service does not serve: reachable, but not a 2xx.
    const wrongPath = sandbox.vaultUrl.replace(/\/credentials$/, '/no-such-collection');
    await fill(page, wrongPath, sandbox.vaultToken);
    await page.getByRole('button', { name: 'Test Connection' }).click();
    const result = page.getByTestId('ccs-test-result');
    await expect(result).toContainText(/Reachable, but the service answered HTTP 40[45]/);
    await expect(result).toHaveAttribute('data-outcome', 'warning');
    await expectNoAxeViolations(page, 'main');
    await shot(page, '06-test-404-warning');
    await leaveAndCheck(page, record, [sandbox.vaultToken], { unsaved: true });
  });

  test('a host outside Skyvern’s ALLOWED_HOSTS is explained', async ({ page, record, sandbox }) => {
    await page.goto(PAGE);
    await fill(page, 'http://10.255.255.1/api/v1/credentials', sandbox.vaultToken);
    await page.getByRole('button', { name: 'Test Connection' }).click();
    const result = page.getByTestId('ccs-test-result');
    await expect(result).toContainText("Skyvern's host rules refuse this URL");
    await expect(result).toContainText(`ALLOWED_HOSTS='["10.255.255.1"]'`);
    await shot(page, '07-test-host-blocked');
    await leaveAndCheck(page, record, [sandbox.vaultToken], { unsaved: true });
  });

  test('a password credential stored in the custom service lands there, and its delete removes it', async ({
    page,
    record,
    request,
    sandbox,
  }) => {
    const name = `Custom vault login ${uniqueSuffix()}`;
    const password = `custom-vault-password-${uniqueSuffix()}`;
    await configureOverApi(request, sandbox);

    await page.goto('/credentials');
    await page.getByRole('button', { name: 'New credential' }).click();
    const dialog = page.getByRole('dialog', { name: 'New credential' });
    await dialog.getByLabel(/^Name\*?$/).fill(name);
    await dialog.getByLabel(/^Username\*?$/).fill('ops@example.com');
    await dialog.getByLabel(/^Password\*?$/).fill(password);
    const vault = dialog.getByRole('group', { name: 'Store the secret in' });
    await expect(vault.getByRole('radio', { name: /Skyvern/ })).toBeChecked();
    await expect(vault).toContainText(sandbox.vaultUrl);
    await vault.getByRole('radio', { name: /Custom Credential Service/ }).check();
    await expectNoAxeViolations(page, '[role="dialog"]');
    await shot(page, '09-create-in-custom-vault');
    await dialog.getByRole('button', { name: 'Create credential' }).click();

    const created = page.getByRole('dialog', { name: 'Credential created' });
    await expect(created).toContainText('stored in Custom Credential Service');
    const credentialId = (await created.getByTestId('new-credential-id').textContent())?.trim();
    expect(credentialId).toMatch(/^cred_\d+$/);
    await created.getByRole('button', { name: 'Done' }).click();

    // The reference service holds the item, under the credential's name.
    const items = await sandbox.vaultItems();
    expect(items).toContainEqual(expect.objectContaining({ name, type: 'password' }));
    const row = page.getByRole('row', { name: new RegExp(name) });
    await expect(row).toContainText('Custom Credential Service');
    await expectNoSecretLeaks(page, record, [password, sandbox.vaultToken]);

    // Delete through the UI: Skyvern deletes the item from the service first (contract 6.3).
    await row.getByRole('button', { name: `Actions for ${name}` }).click();
    await page.getByRole('menuitem', { name: 'Delete' }).click();
    const confirm = page.getByRole('dialog', { name: `Delete ${name}?` });
    await confirm.getByRole('button', { name: 'Delete', exact: true }).click();
    await expect(confirm).toBeHidden();
    await expect(page.getByRole('row', { name: new RegExp(name) })).toHaveCount(0);
    expect((await sandbox.vaultItems()).map((item) => item.name)).not.toContain(name);
    expect((await sandbox.listCredentials()).map((item) => item.credential_id)).not.toContain(
      credentialId,
    );
    await expectNoSecretLeaks(page, record, [password, sandbox.vaultToken]);
  });

  test('clear: behind a confirmation that says workflows stop resolving credentials', async ({
    page,
    record,
    request,
    sandbox,
  }) => {
    await configureOverApi(request, sandbox);
    await page.goto(PAGE);
    await expect(page.getByText('Configured', { exact: true })).toBeVisible();

    await page.getByRole('button', { name: 'Clear Configuration' }).click();
    const dialog = page.getByRole('dialog', { name: 'Clear the custom credential service?' });
    await expect(dialog).toBeVisible();
    await expect(dialog).toContainText(
      'Workflows using the custom credential service will stop resolving credentials',
    );
    await expect(dialog.getByRole('button', { name: 'Cancel' })).toBeFocused();
    await expectNoAxeViolations(page, '[role="dialog"]');
    await shot(page, '08-clear-dialog');

    // Escape cancels and returns focus to the button.
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
    await expect(page.getByRole('button', { name: 'Clear Configuration' })).toBeFocused();

    await page.getByRole('button', { name: 'Clear Configuration' }).click();
    await dialog.getByRole('button', { name: 'Clear configuration' }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByText('Not configured')).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Current configuration' })).toBeFocused();
    await expect(page.getByLabel(/^API Base URL/)).toHaveValue('');

    const check = await request.get(`${SKYVERN_URL}/v1/credentials/custom_credential/get`, {
      headers: { 'x-api-key': API_KEY },
    });
    expect(check.status()).toBe(404);
    await expectNoSecretLeaks(page, record, [sandbox.vaultToken]);
    await expectNoAxeViolations(page, 'main');
  });
});
