import type { Locator, Page } from '@playwright/test';
import {
  expect,
  expectNoAxeViolations,
  expectNoSecretLeaks,
  field,
  test,
  uniqueSuffix,
  type SandboxApi,
} from './support/fixtures';
import { API_KEY, SKYVERN_URL, VAULT_TOKEN, VAULT_URL } from './support/env';

/*
 * Credentials against the real sandbox: create each type, find, page, rename, edit (including a
 * failed edit), delete, with axe on every screen and dialog and a secret-leak check at the end of
 * every flow that typed a secret.
 */

const TOTP_KEY = 'JBSW Y3DP EHPK 3PXP';
// A blocked 500 (no CORS headers) is what Skyvern's unhandled errors look like to a browser.
const BLOCKED_RESPONSE = [/CORS policy/, /Failed to load resource/, /net::ERR_FAILED/];
// The create form asks whether a custom credential service is configured; Skyvern answers 404
// when none is, and the browser logs that.
const NO_CUSTOM_SERVICE = /Failed to load resource: the server responded with a status of 404/;

async function openList(page: Page, query = '') {
  await page.goto(`/credentials${query}`);
  await expect(page.getByRole('heading', { level: 1, name: 'Credentials' })).toBeVisible();
}

async function openNewCredential(page: Page) {
  await page.getByRole('button', { name: /New credential/ }).click();
  const dialog = page.getByRole('dialog', { name: 'New credential' });
  await expect(dialog).toBeVisible();
  return dialog;
}

async function chooseType(dialog: Locator, type: 'Password' | 'Credit card' | 'Secret') {
  await dialog
    .getByRole('group', { name: 'Type' })
    .getByRole('radio', { name: new RegExp(`^${type}`) })
    .check();
}

async function finishCreate(page: Page, dialog: Locator): Promise<string> {
  await dialog.getByRole('button', { name: 'Create credential' }).click();
  const created = page.getByRole('dialog', { name: 'Credential created' });
  await expect(created).toBeVisible();
  const id = (await created.getByTestId('new-credential-id').textContent()) ?? '';
  expect(id).toMatch(/^cred_\d+$/);
  await created.getByRole('button', { name: 'Done' }).click();
  await expect(created).toBeHidden();
  return id;
}

function nextYear() {
  return String(new Date().getFullYear() + 2);
}

async function arrangePassword(sandbox: SandboxApi, name: string, totp = false) {
  return sandbox.createCredential({
    name,
    credential_type: 'password',
    credential: {
      username: `${name.toLowerCase().replace(/\W+/g, '.')}@example.com`,
      password: 'arranged-password-1',
      ...(totp ? { totp: 'JBSWY3DPEHPK3PXP', totp_type: 'authenticator' } : {}),
    },
  });
}

/**
 * Toasts fade in and out over the page; axe measures their contrast mid-animation. They are
 * checked where they appear, so they are dismissed before checking the page under them.
 */
async function dismissToasts(page: Page) {
  const toasts = page.locator('[data-sonner-toast]');
  for (const close of await page.getByRole('button', { name: 'Close toast' }).all()) {
    await close.click({ force: true }).catch(() => {});
  }
  await expect(toasts).toHaveCount(0);
}

/** Opens the row's "Actions for …" menu and chooses `action` (Rename, Delete, …). */
async function chooseRowAction(page: Page, name: string, action: string) {
  await page.getByRole('button', { name: `Actions for ${name}` }).click();
  await page
    .getByRole('menu', { name: `Actions for ${name}` })
    .getByRole('menuitem', { name: action })
    .click();
}

function rows(page: Page) {
  return page.getByRole('table', { name: 'Credentials' }).locator('tbody tr');
}

