import type { Page } from '@playwright/test';
import {
  expect,
  expectNoAxeViolations,
  field,
  followNav,
  test,
  uniqueSuffix,
  shootAtWidths,
} from './support/fixtures';
import { SKYVERN_URL } from './support/env';

/*
 * Issue 13 against the sandbox's demo site (/__demo/, docs/decisions/login-tests.md): Test login
 * really signs in over HTTP, with 300 ms steps here. Passing (password only and with an
 * authenticator key), wrong password, locked account, cancel mid-run, the header list after
 * leaving the page, keyboard only, and axe on the dialog in each state.
 */

/** Set E2E_SCREENSHOT_DIR to keep a PNG of each state, at 1280, 1024 and 390 px. */
const shot = (page: Page, name: string) =>
  shootAtWidths(page, `login-${name}`, { fullPage: false });

const DEMO_LOGIN = `${SKYVERN_URL}/__demo/login`;
const SLOW_LOGIN = `${SKYVERN_URL}/__demo/slow/login`;
const ACCOUNTS = {
  ada: { username: 'ada@demo.example', password: 'demo-password-ada' },
  grace: {
    username: 'grace@demo.example',
    password: 'demo-password-grace',
    totp: 'KRUGS4ZANFZSAYJAMRSW23ZAONSWG4TF',
    totp_type: 'authenticator',
  },
  locked: { username: 'locked@demo.example', password: 'demo-password-locked' },
};

async function seeded(
  sandbox: { createCredential(body: unknown): Promise<{ credential_id: string }> },
  name: string,
  credential: Record<string, string>,
  testedUrl: string | null = DEMO_LOGIN,
) {
  const { credential_id } = await sandbox.createCredential({
    name,
    credential_type: 'password',
    credential,
    ...(testedUrl === null ? {} : { tested_url: testedUrl }),
  });
  return credential_id;
}

test('a passing test from the row menu: steps, result, linked profile and last verified login', async ({
  page,
  sandbox,
}) => {
  const name = `Demo Ada ${uniqueSuffix()}`;
  const id = await seeded(sandbox, name, ACCOUNTS.ada);
  await page.goto(`/credentials?search=${encodeURIComponent(name)}`);
  await page.getByRole('button', { name: `Actions for ${name}` }).click();
  await page.getByRole('menuitem', { name: 'Test login' }).click();

  await expect(page).toHaveURL(new RegExp(`/credentials/${id}#test-login$`));
  const dialog = page.getByRole('dialog', { name: `Test login: ${name}` });
  await expect(field(dialog, 'Login URL')).toHaveValue(DEMO_LOGIN);
  await expect(dialog.getByRole('checkbox', { name: /Save the browser session/ })).toBeChecked();
  await expect(dialog).toContainText('A test really signs in');
  await expectNoAxeViolations(page, '[role="dialog"]');
  await shot(page, '1-form');

  await dialog.getByRole('button', { name: 'Start test' }).click();
  await expect(dialog.getByRole('list', { name: 'Steps' })).toBeVisible();
  await expect(dialog.getByTestId('login-test-elapsed')).toBeVisible();
  await expectNoAxeViolations(page, '[role="dialog"]');
  await shot(page, '2-running');

  await expect(dialog.getByRole('heading', { name: 'Login test passed' })).toBeVisible();
  await expect(dialog).toContainText(/Browser session saved as profile bp_\d+/);
  await expectNoAxeViolations(page, '[role="dialog"]');
  await shot(page, '3-passed');
  await dialog.getByRole('button', { name: 'Done' }).click();

  // The page shows what this browser saw, the profile's link and its login URL.
  const section = page.getByRole('region', { name: 'Login test' });
  await expect(section).toContainText('Passed');
  await expect(section).toContainText(DEMO_LOGIN);
  await expect(section).toContainText(/Not verified yet \(profile bp_\d+\)/);
  await expect(page).toHaveURL(new RegExp(`/credentials/${id}$`));
  await shot(page, '4-detail');
});

