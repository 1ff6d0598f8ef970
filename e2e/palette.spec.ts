import {
  expect,
  expectNoAxeViolations,
  test,
  uniqueSuffix,
  shootAtWidths,
} from './support/fixtures';

test('the command palette finds a credential on the server and opens it, by keyboard only', async ({
  page,
  sandbox,
}) => {
  const name = `Palette login ${uniqueSuffix()}`;
  const created = await sandbox.createCredential({
    name,
    credential_type: 'password',
    credential: { username: 'palette@example.com', password: 'Palette-pass-1' },
  });
  await page.goto('/two-factor');
  await expect(page.getByRole('heading', { level: 1, name: '2FA codes' })).toBeVisible();

  await page.keyboard.press('Control+k');
  const palette = page.getByRole('dialog', { name: 'Command palette' });
  await expect(palette).toBeVisible();
  const input = palette.getByRole('combobox', { name: 'Search pages, credentials and actions' });
  await expect(input).toBeFocused();
  await page.keyboard.type(name);
  const option = palette.getByRole('option', { name: new RegExp(`^${name}`) });
  await expect(option).toBeVisible();
  await expect(palette.getByRole('status')).toHaveText('1 credential found');
  await expectNoAxeViolations(page, '[role="dialog"]');
  await shootAtWidths(page, 'palette', { fullPage: false });

  // The first result is selected: Enter opens it, and focus lands on the page's heading.
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(new RegExp(`/credentials/${created.credential_id}$`));
  await expect(palette).toBeHidden();
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
});

test('the palette starts a new credential of a type, and Escape gives focus back', async ({
  page,
}) => {
  await page.goto('/credentials');
  const opener = page.getByRole('button', { name: 'Search or jump to…' });
  await opener.focus();
  await page.keyboard.press('Enter');
  const palette = page.getByRole('dialog', { name: 'Command palette' });
  await expect(palette).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(palette).toBeHidden();
  await expect(opener).toBeFocused();

  await page.keyboard.press('Control+k');
  await page.keyboard.type('new secret');
  await page.keyboard.press('Enter');
  const form = page.getByRole('dialog', { name: 'New credential' });
  await expect(form).toBeVisible();
  await expect(form.getByRole('radio', { name: /^Secret/ })).toBeChecked();
  await expect(page).toHaveURL(/\/credentials$/);
});