test.describe('Credentials', () => {
  // A 404 is an answer these flows expect (no custom service configured, a deleted credential).
  test.beforeEach(({ record }) => {
    record.allowedConsoleErrors.push(NO_CUSTOM_SERVICE);
  });

  test('creates one of each type, then finds them by search and type filter', async ({
    page,
    record,
  }) => {
    // Three creates, a dozen axe passes and a detail page: longer than one flow's default budget.
    test.slow();
    const suffix = uniqueSuffix();
    const password = `Pw ${suffix} correct horse`;
    const cardNumber = '4242424242424242';
    const cvv = '737';
    const secretValue = `sk_live_${suffix}_value`;

    await openList(page);
    await expectNoAxeViolations(page);

    // Password with an authenticator key.
    let dialog = await openNewCredential(page);
    await expectNoAxeViolations(page, '[role="dialog"]');
    await field(dialog, 'Name').fill(`Acme portal ${suffix}`);
    await field(dialog, 'Username').fill(`jane.${suffix}@example.com`);
    await field(dialog, 'Password').fill(password);
    await dialog.getByRole('radio', { name: 'Authenticator app' }).check();
    await field(dialog, 'Authenticator key').fill(TOTP_KEY);
    await expectNoAxeViolations(page, '[role="dialog"]');
    await finishCreate(page, dialog);

    // Credit card, with a typo first.
    dialog = await openNewCredential(page);
    await chooseType(dialog, 'Credit card');
    await field(dialog, 'Name').fill(`Company card ${suffix}`);
    await field(dialog, 'Cardholder name').fill('Jane Doe');
    await field(dialog, 'Card number').fill('4242424242424241');
    await dialog.getByRole('button', { name: 'Create credential' }).click();
    await expect(dialog.getByText(/check digit does not match/)).toBeVisible();
    await expectNoAxeViolations(page, '[role="dialog"]');
    await field(dialog, 'Card number').fill(cardNumber);
    await expect(field(dialog, 'Card number')).toHaveValue('4242 4242 4242 4242');
    await expect(field(dialog, 'Card brand')).toHaveValue('Visa');
    await field(dialog, 'Expiry month').selectOption('09');
    await field(dialog, 'Expiry year').fill(nextYear());
    await field(dialog, 'CVV').fill(cvv);
    await dialog.getByText('Billing details (optional)').click();
    await field(dialog, 'Postal code').fill('94107');
    await expectNoAxeViolations(page, '[role="dialog"]');
    await finishCreate(page, dialog);

    // Secret.
    dialog = await openNewCredential(page);
    await chooseType(dialog, 'Secret');
    await field(dialog, 'Name').fill(`Billing API ${suffix}`);
    await field(dialog, 'Secret label').fill(`Billing key ${suffix}`);
    await field(dialog, 'Secret value').fill(secretValue);
    await expectNoAxeViolations(page, '[role="dialog"]');
    await finishCreate(page, dialog);

    // Find all three by search; the URL carries the search.
    await page.getByLabel('Search').fill(suffix);
    await expect(page).toHaveURL(new RegExp(`search=${suffix}`));
    await expect(rows(page)).toHaveCount(3);
    await expect(rows(page).filter({ hasText: `Company card ${suffix}` })).toContainText(
      'Visa •••• 4242',
    );
    await expect(rows(page).filter({ hasText: `Acme portal ${suffix}` })).toContainText(
      'Authenticator app',
    );

    // Filter by type, then back restores the unfiltered search.
    await page.getByLabel('Type').selectOption('credit_card');
    await expect(rows(page)).toHaveCount(1);
    await expect(rows(page).first()).toContainText(`Company card ${suffix}`);
    await page.goBack();
    await expect(page.getByLabel('Type')).toHaveValue('');
    await expect(rows(page)).toHaveCount(3);
    await dismissToasts(page);
    await expectNoAxeViolations(page);

    // The detail page of the authenticator credential shows a live code once revealed.
    await page.getByRole('link', { name: `Open Acme portal ${suffix}` }).click();
    await expect(
      page.getByRole('heading', { level: 1, name: `Acme portal ${suffix}` }),
    ).toBeVisible();
    await page.getByRole('button', { name: 'Reveal code' }).click();
    await expect(page.getByRole('progressbar', { name: 'Time left for this code' })).toBeVisible();
    await expect(page.getByText(/^\d{3} \d{3}$/)).toBeVisible();
    await dismissToasts(page);
    await expectNoAxeViolations(page);

    await expectNoSecretLeaks(page, record, [
      password,
      'JBSWY3DPEHPK3PXP',
      TOTP_KEY,
      cardNumber,
      '4242 4242 4242 4242',
      secretValue,
    ]);
  });

  test('pages through more than one page, with the page in the URL', async ({ page, sandbox }) => {
    const prefix = `Paging ${uniqueSuffix()}`;
    for (let index = 1; index <= 12; index += 1) {
      await sandbox.createCredential({
        name: `${prefix} ${String(index).padStart(2, '0')}`,
        credential_type: 'secret',
        credential: { secret_value: `value-${index}`, secret_label: null },
      });
    }
    await openList(page, `?search=${encodeURIComponent(prefix)}&page_size=10`);
    await expect(rows(page)).toHaveCount(10);
    // Newest first.
    await expect(rows(page).first()).toContainText(`${prefix} 12`);
    await page.getByRole('button', { name: 'Next' }).click();
    await expect(page).toHaveURL(/page=2/);
    await expect(rows(page)).toHaveCount(2);
    await expect(page.getByText('Page 2 · showing 11–12')).toBeVisible();
    await expect(page.getByRole('button', { name: 'Next' })).toBeDisabled();
    await page.goBack();
    await expect(rows(page)).toHaveCount(10);
    await expect(page.getByRole('button', { name: 'Previous' })).toBeDisabled();
  });

  test('renames without asking for any secret', async ({ page, sandbox }) => {
    const name = `Rename me ${uniqueSuffix()}`;
    const { credential_id } = await arrangePassword(sandbox, name);
    await openList(page, `?search=${encodeURIComponent(name)}`);
    await chooseRowAction(page, name, 'Rename');
    const dialog = page.getByRole('dialog', { name: `Rename ${name}` });
    await expect(dialog).toBeVisible();
    await expect(dialog.getByLabel('Password')).toHaveCount(0);
    await expectNoAxeViolations(page, '[role="dialog"]');
    await field(dialog, 'Name').fill(`${name} (renamed)`);
    await dialog.getByRole('button', { name: 'Rename' }).click();
    await expect(dialog).toBeHidden();
    await expect(rows(page).first()).toContainText(`${name} (renamed)`);
    const stored = await sandbox.listCredentials({ search: name });
    expect(stored.find((item) => item.credential_id === credential_id)?.name).toBe(
      `${name} (renamed)`,
    );
  });

  test('edits with every secret typed again; a failed save keeps the input', async ({
    page,
    record,
    sandbox,
  }) => {
    const name = `Edit me ${uniqueSuffix()}`;
    const { credential_id } = await arrangePassword(sandbox, name);
    const newPassword = `new-password-${uniqueSuffix()}`;
    await openList(page, `?search=${encodeURIComponent(name)}`);
    await page.getByRole('button', { name: `Edit ${name}` }).click();
    const dialog = page.getByRole('dialog', { name: `Edit ${name}` });
    await expect(dialog).toContainText('Skyvern never returns a stored secret');
    await expect(field(dialog, 'Username')).not.toHaveValue('');
    await expect(field(dialog, 'Password')).toHaveValue('');
    await expectNoAxeViolations(page, '[role="dialog"]');

    await dialog.getByRole('button', { name: 'Save changes' }).click();
    await expect(dialog.getByText('Enter the password.')).toBeVisible();

    await field(dialog, 'Password').fill(newPassword);
    await dialog.getByRole('radio', { name: 'Authenticator app' }).check();
    await field(dialog, 'Authenticator key').fill(TOTP_KEY);

    record.allowedConsoleErrors.push(...BLOCKED_RESPONSE);
    await sandbox.injectFault({
      status: 500,
      pathPrefix: `/v1/credentials/${credential_id}/update`,
      count: 1,
    });
    await dialog.getByRole('button', { name: 'Save changes' }).click();
    const alert = dialog.getByRole('alert');
    await expect(alert).toContainText('Skyvern did not confirm the change');
    await expect(alert).toContainText('Everything you typed is still here');
    await expect(field(dialog, 'Password')).toHaveValue(newPassword);
    await expect(field(dialog, 'Authenticator key')).toHaveValue(TOTP_KEY);
    await expectNoAxeViolations(page, '[role="dialog"]');

    await dialog.getByRole('button', { name: 'Try again' }).click();
    await expect(dialog).toBeHidden();
    await expect(rows(page).first()).toContainText('Authenticator app');
    // Skyvern now generates codes from the new key.
    expect((await sandbox.totpCode(credential_id)).code).toMatch(/^\d{6}$/);
    await expectNoSecretLeaks(page, record, [newPassword, 'JBSWY3DPEHPK3PXP', TOTP_KEY]);
  });

  test('deletes permanently after a confirmation that names the credential', async ({
    page,
    sandbox,
  }) => {
    const name = `Delete me ${uniqueSuffix()}`;
    const { credential_id } = await arrangePassword(sandbox, name);
    await openList(page, `?search=${encodeURIComponent(name)}`);
    await chooseRowAction(page, name, 'Delete');
    const dialog = page.getByRole('dialog', { name: `Delete ${name}?` });
    await expect(dialog).toContainText('permanently');
    await expect(dialog).toContainText('cannot be undone');
    await expect(dialog).toContainText('Any workflow that references this credential will fail');
    await expect(dialog.getByRole('button', { name: 'Cancel' })).toBeFocused();
    await expectNoAxeViolations(page, '[role="dialog"]');
    await dialog.getByRole('button', { name: 'Delete', exact: true }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByText('No credentials match')).toBeVisible();
    await expect(page.getByRole('heading', { level: 1, name: 'Credentials' })).toBeFocused();
    const remaining = await sandbox.listCredentials({ search: name });
    expect(remaining.map((item) => item.credential_id)).not.toContain(credential_id);
    // Its page now says it is gone.
    await page.goto(`/credentials/${credential_id}`);
    await expect(page.getByText('This credential no longer exists')).toBeVisible();
    await dismissToasts(page);
    await expectNoAxeViolations(page);
  });

  test('a create whose answer is lost is not sent twice blindly', async ({
    page,
    record,
    sandbox,
  }) => {
    const name = `Lost answer ${uniqueSuffix()}`;
    const password = `lost-${uniqueSuffix()}`;
    await openList(page);
    const dialog = await openNewCredential(page);
    await field(dialog, 'Name').fill(name);
    await field(dialog, 'Username').fill('lost@example.com');
    await field(dialog, 'Password').fill(password);
    record.allowedConsoleErrors.push(...BLOCKED_RESPONSE);
    await sandbox.injectFault({ status: 500, pathPrefix: '/v1/credentials', count: 1 });
    await dialog.getByRole('button', { name: 'Create credential' }).click();
    await expect(dialog.getByRole('alert')).toContainText('may have reached Skyvern');
    await expect(field(dialog, 'Password')).toHaveValue(password);
    // The retry first looks for what the lost attempt may have created, finds nothing, sends once.
    await dialog.getByRole('button', { name: 'Try again' }).click();
    await expect(page.getByRole('dialog', { name: 'Credential created' })).toBeVisible();
    expect(await sandbox.listCredentials({ search: name })).toHaveLength(1);
    await expectNoSecretLeaks(page, record, [password]);
  });

  test('the list says when Skyvern fails and recovers on retry', async ({
    page,
    record,
    sandbox,
  }) => {
    record.allowedConsoleErrors.push(/Failed to load resource/);
    await sandbox.injectFault({ status: 503, pathPrefix: '/v1/credentials', count: 2 });
    await page.goto('/credentials');
    const alert = page.getByRole('alert');
    await expect(alert).toContainText('The credentials could not be loaded');
    await expectNoAxeViolations(page);
    await alert.getByRole('button', { name: 'Try again' }).click();
    await expect(alert).toBeHidden();
  });

  test('keyboard only: create with an authenticator key, edit, delete', async ({
    page,
    record,
  }) => {
    const name = `Keyboard ${uniqueSuffix()}`;
    const password = `kb-${uniqueSuffix()}-secret`;
    const newPassword = `kb2-${uniqueSuffix()}-secret`;
    await openList(page);

    const focused = () => page.locator(':focus');
    const expectFocusVisible = async () =>
      expect(await page.evaluate(() => document.activeElement?.matches(':focus-visible'))).toBe(
        true,
      );
    /** Tabs forward until `target` has focus (what a keyboard user does). */
    const tabTo = async (target: Locator, limit = 25) => {
      for (let step = 0; step < limit; step += 1) {
        if (await target.evaluate((element) => element === document.activeElement)) return;
        await page.keyboard.press('Tab');
      }
      throw new Error('Could not reach the element with Tab');
    };

    await page.keyboard.press('n');
    const dialog = page.getByRole('dialog', { name: 'New credential' });
    await expect(dialog).toBeVisible();
    await expect(dialog.getByRole('radio', { name: /^Password/ })).toBeFocused();
    await page.keyboard.press('Tab');
    await expect(field(dialog, 'Name')).toBeFocused();
    await expectFocusVisible();
    await page.keyboard.type(name);
    // Past "Store the secret in" (Skyvern, and the folded server vaults) to the username.
    await tabTo(field(dialog, 'Username'));
    await page.keyboard.type('kb@example.com');
    await page.keyboard.press('Tab');
    await expect(field(dialog, 'Password')).toBeFocused();
    await page.keyboard.type(password);
    await tabTo(dialog.getByRole('radio', { name: 'None' }));
    await page.keyboard.press('ArrowRight');
    await expect(dialog.getByRole('radio', { name: 'Authenticator app' })).toBeChecked();
    await tabTo(field(dialog, 'Authenticator key'));
    await page.keyboard.type(TOTP_KEY);
    await page.keyboard.press('Enter');
    const created = page.getByRole('dialog', { name: 'Credential created' });
    await expect(created.getByRole('button', { name: 'Done' })).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(created).toBeHidden();
    await expect(focused()).toHaveCount(1);

    // Find it: "/" focuses search.
    await page.keyboard.press('/');
    await expect(page.getByLabel('Search')).toBeFocused();
    await page.keyboard.type(name);
    await expect(rows(page)).toHaveCount(1);
    const edit = page.getByRole('button', { name: `Edit ${name}` });
    await tabTo(edit);
    await expectFocusVisible();
    await page.keyboard.press('Enter');
    const editDialog = page.getByRole('dialog', { name: `Edit ${name}` });
    await expect(field(editDialog, 'Name')).toBeFocused();
    await tabTo(field(editDialog, 'Password'));
    await page.keyboard.type(newPassword);
    await tabTo(field(editDialog, 'Authenticator key'));
    await page.keyboard.type(TOTP_KEY);
    await page.keyboard.press('Enter');
    await expect(editDialog).toBeHidden();
    await expect(edit).toBeFocused();

    // Rename and Delete live in the row's menu: Enter opens it, End goes to Delete.
    const actions = page.getByRole('button', { name: `Actions for ${name}` });
    await tabTo(actions);
    await expectFocusVisible();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('menuitem', { name: 'Edit' })).toBeFocused();
    await page.keyboard.press('End');
    await expect(page.getByRole('menuitem', { name: 'Delete' })).toBeFocused();
    await page.keyboard.press('Enter');
    const confirm = page.getByRole('dialog', { name: `Delete ${name}?` });
    await expect(confirm.getByRole('button', { name: 'Cancel' })).toBeFocused();
    await page.keyboard.press('Tab');
    await expect(confirm.getByRole('button', { name: 'Delete', exact: true })).toBeFocused();
    await expectFocusVisible();
    await page.keyboard.press('Enter');
    await expect(confirm).toBeHidden();
    await expect(page.getByText('No credentials match')).toBeVisible();
    await expect(page.getByRole('heading', { level: 1, name: 'Credentials' })).toBeFocused();
    await expectNoSecretLeaks(page, record, [password, newPassword, 'JBSWY3DPEHPK3PXP', TOTP_KEY]);
  });

  test('stores a new credential in the custom credential service when one is configured', async ({
    page,
    record,
    request,
    sandbox,
  }) => {
    const name = `Custom vault ${uniqueSuffix()}`;
    const password = `custom-${uniqueSuffix()}`;
    const configured = await request.post(
      `${SKYVERN_URL}/v1/credentials/custom_credential/create`,
      {
        headers: { 'x-api-key': API_KEY },
        data: { config: { api_base_url: VAULT_URL, api_token: VAULT_TOKEN } },
      },
    );
    expect(configured.ok()).toBe(true);
    try {
      await openList(page);
      const dialog = await openNewCredential(page);
      const vault = dialog.getByRole('group', { name: 'Store the secret in' });
      await expect(vault.getByRole('radio', { name: /^Skyvern/ })).toBeChecked();
      await field(dialog, 'Name').fill(name);
      await field(dialog, 'Username').fill('vault@example.com');
      await field(dialog, 'Password').fill(password);
      await vault.getByRole('radio', { name: /^Custom Credential Service/ }).check();
      await expectNoAxeViolations(page, '[role="dialog"]');
      const id = await finishCreate(page, dialog);
      expect((await sandbox.vaultItems()).map((item) => item.name)).toContain(name);

      await page.getByLabel('Search').fill(name);
      await expect(rows(page)).toHaveCount(1);
      await expect(rows(page).first()).toContainText('Custom Credential Service');
      // The edit form shows the vault but cannot move the credential.
      await page.getByRole('button', { name: `Edit ${name}` }).click();
      const edit = page.getByRole('dialog', { name: `Edit ${name}` });
      await expect(edit).toContainText('Stored in: Custom Credential Service');
      await expect(edit.getByRole('group', { name: 'Store the secret in' })).toHaveCount(0);
      await page.keyboard.press('Escape');
      await page.getByRole('link', { name: `Open ${name}` }).click();
      await expect(page.getByRole('region', { name: 'Details' })).toContainText(
        'VaultCustom Credential Service',
      );
      await page.getByRole('button', { name: `Delete ${name}` }).click();
      await page.getByRole('dialog').getByRole('button', { name: 'Delete', exact: true }).click();
      await expect(page).toHaveURL(/\/credentials$/);
      expect((await sandbox.vaultItems()).map((item) => item.name)).not.toContain(name);
      expect(id).toMatch(/^cred_/);
      await expectNoSecretLeaks(page, record, [password, VAULT_TOKEN]);
    } finally {
      await sandbox.clearCustomCredentialService();
    }
  });
});
