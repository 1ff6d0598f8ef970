import type { Page } from '@playwright/test';
import {
  expect,
  expectNoAxeViolations,
  expectNoSecretLeaks,
  test,
  shootAtWidths,
  uniqueSuffix,
} from './support/fixtures';
import { GOOGLE_EXPORT } from './fixtures/generate';
import { CHROMIUM_PATH, chromiumArgs, GENERATED_DIR } from './support/env';

/*
 * The import of a three-part Google Authenticator export through the webcam: its own file, since
 * its fake camera (a Y4M showing the three QR codes in turn) is a browser launch option.
 */

const shoot = (page: Page, name: string) => shootAtWidths(page, `import-${name}`);

// This camera shows the export's three QR codes one after the other (a generated Y4M).
test.use({
  launchOptions: {
    executablePath: CHROMIUM_PATH,
    args: chromiumArgs(`${GENERATED_DIR}${GOOGLE_EXPORT.file}`),
  },
});

test('scans all three codes in one session, a new login and a key added to an existing one', async ({
  page,
  record,
  sandbox,
}) => {
  const sfx = uniqueSuffix();
  const [initrode, vandelay, kramerica] = GOOGLE_EXPORT.parts;
  // Vandelay already has a login in Skyvern: its key is added to it (contract 3.5).
  const existing = await sandbox.createCredential({
    name: `Vandelay ${sfx}`,
    credential_type: 'password',
    credential: { username: 'art@vandelay.example', password: `vandelay-password-${sfx}` },
  });
  await page.goto('/import');
  await page.getByRole('button', { name: 'Scan Google Authenticator codes' }).click();
  const dialog = page.getByRole('dialog', { name: 'Scan a Google Authenticator export' });
  await dialog.getByRole('button', { name: 'Start camera' }).click();
  await expect(
    dialog.getByText('3 of 3 codes scanned: every code of this export is in.'),
  ).toBeVisible({ timeout: 30_000 });
  await expectNoAxeViolations(page, '[role="dialog"]');
  await shoot(page, '1c-google-scanned');
  await dialog.getByRole('button', { name: 'Check these accounts' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('heading', { name: 'Check what will happen' })).toBeVisible();
  for (const part of [initrode, vandelay, kramerica]) {
    await expect(page.getByRole('checkbox', { name: `Import ${part.issuer}` })).toBeVisible();
  }

  await page.getByRole('checkbox', { name: `Import ${initrode.issuer}` }).check();
  const newLogin = page.getByRole('group', { name: `Login for the key of ${initrode.issuer}` });
  await newLogin.getByLabel('Password', { exact: true }).fill(`initrode-password-${sfx}`);
  // Renamed so this run's credential is found by its suffix.
  await page.getByRole('checkbox', { name: `Import ${vandelay.issuer}` }).check();
  const attach = page.getByRole('group', { name: `Login for the key of ${vandelay.issuer}` });
  await expect(attach.getByRole('radio', { name: /Add to an existing credential/ })).toBeEnabled();
  await attach.getByRole('radio', { name: /Add to an existing credential/ }).check();
  await attach
    .getByLabel('Credential', { exact: true })
    .selectOption({ label: `Vandelay ${sfx} (art@vandelay.example)` });
  await attach.getByLabel('Its password, again').fill(`vandelay-password-${sfx}`);
  await expectNoAxeViolations(page);
  await shoot(page, '2c-google-dry-run');

  await page.getByRole('button', { name: 'Import 2 credentials' }).click();
  await expect(page.getByRole('heading', { name: '2 imported, 0 failed, 1 skipped' })).toBeVisible({
    timeout: 30_000,
  });
  const outcomes = page.getByRole('table', { name: 'Outcome of every entry' });
  await expect(outcomes.getByRole('row').filter({ hasText: 'Verified' })).toHaveCount(2);
  // The existing credential now has the key; nothing new was created for Vandelay.
  await sandbox.totpCode(existing.credential_id);
  expect(await sandbox.listCredentials({ search: `Vandelay ${sfx}` })).toHaveLength(1);
  await expectNoSecretLeaks(page, record, [
    ...GOOGLE_EXPORT.parts.map((part) => part.secret),
    `initrode-password-${sfx}`,
    `vandelay-password-${sfx}`,
  ]);
});
