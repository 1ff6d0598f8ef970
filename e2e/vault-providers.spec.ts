import type { APIRequestContext, Page } from '@playwright/test';
import { expect, expectNoAxeViolations, expectNoSecretLeaks, test } from './support/fixtures';
import { API_KEY, SKYVERN_URL } from './support/env';

/*
 * Settings → Vault providers and the provider item lists on the Credentials page, against the
 * sandbox. The sandbox returns the 1Password token and the Azure client secret in clear, as Skyvern
 * does (contract 12.1); the console must never let them reach the DOM, storage or cache.
 * Every test starts and ends with no provider configured.
 */

const PAGE = '/settings/vault-providers';
const PROVIDERS = ['onepassword', 'bitwarden', 'azure_credential'] as const;

async function clearAll(request: APIRequestContext) {
  for (const provider of PROVIDERS) {
    const response = await request.delete(`${SKYVERN_URL}/v1/credentials/${provider}`, {
      headers: { 'x-api-key': API_KEY },
    });
    expect(response.status()).toBe(200);
  }
}

async function shot(page: Page, name: string) {
  const dir = process.env.E2E_SCREENSHOT_DIR;
  if (dir) await page.screenshot({ path: `${dir}/${name}.png`, fullPage: true });
}

const region = (page: Page, name: string) => page.getByRole('region', { name, exact: true });

