import {
  expect,
  expectNoAxeViolations,
  field,
  test,
  uniqueSuffix,
  followNav,
  shootAtWidths,
} from './support/fixtures';
import { API_KEY, API_KEY2, SKYVERN2_URL } from './support/env';

test('two sandboxes are two connections: each keeps its own credentials, key and colour', async ({
  page,
  sandbox,
}) => {
  const productionOnly = `Production only ${uniqueSuffix()}`;
  await sandbox.createCredential({
    name: productionOnly,
    credential_type: 'secret',
    credential: { secret_value: 'prod-secret-value-1', secret_label: 'prod' },
  });

  await page.goto('/credentials');
  const list = page.getByRole('table', { name: 'Credentials' });
  await expect(list.getByText(productionOnly)).toBeVisible();

  // Add "Staging" on the Connection page, by keyboard, and give it its key.
  await page.goto('/settings/connection');
  await page.getByRole('button', { name: 'Add a connection' }).click();
  const addForm = page.getByRole('form', { name: 'New connection' });
  await expect(field(addForm, 'Name')).toBeFocused();
  await page.keyboard.type('Staging');
  await field(addForm, 'Skyvern API URL').fill(SKYVERN2_URL);
  await addForm.getByText('Amber').click();
  await addForm.getByRole('button', { name: 'Add and switch to it' }).click();

  const thisConnection = page.getByRole('form', { name: "This tab's connection: Staging" });
  await expect(thisConnection).toBeVisible();
  await expect(field(thisConnection, 'API key')).toBeFocused();
  await page.keyboard.type(API_KEY2);
  await thisConnection.getByRole('button', { name: 'Save' }).click();
  await expect(thisConnection.getByText(/Key set \(ends …/)).toBeVisible();
  await expectNoAxeViolations(page);
  await shootAtWidths(page, 'connections');

  // Keys are per connection and per tab; names and URLs only in localStorage.
  const storage = await page.evaluate(() => ({
    local: JSON.stringify({ ...localStorage }),
    session: JSON.stringify({ ...sessionStorage }),
  }));
  expect(storage.local).toContain('Staging');
  expect(storage.local).not.toContain(API_KEY2);
  expect(storage.local).not.toContain(API_KEY);
  expect(storage.session).toContain(API_KEY2);

  // On staging, the production credential is not there, not even for a frame.
  await followNav(page, 'Credentials');
  await expect(page.getByRole('heading', { level: 1, name: 'Credentials' })).toBeVisible();
  const stagingOnly = `Staging only ${uniqueSuffix()}`;
  await page.getByRole('button', { name: /New credential/ }).click();
  const form = page.getByRole('dialog', { name: 'New credential' });
  await form
    .getByRole('group', { name: 'Type' })
    .getByRole('radio', { name: /^Secret/ })
    .check();
  await field(form, 'Name').fill(stagingOnly);
  await field(form, 'Secret value').fill('staging-secret-value-1');
  await form.getByRole('button', { name: 'Create credential' }).click();
  await page
    .getByRole('dialog', { name: 'Credential created' })
    .getByRole('button', { name: 'Done' })
    .click();
  await expect(list.getByText(stagingOnly)).toBeVisible();
  await expect(list.getByText(productionOnly)).toHaveCount(0);
  expect((await sandbox.listCredentials()).map((row) => row.name)).not.toContain(stagingOnly);

  // Switch back from the header, by keyboard: the first list again, and never staging's rows.
  const switcher = page.getByRole('banner').getByRole('combobox', { name: 'Connection' });
  await expect(switcher).toHaveValue(/.+/);
  // Every DOM change from the moment the switch is chosen: no frame may show staging's rows.
  await page.evaluate(() => {
    const seen: string[] = [];
    (window as unknown as { __seenTables: string[] }).__seenTables = seen;
    let armed = false;
    document.querySelector('#connection-switcher')?.addEventListener('change', () => {
      armed = true;
    });
    new MutationObserver(() => {
      const table = document.querySelector('table');
      if (armed && table) seen.push(table.textContent ?? '');
    }).observe(document.body, { childList: true, subtree: true, characterData: true });
  });
  await switcher.selectOption('default');
  await expect(list.getByText(productionOnly)).toBeVisible();
  await expect(list.getByText(stagingOnly)).toHaveCount(0);
  await expect(page.getByRole('banner').getByRole('combobox', { name: 'Connection' })).toHaveValue(
    'default',
  );
  const seen = await page.evaluate(
    () => (window as unknown as { __seenTables: string[] }).__seenTables,
  );
  expect(seen.some((text) => text.includes(productionOnly))).toBe(true);
  expect(seen.filter((text) => text.includes(stagingOnly))).toEqual([]);

  // And to staging again from the command palette, by keyboard: the same page, staging's list.
  await page.keyboard.press('Control+k');
  const palette = page.getByRole('dialog', { name: 'Command palette' });
  await expect(palette.getByRole('combobox')).toBeFocused();
  await page.keyboard.type('switch staging');
  await expect(palette.getByRole('option', { name: /Switch to Staging/ })).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(palette).toBeHidden();
  await expect(list.getByText(stagingOnly)).toBeVisible();
  await expect(list.getByText(productionOnly)).toHaveCount(0);
  await expect(page).toHaveURL(/\/credentials$/);
});
