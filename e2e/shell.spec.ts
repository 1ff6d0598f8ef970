import { expect, expectNoAxeViolations, followNav, test } from './support/fixtures';

const pages = [
  { path: '/credentials', heading: 'Credentials' },
  { path: '/two-factor', heading: '2FA codes' },
  { path: '/import', heading: 'Import' },
  { path: '/settings/connection', heading: 'Connection' },
  { path: '/settings/custom-credential-service', heading: 'Custom Credential Service' },
  { path: '/no-such-page', heading: 'This page does not exist' },
];

test.describe('every page', () => {
  for (const { path, heading } of pages) {
    test(`${path} loads without console errors and passes axe`, async ({ page }) => {
      await page.goto(path);
      await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible();
      await expectNoAxeViolations(page);
    });
  }

  test('the header shows which Skyvern the console talks to', async ({ page }) => {
    await page.goto('/credentials');
    await expect(
      page.getByRole('banner').getByRole('link', { name: /Connected to 127\.0\.0\.1:\d+/ }),
    ).toBeVisible();
  });

  test('navigation reaches every section', async ({ page }) => {
    await page.goto('/');
    await expect(page).toHaveURL(/\/credentials$/);
    await followNav(page, '2FA codes');
    await expect(page).toHaveURL(/\/two-factor$/);
    await followNav(page, 'Import');
    await expect(page.getByRole('heading', { level: 1, name: 'Import' })).toBeVisible();
    await followNav(page, 'Custom Credential Service');
    await expect(page).toHaveURL(/\/settings\/custom-credential-service$/);
    await followNav(page, 'Connection');
    await expect(page.getByRole('heading', { level: 1, name: 'Connection' })).toBeVisible();
  });
});