test.describe('Vault providers', () => {
  test.beforeEach(async ({ request, record }) => {
    // "Not configured" is a 404 and a failed check a 400/429/502: Chromium logs them as failed loads.
    record.allowedConsoleErrors.push(
      /Failed to load resource: the server responded with a status of (400|404|429|502)/,
    );
    await clearAll(request);
  });
  test.afterEach(async ({ request }) => {
    await clearAll(request);
  });

  test('1Password: good token checks and lists, a bad one is explained, clear', async ({
    page,
    record,
  }) => {
    const good = `ops_e2e-good-token-${Date.now()}-a1b2`;
    const bad = `ops_e2e-expired-token-${Date.now()}-c3d4`;
    await page.goto(PAGE);
    const op = region(page, '1Password');
    await expect(op.getByText('Status: Not configured')).toBeVisible();
    await expectNoAxeViolations(page, 'main');

    await op.getByLabel(/^Service account token/).fill(good);
    await op.getByRole('button', { name: 'Save' }).click();
    await expect(op.getByText('Status: Configured')).toBeVisible();
    await expect(op.getByLabel(/^Service account token/)).toHaveValue('');
    await op.getByRole('button', { name: 'Check connection' }).click();
    await expect(op.getByText(/^Connected: \d+ items visible\.$/)).toBeVisible();
    await shot(page, 'vp-1password-connected');
    await expectNoSecretLeaks(page, record, [good]);

    await op.getByLabel(/^Service account token/).fill(bad);
    await op.getByRole('button', { name: 'Replace configuration' }).click();
    await expect(op.getByLabel(/^Service account token/)).toHaveValue('');
    await op.getByRole('button', { name: 'Check connection' }).click();
    await expect(op.getByRole('alert')).toContainText(
      '1Password refused the service account token',
    );
    await expect(op.getByText('Check failed')).toBeVisible();

    await op.getByRole('button', { name: 'Clear' }).click();
    const dialog = page.getByRole('alertdialog');
    await expect(dialog).toContainText("server's own 1Password token");
    await expectNoAxeViolations(page, '[role="alertdialog"]');
    await dialog.getByRole('button', { name: 'Clear' }).click();
    await expect(op.getByText('Status: Not configured')).toBeVisible();
    await expectNoSecretLeaks(page, record, [good, bad]);
  });

  test('1Password rate limit and outage are worded', async ({ page, record }) => {
    await page.goto(PAGE);
    const op = region(page, '1Password');
    for (const [token, words] of [
      ['ops_e2e-rate-limit-9f8e', 'rate-limiting'],
      ['ops_e2e-unavailable-7d6c', 'did not answer in time'],
    ] as const) {
      await op.getByLabel(/^Service account token/).fill(token);
      await op.getByRole('button', { name: /^(Save|Replace configuration)$/ }).click();
      await expect(op.getByText('Status: Configured')).toBeVisible();
      await expect(op.getByLabel(/^Service account token/)).toHaveValue('');
      await op.getByRole('button', { name: 'Check connection' }).click();
      await expect(op.getByRole('alert')).toContainText(words);
    }
    await expectNoSecretLeaks(page, record, [
      'ops_e2e-rate-limit-9f8e',
      'ops_e2e-unavailable-7d6c',
    ]);
  });

  test('Bitwarden: good and wrong master password, clear', async ({ page, record }) => {
    const good = `bw-good-master-${Date.now()}`;
    const bad = `bw-wrong-master-${Date.now()}`;
    await page.goto(PAGE);
    const bw = region(page, 'Bitwarden');
    await bw.getByLabel(/^Email/).fill('vault.bot@example.com');
    await bw.getByLabel(/^Master password/).fill(good);
    await bw.getByRole('button', { name: 'Save' }).click();
    await expect(bw.getByText('vault.bot@example.com')).toBeVisible();
    await expect(bw.getByLabel(/^Master password/)).toHaveValue('');
    await bw.getByRole('button', { name: 'Check connection' }).click();
    await expect(bw.getByText(/^Connected: \d+ items visible\.$/)).toBeVisible();

    await bw.getByLabel(/^Email/).fill('vault.bot@example.com');
    await bw.getByLabel(/^Master password/).fill(bad);
    await bw.getByRole('button', { name: 'Replace configuration' }).click();
    await expect(bw.getByLabel(/^Master password/)).toHaveValue('');
    await bw.getByRole('button', { name: 'Check connection' }).click();
    await expect(bw.getByRole('alert')).toContainText('could not sign in to Bitwarden');

    await bw.getByRole('button', { name: 'Clear' }).click();
    await page.getByRole('alertdialog').getByRole('button', { name: 'Clear' }).click();
    await expect(bw.getByText('Status: Not configured')).toBeVisible();
    await expectNoSecretLeaks(page, record, [good, bad]);
  });

  test('Azure: save shows ids and a mask, says there is no check, clear', async ({
    page,
    record,
  }) => {
    const secret = `az-client-secret-${Date.now()}-e5f6`;
    await page.goto(PAGE);
    const az = region(page, 'Azure Key Vault');
    await az.getByLabel(/^Tenant ID/).fill('tenant-e2e');
    await az.getByLabel(/^Client ID/).fill('client-e2e');
    await az.getByLabel(/^Client secret/).fill(secret);
    await az.getByRole('button', { name: 'Save' }).click();
    await expect(az.getByText('tenant-e2e')).toBeVisible();
    await expect(az.getByText(/Skyvern has no check for Azure Key Vault/)).toBeVisible();
    await expect(az.getByLabel(/^Client secret/)).toHaveValue('');
    await expectNoSecretLeaks(page, record, [secret]);
    await page.reload();
    await expect(region(page, 'Azure Key Vault').getByText('tenant-e2e')).toBeVisible();
    await expectNoSecretLeaks(page, record, [secret]);
    await shot(page, 'vp-page');
    await page.setViewportSize({ width: 390, height: 844 });
    await expectNoAxeViolations(page, 'main');
    await shot(page, 'vp-page-390');

    await az.getByRole('button', { name: 'Clear' }).click();
    await page.getByRole('alertdialog').getByRole('button', { name: 'Clear' }).click();
    await expect(az.getByText('Status: Not configured')).toBeVisible();
  });

  test('Credentials page: provider items only when configured, searchable, ids copyable', async ({
    page,
    record,
    request,
  }) => {
    await page.goto('/credentials');
    await expect(page.getByRole('heading', { name: 'Credentials', level: 1 })).toBeVisible();
    await page.waitForLoadState('networkidle');
    await expect(page.getByRole('heading', { name: 'Items in your vault providers' })).toHaveCount(
      0,
    );

    const token = `ops_e2e-items-token-${Date.now()}`;
    const response = await request.post(`${SKYVERN_URL}/v1/credentials/onepassword/create`, {
      headers: { 'x-api-key': API_KEY },
      data: { token },
    });
    expect(response.status()).toBe(200);
    await page.reload();
    await expect(
      page.getByRole('heading', { name: 'Items in your vault providers' }),
    ).toBeVisible();
    await expect(page.getByText(/not Skyvern credentials/)).toBeVisible();
    await expect(page.getByRole('button', { name: /^Bitwarden items/ })).toHaveCount(0);
    const toggle = page.getByRole('button', { name: /^1Password items \(\d+\)$/ });
    await toggle.click();
    const list = page.getByRole('list', { name: '1Password items' });
    const total = await list.getByRole('listitem').count();
    expect(total).toBeGreaterThan(1);
    await page
      .getByLabel('Search 1Password items')
      .fill((await list.getByRole('listitem').first().locator('p').first().textContent()) ?? '');
    expect(await list.getByRole('listitem').count()).toBeLessThan(total);
    await expect(list.getByRole('button', { name: /^Copy item id of / }).first()).toBeVisible();
    await expect(list.getByRole('button', { name: /^Copy vault id of / }).first()).toBeVisible();
    await expectNoAxeViolations(page, 'main');
    await shot(page, 'vp-credentials-items');
    await expectNoSecretLeaks(page, record, [token]);
  });
});
