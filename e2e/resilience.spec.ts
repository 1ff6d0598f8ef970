import type { Locator, Page } from '@playwright/test';
import {
  expect,
  expectNoSecretLeaks,
  field,
  test,
  uniqueSuffix,
  followNav,
} from './support/fixtures';
import { SKYVERN_URL } from './support/env';

/*
 * The console with Skyvern slowed, failing (500) and stopped, during list, create, edit, delete
 * and Test Connection. Every case checks that the user sees what happened and a way to retry,
 * that nothing typed is lost, and that a retry does not create a duplicate.
 *
 * "Stopped" is the browser's view of a dead server: every request to Skyvern is refused at the
 * network level (Playwright aborts it), so the shared sandbox keeps serving the other tests.
 */

const NETWORK_NOISE = [/Failed to load resource/, /CORS policy/, /net::ERR_/];

async function stopSkyvern(page: Page) {
  await page.route(`${SKYVERN_URL}/**`, (route) => route.abort('connectionrefused'));
}

async function restartSkyvern(page: Page) {
  await page.unroute(`${SKYVERN_URL}/**`);
}

async function openNewPassword(page: Page, name: string, password: string) {
  await page.goto('/credentials');
  await expect(page.getByRole('heading', { level: 1, name: 'Credentials' })).toBeVisible();
  await page.getByRole('button', { name: /New credential/ }).click();
  const dialog = page.getByRole('dialog', { name: 'New credential' });
  await field(dialog, 'Name').fill(name);
  await field(dialog, 'Username').fill('resilience@example.com');
  await field(dialog, 'Password').fill(password);
  return dialog;
}

async function expectTypedInputKept(dialog: Locator, name: string, password: string) {
  await expect(field(dialog, 'Name')).toHaveValue(name);
  await expect(field(dialog, 'Username')).toHaveValue('resilience@example.com');
  await expect(field(dialog, 'Password')).toHaveValue(password);
}

