import type { Locator, Page } from '@playwright/test';
import {
  expect,
  expectNoAxeViolations,
  test,
  uniqueSuffix,
  shootAtWidths,
} from './support/fixtures';
import {
  chooseFolder,
  expectCurrentFolder,
  expectNoFolder,
  folderActions,
} from './support/folders';

/*
 * Bulk actions against the real sandbox, by keyboard alone: move three credentials into a folder
 * created in the picker, filter by it, rename it, delete it (the credentials stay); delete twelve
 * credentials while the sandbox answers 409 to some of the deletes, and every one ends deleted
 * exactly once with a report that says so.
 */

const shoot = (page: Page, name: string) => shootAtWidths(page, name, { fullPage: false });

/** Presses Tab until `target` has focus (at most `max` times), as a keyboard user would. */
async function tabTo(page: Page, target: Locator, max = 100) {
  for (let index = 0; index < max; index += 1) {
    if (await target.evaluate((element) => element === document.activeElement)) return;
    await page.keyboard.press('Tab');
  }
  await expect(target).toBeFocused();
}

async function arrange(
  sandbox: { createCredential: (body: unknown) => Promise<{ credential_id: string }> },
  names: string[],
): Promise<string[]> {
  const ids: string[] = [];
  for (const name of names) {
    const created = await sandbox.createCredential({
      name,
      credential_type: 'password',
      credential: { username: 'someone@example.com', password: 'arranged-password-1' },
    });
    ids.push(created.credential_id);
  }
  return ids;
}

/** From the search box (`/`), Tab reaches the type filter, then the select-all box. */
async function selectPageByKeyboard(page: Page) {
  await page.locator('body').press('/');
  await expect(page.getByRole('searchbox', { name: 'Search' })).toBeFocused();
  const all = page.getByRole('checkbox', { name: 'Select all on this page' });
  await tabTo(page, all, 5);
  await page.keyboard.press('Space');
  await expect(all).toBeChecked();
}

test('move three credentials into a new folder by bulk, filter by it, rename it, delete it; the credentials stay', async ({
  page,
  sandbox,
}) => {
  const suffix = uniqueSuffix();
  const names = [1, 2, 3].map((n) => `Bulk move ${n} ${suffix}`);
  const ids = await arrange(sandbox, names);
  const title = `Bulk ${suffix}`;

  await page.goto(`/credentials?search=${suffix}`);
  const table = page.getByRole('table', { name: 'Credentials' });
  await expect(table.getByRole('row')).toHaveCount(4);
  await selectPageByKeyboard(page);
  const bar = page.getByRole('region', { name: 'Bulk actions' });
  await expect(bar).toContainText('3 credentials selected');
  await expectNoAxeViolations(page);
  await shoot(page, 'bulk-bar');

  await tabTo(page, bar.getByRole('button', { name: 'Move to folder' }));
  await page.keyboard.press('Enter');
  const move = page.getByRole('dialog', { name: 'Move 3 credentials to a folder' });
  await expect(move).toBeVisible();
  const search = move.getByRole('searchbox', { name: 'Find or name a folder' });
  await expect(search).toBeFocused();
  await page.keyboard.type(title);
  await expect(move.getByRole('button', { name: `Create folder “${title}”` })).toBeVisible();
  await expectNoAxeViolations(page, '[role="dialog"]');
  await shoot(page, 'bulk-move-picker');
  // Enter in the search box creates the typed folder when nothing matches it.
  await page.keyboard.press('Enter');
  const fresh = move.getByRole('radio', { name: new RegExp(title) });
  await expect(fresh).toBeFocused();
  await expect(fresh).toBeChecked();
  // Enter on a radio submits the form.
  await page.keyboard.press('Enter');
  const summary = move.getByRole('heading', { name: `3 moved to ${title}` });
  await expect(summary).toBeFocused();
  await expectNoAxeViolations(page, '[role="dialog"]');
  await shoot(page, 'bulk-move-report');
  await tabTo(page, move.getByRole('button', { name: 'Done' }), 3);
  await page.keyboard.press('Enter');
  await expect(move).toBeHidden();
  await expect(bar).toBeHidden();
  await expect(page.getByRole('checkbox', { name: 'Select all on this page' })).toBeFocused();

  // Filter by the folder, from the panel (the select on a phone), by keyboard.
  await chooseFolder(page, title, 3);
  await expect(page).toHaveURL(/folder=cfld_\d+/);
  await expectCurrentFolder(page, title, 3);
  for (const name of names) await expect(table.getByText(name)).toBeVisible();

  // Rename.
  await folderActions(page, title).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('menuitem', { name: 'Rename or describe' })).toBeFocused();
  await page.keyboard.press('Enter');
  const edit = page.getByRole('dialog', { name: `Edit folder ${title}` });
  await expect(edit.getByRole('textbox', { name: 'Title' })).toBeFocused();
  await page.keyboard.type(`Renamed ${suffix}`);
  await page.keyboard.press('Enter');
  await expect(edit).toBeHidden();
  await expectCurrentFolder(page, `Renamed ${suffix}`, 3);

  // Delete the folder: the credentials are kept.
  await folderActions(page, `Renamed ${suffix}`).focus();
  await page.keyboard.press('Enter');
  await page.keyboard.press('ArrowDown');
  await expect(page.getByRole('menuitem', { name: 'Delete folder' })).toBeFocused();
  await page.keyboard.press('Enter');
  const confirm = page.getByRole('alertdialog', { name: `Delete folder Renamed ${suffix}?` });
  await expect(confirm).toContainText('The 3 credentials in it are kept and become unfiled');
  await tabTo(page, confirm.getByRole('button', { name: 'Delete folder' }), 5);
  await page.keyboard.press('Enter');
  await expect(confirm).toBeHidden();
  await expectNoFolder(page, `Renamed ${suffix}`);
  const remaining = await sandbox.listCredentials({ search: suffix });
  expect(remaining.map((credential) => credential.credential_id).sort()).toEqual([...ids].sort());
});

