import { expect, expectNoAxeViolations, test, uniqueSuffix } from './support/fixtures';
import { API_KEY } from './support/env';

test.describe('a refused API key mid-session', () => {
  test.afterEach(async ({ sandbox }) => {
    await sandbox.clearFaults();
  });

  test('shows one banner, stays where the user was, and resumes after a new key', async ({
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
    const here = page.url();

    // Skyvern starts refusing the key (revoked, expired): the next request gets a 403.
    record.allowedConsoleErrors.push(/status of 403/);
    await sandbox.injectFault({ status: 403, pathPrefix: '/v1/credentials', count: 1 });
    await page.getByLabel('Type').selectOption({ label: 'Secrets' });

    const banner = page.getByRole('alert').filter({ hasText: 'Skyvern refused the API key' });
    await expect(banner).toBeVisible();
    await expect(banner).toContainText('Invalid credentials');
    await expect(banner).toHaveCount(1);
    // No redirect: the list and its filters are still on screen.
    await expect(page).toHaveURL(/\/credentials\?.*type=secret/);
    expect(page.url().startsWith(here.split('?')[0] ?? here)).toBe(true);
    await expect(page.getByRole('heading', { level: 1, name: 'Credentials' })).toBeVisible();

    await banner.getByRole('button', { name: 'Re-enter API key' }).click();
    const keyDialog = page.getByRole('dialog', { name: 'Re-enter API key' });
    await expect(keyDialog).toBeVisible();
    await keyDialog.getByLabel(/^API key/).fill(API_KEY);
    await keyDialog.getByRole('button', { name: 'Use this key' }).click();

    await expect(banner).toBeHidden();
    await expect(page).toHaveURL(/type=secret/);
    await expect(page.getByText(name).first()).toBeVisible();
    await expectNoAxeViolations(page);
  });
});
