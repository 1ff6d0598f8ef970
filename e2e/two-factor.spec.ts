import { createHmac } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator, Page } from '@playwright/test';
import {
  expect,
  expectNoAxeViolations,
  expectNoSecretLeaks,
  test,
  uniqueSuffix,
} from './support/fixtures';
import { GENERATED_DIR } from './support/env';
import { encodePng, QR_FIXTURES } from './fixtures/generate';

/*
 * 2FA in Chromium against the sandbox: the QR scanner by fake webcam (the generated Y4M), image,
 * paste and drop; Google Authenticator exports; saving a scanned key in the credential form and
 * checking the sandbox generates the code the preview showed; pushed codes.
 */

/** Set E2E_SCREENSHOT_DIR to keep a PNG of each state for review. */
async function shot(page: Page, name: string) {
  const dir = process.env.E2E_SCREENSHOT_DIR;
  if (dir) await page.screenshot({ path: `${dir}/2fa-${name}.png`, fullPage: true });
}

const fixture = (file: string) => join(GENERATED_DIR, file);

/** RFC 6238 in Node, independent of the console's otpauth. */
function totp(
  secretBase32: string,
  timestampMs: number,
  { algorithm = 'sha1', digits = 6, period = 30 } = {},
): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  let bits = '';
  for (const char of secretBase32.toUpperCase()) {
    bits += alphabet.indexOf(char).toString(2).padStart(5, '0');
  }
  const key = Buffer.from(bits.match(/.{8}/g)?.map((byte) => parseInt(byte, 2)) ?? []);
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(Math.floor(timestampMs / 1000 / period)));
  const hmac = createHmac(algorithm, key).update(counter).digest();
  const offset = (hmac[hmac.length - 1] ?? 0) & 0x0f;
  return String((hmac.readUInt32BE(offset) & 0x7fffffff) % 10 ** digits).padStart(digits, '0');
}

/** Waits until at least `margin` seconds remain in the current period, so a code stays valid. */
async function awayFromPeriodEdge(period: number, margin = 12) {
  const remaining = period - ((Date.now() / 1000) % period);
  if (remaining < margin)
    await new Promise((resolve) => setTimeout(resolve, remaining * 1000 + 300));
}

/** Records every camera stream the page opens, to prove they are all stopped afterwards. */
async function recordCameraStreams(page: Page, { blank = false } = {}) {
  await page.addInitScript((useBlank) => {
    const streams: MediaStream[] = [];
    Object.assign(window, { __cameraStreams: streams });
    const original = navigator.mediaDevices.getUserMedia.bind(navigator.mediaDevices);
    navigator.mediaDevices.getUserMedia = async (constraints) => {
      if (useBlank && constraints?.video) {
        // A camera that sees a white wall: scanning runs until the dialog is closed.
        const canvas = document.createElement('canvas');
        canvas.width = 640;
        canvas.height = 480;
        const context = canvas.getContext('2d');
        const paint = () => {
          context?.fillRect(0, 0, 640, 480);
        };
        if (context) context.fillStyle = '#f8fafc';
        paint();
        const stream = canvas.captureStream(10);
        const timer = setInterval(paint, 100);
        stream.getVideoTracks()[0]?.addEventListener('ended', () => clearInterval(timer));
        streams.push(stream);
        return stream;
      }
      const stream = await original(constraints);
      streams.push(stream);
      return stream;
    };
  }, blank);
}

async function liveTracks(page: Page): Promise<number> {
  return page.evaluate(
    () =>
      ((window as unknown as { __cameraStreams?: MediaStream[] }).__cameraStreams ?? [])
        .flatMap((stream) => stream.getTracks())
        .filter((track) => track.readyState === 'live').length,
  );
}

async function openInspector(page: Page): Promise<Locator> {
  await page.goto('/two-factor');
  await expect(page.getByRole('heading', { level: 1, name: '2FA codes' })).toBeVisible();
  await page.getByRole('button', { name: 'Scan a QR code' }).click();
  const dialog = page.getByRole('dialog', { name: 'Scan QR code' });
  await expect(dialog).toBeVisible();
  return dialog;
}

