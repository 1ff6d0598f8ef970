import { expect, expectNoAxeViolations, field, test, shootAtWidths } from './support/fixtures';

/*
 * The discard prompt over a filled create form, by keyboard only: Escape asks, Keep editing has
 * focus and keeps everything, Discard closes and focus goes back to "New credential".
 */

test('a filled create form asks before Escape discards it, by keyboard', async ({
  page,
  record,
}) => {
  record.allowedConsoleErrors.push(
    /Failed to load resource: the server responded with a status of 404/,
  );
  await page.goto('/credentials');
  await expect(page.getByRole('heading', { level: 1, name: 'Credentials' })).toBeVisible();
  const newButton = page.getByRole('button', { name: /New credential/ });
  await newButton.focus();
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: 'New credential' });
  await expect(dialog).toBeVisible();

  await field(dialog, 'Name').focus();
  await page.keyboard.type('Acme portal');
  await page.keyboard.press('Tab');
  await page.keyboard.type('jane@example.com');
  await field(dialog, 'Password').focus();
  await page.keyboard.type('correct horse battery staple');

  await page.keyboard.press('Escape');
  const prompt = page.getByRole('alertdialog', { name: 'Discard changes?' });
  await expect(prompt).toBeVisible();
  await expect(prompt.getByRole('button', { name: 'Keep editing' })).toBeFocused();
  await expectNoAxeViolations(page, '[role="alertdialog"]');
  await shootAtWidths(page, 'discard-prompt', { widths: [1280, 390], fullPage: false });

  // Enter on the focused Keep editing: the form stays with everything typed.
  await page.keyboard.press('Enter');
  await expect(prompt).toBeHidden();
  await expect(dialog).toBeVisible();
  await expect(field(dialog, 'Name')).toHaveValue('Acme portal');
  await expect(field(dialog, 'Password')).toHaveValue('correct horse battery staple');

  // Escape again, Tab to Discard, Enter: the dialog goes, focus returns to its opener.
  await page.keyboard.press('Escape');
  await expect(prompt).toBeVisible();
  await page.keyboard.press('Tab');
  await expect(prompt.getByRole('button', { name: 'Discard' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(prompt).toBeHidden();
  await expect(dialog).toBeHidden();
  await expect(newButton).toBeFocused();
});