test('an authenticator credential passes: the sandbox posts the code from the stored key', async ({
  page,
  sandbox,
}) => {
  const name = `Demo Grace ${uniqueSuffix()}`;
  const id = await seeded(sandbox, name, ACCOUNTS.grace);
  await page.goto(`/credentials/${id}`);
  await page.getByRole('button', { name: `Test login of ${name}` }).click();
  const dialog = page.getByRole('dialog', { name: `Test login: ${name}` });
  await dialog.getByRole('button', { name: 'Start test' }).click();
  await expect(dialog.getByRole('heading', { name: 'Login test passed' })).toBeVisible();
  // A second test overwrites the same profile and stamps its last verified login (contract 11.6).
  await dialog.getByRole('button', { name: 'Test again' }).click();
  await dialog.getByRole('button', { name: 'Start test' }).click();
  await expect(dialog.getByRole('heading', { name: 'Login test passed' })).toBeVisible();
  await dialog.getByRole('button', { name: 'Done' }).click();
  await expect(page.getByRole('region', { name: 'Login test' })).not.toContainText(
    'Not verified yet',
  );
});

test('a wrong password fails with the humanised reason and what to try next', async ({
  page,
  sandbox,
}) => {
  const name = `Demo Ada old password ${uniqueSuffix()}`;
  const id = await seeded(sandbox, name, { ...ACCOUNTS.ada, password: 'demo-password-ada-2025' });
  await page.goto(`/credentials/${id}`);
  await page.getByRole('button', { name: `Test login of ${name}` }).click();
  const dialog = page.getByRole('dialog', { name: `Test login: ${name}` });
  await dialog.getByRole('button', { name: 'Start test' }).click();
  await expect(dialog.getByRole('heading', { name: 'Login test failed' })).toBeVisible();
  await expect(dialog.getByTestId('login-test-reason')).toHaveText(
    'The login failed — the password appears to be incorrect.',
  );
  await expect(dialog).toContainText('Fix the password');
  await expectNoAxeViolations(page, '[role="dialog"]');
  await shot(page, '5-failed');
  await dialog.getByRole('button', { name: 'Done' }).click();
  await expect(page.getByRole('region', { name: 'Login test' })).toContainText(
    'the password appears to be incorrect',
  );
});

test('a locked account ends the test as terminated', async ({ page, sandbox }) => {
  const name = `Demo locked ${uniqueSuffix()}`;
  const id = await seeded(sandbox, name, ACCOUNTS.locked);
  await page.goto(`/credentials/${id}`);
  await page.getByRole('button', { name: `Test login of ${name}` }).click();
  const dialog = page.getByRole('dialog', { name: `Test login: ${name}` });
  await dialog.getByRole('button', { name: 'Start test' }).click();
  await expect(dialog.getByRole('heading', { name: 'Login test failed' })).toBeVisible();
  await expect(dialog.getByTestId('login-test-reason')).toHaveText(
    'The login test was terminated before it could complete.',
  );
  await expect(dialog).toContainText('Sign in yourself');
  await shot(page, '6-terminated');
});

test('a test goes on after leaving the page: the header lists it and links back; Cancel stops it', async ({
  page,
  sandbox,
}) => {
  // The slow page holds the run for 30 s, long enough to look around (and screenshot) first.
  test.setTimeout(120_000);
  const name = `Demo slow ${uniqueSuffix()}`;
  const id = await seeded(sandbox, name, ACCOUNTS.ada, SLOW_LOGIN);
  await page.goto(`/credentials/${id}`);
  await page.getByRole('button', { name: `Test login of ${name}` }).click();
  let dialog = page.getByRole('dialog', { name: `Test login: ${name}` });
  await dialog.getByRole('button', { name: 'Start test' }).click();
  await expect(dialog.getByRole('list', { name: 'Steps' })).toBeVisible();
  await expect(dialog.getByText('Skyvern is signing in…')).toBeVisible();
  await expectNoAxeViolations(page, '[role="dialog"]');
  await shot(page, '2-running-slow');
  await dialog.getByRole('button', { name: 'Run in background' }).click();

  await followNav(page, 'Credentials');
  const indicator = page.getByRole('button', { name: '1 login test running' });
  await expect(indicator).toBeVisible();
  await indicator.click();
  await expectNoAxeViolations(page, 'header');
  await shot(page, '7-header');
  await page
    .getByRole('banner')
    .getByRole('link', { name: new RegExp(name) })
    .click();
  await expect(page).toHaveURL(new RegExp(`/credentials/${id}$`));

  await page.getByRole('button', { name: `Test login of ${name}` }).click();
  dialog = page.getByRole('dialog', { name: `Test login: ${name}` });
  await dialog.getByRole('button', { name: 'Cancel test' }).click();
  await expect(dialog.getByRole('heading', { name: 'Login test cancelled' })).toBeVisible();
  await shot(page, '8-cancelled');
  await dialog.getByRole('button', { name: 'Done' }).click();
  await expect(page.getByRole('region', { name: 'Login test' })).toContainText('Cancelled');
});

