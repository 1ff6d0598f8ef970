/*
 * QR scanning benchmark (not a test): how long the console takes to read a QR code through the
 * real decode path, in headless Chromium, from
 *   - an uploaded clean QR image, a photo-like one (clutter, glare, moiré, slight rotation) and a
 *     noisier one that only a retry on a blurred or reduced copy decodes;
 *   - the fake webcam (a looped single-frame Y4M): time from "Start camera" to the decoded key.
 * Each is measured cold (first use in a page: qr-scanner and its worker are loaded) and warm.
 *
 *   npx tsx scripts/bench-qr.ts          # builds into $CONSOLE_OUT_DIR (default dist) if needed
 *
 * Writes bench-results/qr.json. Environment: CONSOLE_OUT_DIR, BENCH_QR_PORT (default 4343),
 * BENCH_QR_RUNS (default 7), CHROMIUM_PATH.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Page } from '@playwright/test';
import { QR_FIXTURES, writeFixtures } from '../e2e/fixtures/generate';

const root = new URL('..', import.meta.url).pathname;
const outDir = process.env.CONSOLE_OUT_DIR ?? 'dist';
const port = Number(process.env.BENCH_QR_PORT ?? 4343);
const runs = Math.max(2, Number(process.env.BENCH_QR_RUNS ?? 7));
const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const consoleUrl = `http://127.0.0.1:${port}`;

interface Series {
  coldMs: number;
  warmMs: { median: number; min: number; max: number; runs: number[] };
  /** Which copy of the image decoded (original, upscaled 2×, …), per run. */
  attempts?: string[];
}

function summarise(values: number[]) {
  const sorted = [...values].sort((a, b) => a - b);
  const median = sorted[Math.floor(sorted.length / 2)] ?? NaN;
  return {
    median: round(median),
    min: round(sorted[0] ?? NaN),
    max: round(sorted.at(-1) ?? NaN),
    runs: values.map(round),
  };
}
const round = (value: number) => Math.round(value * 10) / 10;

async function answers(url: string): Promise<boolean> {
  try {
    await fetch(url, { signal: AbortSignal.timeout(1_000) });
    return true;
  } catch {
    return false;
  }
}

async function waitForServer(url: string, timeoutMs = 30_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      const response = await fetch(url);
      if (response.ok) return;
    } catch {
      // not up yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`The console did not start on ${url}`);
}

async function lastMeasure(page: Page, name: string) {
  return page.evaluate((measureName) => {
    const entries = performance
      .getEntriesByType('measure')
      .filter((entry) => entry.name === measureName) as PerformanceMeasure[];
    const entry = entries.at(-1);
    return entry
      ? { duration: entry.duration, detail: (entry.detail ?? null) as { attempt?: string } | null }
      : null;
  }, name);
}

async function openScanner(page: Page) {
  await page.goto(`${consoleUrl}/two-factor`);
  await page.getByRole('button', { name: 'Scan a QR code' }).click();
  await page.getByRole('dialog', { name: 'Scan QR code' }).waitFor();
}

async function benchImage(page: Page, file: string): Promise<Series> {
  await openScanner(page);
  const durations: number[] = [];
  const attempts: string[] = [];
  for (let run = 0; run < runs; run++) {
    await page.getByRole('tab', { name: 'Image' }).click();
    await page.getByLabel('QR code image').setInputFiles(file);
    await page.getByText('Read an authenticator key from the image').waitFor({ timeout: 30_000 });
    const measure = await lastMeasure(page, 'qr-image-decode');
    if (!measure) throw new Error('No qr-image-decode measure: is this an up-to-date build?');
    durations.push(measure.duration);
    attempts.push(measure.detail?.attempt ?? 'unknown');
    await page.getByRole('button', { name: 'Scan another' }).click();
  }
  return {
    coldMs: round(durations[0] ?? NaN),
    warmMs: summarise(durations.slice(1)),
    attempts,
  };
}

