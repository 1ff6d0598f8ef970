import type { Page } from '@playwright/test';
import {
  expect,
  expectNoAxeViolations,
  expectNoSecretLeaks,
  test,
  shootAtWidths,
  uniqueSuffix,
  followNav,
} from './support/fixtures';
import { aegisEncrypted, bitwardenJson, IMPORT_KEYS } from './fixtures/import-files';

/*
 * The import (issue 15) against the real sandbox: a Bitwarden JSON with logins, a TOTP key, a
 * card and a note (dry run, import, verified codes, nothing secret left anywhere); an encrypted
 * Aegis vault; and a run where the sandbox answers 409 and 500 for some creates.
 */

const shoot = (page: Page, name: string) => shootAtWidths(page, `import-${name}`);

async function pick(page: Page, name: string, text: string) {
  await page.getByLabel('Export file').setInputFiles({
    name,
    mimeType: 'application/json',
    buffer: Buffer.from(text, 'utf8'),
  });
}

function dryRunRow(page: Page, name: string) {
  return page
    .getByRole('table', { name: /Dry run/ })
    .getByRole('row')
    .filter({ has: page.getByRole('checkbox', { name: `Import ${name}` }) });
}

function outcomeRow(page: Page, name: string) {
  return page
    .getByRole('table', { name: 'Outcome of every entry' })
    .getByRole('row')
    .filter({ has: page.getByRole('cell', { name, exact: true }) });
}

const NETWORK_NOISE = [/Failed to load resource/, /CORS policy/, /net::ERR_/];

test('Bitwarden JSON: dry run, import, verified codes, and no secret left behind', async ({
  page,
  record,
  sandbox,
}) => {
  const sfx = uniqueSuffix();
  const secrets = {
    github: `gh-password-${sfx}`,
    mail: `mail-password-${sfx}`,
    existing: `existing-password-${sfx}`,
    card: '4111111111111111',
    cvv: '8642',
    note: `note-secret-${sfx}`,
  };
  // Already in Skyvern: the import must say it matches, and skip it.
  await sandbox.createCredential({
    name: `Wiki ${sfx}`,
    credential_type: 'password',
    credential: { username: 'wiki@example.com', password: 'arranged-password-1' },
  });
  const file = bitwardenJson({
    folders: [{ id: 'f1', name: `Work ${sfx}` }],
    logins: [
      {
        name: `GitHub ${sfx}`,
        username: 'octo@example.com',
        password: secrets.github,
        totp: IMPORT_KEYS.github,
        folderId: 'f1',
      },
      { name: `Mail ${sfx}`, username: 'jane@example.com', password: secrets.mail },
      { name: `Wiki ${sfx}`, username: 'wiki@example.com', password: secrets.existing },
    ],
    card: { name: `Visa ${sfx}`, holder: 'Jane Doe', number: secrets.card, code: secrets.cvv },
    note: { name: `Deploy note ${sfx}`, text: secrets.note },
  });

  await page.goto('/credentials');
  await followNav(page, 'Import');
  await expect(page.getByRole('heading', { name: 'Import', level: 1 })).toBeVisible();
  await expectNoAxeViolations(page);
  await shoot(page, '1-source');

  await pick(page, 'bitwarden_export.json', file);
  await expect(page.getByRole('heading', { name: 'Check what will happen' })).toBeVisible();
  await expect(dryRunRow(page, `GitHub ${sfx}`)).toContainText('New');
  await expect(dryRunRow(page, `GitHub ${sfx}`)).toContainText('Authenticator');
  await expect(dryRunRow(page, `GitHub ${sfx}`)).toContainText(`Work ${sfx}`);
  await expect(dryRunRow(page, `Visa ${sfx}`)).toContainText('Credit card');
  await expect(dryRunRow(page, `Deploy note ${sfx}`)).toContainText('Secret');
  await expect(dryRunRow(page, `Wiki ${sfx}`)).toContainText('Matches an existing credential');
  await expect(page.getByRole('checkbox', { name: `Import Wiki ${sfx}` })).not.toBeChecked();
  await expectNoAxeViolations(page);
  await shoot(page, '2-dry-run');
  // The parsed secrets are in the page's memory only: not on screen, in the cache or storage.
  await expectNoSecretLeaks(page, record, [...Object.values(secrets), IMPORT_KEYS.github]);

  await page.getByRole('button', { name: 'Import 4 credentials' }).click();
  await expect(page.getByRole('heading', { name: '4 imported, 0 failed, 1 skipped' })).toBeVisible({
    timeout: 30_000,
  });
  await expect(outcomeRow(page, `GitHub ${sfx}`)).toContainText('Verified');
  await expectNoAxeViolations(page);
  await shoot(page, '5-report');

  const mine = await sandbox.listCredentials({ search: sfx });
  expect(mine.map((credential) => credential.name).sort()).toEqual(
    [`Deploy note ${sfx}`, `GitHub ${sfx}`, `Mail ${sfx}`, `Visa ${sfx}`, `Wiki ${sfx}`].sort(),
  );
  const github = mine.find((credential) => credential.name === `GitHub ${sfx}`) as {
    credential_id: string;
    folder_id?: string | null;
  };
  expect(github.folder_id).toBeTruthy();
  await sandbox.totpCode(github.credential_id);

  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download report (CSV)' }).click();
  const csv = await (await download).createReadStream().then(async (stream) => {
    const chunks: Buffer[] = [];
    for await (const chunk of stream) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks).toString('utf8');
  });
  expect(csv).toContain(
    `GitHub ${sfx},GitHub ${sfx},Password,imported,,${github.credential_id},verified`,
  );
  const all = [...Object.values(secrets), IMPORT_KEYS.github];
  for (const secret of all) expect(csv).not.toContain(secret);

  await expectNoSecretLeaks(page, record, all);
  // Leaving the page drops the import's state; nothing was kept anywhere.
  await followNav(page, 'Credentials');
  await expect(page.getByRole('heading', { name: 'Credentials', level: 1 })).toBeVisible();
  await expectNoSecretLeaks(page, record, all);
});

