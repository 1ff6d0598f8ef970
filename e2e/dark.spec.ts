import { expect, expectNoAxeViolations, test, themeSelect } from './support/fixtures';

const SHOTS = process.env.E2E_SCREENSHOT_DIR;

const pages = [
  { path: '/credentials', heading: 'Credentials' },
  { path: '/two-factor', heading: '2FA codes' },
  { path: '/import', heading: 'Import' },
  { path: '/settings/connection', heading: 'Connection' },
  { path: '/settings/custom-credential-service', heading: 'Custom Credential Service' },
  { path: '/settings/vault-providers', heading: 'Vault providers' },
];

test.describe('dark scheme', () => {
  test.use({ colorScheme: 'dark' });

  for (const { path, heading } of pages) {
    test(`${path} follows the system's dark scheme and passes axe`, async ({ page, record }) => {
      // "Not configured" providers answer 404, which Chromium logs as a failed load.
      record.allowedConsoleErrors.push(
        /Failed to load resource: the server responded with a status of 404/,
      );
      await page.goto(path);
      await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible();
      await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
      await expectNoAxeViolations(page);
      for (const width of [1280, 1024, 390]) {
        await page.setViewportSize({ width, height: width === 390 ? 844 : 800 });
        if (SHOTS) {
          await page.screenshot({ path: `${SHOTS}/dark${path.replaceAll('/', '-')}-${width}.png` });
        }
      }
    });
  }

  test('dialogs in the dark: new credential and the command palette pass axe', async ({ page }) => {
    await page.goto('/credentials');
    await page.getByRole('button', { name: /New credential/ }).click();
    const dialog = page.getByRole('dialog', { name: 'New credential' });
    await expect(dialog).toBeVisible();
    await expectNoAxeViolations(page, '[role="dialog"]');
    if (SHOTS) await page.screenshot({ path: `${SHOTS}/dark-new-credential-1280.png` });
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
    await page.keyboard.press('Control+k');
    const palette = page.getByRole('dialog', { name: 'Command palette' });
    await expect(palette).toBeVisible();
    await expectNoAxeViolations(page, '[role="dialog"]');
    if (SHOTS) await page.screenshot({ path: `${SHOTS}/dark-palette-1280.png` });
  });

  test('the theme choice wins over the system, and is kept in localStorage', async ({ page }) => {
    await page.goto('/credentials');
    await (await themeSelect(page)).selectOption('light');
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
    await page.reload();
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
    expect(await page.evaluate(() => localStorage.getItem('skyvern-console.theme'))).toBe('light');
    await (await themeSelect(page)).selectOption('system');
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  });
});