test('keyboard only: row menu, start, result, Escape, focus back on Test login', async ({
  page,
  sandbox,
}) => {
  const name = `Demo keyboard ${uniqueSuffix()}`;
  await seeded(sandbox, name, ACCOUNTS.ada);
  await page.goto(`/credentials?search=${encodeURIComponent(name)}`);
  await page.getByRole('button', { name: `Actions for ${name}` }).focus();
  await page.keyboard.press('Enter');
  const testItem = page.getByRole('menuitem', { name: 'Test login' });
  for (let i = 0; i < 5 && !(await testItem.evaluate((el) => el === document.activeElement)); i++)
    await page.keyboard.press('ArrowDown');
  await expect(testItem).toBeFocused();
  await page.keyboard.press('Enter');

  const dialog = page.getByRole('dialog', { name: `Test login: ${name}` });
  await expect(field(dialog, 'Login URL')).toBeFocused();
  await page.keyboard.press('Enter'); // submits the form
  await expect(dialog.getByRole('heading', { name: 'Login test passed' })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('button', { name: `Test login of ${name}` })).toBeFocused();
});

test('test before saving: a passed test becomes the credential; a failed one leaves nothing behind', async ({
  page,
  sandbox,
}) => {
  const name = `Tested first ${uniqueSuffix()}`;
  await page.goto('/credentials');
  await page.getByRole('button', { name: /New credential/ }).click();
  const dialog = page.getByRole('dialog', { name: 'New credential' });
  await field(dialog, 'Name').fill(name);
  await field(dialog, 'Username').fill(ACCOUNTS.ada.username);
  await field(dialog, 'Password').fill('demo-password-ada-wrong');
  await dialog.getByRole('button', { name: 'Test before saving…' }).click();
  const panel = dialog.getByRole('region', { name: 'Test before saving' });
  await expect(panel).toContainText(`_test_login_${ACCOUNTS.ada.username}`);
  await field(panel, 'Login URL').fill(DEMO_LOGIN);
  await expectNoAxeViolations(page, '[role="dialog"]');
  await shot(page, '9-inline-form');
  await panel.getByRole('button', { name: 'Start test' }).click();
  await expect(panel.getByRole('heading', { name: 'Login test failed' })).toBeVisible();
  // Skyvern deleted the temporary credential once the run failed.
  await expect
    .poll(async () =>
      (await sandbox.listCredentials({ search: '_test_login_' })).some((c) =>
        c.name.endsWith(ACCOUNTS.ada.username),
      ),
    )
    .toBe(false);

  await panel.getByRole('button', { name: 'Test again' }).click();
  await field(dialog, 'Password').fill(ACCOUNTS.ada.password);
  await panel.getByRole('button', { name: 'Start test' }).click();
  await expect(panel.getByRole('heading', { name: 'Login test passed' })).toBeVisible();
  await shot(page, '10-inline-passed');
  await panel.getByRole('button', { name: 'Save tested credential' }).click();
  await expect(page.getByRole('dialog', { name: 'Credential created' })).toBeVisible();
  const saved = await sandbox.listCredentials({ search: name });
  expect(saved.map((c) => c.name)).toEqual([name]);
  expect(
    (await sandbox.listCredentials({ search: '_test_login_' })).filter((c) =>
      c.name.endsWith(ACCOUNTS.ada.username),
    ),
  ).toEqual([]);
});
