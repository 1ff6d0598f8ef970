import { expect, test, uniqueSuffix } from './support/fixtures';

test.describe('a refused API key mid-session', () => {
  test.afterEach(async ({ sandbox }) => {
    await sandbox.clearFaults();
  });

  test('sends the user to Connection and brings them back where they were', async ({
    page,
    sandbox,
    record,
  }) => {
    const name = `Session check ${uniqueSuffix()}`;
    await sandbox.createCredential({
      name,
      credential_type: 'secret',
      credential: { secret_value: `sv-${uniqueSuffix()}`, secret_label: 'session' },
    });
    await page.goto(`/credentials?search=${encodeURIComponent(name)}`);
    await expect(page.getByText(name).first()).toBeVisible();

    // Skyvern starts refusing the key (revoked, expired): the next request gets a 403.
    record.allowedConsoleErrors.push(/status of 403/);
    await sandbox.injectFault({ status: 403, pathPrefix: '/v1/credentials', count: 1 });
    await page.getByLabel('Type').selectOption({ label: 'Secrets' });

    await expect(page).toHaveURL(/\/settings\/connection\?reason=auth&returnTo=/);
    await expect(page.getByText('Skyvern refused the API key')).toBeVisible();
    await page.getByRole('button', { name: 'Save and go back' }).click();

    await expect(page).toHaveURL(
      new RegExp(
        `/credentials\\?.*search=${encodeURIComponent(name).replace(/%20/g, '(\\+|%20)')}`,
      ),
    );
    await expect(page).toHaveURL(/type=secret/);
    await expect(page.getByText(name).first()).toBeVisible();
  });
});
