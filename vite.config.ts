import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import tailwindcss from '@tailwindcss/vite';

/**
 * The console reads its default Skyvern target at run time from `/config.json`, so one build
 * can be deployed in front of any Skyvern. In a deployment that file sits next to index.html.
 * When the preview or dev server is started by `npm start` (or the e2e suite), the target
 * comes from the environment instead and is served here, never baked into the bundle.
 */
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
    const apiBaseUrl = process.env.SKYVERN_API_URL;
    if (!apiBaseUrl || req.url?.split('?')[0] !== '/config.json') return next();
    const body: Record<string, string> = { apiBaseUrl };
    // Only the local sandbox's development key is ever handed out this way (see README).
    if (process.env.SKYVERN_SANDBOX_API_KEY)
      body.sandboxApiKey = process.env.SKYVERN_SANDBOX_API_KEY;
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
  plugins: [react(), tailwindcss(), runtimeConfig(), securityHeaders()],
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