test('bulk-delete twelve credentials while Skyvern answers 409 to some: each is deleted exactly once and the report is right', async ({
  page,
  sandbox,
  record,
}) => {
  const suffix = uniqueSuffix();
  const names = Array.from({ length: 12 }, (_, index) => `Bulk delete ${index + 1} ${suffix}`);
  const ids = await arrange(sandbox, names);
  // Chromium logs each refused request as a console error: these are expected.
  record.allowedConsoleErrors.push(/\/v1\/credentials\/[^/]+\/delete$/);
  const answers: Array<{ id: string; status: number }> = [];
  page.on('response', (response) => {
    const match = /\/v1\/credentials\/([^/]+)\/delete$/.exec(new URL(response.url()).pathname);
    if (match?.[1] && response.request().method() === 'POST') {
      answers.push({ id: match[1], status: response.status() });
    }
  });

  await page.goto(`/credentials?search=${suffix}`);
  const table = page.getByRole('table', { name: 'Credentials' });
  await expect(table.getByRole('row')).toHaveCount(13);
  await selectPageByKeyboard(page);
  const bar = page.getByRole('region', { name: 'Bulk actions' });
  await expect(bar).toContainText('12 credentials selected');
  await tabTo(page, bar.getByRole('button', { name: 'Delete selected' }));
  await page.keyboard.press('Enter');

  const dialog = page.getByRole('dialog', { name: 'Delete 12 credentials?' });
  await expect(dialog.getByRole('listitem')).toHaveCount(10);
  await expect(dialog).toContainText('and 2 more');
  await expect(dialog).toContainText('Any workflow that uses one of them will fail');
  const count = dialog.getByRole('textbox', { name: 'Type 12 to confirm' });
  await expect(count).toBeFocused();
  await expectNoAxeViolations(page, '[role="dialog"]');
  await shoot(page, 'bulk-delete-confirm');
  await page.keyboard.type('12');

  // The next five deletes get 409 (slowly, so the progress can be seen); only POSTs, so nothing
  // else the page asks for is hit.
  await sandbox.injectFault({
    status: 409,
    pathPrefix: '/v1/credentials/',
    method: 'POST',
    count: 5,
    delayMs: 1_500,
  });
  await page.keyboard.press('Enter');
  const running = page.getByRole('dialog', { name: 'Deleting 12 credentials' });
  await expect(running.getByRole('progressbar', { name: 'Deleting credentials' })).toBeVisible();
  await expect(running.getByRole('button', { name: 'Stop' })).toBeFocused();
  await expectNoAxeViolations(page, '[role="dialog"]');
  await shoot(page, 'bulk-delete-progress');

  const summary = running.getByRole('heading', { name: '12 deleted' });
  await expect(summary).toBeVisible({ timeout: 30_000 });
  await expect(summary).toBeFocused();
  const results = running.getByRole('region', { name: 'Results' }).getByRole('listitem');
  await expect(results).toHaveCount(12);
  for (const name of names) {
    await expect(results.filter({ hasText: name })).toContainText('Deleted');
  }
  await expectNoAxeViolations(page, '[role="dialog"]');
  await shoot(page, 'bulk-delete-report');

  // Exactly once: one success per credential, and the five 409s were retried.
  const ok = answers.filter((answer) => answer.status < 300).map((answer) => answer.id);
  expect(ok.sort()).toEqual([...ids].sort());
  expect(answers.filter((answer) => answer.status === 409)).toHaveLength(5);
  expect(answers).toHaveLength(17);
  expect(await sandbox.listCredentials({ search: suffix })).toEqual([]);

  await tabTo(page, running.getByRole('button', { name: 'Done' }), 3);
  await page.keyboard.press('Enter');
  await expect(running).toBeHidden();
  await expect(bar).toBeHidden();
  await expect(page.getByText('No credentials match')).toBeVisible();
  // The list is empty, so focus goes to the page heading.
  await expect(page.getByRole('heading', { name: 'Credentials', level: 1 })).toBeFocused();
});