async function uploadImage(dialog: Locator, file: string) {
  await dialog.getByRole('tab', { name: 'Image' }).click();
  await dialog.getByLabel('QR code image').setInputFiles(file);
}

async function details(dialog: Locator) {
  const terms = await dialog.locator('dt').allTextContents();
  const values = await dialog.locator('dd').allTextContents();
  return Object.fromEntries(terms.map((term, index) => [term, values[index]]));
}

test.describe('QR scanner', () => {
  test('webcam: reads the fake camera, shows the code, releases the camera', async ({
    page,
    record,
  }) => {
    const now = Date.UTC(2026, 10, 22, 4, 0, 10);
    await page.clock.setFixedTime(now);
    await recordCameraStreams(page);
    const dialog = await openInspector(page);
    await expect(dialog.getByRole('tab', { name: 'Webcam', selected: true })).toBeVisible();
    await shot(page, 'dialog-webcam');
    await expectNoAxeViolations(page, '[role="dialog"]');

    await dialog.getByRole('button', { name: 'Start camera' }).click();
    await expect(dialog.getByText('Read an authenticator key from the webcam.')).toBeVisible();
    expect(await details(dialog)).toEqual({
      Issuer: 'Umbrella',
      Account: 'lab@umbrella.example',
      Algorithm: 'SHA1',
      Digits: '6',
      Period: '30 seconds',
    });
    await expect(dialog.getByTestId('live-code')).toHaveAttribute(
      'data-code',
      totp(QR_FIXTURES.webcam.secret, now),
    );
    // Stopped at the first decode: the camera is off while the result is shown.
    await expect.poll(() => liveTracks(page)).toBe(0);
    await shot(page, 'dialog-webcam-result');
    await expectNoAxeViolations(page, '[role="dialog"]');

    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
    await expect(page.getByRole('button', { name: 'Scan a QR code' })).toBeFocused();
    await expectNoSecretLeaks(page, record, [QR_FIXTURES.webcam.secret, QR_FIXTURES.webcam.uri]);
  });

  test('webcam: draws the scan region while scanning and stops the camera on close', async ({
    page,
  }) => {
    await recordCameraStreams(page, { blank: true });
    const dialog = await openInspector(page);
    await dialog.getByRole('button', { name: 'Start camera' }).click();
    await expect(dialog.getByText('Hold the QR code inside the square.')).toBeVisible();
    const region = await dialog.getByTestId('scan-region').boundingBox();
    const video = await dialog.getByLabel('Camera preview').boundingBox();
    expect(region && video).toBeTruthy();
    if (region && video) {
      // qr-scanner's square: two thirds of the shorter side, centred.
      expect(region.height).toBeCloseTo((video.height * 2) / 3, 0);
      expect(region.width).toBeCloseTo(region.height, 0);
      expect(region.x + region.width / 2).toBeCloseTo(video.x + video.width / 2, 0);
      expect(region.y + region.height / 2).toBeCloseTo(video.y + video.height / 2, 0);
    }
    expect(await liveTracks(page)).toBeGreaterThan(0);
    await shot(page, 'dialog-webcam-scanning');
    await expectNoAxeViolations(page, '[role="dialog"]');

    await dialog.getByRole('button', { name: 'Close' }).click();
    await expect(dialog).toBeHidden();
    await expect.poll(() => liveTracks(page)).toBe(0);
  });

  test('webcam: a blocked camera is explained', async ({ page }) => {
    await page.addInitScript(() => {
      navigator.mediaDevices.getUserMedia = () =>
        Promise.reject(new DOMException('Permission denied', 'NotAllowedError'));
    });
    const dialog = await openInspector(page);
    await dialog.getByRole('button', { name: 'Start camera' }).click();
    await expect(dialog.getByRole('alert')).toContainText('Camera access is blocked');
    await shot(page, 'dialog-webcam-denied');
    await expectNoAxeViolations(page, '[role="dialog"]');
  });

  test('image: clean, photo-like and noisy photos decode; each shows its details', async ({
    page,
    record,
  }) => {
    const dialog = await openInspector(page);
    await dialog.getByRole('tab', { name: 'Image' }).click();
    await shot(page, 'dialog-image');
    await expectNoAxeViolations(page, '[role="dialog"]');

    for (const [item, issuer] of [
      [QR_FIXTURES.clean, 'Acme Portal'],
      [QR_FIXTURES.photo, 'Globex'],
      [QR_FIXTURES.photoNoisy, 'Soylent'],
    ] as const) {
      await uploadImage(dialog, fixture(item.file));
      await expect(dialog.getByText('Read an authenticator key from the image.')).toBeVisible({
        timeout: 20_000,
      });
      expect((await details(dialog)).Issuer).toBe(issuer);
      await dialog.getByRole('button', { name: 'Scan another' }).click();
    }
    await expectNoSecretLeaks(page, record, [
      QR_FIXTURES.clean.secret,
      QR_FIXTURES.photo.secret,
      QR_FIXTURES.photoNoisy.secret,
    ]);
  });

  test('image: unusual settings are flagged and HOTP, plain URLs, no QR and non-images explained', async ({
    page,
  }, testInfo) => {
    const dialog = await openInspector(page);

    await uploadImage(dialog, fixture(QR_FIXTURES.sha256.file));
    await expect(
      dialog.getByText(/Unusual settings: SHA256 algorithm, 8-digit codes/),
    ).toBeVisible();
    await expect(dialog.getByTestId('live-code')).toHaveAttribute('data-code', /^\d{8}$/);
    await shot(page, 'dialog-result-unusual');
    await dialog.getByRole('button', { name: 'Scan another' }).click();

    await uploadImage(dialog, fixture(QR_FIXTURES.hotp.file));
    await expect(dialog.getByRole('alert')).toContainText('Counter-based keys are not supported');
    await shot(page, 'dialog-error-hotp');
    await dialog.getByRole('button', { name: 'Scan another' }).click();

    await uploadImage(dialog, fixture(QR_FIXTURES.url.file));
    await expect(dialog.getByRole('alert')).toContainText('Not an authenticator QR code');
    await expect(dialog.getByRole('alert')).toContainText('a web address on example.com');
    await shot(page, 'dialog-error-url');
    await expectNoAxeViolations(page, '[role="dialog"]');
    await dialog.getByRole('button', { name: 'Scan another' }).click();

    const blank = testInfo.outputPath('blank.png');
    writeFileSync(
      blank,
      encodePng({ width: 200, height: 200, pixels: new Uint8Array(200 * 200).fill(250) }),
    );
    await uploadImage(dialog, blank);
    await expect(dialog.getByRole('alert')).toContainText('No QR code found', {
      timeout: 20_000,
    });
    await shot(page, 'dialog-error-no-qr');

    const text = testInfo.outputPath('notes.png');
    writeFileSync(text, 'not really a png');
    await dialog.getByLabel('QR code image').setInputFiles(text);
    await expect(dialog.getByRole('alert')).toContainText('Not an image');
  });

  test('image: a pasted screenshot and a dropped file are scanned', async ({ page }) => {
    const dialog = await openInspector(page);
    const bytes = [...readFileSync(fixture(QR_FIXTURES.clean.file))];

    await page.evaluate((data) => {
      const file = new File([new Uint8Array(data)], 'screenshot.png', { type: 'image/png' });
      const transfer = new DataTransfer();
      transfer.items.add(file);
      document.dispatchEvent(
        new ClipboardEvent('paste', { clipboardData: transfer, bubbles: true, cancelable: true }),
      );
    }, bytes);
    await expect(dialog.getByText('Read an authenticator key from the image.')).toBeVisible();
    await dialog.getByRole('button', { name: 'Scan another' }).click();

    const transfer = await page.evaluateHandle((data) => {
      const dataTransfer = new DataTransfer();
      dataTransfer.items.add(new File([new Uint8Array(data)], 'qr.png', { type: 'image/png' }));
      return dataTransfer;
    }, bytes);
    const zone = dialog.getByTestId('scan-drop-zone');
    await zone.dispatchEvent('dragenter', { dataTransfer: transfer });
    await zone.dispatchEvent('dragover', { dataTransfer: transfer });
    await shot(page, 'dialog-dragging');
    await zone.dispatchEvent('drop', { dataTransfer: transfer });
    await expect(dialog.getByText('Read an authenticator key from the image.')).toBeVisible();
  });

  test('text: a pasted otpauth URI or bare key is checked; bad keys say why', async ({
    page,
    record,
  }) => {
    const dialog = await openInspector(page);
    await dialog.getByRole('tab', { name: 'Text' }).click();
    await shot(page, 'dialog-text');
    await expectNoAxeViolations(page, '[role="dialog"]');
    const input = dialog.getByLabel('otpauth:// link or setup key');

    await input.fill('otpauth://totp/Acme:jane?secret=JBSWY3DPEHPK3PX1');
    await dialog.getByRole('button', { name: 'Check' }).click();
    await expect(input).toHaveAccessibleDescription(/not valid Base32|malformed/);
    await shot(page, 'dialog-text-invalid');

    await input.fill(QR_FIXTURES.clean.uri);
    await dialog.getByRole('button', { name: 'Check' }).click();
    await expect(dialog.getByText('Read an authenticator key from the text.')).toBeVisible();
    expect((await details(dialog)).Account).toBe('jane@example.com');
    await shot(page, 'dialog-text-result');
    await dialog.getByRole('button', { name: 'Scan another' }).click();

    await dialog.getByRole('tab', { name: 'Text' }).click();
    await input.fill('jbsw y3dp-ehpk 3pxp');
    await dialog.getByRole('button', { name: 'Check' }).click();
    expect(await details(dialog)).toMatchObject({ Issuer: 'Not stated', Algorithm: 'SHA1' });
    await page.keyboard.press('Escape');
    await expectNoSecretLeaks(page, record, [QR_FIXTURES.clean.secret, 'JBSWY3DPEHPK3PXP']);
  });

  test('Google Authenticator export: lists the accounts and shows the one picked', async ({
    page,
    record,
  }) => {
    const dialog = await openInspector(page);
    await uploadImage(dialog, fixture(QR_FIXTURES.migration.file));
    const group = dialog.getByRole('group', { name: /export holds 3 accounts/ });
    await expect(group).toBeVisible();
    await expect(group.getByRole('radio', { name: 'Stark · tony@stark.example' })).toBeChecked();
    await expect(group.getByRole('radio', { name: /norman@oscorp.example/ })).toBeDisabled();
    await expect(group).toContainText('Counter-based (HOTP): not supported');
    await group.getByRole('radio', { name: 'Wayne · bruce@wayne.example' }).check();
    expect((await details(dialog)).Account).toBe('bruce@wayne.example');
    await shot(page, 'dialog-migration');
    await expectNoAxeViolations(page, '[role="dialog"]');
    await page.keyboard.press('Escape');
    await expectNoSecretLeaks(
      page,
      record,
      QR_FIXTURES.migration.accounts.map((account) => account.secret),
    );
  });
});

