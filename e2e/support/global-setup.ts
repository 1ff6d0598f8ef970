import { mkdirSync } from 'node:fs';
import { GENERATED_DIR } from './env';
import { writeFixtures } from '../fixtures/generate';

/** Generates QR images and the fake-webcam video before Chromium starts (it needs the file). */
export default async function globalSetup() {
  mkdirSync(GENERATED_DIR, { recursive: true });
  await writeFixtures(GENERATED_DIR);
}