async function benchWebcam(page: Page): Promise<Series> {
  await openScanner(page);
  const durations: number[] = [];
  for (let run = 0; run < runs; run++) {
    await page.getByRole('tab', { name: 'Webcam' }).click();
    await page.getByRole('button', { name: 'Start camera' }).click();
    await page.getByText('Read an authenticator key from the webcam').waitFor({ timeout: 30_000 });
    const measure = await lastMeasure(page, 'qr-webcam-first-decode');
    if (!measure)
      throw new Error('No qr-webcam-first-decode measure: is this an up-to-date build?');
    durations.push(measure.duration);
    await page.getByRole('button', { name: 'Scan another' }).click();
  }
  return { coldMs: round(durations[0] ?? NaN), warmMs: summarise(durations.slice(1)) };
}

async function main() {
  if (!existsSync(join(root, outDir, 'index.html'))) {
    console.log(`Building the console into ${outDir}/ …`);
    const build = spawnSync('npx', ['vite', 'build', '--logLevel', 'warn'], {
      cwd: root,
      stdio: 'inherit',
      env: { ...process.env, CONSOLE_OUT_DIR: outDir },
    });
    if (build.status !== 0) throw new Error('The build failed');
  }

  const fixtures = mkdtempSync(join(tmpdir(), 'bench-qr-'));
  await writeFixtures(fixtures);

  // Measuring someone else's server would be silently wrong: insist on a free port.
  if (await answers(consoleUrl)) {
    throw new Error(`Port ${port} is taken; choose another with BENCH_QR_PORT.`);
  }
  let preview: ChildProcess | undefined;
  const browser = await chromium.launch({
    executablePath: chromiumPath,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--use-fake-ui-for-media-stream',
      '--use-fake-device-for-media-stream',
      `--use-file-for-fake-video-capture=${join(fixtures, QR_FIXTURES.webcam.file)}`,
    ],
  });
  try {
    preview = spawn('npx', ['vite', 'preview', '--outDir', outDir, '--logLevel', 'warn'], {
      cwd: root,
      stdio: 'ignore',
      detached: true,
      // The 2FA page lists codes from Skyvern; none is needed here, so point at a closed port.
      env: { ...process.env, CONSOLE_PORT: String(port), SKYVERN_API_URL: 'http://127.0.0.1:9' },
    });
    await waitForServer(consoleUrl);

    const results: Record<string, Series> = {};
    for (const [name, file] of [
      ['cleanImage', QR_FIXTURES.clean.file],
      ['photoLikeImage', QR_FIXTURES.photo.file],
      ['noisyPhotoImage', QR_FIXTURES.photoNoisy.file],
    ] as const) {
      const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
      results[name] = await benchImage(await context.newPage(), join(fixtures, file));
      await context.close();
    }
    const context = await browser.newContext({
      viewport: { width: 1280, height: 800 },
      permissions: ['camera'],
    });
    results.webcamTimeToFirstDecode = await benchWebcam(await context.newPage());
    await context.close();

    const report = {
      date: new Date().toISOString(),
      chromium: browser.version(),
      cpus: cpus().length,
      cpuModel: cpus()[0]?.model ?? 'unknown',
      runsPerSeries: runs,
      note:
        'Milliseconds. Image: from file chosen to decoded text (createImageBitmap, retries, worker). ' +
        'Webcam: from "Start camera" to the first decode (getUserMedia, video start, scanning). ' +
        'cold = first use in a fresh page, which also loads qr-scanner and its worker.',
      results,
    };
    mkdirSync(join(root, 'bench-results'), { recursive: true });
    writeFileSync(join(root, 'bench-results', 'qr.json'), JSON.stringify(report, null, 2) + '\n');

    for (const [name, series] of Object.entries(results)) {
      console.log(
        `${name}: cold ${series.coldMs} ms, warm median ${series.warmMs.median} ms ` +
          `(min ${series.warmMs.min}, max ${series.warmMs.max})` +
          (series.attempts ? `, decoded from: ${[...new Set(series.attempts)].join(', ')}` : ''),
      );
    }
    console.log('Written to bench-results/qr.json');
  } finally {
    await browser.close();
    if (preview?.pid) {
      try {
        process.kill(-preview.pid);
      } catch {
        // already gone
      }
    }
    rmSync(fixtures, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