test.describe('Saving a scanned key', () => {
  test.beforeEach(({ record }) => {
    // The form asks whether a custom credential service is configured; "no" is a 404 (contract 5.1).
    record.allowedConsoleErrors.push(
      /Failed to load resource: the server responded with a status of 404/,
    );
  });

  async function openPasswordForm(page: Page, name: string, password: string) {
    await page.goto('/credentials');
    await page.getByRole('button', { name: 'New credential' }).click();
    const form = page.getByRole('dialog', { name: 'New credential' });
    await form.getByRole('radio', { name: /Password/ }).check();
    await form.getByRole('textbox', { name: 'Name', exact: true }).fill(name);
    await form.getByRole('textbox', { name: 'Username' }).fill('lab@umbrella.example');
    await form.getByLabel(/^Password\*?$/).fill(password);
    await form
      .getByRole('group', { name: 'Two-factor authentication' })
      .getByRole('radio', { name: 'Authenticator app' })
      .check();
    return form;
  }

  async function createAndCompare(
    page: Page,
    form: Locator,
    secret: string,
    options: { algorithm?: string; digits?: number; period?: number } = {},
  ) {
    const preview = form.getByRole('region', { name: 'Authenticator key preview' });
    await expect(preview).toBeVisible();
    if (process.env.E2E_SCREENSHOT_DIR) {
      await preview.getByTestId('live-code').scrollIntoViewIfNeeded();
      await page.screenshot({
        path: `${process.env.E2E_SCREENSHOT_DIR}/2fa-form-preview-${options.period ?? 30}.png`,
      });
    }
    const shown = await preview.getByTestId('live-code').getAttribute('data-code');
    expect(shown).toBe(totp(secret, Date.now(), options));
    await form.getByRole('button', { name: 'Create credential' }).click();
    await expect(page.getByTestId('new-credential-id')).toBeVisible();
    const id = (await page.getByTestId('new-credential-id').textContent())?.trim() ?? '';
    expect(id).toMatch(/^cred_\d+$/);
    return id;
  }

  test('webcam scan → credential form → the sandbox generates the code the preview showed', async ({
    page,
    record,
    sandbox,
  }) => {
    const name = `Umbrella lab ${uniqueSuffix()}`;
    const password = `pw-${uniqueSuffix()}-secret`;
    await awayFromPeriodEdge(30);
    const form = await openPasswordForm(page, name, password);
    await form.getByRole('button', { name: 'Scan QR code' }).click();
    const scanner = page.getByRole('dialog', { name: 'Scan QR code' });
    await scanner.getByRole('button', { name: 'Start camera' }).click();
    await expect(scanner.getByText('Read an authenticator key from the webcam.')).toBeVisible();
    await scanner.getByRole('button', { name: 'Use this key' }).click();
    await expect(scanner).toBeHidden();
    await expect(form.getByRole('button', { name: 'Scan QR code' })).toBeFocused();

    const previewCode = await form
      .getByRole('region', { name: 'Authenticator key preview' })
      .getByTestId('live-code')
      .getAttribute('data-code');
    const id = await createAndCompare(page, form, QR_FIXTURES.webcam.secret);
    const current = await sandbox.totpCode(id);
    expect(current.code).toBe(previewCode);
    expect(current.code).toBe(totp(QR_FIXTURES.webcam.secret, Date.now()));

    await page.keyboard.press('Escape');
    await expectNoSecretLeaks(page, record, [
      QR_FIXTURES.webcam.secret,
      QR_FIXTURES.webcam.uri,
      password,
    ]);
  });

  test('SHA256 / 8 digits / 60 s from an image: the full URI is saved and codes agree', async ({
    page,
    record,
    sandbox,
  }) => {
    const name = `Initech billing ${uniqueSuffix()}`;
    const password = `pw-${uniqueSuffix()}-secret`;
    await awayFromPeriodEdge(60);
    const form = await openPasswordForm(page, name, password);
    await form.getByRole('button', { name: 'Scan QR code' }).click();
    const scanner = page.getByRole('dialog', { name: 'Scan QR code' });
    await uploadImage(scanner, fixture(QR_FIXTURES.sha256.file));
    await scanner.getByRole('button', { name: 'Use this key' }).click();
    await expect(scanner).toBeHidden();

    const options = { algorithm: 'sha256', digits: 8, period: 60 };
    const previewCode = await form
      .getByRole('region', { name: 'Authenticator key preview' })
      .getByTestId('live-code')
      .getAttribute('data-code');
    const id = await createAndCompare(page, form, QR_FIXTURES.sha256.secret, options);
    const current = await sandbox.totpCode(id);
    expect(current.code).toBe(previewCode);
    expect(current.code).toHaveLength(8);
    expect(current.code).toBe(totp(QR_FIXTURES.sha256.secret, Date.now(), options));
    expect(current.seconds_remaining).toBeLessThanOrEqual(60);

    await page.keyboard.press('Escape');
    await expectNoSecretLeaks(page, record, [
      QR_FIXTURES.sha256.secret,
      QR_FIXTURES.sha256.uri,
      password,
    ]);
  });
});

