#!/usr/bin/env node
/*
 * What a browser downloads before a screen can render: the scripts and styles index.html loads
 * (read from the built index.html itself) and their static imports, plus the screen's lazy chunk
 * and its static imports, from Vite's manifest.
 * Used by `npm run build` (printed) and by `npm run bench` (written to the JSON report).
 */
import { readFileSync, statSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

// CONSOLE_OUT_DIR (as in vite.config.ts) lets the bench and parallel e2e runs use their own build.
const dist = pathToFileURL(
  resolve(fileURLToPath(new URL('..', import.meta.url)), process.env.CONSOLE_OUT_DIR ?? 'dist') +
    '/',
);

function sizes(file) {
  const bytes = readFileSync(new URL(file, dist));
  return { raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
}

export function loadManifest() {
  return JSON.parse(readFileSync(new URL('.vite/manifest.json', dist), 'utf8'));
}

/** Files (JS and CSS) loaded by index.html plus the given source modules' lazy chunks. */
export function firstLoadFiles(manifest, screenSources) {
  const files = new Set();
  const byFile = new Map(Object.entries(manifest).map(([key, chunk]) => [chunk.file, key]));
  const visit = (key) => {
    const chunk = manifest[key];
    if (!chunk || files.has(chunk.file)) return;
    files.add(chunk.file);
    for (const css of chunk.css ?? []) files.add(css);
    for (const imported of chunk.imports ?? []) visit(imported);
  };
  const html = readFileSync(new URL('index.html', dist), 'utf8');
  for (const [, file] of html.matchAll(/(?:src|href)="\/(assets\/[^"]+\.(?:js|css))"/g)) {
    if (byFile.has(file)) visit(byFile.get(file));
    else files.add(file);
  }
  for (const source of screenSources) visit(source);
  return [...files];
}

export function summarise(files) {
  const total = { js: { raw: 0, gzip: 0 }, css: { raw: 0, gzip: 0 } };
  for (const file of files) {
    const kind = file.endsWith('.css') ? 'css' : 'js';
    const size = sizes(file);
    total[kind].raw += size.raw;
    total[kind].gzip += size.gzip;
  }
  return total;
}

/** Every chunk that is not part of the given first load, with its size. */
export function lazyChunks(manifest, firstLoad) {
  return Object.values(manifest)
    .filter((chunk) => chunk.file.endsWith('.js') && !firstLoad.includes(chunk.file))
    .map((chunk) => ({
      file: chunk.file,
      source: chunk.src ?? chunk.name ?? '',
      ...sizes(chunk.file),
    }))
    .sort((a, b) => b.gzip - a.gzip);
}

export const SCREENS = {
  '/credentials': [],
  '/settings/custom-credential-service': [
    'src/features/custom-credential-service/CustomCredentialServicePage.tsx',
  ],
};

const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  statSync(new URL('index.html', dist));
  const manifest = loadManifest();
  for (const [screen, sources] of Object.entries(SCREENS)) {
    const total = summarise(firstLoadFiles(manifest, sources));
    console.log(
      `first load of ${screen}: JS ${kb(total.js.raw)} (${kb(total.js.gzip)} gzip), CSS ${kb(total.css.raw)} (${kb(total.css.gzip)} gzip)`,
    );
  }
  // Issue 16: /credentials' first-load JS stays at or under 100 KB gzip.
  const budget = 100 * 1024;
  const credentials = summarise(firstLoadFiles(manifest, SCREENS['/credentials']));
  if (credentials.js.gzip > budget) {
    console.error(`The /credentials first load is over its ${kb(budget)} gzip JS budget.`);
    process.exitCode = 1;
  }
}
