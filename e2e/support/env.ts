/*
 * Ports and keys of the e2e run. They differ from `npm start`'s defaults so both can run at once;
 * every one can be overridden from the environment.
 */
export const CONSOLE_PORT = Number(process.env.E2E_CONSOLE_PORT ?? 4327);
export const SANDBOX_PORT = Number(process.env.E2E_SANDBOX_PORT ?? 8727);
export const VAULT_PORT = Number(process.env.E2E_VAULT_PORT ?? 8728);
export const HOST = '127.0.0.1';
/** A second sandbox ("staging"), for the several-connections tests. */
export const SANDBOX2_PORT = Number(process.env.E2E_SANDBOX2_PORT ?? 8729);
export const VAULT2_PORT = Number(process.env.E2E_VAULT2_PORT ?? 8730);

export const CONSOLE_URL = `http://${HOST}:${CONSOLE_PORT}`;
export const SKYVERN_URL = `http://${HOST}:${SANDBOX_PORT}`;
export const SKYVERN2_URL = `http://${HOST}:${SANDBOX2_PORT}`;
/** The reference custom credential service's collection URL. */
export const VAULT_URL = `http://${HOST}:${VAULT_PORT}/api/v1/credentials`;

export const API_KEY = process.env.E2E_SANDBOX_API_KEY ?? 'e2e-sandbox-api-key';
export const API_KEY2 = process.env.E2E_SANDBOX2_API_KEY ?? 'e2e-staging-api-key';
export const VAULT_TOKEN = process.env.E2E_VAULT_TOKEN ?? 'e2e-vault-token-7f3a9c2e51';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Debian's Chromium with a fake webcam that plays `videoFile` (a Y4M), as every e2e run uses it. */
export function chromiumArgs(videoFile: string): string[] {
  return [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
    '--use-fake-device-for-media-stream',
    '--use-fake-ui-for-media-stream',
    `--use-file-for-fake-video-capture=${videoFile}`,
  ];
}

/** Where generated fixtures (QR images, the fake-webcam video) are written. */
export const GENERATED_DIR = new URL('../fixtures/generated/', import.meta.url).pathname;
export const FAKE_WEBCAM_FILE = `${GENERATED_DIR}webcam-qr.y4m`;