test('an encrypted Aegis vault: password once, a login typed for the key, verified', async ({
  page,
  record,
  sandbox,
}) => {
  const sfx = uniqueSuffix();
  const password = `aegis-pass-${sfx}`;
  const loginPassword = `typed-login-${sfx}`;
  const file = aegisEncrypted(
    [
      { issuer: `Okta ${sfx}`, name: 'ops@example.com', secret: IMPORT_KEYS.aegisOne },
      { issuer: `Slack ${sfx}`, name: 'ops@example.com', secret: IMPORT_KEYS.aegisTwo },
    ],
    password,
  );
  await page.goto('/import');
  await pick(page, 'aegis-export.json', file);
  await expect(page.getByRole('heading', { name: 'This export is encrypted' })).toBeVisible();
  await expectNoAxeViolations(page);
  await shoot(page, '1b-password');
  await page.getByLabel('Export password', { exact: true }).fill('not-the-password');
  await page.getByRole('button', { name: 'Open the export' }).click();
  await expect(page.getByText('That password does not open this export.')).toBeVisible({
    timeout: 20_000,
  });
  await expect(page.getByLabel('Export password', { exact: true })).toHaveValue('');
  await page.getByLabel('Export password', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Open the export' }).click();
  await expect(page.getByRole('heading', { name: 'Check what will happen' })).toBeVisible({
    timeout: 20_000,
  });

  const okta = page.getByRole('checkbox', { name: new RegExp(`^Import Okta ${sfx}`) });
  await okta.check();
  const login = page.getByRole('group', { name: new RegExp(`Login for the key of Okta ${sfx}`) });
  await expect(login.getByLabel('Username')).toHaveValue('ops@example.com');
  await login.getByLabel('Password', { exact: true }).fill(loginPassword);
  await expectNoAxeViolations(page);
  await shoot(page, '2b-dry-run-login');
  await page.getByRole('button', { name: 'Import 1 credential' }).click();
  await expect(page.getByRole('heading', { name: '1 imported, 0 failed, 1 skipped' })).toBeVisible({
    timeout: 30_000,
  });
  await expect(page.getByRole('table', { name: 'Outcome of every entry' })).toContainText(
    'Verified',
  );
  const created = await sandbox.listCredentials({ search: `Okta ${sfx}` });
  expect(created).toHaveLength(1);
  await expectNoSecretLeaks(page, record, [
    password,
    loginPassword,
    IMPORT_KEYS.aegisOne,
    IMPORT_KEYS.aegisTwo,
  ]);
});

test('409 and 500 on creates: retried, reported, Retry failed, nothing created twice', async ({
  page,
  record,
  sandbox,
}) => {
  record.allowedConsoleErrors.push(...NETWORK_NOISE);
  const sfx = uniqueSuffix();
  const names = Array.from({ length: 6 }, (_, index) => `Fault ${index + 1} ${sfx}`);
  const file = bitwardenJson({
    logins: names.map((name, index) => ({
      name,
      username: `user${index}@example.com`,
      password: `fault-password-${index}-${sfx}`,
    })),
  });
  await page.goto('/import');
  await pick(page, 'faults.json', file);
  await expect(page.getByRole('button', { name: 'Import 6 credentials' })).toBeEnabled();

  // The first two creates get a 409 and are retried with backoff.
  await sandbox.injectFault({ status: 409, pathPrefix: '/v1/credentials', count: 2 });
  await page.getByRole('button', { name: 'Import 6 credentials' }).click();
  await expect(page.getByRole('heading', { name: '6 imported, 0 failed, 0 skipped' })).toBeVisible({
    timeout: 30_000,
  });
  expect(await sandbox.listCredentials({ search: sfx })).toHaveLength(6);

  // Now every request answers 500 (no CORS headers, like Skyvern's crashes): bounded retries, then
  // failed with the reason; after the outage, Retry failed imports each one once.
  const more = names.map((name) => `${name} b`);
  await page.getByRole('button', { name: 'Import another file' }).click();
  await pick(
    page,
    'faults-b.json',
    bitwardenJson({
      logins: more.map((name, index) => ({
        name,
        username: `b${index}@example.com`,
        password: `fault-b-password-${index}-${sfx}`,
      })),
    }),
  );
  await expect(page.getByRole('button', { name: 'Import 6 credentials' })).toBeEnabled();
  await sandbox.injectFault({ status: 500, pathPrefix: '/v1/credentials', count: 1000 });
  await page.getByRole('button', { name: 'Import 6 credentials' }).click();
  await expect(page.getByRole('heading', { name: '0 imported, 6 failed, 0 skipped' })).toBeVisible({
    timeout: 45_000,
  });
  await expect(outcomeRow(page, more[0] as string)).toContainText('Failed:');
  await shoot(page, '5b-report-failed');
  await sandbox.clearFaults();
  await page.getByRole('button', { name: 'Retry failed' }).click();
  await expect(page.getByRole('heading', { name: '6 imported, 0 failed, 0 skipped' })).toBeVisible({
    timeout: 30_000,
  });
  const all = await sandbox.listCredentials({ search: sfx });
  expect(all).toHaveLength(12);
  expect(new Set(all.map((credential) => credential.name)).size).toBe(12);
});

test('Pause and Cancel: requests in flight finish and are reported, the rest are not sent', async ({
  page,
  sandbox,
}) => {
  const sfx = uniqueSuffix();
  const names = Array.from({ length: 10 }, (_, index) => `Slow ${index + 1} ${sfx}`);
  await page.goto('/import');
  await pick(
    page,
    'slow.json',
    bitwardenJson({
      logins: names.map((name, index) => ({
        name,
        username: `slow${index}@example.com`,
        password: `slow-password-${index}-${sfx}`,
      })),
    }),
  );
  await expect(page.getByRole('button', { name: 'Import 10 credentials' })).toBeEnabled();
  // Every create takes a while, so the run can be paused and cancelled midway.
  await sandbox.injectFault({ delayMs: 1500, pathPrefix: '/v1/credentials', count: 1000 });
  await page.getByRole('button', { name: 'Import 10 credentials' }).click();
  await expect(page.getByRole('progressbar', { name: 'Import progress' })).toBeVisible();
  await page.getByRole('button', { name: 'Pause' }).click();
  await expect(page.getByRole('heading', { name: 'Import paused' })).toBeVisible();
  // The four in flight finish; nothing new starts.
  await expect(page.getByText(/^4 of 10 done · 4 imported/)).toBeVisible({ timeout: 15_000 });
  await shoot(page, '3-paused');
  await page.getByRole('button', { name: 'Resume' }).click();
  await expect(page.getByRole('button', { name: 'Pause' })).toBeVisible();
  await page.getByRole('button', { name: 'Cancel' }).click();
  const summary = page.getByRole('heading', { name: /imported, 0 failed, \d+ skipped$/ });
  await expect(summary).toBeVisible({ timeout: 15_000 });
  await sandbox.clearFaults();
  const text = (await summary.textContent()) ?? '';
  const imported = Number(text.split(' ')[0]);
  expect(imported).toBeGreaterThanOrEqual(4);
  expect(imported).toBeLessThan(10);
  await expect(page.getByRole('table', { name: 'Outcome of every entry' })).toContainText(
    'Skipped (cancelled)',
  );
  expect(await sandbox.listCredentials({ search: sfx })).toHaveLength(imported);
});
