import type { Page } from '@playwright/test';
import {
  expect,
  expectNoAxeViolations,
  field,
  test,
  uniqueSuffix,
  shootAtWidths,
} from './support/fixtures';
import { API_KEY, SKYVERN_URL } from './support/env';

/*
 * Issue 10 against the sandbox: editing a password credential that has an authenticator key,
 * with the key left empty, asks before Skyvern deletes the key (contract 3.5); Keep editing sends
 * nothing, Remove 2FA and save leaves the stored credential without TOTP. Plus the generator.
 */

/** Set E2E_SCREENSHOT_DIR to keep a PNG of each state for review. */
const shot = (page: Page, name: string) =>
  shootAtWidths(page, name, { widths: [1280, 390], fullPage: false });

const NO_CUSTOM_SERVICE = /Failed to load resource: the server responded with a status of 404/;

async function storedTotpType(page: Page, credentialId: string): Promise<string> {
  const response = await page.request.get(`${SKYVERN_URL}/v1/credentials/${credentialId}`, {
    headers: { 'x-api-key': API_KEY },
  });
  expect(response.ok()).toBe(true);
  const body = (await response.json()) as { credential: { totp_type: string } };
  return body.credential.totp_type;
}

test('editing without the authenticator key asks first, and Remove 2FA and save removes it', async ({
  page,
  sandbox,
}) => {
  const name = `Keep my 2FA ${uniqueSuffix()}`;
  const { credential_id } = await sandbox.createCredential({
    name,
    credential_type: 'password',
    credential: {
      username: 'jane@example.com',
      password: 'old password',
      totp_type: 'authenticator',
      totp: 'JBSWY3DPEHPK3PXP',
    },
  });
  expect(await storedTotpType(page, credential_id)).toBe('authenticator');

  await page.goto(`/credentials?search=${encodeURIComponent(name)}`);
  await page.getByRole('button', { name: `Edit ${name}` }).click();
  const dialog = page.getByRole('dialog', { name: `Edit ${name}` });
  await expect(dialog.getByRole('group', { name: 'Two-factor authentication' })).toContainText(
    'Skyvern needs the authenticator key again.',
  );
  await field(dialog, 'Password').fill(`new-password-${uniqueSuffix()}`);
  await dialog.getByRole('button', { name: 'Save changes' }).click();

  const confirm = page.getByRole('dialog', { name: 'Remove two-factor authentication?' });
  await expect(confirm).toContainText('The stored authenticator key will be deleted.');
  await expect(confirm.getByRole('button', { name: 'Keep editing' })).toBeFocused();
  await expectNoAxeViolations(page, '[role="dialog"]');
  await shot(page, 'remove-2fa-confirm');

  await confirm.getByRole('button', { name: 'Keep editing' }).click();
  await expect(confirm).toBeHidden();
  await expect(field(dialog, 'Authenticator key')).toBeFocused();
  expect(await storedTotpType(page, credential_id)).toBe('authenticator');

  await dialog.getByRole('button', { name: 'Save changes' }).click();
  await confirm.getByRole('button', { name: 'Remove 2FA and save' }).click();
  await expect(dialog).toBeHidden();
  expect(await storedTotpType(page, credential_id)).toBe('none');
  // And Skyvern has no key to make codes from any more.
  const code = await page.request.get(`${SKYVERN_URL}/v1/credentials/${credential_id}/totp-code`, {
    headers: { 'x-api-key': API_KEY },
  });
  expect(code.ok()).toBe(false);
});

test('the password generator fills the field', async ({ page, record }) => {
  record.allowedConsoleErrors.push(NO_CUSTOM_SERVICE);
  await page.goto('/credentials');
  await page.getByRole('button', { name: /New credential/ }).click();
  const dialog = page.getByRole('dialog', { name: 'New credential' });
  await dialog.getByRole('button', { name: 'Generate password' }).click();
  const panel = dialog.getByRole('group', { name: 'Generate a password' });
  await expect(panel).toBeVisible();
  await expectNoAxeViolations(page, '[role="dialog"]');
  await shot(page, 'password-generator');
  await panel.getByRole('button', { name: 'Fill password' }).click();
  await expect(panel).toBeHidden();
  await expect(field(dialog, 'Password')).toHaveValue(/^.{20}$/);
  await expect(dialog.getByTestId('password-strength')).toContainText('Strength:');
  await shot(page, 'password-strength');
});
