import {
  expect,
  expectNoAxeViolations,
  test,
  themeSelect,
  shootAtWidths,
} from './support/fixtures';

/*
 * Every axe call in the suite checks both schemes (expectNoAxeViolations in support/fixtures.ts
 * switches `data-theme` in place), so this spec does not repeat them. It checks what the fixture
 * cannot: that a dark system gives a dark console on every page (with screenshots of each), that
 * a chosen theme wins over the system, and the fixture's own way back from light to dark.
 */

const pages = [
  { path: '/credentials', heading: 'Credentials' },
  { path: '/two-factor', heading: '2FA codes' },
  { path: '/import', heading: 'Import' },
  { path: '/settings/connection', heading: 'Connection' },
  { path: '/settings/custom-credential-service', heading: 'Custom Credential Service' },
  { path: '/settings/vault-providers', heading: 'Vault providers' },
];

/** The dark surface (`--color-white` under `data-theme='dark'` in src/index.css). */
const DARK_SURFACE = 'rgb(17, 26, 46)';

test.describe('dark scheme', () => {
  test.use({ colorScheme: 'dark' });

  for (const { path, heading } of pages) {
    test(`${path} follows the system's dark scheme`, async ({ page, record }) => {
      // "Not configured" providers answer 404, which Chromium logs as a failed load.
      record.allowedConsoleErrors.push(
        /Failed to load resource: the server responded with a status of 404/,
      );
      await page.goto(path);
      await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible();
      await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
      await expect(page.locator('html')).toHaveCSS('color-scheme', 'dark');
      await shootAtWidths(page, `dark${path.replaceAll('/', '-')}`, { fullPage: false });
    });
  }

  test('dialogs are dark too: new credential and the command palette', async ({ page }) => {
    await page.goto('/credentials');
    await page.getByRole('button', { name: /New credential/ }).click();
    const dialog = page.getByRole('dialog', { name: 'New credential' });
    await expect(dialog).toBeVisible();
    await expect(dialog).toHaveCSS('background-color', DARK_SURFACE);
    await shootAtWidths(page, 'dark-new-credential', { widths: [1280, 390], fullPage: false });
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
    await page.keyboard.press('Control+k');
    const palette = page.getByRole('dialog', { name: 'Command palette' });
    await expect(palette).toBeVisible();
    await expect(palette).toHaveCSS('background-color', DARK_SURFACE);
    await shootAtWidths(page, 'dark-palette', { widths: [1280, 390], fullPage: false });
  });

  test('axe starting in dark checks light as well, and leaves the page dark', async ({ page }) => {
    await page.goto('/credentials');
    await expect(page.getByRole('heading', { level: 1, name: 'Credentials' })).toBeVisible();
    await expectNoAxeViolations(page);
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
    await expect(page.locator('body')).toHaveCSS('background-color', 'rgb(11, 17, 32)');
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