test.describe('2FA codes page', () => {
  test('push a code, see it masked in the list, reveal it, filter by identifier', async ({
    page,
  }) => {
    const identifier = `ops-${uniqueSuffix()}@example.com`;
    const other = `other-${uniqueSuffix()}@example.com`;
    await page.goto('/two-factor');
    await expect(page.getByRole('heading', { level: 1, name: '2FA codes' })).toBeVisible();
    await expectNoAxeViolations(page);

    const push = page.getByRole('region', { name: 'Push a code' });
    await push.getByRole('button', { name: 'Push code' }).click();
    await expect(push.getByRole('textbox', { name: /^Identifier/ })).toHaveAccessibleDescription(
      /Enter the email address or phone number/,
    );
    await push.getByRole('textbox', { name: 'Workflow id' }).fill('wpid_123');
    await push.getByRole('button', { name: 'Push code' }).click();
    await expect(push.getByRole('textbox', { name: 'Workflow id' })).toHaveAccessibleDescription(
      /not the permanent id/,
    );
    await shot(page, 'page-push-invalid');
    await push.getByRole('textbox', { name: 'Workflow id' }).fill('');

    await push.getByRole('textbox', { name: /^Identifier/ }).fill(identifier.toUpperCase());
    await push
      .getByRole('textbox', { name: /^Message or code/ })
      .fill('Your Acme sign-in code is 482913. It expires in 10 minutes.');
    await push.getByRole('button', { name: 'Push code' }).click();
    await expect(push.getByRole('status')).toContainText(
      `Skyvern stored the code 482913 for ${identifier}.`,
    );

    await push.getByRole('textbox', { name: /^Identifier/ }).fill(other);
    await push.getByRole('textbox', { name: /^Message or code/ }).fill('771204');
    await push.getByRole('button', { name: 'Push code' }).click();
    await expect(push.getByRole('status')).toContainText('Skyvern stored the code 771204');

    await page.getByRole('searchbox', { name: 'Identifier' }).fill(identifier);
    await page.getByRole('button', { name: 'Filter' }).click();
    await expect(page).toHaveURL(new RegExp(`identifier=${encodeURIComponent(identifier)}`));
    const table = page.getByRole('table', { name: /Recent codes/ });
    await expect(table.getByRole('row')).toHaveCount(2); // header + one code
    await expect(table).not.toContainText('482913');
    await expect(table).not.toContainText('771204');
    await shot(page, 'page-masked');
    await table.getByRole('button', { name: /^Show code received/ }).click();
    await expect(table.getByTestId('pushed-code')).toHaveText('482913');
    await shot(page, 'page-revealed');
    await expectNoAxeViolations(page);

    // The credential detail page links here with the identifier; back and forward work.
    await page.goto(`/two-factor?identifier=${encodeURIComponent(other)}`);
    await expect(page.getByRole('searchbox', { name: 'Identifier' })).toHaveValue(other);
    await expect(table.getByRole('row')).toHaveCount(2);
    await page.getByRole('button', { name: 'Clear filter' }).click();
    await expect(page).toHaveURL(/\/two-factor$/);
    await page.goBack();
    await expect(page.getByRole('searchbox', { name: 'Identifier' })).toHaveValue(other);
  });

  test('a message without a code is kept for later, in words', async ({ page }) => {
    const identifier = `pending-${uniqueSuffix()}@example.com`;
    await page.goto('/two-factor');
    const push = page.getByRole('region', { name: 'Push a code' });
    await push.getByRole('textbox', { name: /^Identifier/ }).fill(identifier);
    await push
      .getByRole('textbox', { name: /^Message or code/ })
      .fill('Hello, this message has no code in it at all, sorry.');
    await push.getByRole('button', { name: 'Push code' }).click();
    await expect(push.getByRole('status')).toContainText(
      'Skyvern found no code in this message yet',
    );
    await shot(page, 'page-raw-pending');
  });
});
