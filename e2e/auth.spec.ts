import {
  expect,
  expectNoAxeViolations,
  expectNoSecretLeaks,
  field,
  test,
  uniqueSuffix,
  shootAtWidths,
} from './support/fixtures';
import { API_KEY } from './support/env';

/*
 * A refused key while a filled form is open: Skyvern's reason inline, a new key in a small dialog
 * over the form, Retry, created; nothing retyped, and the key nowhere but sessionStorage.
 */

const EXPIRED =
  'Your API key has expired. Please retrieve the latest one from https://app.skyvern.com/settings';
const API_KEY_STORAGE = 'skyvern-console.apiKey';

test.afterEach(async ({ sandbox }) => {
  await sandbox.clearFaults();
});

test('a 401 while a filled create form is open: re-enter the key, Retry, created', async ({
  page,
  sandbox,
  record,
}, testInfo) => {
  const suffix = uniqueSuffix();
  const name = `Reauth portal ${suffix}`;
  const password = `pw ${suffix} correct horse `;
  record.allowedConsoleErrors.push(/status of 401/, /status of 404/);

  await page.goto('/credentials');
  await expect(page.getByRole('heading', { level: 1, name: 'Credentials' })).toBeVisible();
  await page.getByRole('button', { name: /New credential/ }).click();
  const dialog = page.getByRole('dialog', { name: 'New credential' });
  await expect(dialog).toBeVisible();
  await field(dialog, 'Name').fill(name);
  await field(dialog, 'Username').fill(`jane.${suffix}@example.com`);
  await field(dialog, 'Password').fill(password);

  // Skyvern refuses the key on the save itself.
  await sandbox.injectFault({
    status: 401,
    pathPrefix: '/v1/credentials',
    count: 1,
    detail: EXPIRED,
  });
  await dialog.getByRole('button', { name: 'Create credential' }).click();
  const alert = dialog.getByRole('alert').filter({ hasText: 'Skyvern refused the API key' });
  await expect(alert).toContainText(EXPIRED);
  await expect(page).toHaveURL(/\/credentials$/);

  await alert.getByRole('button', { name: 'Re-enter API key' }).click();
  const keyDialog = page.getByRole('dialog', { name: 'Re-enter API key' });
  await expect(keyDialog).toBeVisible();
  const keyInput = keyDialog.getByLabel(/^API key/);
  await expect(keyInput).toHaveAttribute('type', 'password');
  await expect(keyInput).toHaveValue('');
  await expect(keyInput).toBeFocused();
  await expectNoAxeViolations(page);
  await keyInput.fill(API_KEY);

  await shootAtWidths(page, 'reauth-dialog', {
    widths: [1280, 390],
    fullPage: false,
    dir: testInfo.outputPath(),
  });

  await keyDialog.getByRole('button', { name: 'Use this key' }).click();
  await expect(keyDialog).toBeHidden();
  const retry = dialog.getByRole('button', { name: 'Retry' });
  await expect(retry).toBeFocused();
  // Nothing was retyped: the form kept every field.
  await expect(field(dialog, 'Name')).toHaveValue(name);
  await expect(field(dialog, 'Password')).toHaveValue(password);
  await retry.click();

  const created = page.getByRole('dialog', { name: 'Credential created' });
  await expect(created).toBeVisible();
  const stored = await sandbox.listCredentials({ search: name });
  expect(stored.map((credential) => credential.name)).toEqual([name]);
  await created.getByRole('button', { name: 'Done' }).click();

  // The password never lands anywhere; the key only in sessionStorage (set aside for the check).
  await expectNoSecretLeaks(page, record, [password]);
  await page.evaluate((key) => {
    const value = sessionStorage.getItem(key);
    sessionStorage.removeItem(key);
    (window as unknown as { __heldKey?: string | null }).__heldKey = value;
  }, API_KEY_STORAGE);
  await expectNoSecretLeaks(page, record, [API_KEY]);
  await page.evaluate((key) => {
    const held = (window as unknown as { __heldKey?: string | null }).__heldKey;
    if (held) sessionStorage.setItem(key, held);
    delete (window as unknown as { __heldKey?: string | null }).__heldKey;
  }, API_KEY_STORAGE);
});