test.describe('resilience', () => {
  test.beforeEach(({ record }) => {
    record.allowedConsoleErrors.push(...NETWORK_NOISE);
  });
  test.afterEach(async ({ sandbox }) => {
    await sandbox.clearFaults();
  });

  test('list: slowed shows a loading state, then the list', async ({ page, sandbox }) => {
    const name = `Slow list ${uniqueSuffix()}`;
    await sandbox.createCredential({
      name,
      credential_type: 'secret',
      credential: { secret_value: 'slow-list-secret' },
    });
    await sandbox.injectFault({ delayMs: 2500, pathPrefix: '/v1/credentials', count: 1 });
    await page.goto(`/credentials?search=${encodeURIComponent(name)}`);
    await expect(
      page.getByRole('status').filter({ hasText: 'Loading credentials' }),
    ).toBeAttached();
    await expect(page.getByText(name).first()).toBeVisible({ timeout: 10_000 });
  });

  test('list: stopped says Skyvern is unreachable and recovers on retry', async ({ page }) => {
    await stopSkyvern(page);
    await page.goto('/credentials');
    // The folder panel reports the same outage in its own alert; this is the list's.
    const alert = page.getByRole('region', { name: 'Credential list' }).getByRole('alert');
    await expect(alert).toContainText('The credentials could not be loaded');
    await expect(alert).toContainText(/Could not reach Skyvern/);
    await restartSkyvern(page);
    await alert.getByRole('button', { name: 'Try again' }).click();
    await expect(alert).toBeHidden();
    // The list, or its empty state when this test runs on its own against a fresh sandbox.
    await expect(
      page
        .getByRole('table', { name: 'Credentials' })
        .or(page.getByRole('heading', { name: 'No credentials yet' })),
    ).toBeVisible();
  });

  test('create: slowed shows progress and a second press sends nothing more', async ({
    page,
    record,
    sandbox,
  }) => {
    const name = `Slow create ${uniqueSuffix()}`;
    const password = `slow-${uniqueSuffix()}`;
    const dialog = await openNewPassword(page, name, password);
    await sandbox.injectFault({ delayMs: 5000, pathPrefix: '/v1/credentials', count: 1 });
    const create = dialog.getByRole('button', { name: 'Create credential' });
    await create.click();
    await expect(create).toBeDisabled();
    await expect(create).toHaveAttribute('aria-busy', 'true');
    await create.click({ force: true }).catch(() => {});
    await expect(page.getByRole('dialog', { name: 'Credential created' })).toBeVisible({
      timeout: 10_000,
    });
    expect(await sandbox.listCredentials({ search: name })).toHaveLength(1);
    await expectNoSecretLeaks(page, record, [password]);
  });

  test('create: a 500 keeps the input; the retry creates exactly one', async ({
    page,
    record,
    sandbox,
  }) => {
    const name = `Failing create ${uniqueSuffix()}`;
    const password = `fail-${uniqueSuffix()}`;
    const dialog = await openNewPassword(page, name, password);
    await sandbox.injectFault({ status: 500, pathPrefix: '/v1/credentials', count: 1 });
    await dialog.getByRole('button', { name: 'Create credential' }).click();
    // Skyvern's 500 carries no CORS headers, but this tab has read its answers before: a crash,
    // not a CORS setting.
    await expect(dialog.getByRole('alert')).toContainText('may have crashed');
    await expect(dialog.getByRole('alert')).not.toContainText('ALLOWED_ORIGINS');
    await expectTypedInputKept(dialog, name, password);
    await dialog.getByRole('button', { name: 'Try again' }).click();
    await expect(page.getByRole('dialog', { name: 'Credential created' })).toBeVisible();
    expect(await sandbox.listCredentials({ search: name })).toHaveLength(1);
    await expectNoSecretLeaks(page, record, [password]);
  });

  test('create: stopped keeps the input; after a restart the retry creates exactly one', async ({
    page,
    record,
    sandbox,
  }) => {
    const name = `Stopped create ${uniqueSuffix()}`;
    const password = `stopped-${uniqueSuffix()}`;
    const dialog = await openNewPassword(page, name, password);
    await stopSkyvern(page);
    await dialog.getByRole('button', { name: 'Create credential' }).click();
    await expect(dialog.getByRole('alert')).toContainText(/Could not reach Skyvern/);
    await expectTypedInputKept(dialog, name, password);
    await restartSkyvern(page);
    await dialog.getByRole('button', { name: 'Try again' }).click();
    await expect(page.getByRole('dialog', { name: 'Credential created' })).toBeVisible();
    expect(await sandbox.listCredentials({ search: name })).toHaveLength(1);
    await expectNoSecretLeaks(page, record, [password]);
  });

  test('edit: stopped keeps every re-typed secret', async ({ page, record, sandbox }) => {
    const name = `Stopped edit ${uniqueSuffix()}`;
    const secret = `stopped-edit-${uniqueSuffix()}`;
    await sandbox.createCredential({
      name,
      credential_type: 'secret',
      credential: { secret_value: 'before-the-edit', secret_label: 'label' },
    });
    await page.goto(`/credentials?search=${encodeURIComponent(name)}`);
    await page.getByRole('button', { name: `Edit ${name}` }).click();
    const dialog = page.getByRole('dialog', { name: `Edit ${name}` });
    await field(dialog, 'Secret value').fill(secret);
    await stopSkyvern(page);
    await dialog.getByRole('button', { name: 'Save changes' }).click();
    await expect(dialog.getByRole('alert')).toContainText(/Could not reach Skyvern/);
    await expect(field(dialog, 'Secret value')).toHaveValue(secret);
    await restartSkyvern(page);
    await dialog.getByRole('button', { name: 'Try again' }).click();
    await expect(dialog).toBeHidden();
    await expectNoSecretLeaks(page, record, [secret, 'before-the-edit']);
  });

  test('delete: a 500 leaves the credential and says so; deleting again works', async ({
    page,
    sandbox,
  }) => {
    const name = `Failing delete ${uniqueSuffix()}`;
    const { credential_id } = await sandbox.createCredential({
      name,
      credential_type: 'secret',
      credential: { secret_value: 'delete-me-later' },
    });
    await page.goto(`/credentials?search=${encodeURIComponent(name)}`);
    await page.getByRole('button', { name: `Actions for ${name}` }).click();
    await page.getByRole('menuitem', { name: 'Delete' }).click();
    const dialog = page.getByRole('dialog', { name: `Delete ${name}?` });
    await sandbox.injectFault({
      status: 500,
      pathPrefix: `/v1/credentials/${credential_id}/delete`,
      count: 1,
    });
    await dialog.getByRole('button', { name: 'Delete', exact: true }).click();
    await expect(dialog.getByRole('alert')).toBeVisible();
    expect(await sandbox.listCredentials({ search: name })).toHaveLength(1);
    await dialog.getByRole('button', { name: 'Delete', exact: true }).click();
    await expect(dialog).toBeHidden();
    expect(await sandbox.listCredentials({ search: name })).toHaveLength(0);
  });

  test('delete: stopped leaves the credential; after a restart the delete goes through', async ({
    page,
    sandbox,
  }) => {
    const name = `Stopped delete ${uniqueSuffix()}`;
    await sandbox.createCredential({
      name,
      credential_type: 'secret',
      credential: { secret_value: 'delete-me-later' },
    });
    await page.goto(`/credentials?search=${encodeURIComponent(name)}`);
    await page.getByRole('button', { name: `Actions for ${name}` }).click();
    await page.getByRole('menuitem', { name: 'Delete' }).click();
    const dialog = page.getByRole('dialog', { name: `Delete ${name}?` });
    await stopSkyvern(page);
    await dialog.getByRole('button', { name: 'Delete', exact: true }).click();
    await expect(dialog.getByRole('alert')).toContainText(/Could not reach Skyvern/);
    expect(await sandbox.listCredentials({ search: name })).toHaveLength(1);
    await restartSkyvern(page);
    await dialog.getByRole('button', { name: 'Delete', exact: true }).click();
    await expect(dialog).toBeHidden();
    expect(await sandbox.listCredentials({ search: name })).toHaveLength(0);
  });

  test('Test Connection: Skyvern failing, slowed or stopped is told apart from the service', async ({
    page,
    record,
    sandbox,
  }) => {
    await sandbox.clearCustomCredentialService();
    // The service's real token, so that once Skyvern answers the test can succeed.
    const token = sandbox.vaultToken;
    await page.goto('/settings/custom-credential-service');
    await field(page, 'API Base URL').fill(sandbox.vaultUrl);
    await field(page, 'API Token').fill(token);

    // 500 from Skyvern itself.
    await sandbox.injectFault({
      status: 500,
      pathPrefix: '/v1/credentials/custom_credential/test_connection',
      count: 1,
    });
    await page.getByRole('button', { name: 'Test Connection' }).click();
    const failure = page.getByRole('alert').filter({ hasText: 'The test could not run' });
    await expect(failure).toBeVisible();
    await expect(field(page, 'API Token')).toHaveValue(token);

    // Slowed: progress, and no second press.
    await sandbox.injectFault({
      delayMs: 2000,
      pathPrefix: '/v1/credentials/custom_credential/test_connection',
      count: 1,
    });
    await page.getByRole('button', { name: 'Test Connection' }).click();
    await expect(page.getByRole('button', { name: 'Testing…' })).toBeDisabled();
    await expect(page.getByText('Connection successful')).toBeVisible({
      timeout: 10_000,
    });

    // Stopped.
    await stopSkyvern(page);
    await page.getByRole('button', { name: 'Test Connection' }).click();
    await expect(failure).toBeVisible();
    await expect(field(page, 'API Token')).toHaveValue(token);
    await restartSkyvern(page);

    // Leave the form (the typed token legitimately sits there) before checking for leaks.
    await followNav(page, 'Credentials');
    // The form still holds the typed values: leaving asks first.
    await page
      .getByRole('alertdialog', { name: 'Discard changes?' })
      .getByRole('button', { name: 'Discard' })
      .click();
    await expect(page.getByRole('heading', { level: 1, name: 'Credentials' })).toBeVisible();
    await expectNoSecretLeaks(page, record, [token]);
  });
});
