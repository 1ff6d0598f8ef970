import type { Page } from '@playwright/test';
import { expect, field, test, uniqueSuffix } from './support/fixtures';

/*
 * No page scrolls sideways: the create, edit, rename and delete flows, the detail page, the 2FA
 * page, the settings pages and the not-found page, at a laptop, a small laptop and a phone, with
 * names and addresses long enough to push a careless layout wider than the window. With
 * SCREENSHOTS=dir set, each step is also saved there to be looked at.
 */

const viewports = [
  { width: 1280, height: 800 },
  { width: 1024, height: 768 },
  { width: 390, height: 844 },
];

async function expectNoSideways(page: Page, step: string) {
  const { scrollWidth, innerWidth } = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    innerWidth: window.innerWidth,
  }));
  expect(scrollWidth, `${step}: the page scrolls sideways`).toBeLessThanOrEqual(innerWidth);
  const dir = process.env.SCREENSHOTS;
  if (dir) {
    const size = page.viewportSize();
    await page.screenshot({
      path: `${dir}/${size?.width}-${step.replace(/\W+/g, '-')}.png`,
      fullPage: true,
    });
  }
}

for (const viewport of viewports) {
  test(`no page scrolls sideways at ${viewport.width}×${viewport.height}`, async ({
    page,
    sandbox,
  }) => {
    test.setTimeout(120_000);
    await page.setViewportSize(viewport);
    const suffix = uniqueSuffix();
    const longMailbox = `someone.with.an.exceptionally.long.mailbox.name.${suffix}@a-rather-long-subdomain.example.com`;
    // Neighbours with long text, an email 2FA (its "See codes for" link) and a bidi override.
    const neighbour = await sandbox.createCredential({
      name: `invoice-\u202Egnp.exe ${suffix}`,
      credential_type: 'password',
      credential: {
        username: longMailbox,
        password: 'arranged-password-1',
        totp_type: 'email',
        totp_identifier: longMailbox,
      },
    });
    const name = `Responsive ${suffix} with a long name that must never widen the page at all`;

    await page.goto(`/credentials?search=${suffix}`);
    await expect(page.getByRole('heading', { level: 1, name: 'Credentials' })).toBeVisible();
    await expect(page.getByRole('table', { name: 'Credentials' }).locator('tbody tr')).toHaveCount(
      1,
    );
    await expect(page.getByText('contains direction controls').first()).toBeVisible();
    await expectNoSideways(page, 'list');

    // Create.
    await page.getByRole('button', { name: 'New credential' }).click();
    const create = page.getByRole('dialog', { name: 'New credential' });
    await expect(create).toBeVisible();
    await field(create, 'Name').fill(name);
    await field(create, 'Username').fill(`${suffix}.${longMailbox}`);
    await field(create, 'Password').fill('a-password-for-the-layout-test');
    await expectNoSideways(page, 'create dialog');
    await create.getByRole('button', { name: 'Create credential' }).click();
    const created = page.getByRole('dialog', { name: 'Credential created' });
    await created.getByRole('button', { name: 'Done' }).click();
    await expect(created).toBeHidden();

    const rows = page.getByRole('table', { name: 'Credentials' }).locator('tbody tr');
    await expect(rows).toHaveCount(2);
    await expectNoSideways(page, 'list with two');

    // Edit: the visible button.
    await page.getByRole('button', { name: `Edit ${name}` }).click();
    const edit = page.getByRole('dialog', { name: `Edit ${name}` });
    await expect(edit).toBeVisible();
    await expectNoSideways(page, 'edit dialog');
    await page.keyboard.press('Escape');
    await expect(edit).toBeHidden();

    // Rename: in the row menu.
    await page.getByRole('button', { name: `Actions for ${name}` }).click();
    await expectNoSideways(page, 'row menu');
    await page.getByRole('menuitem', { name: 'Rename' }).click();
    const rename = page.getByRole('dialog', { name: `Rename ${name}` });
    await expectNoSideways(page, 'rename dialog');
    await field(rename, 'Name').fill(`${name} renamed`);
    await rename.getByRole('button', { name: 'Rename' }).click();
    await expect(rename).toBeHidden();
    const renamed = `${name} renamed`;
    await expect(page.getByRole('link', { name: `Open ${renamed}` })).toBeVisible();

    // The detail pages.
    await page.getByRole('link', { name: `Open ${renamed}` }).click();
    await expect(page.getByRole('heading', { level: 1, name: renamed })).toBeFocused();
    await expectNoSideways(page, 'detail');
    await page.goto(`/credentials/${neighbour.credential_id}`);
    await expect(page.getByRole('link', { name: /See codes for/ })).toBeVisible();
    await expectNoSideways(page, 'detail with long identifier');

    // Every other page.
    for (const [path, heading] of [
      [`/two-factor?identifier=${encodeURIComponent(longMailbox)}`, '2FA codes'],
      ['/settings/connection', /Connection/],
      ['/settings/custom-credential-service', /Custom Credential Service/],
      ['/no-such-page', 'This page does not exist'],
    ] as const) {
      await page.goto(path);
      await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible();
      await expectNoSideways(page, path);
    }

    // Delete: in the row menu.
    await page.goto(`/credentials?search=${suffix}`);
    await page.getByRole('button', { name: `Actions for ${renamed}` }).click();
    await page.getByRole('menuitem', { name: 'Delete' }).click();
    const confirm = page.getByRole('dialog', { name: `Delete ${renamed}?` });
    await expectNoSideways(page, 'delete dialog');
    await confirm.getByRole('button', { name: 'Delete', exact: true }).click();
    await expect(confirm).toBeHidden();
    await expect(rows).toHaveCount(1);
    await expectNoSideways(page, 'list after delete');
  });
}
