import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import tailwindcss from '@tailwindcss/vite';

/**
 * The console reads its default Skyvern target at run time from `/config.json`, so one build
 * can be deployed in front of any Skyvern. In a deployment that file sits next to index.html.
 * When the preview or dev server is started by `npm start` (or the e2e suite), the target
 * comes from the environment instead, never baked into the bundle: it is written into each HTML
 * page as a <meta> tag (saving the config.json request on the way to the first screen), and
 * /config.json answers too.
 */
function runtimeConfigBody(): Record<string, string> | null {
  const apiBaseUrl = process.env.SKYVERN_API_URL;
  if (!apiBaseUrl) return null;
  const body: Record<string, string> = { apiBaseUrl };
  // Only the local sandbox's development key is ever handed out this way (see README).
  if (process.env.SKYVERN_SANDBOX_API_KEY) body.sandboxApiKey = process.env.SKYVERN_SANDBOX_API_KEY;
  return body;
}

const CONFIG_PRELOAD = /<link rel="preload" href="\/config\.json"[^>]*>/;

/** Replaces index.html's config.json preload with the config itself. */
function inlineRuntimeConfig(html: string, body: Record<string, string>): string {
  const content = JSON.stringify(body)
    .replace(/&/g, '&amp;')
    .replace(/"/g, '&quot;')
    .replace(/</g, '&lt;');
  return html.replace(
    CONFIG_PRELOAD,
    `<meta name="skyvern-console-config" content="${content}" />`,
  );
}

function runtimeConfig(): Plugin {
  const serve = (
    req: { url?: string | undefined },
    res: {
      setHeader(name: string, value: string): void;
      end(body: string): void;
      statusCode: number;
    },
    next: () => void,
  ) => {
    const body = runtimeConfigBody();
    if (!body || req.url?.split('?')[0] !== '/config.json') return next();
    res.statusCode = 200;
    res.setHeader('Content-Type', 'application/json');
    res.setHeader('Cache-Control', 'no-store');
    res.end(JSON.stringify(body));
  };
  return {
    name: 'skyvern-runtime-config',
    configureServer(server) {
      server.middlewares.use(serve);
    },
    configurePreviewServer(server) {
      server.middlewares.use(serve);
      // Page navigations get index.html with the config inlined (the SPA fallback otherwise).
      server.middlewares.use((req, res, next) => {
        const body = runtimeConfigBody();
        const path = (req.url ?? '/').split('?')[0] ?? '/';
        const isPage =
          (req.method === 'GET' || req.method === 'HEAD') &&
          !path.startsWith('/assets/') &&
          !/\.[a-z0-9]+$/i.test(path) &&
          (req.headers.accept ?? '').includes('text/html');
        if (!body || !isPage) return next();
        const html = readFileSync(
          resolve(server.config.root, server.config.build.outDir, 'index.html'),
          'utf8',
        );
        res.statusCode = 200;
        res.setHeader('Content-Type', 'text/html; charset=utf-8');
        res.setHeader('Cache-Control', 'no-store');
        res.end(inlineRuntimeConfig(html, body));
      });
    },
    transformIndexHtml(html, context) {
      // Dev server only: a production build must not carry any environment's target.
      const body = runtimeConfigBody();
      return context.server && body ? inlineRuntimeConfig(html, body) : html;
    },
  };
}

/**
 * Security headers for the built console, as `vite preview` (npm start, the e2e suite) serves it.
 * A deployment behind another server should send the same; see docs/decisions/csp.md.
 * - no inline or foreign scripts; `worker-src blob:` because qr-scanner builds its worker from one;
 * - `connect-src` limited to this origin and the configured Skyvern (plus CONSOLE_CONNECT_SRC);
 * - inline styles stay allowed: Radix and the toaster set element styles at run time.
 */
export function contentSecurityPolicy(
  apiBaseUrl: string | undefined,
  extraConnectSrc = '',
): string {
  const connect = ["'self'"];
  if (apiBaseUrl) {
    try {
      connect.push(new URL(apiBaseUrl).origin);
    } catch {
      // An unparseable target simply is not allowed.
    }
  }
  connect.push(...extraConnectSrc.split(/\s+/).filter(Boolean));
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "media-src 'self' blob: mediastream:",
    "worker-src 'self' blob:",
    `connect-src ${connect.join(' ')}`,
    "font-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}

function securityHeaders(): Plugin {
  return {
    name: 'skyvern-security-headers',
    configurePreviewServer(server) {
      const csp = contentSecurityPolicy(
        process.env.SKYVERN_API_URL ?? 'http://localhost:8000',
        process.env.CONSOLE_CONNECT_SRC,
      );
      server.middlewares.use((req, res, next) => {
        // Hashed file names never change content: let a warm visit skip revalidating them.
        if (req.url?.startsWith('/assets/')) {
          res.setHeader('Cache-Control', 'public, max-age=31536000, immutable');
        }
        res.setHeader('Content-Security-Policy', csp);
        res.setHeader('X-Content-Type-Options', 'nosniff');
        res.setHeader('Referrer-Policy', 'no-referrer');
        res.setHeader('X-Frame-Options', 'DENY');
        res.setHeader('Permissions-Policy', 'camera=(self), microphone=(), geolocation=()');
        next();
      });
    },
  };
}

const consolePort = Number(process.env.CONSOLE_PORT ?? 4317);

export default defineConfig({
  // securityHeaders first: its headers must be set before runtimeConfig answers page requests.
  plugins: [react(), tailwindcss(), securityHeaders(), runtimeConfig()],
  server: {
    port: Number(process.env.CONSOLE_DEV_PORT ?? 4316),
    strictPort: true,
    host: '127.0.0.1',
  },
  preview: { port: consolePort, strictPort: true, host: '127.0.0.1' },
  build: {
    // Parallel e2e runs (one per developer session) build into their own folder.
    outDir: process.env.CONSOLE_OUT_DIR ?? 'dist',
    target: 'es2022',
    sourcemap: false,
    reportCompressedSize: true,
    // scripts/bundle-size.mjs reads it to compute what each screen loads first.
    manifest: true,
    rolldownOptions: {
      output: {
        // Everything the entry loads statically (the shell and the credentials list, the screen
        // most visits open on) ships as one chunk: one request instead of a waterfall of small
        // ones, and one file compresses better. Other screens, dialogs and forms stay lazy.
        // See docs/decisions/first-load-budget.md.
        codeSplitting: { groups: [{ name: 'shell', tags: ['$initial'] }] },
      },
    },
  },
});
