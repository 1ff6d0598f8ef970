import type { Page } from '@playwright/test';
import {
  expect,
  expectNoAxeViolations,
  test,
  uniqueSuffix,
  shootAtWidths,
} from './support/fixtures';
import { API_KEY, SKYVERN_URL } from './support/env';
import { expectCurrentFolder, expectNoFolder, folderActions } from './support/folders';

/*
 * Credential folders against the real sandbox: create a folder in the console, file three
 * credentials in it, filter by it, rename it, delete it, and the credentials are still there.
 * The three are filed over HTTP (F6) here; e2e/bulk.spec.ts files them through the console.
 */

const shoot = (page: Page, name: string) => shootAtWidths(page, name);

test('create, fill, filter by, rename and delete a folder; its credentials stay', async ({
  page,
  sandbox,
  request,
}) => {
  const suffix = uniqueSuffix();
  const names = [1, 2, 3].map((n) => `Folder test ${n} ${suffix}`);
  const ids: string[] = [];
  for (const name of names) {
    const created = await sandbox.createCredential({
      name,
      credential_type: 'password',
      credential: { username: 'someone@example.com', password: 'arranged-password-1' },
    });
    ids.push(created.credential_id);
  }

  await page.goto('/credentials');
  await expectCurrentFolder(page, 'All credentials');
  await expect(
    page.getByText(/cannot list unfiled credentials/).locator('visible=true'),
  ).toBeVisible();
  await expectNoAxeViolations(page);
  await shoot(page, 'folders-list');

  // New folder, by keyboard.
  await page.getByRole('button', { name: 'New folder' }).focus();
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: 'New folder' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('textbox', { name: 'Title' })).toBeFocused();
  await page.keyboard.type(`Payroll ${suffix}`);
  await page.keyboard.press('Tab');
  await page.keyboard.type('Cards for salaries');
  await expectNoAxeViolations(page, '[role="dialog"]');
  // Enter in the description is a new line; Tab past Cancel to Create folder.
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  await expect(dialog.getByRole('button', { name: 'Create folder' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(dialog).toBeHidden();
  await expect(page).toHaveURL(/folder=cfld_\d+/);
  const folderId = new URL(page.url()).searchParams.get('folder') ?? '';

  for (const id of ids) {
    const response = await request.put(`${SKYVERN_URL}/v1/credentials/${id}/folder`, {
      headers: { 'x-api-key': API_KEY },
      data: { folder_id: folderId },
    });
    expect(response.ok()).toBe(true);
  }
  await page.reload();
  await expectCurrentFolder(page, `Payroll ${suffix}`, 3);
  const table = page.getByRole('table', { name: 'Credentials' });
  for (const name of names) await expect(table.getByText(name)).toBeVisible();
  await expect(table.getByRole('row')).toHaveCount(4);
  await shoot(page, 'folders-filtered');

  // Rename.
  await folderActions(page, `Payroll ${suffix}`).click();
  await page.getByRole('menuitem', { name: 'Rename or describe' }).click();
  const edit = page.getByRole('dialog', { name: `Edit folder Payroll ${suffix}` });
  await expect(edit).toBeVisible();
  await expectNoAxeViolations(page, '[role="dialog"]');
  await edit.getByRole('textbox', { name: 'Title' }).fill(`Salaries ${suffix}`);
  await edit.getByRole('button', { name: 'Save' }).click();
  await expect(edit).toBeHidden();
  await expectCurrentFolder(page, `Salaries ${suffix}`, 3);

  // Delete: the credentials stay, unfiled.
  await folderActions(page, `Salaries ${suffix}`).click();
  await page.getByRole('menuitem', { name: 'Delete folder' }).click();
  const confirm = page.getByRole('alertdialog', { name: `Delete folder Salaries ${suffix}?` });
  await expect(confirm).toContainText('The 3 credentials in it are kept and become unfiled');
  await expectNoAxeViolations(page, '[role="alertdialog"]');
  await shoot(page, 'folders-delete');
  await confirm.getByRole('button', { name: 'Delete folder' }).click();
  await expect(confirm).toBeHidden();
  await expect(page).toHaveURL(/\/credentials$/);
  await expectNoFolder(page, `Salaries ${suffix}`);
  const remaining = await sandbox.listCredentials({ search: suffix });
  expect(remaining.map((credential) => credential.credential_id).sort()).toEqual([...ids].sort());
});

test('on a narrow screen the folders are a select labelled Folder', async ({ page, request }) => {
  const title = `Narrow ${uniqueSuffix()}`;
  const response = await request.post(`${SKYVERN_URL}/v1/credential_folders`, {
    headers: { 'x-api-key': API_KEY },
    data: { title },
  });
  expect(response.ok()).toBe(true);
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto('/credentials');
  const select = page.getByRole('combobox', { name: 'Folder' });
  await expect(select.locator('option', { hasText: `${title} (0)` })).toHaveCount(1);
  await select.selectOption({ label: `${title} (0)` });
  await expect(page).toHaveURL(/folder=cfld_\d+/);
  await expect(page.getByRole('navigation', { name: 'Folders' })).toBeHidden();
  await expect(page.getByText('This folder is empty.', { exact: false })).toBeVisible();
  await expectNoAxeViolations(page);
});
