import { z } from 'zod/mini';
import { applyRuntimeDefaults } from './connection';

const runtimeConfigSchema = z.object({
  apiBaseUrl: z.optional(z.string()),
  sandboxApiKey: z.optional(z.string()),
});

/**
 * Reads the deployment's `/config.json` (served next to index.html). A missing or broken file
 * is not fatal: the console falls back to http://localhost:8000 and the Connection page.
 */
export async function loadRuntimeConfig(): Promise<void> {
  try {
    const response = await fetch('/config.json', { credentials: 'same-origin' });
    if (!response.ok) return;
    const parsed = runtimeConfigSchema.safeParse(await response.json());
    if (parsed.success) applyRuntimeDefaults(parsed.data);
  } catch {
    // Offline or no config file: keep the built-in default.
  }
}
