import { applyRuntimeDefaults } from './connection';

interface RuntimeConfig {
  apiBaseUrl?: string;
  sandboxApiKey?: string;
}

/**
 * `{apiBaseUrl?, sandboxApiKey?}`, both strings when present; anything else in it is dropped, and
 * a config of any other shape is null. Checked by hand: this runs before the first render, and
 * zod stays out of the first-load chunk (docs/decisions/first-load-budget.md).
 */
export function parseRuntimeConfig(value: unknown): RuntimeConfig | null {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return null;
  const { apiBaseUrl, sandboxApiKey } = value as Record<string, unknown>;
  if (apiBaseUrl !== undefined && typeof apiBaseUrl !== 'string') return null;
  if (sandboxApiKey !== undefined && typeof sandboxApiKey !== 'string') return null;
  const config: RuntimeConfig = {};
  if (apiBaseUrl !== undefined) config.apiBaseUrl = apiBaseUrl;
  if (sandboxApiKey !== undefined) config.sandboxApiKey = sandboxApiKey;
  return config;
}

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
      const parsed = parseRuntimeConfig(JSON.parse(meta.content));
      if (parsed) {
        applyRuntimeDefaults(parsed);
        return;
      }
    } catch {
      // Fall through to config.json.
    }
  }
  try {
    const response = await fetch('/config.json', { credentials: 'same-origin' });
    if (!response.ok) return;
    const parsed = parseRuntimeConfig(await response.json());
    if (parsed) applyRuntimeDefaults(parsed);
  } catch {
    // Offline or no config file: keep the built-in default.
  }
}
