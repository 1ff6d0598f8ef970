import { z } from 'zod/mini';
import { applyRuntimeDefaults } from './connection';

const runtimeConfigSchema = z.object({
  apiBaseUrl: z.optional(z.string()),
  sandboxApiKey: z.optional(z.string()),
});

/**
 * Reads the deployment's runtime config: a `<meta name="skyvern-console-config">` written into
 * the page by the server that serves it (npm start, the e2e suite), else `/config.json` next to
 * index.html. A missing or broken config is not fatal: the console falls back to
 * http://localhost:8000 and the Connection page.
 */
export async function loadRuntimeConfig(): Promise<void> {
  const meta = document.querySelector<HTMLMetaElement>('meta[name="skyvern-console-config"]');
  if (meta) {
    // Read once, then removed, so the sandbox's development key does not linger in the page.
    meta.remove();
    try {
      const parsed = runtimeConfigSchema.safeParse(JSON.parse(meta.content));
      if (parsed.success) {
        applyRuntimeDefaults(parsed.data);
        return;
      }
    } catch {
      // Fall through to config.json.
    }
  }
  try {
    const response = await fetch('/config.json', { credentials: 'same-origin' });
    if (!response.ok) return;
    const parsed = runtimeConfigSchema.safeParse(await response.json());
    if (parsed.success) applyRuntimeDefaults(parsed.data);
  } catch {
    // Offline or no config file: keep the built-in default.
  }
}
