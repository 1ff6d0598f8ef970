import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import tailwindcss from '@tailwindcss/vite';
import { foldRuntimeChunk } from './scripts/vite-fold-runtime.ts';

/**
 * The console reads its default Skyvern target at run time from `/config.json`, so one build
 * can be deployed in front of any Skyvern. In a deployment that file sits next to index.html.
 * When the preview or dev server is started by `npm start` (or the e2e suite), the target
 * comes from the environment instead, never baked into the bundle: it is written into each HTML
 * page as a <meta> tag (saving the config.json request on the way to the first screen), and
 * /config.json answers too.
 */
function runtimeConfigBody(pageHost: string | undefined): Record<string, string> | null {
  const apiBaseUrl = process.env.SKYVERN_API_URL;
  if (!apiBaseUrl) return null;
  const body: Record<string, string> = { apiBaseUrl };
  // Only the local sandbox's development key is ever handed out this way (see README), and only
  // to a page that is itself on a loopback origin and talks to a loopback API: a console reached
  // through another host name (a LAN address, a tunnel, DNS rebinding) never receives it.
  const sandboxApiKey = process.env.SKYVERN_SANDBOX_API_KEY;
  if (sandboxApiKey && isLoopbackHost(hostOfHostHeader(pageHost)) && isLoopbackUrl(apiBaseUrl)) {
    body.sandboxApiKey = sandboxApiKey;
  }
  return body;
}

/** `localhost`, 127.0.0.0/8 and ::1: the addresses only this machine can reach. */
export function isLoopbackHost(hostname: string | undefined): boolean {
  if (!hostname) return false;
  const name = hostname.toLowerCase().replace(/^\[(.*)\]$/, '$1');
  return name === 'localhost' || name === '::1' || /^127(\.\d{1,3}){3}$/.test(name);
}

function isLoopbackUrl(url: string): boolean {
  try {
    return isLoopbackHost(new URL(url).hostname);
  } catch {
    return false;
  }
}

/** The host name of a Host header (`127.0.0.1:4317`, `[::1]:4317`, `localhost`). */
function hostOfHostHeader(host: string | undefined): string | undefined {
  if (!host) return undefined;
  try {
    return new URL(`http://${host}`).hostname;
  } catch {
    return undefined;
  }
}

/**
 * A request another origin's page makes with CORS carries its Origin. /config.json answers only
 * the console's own pages: same-origin requests send no Origin, or their own.
 */
function isForeignOrigin(origin: string | undefined, host: string | undefined): boolean {
  if (origin === undefined) return false;
  return origin !== `http://${host ?? ''}` && origin !== `https://${host ?? ''}`;
}

function headerValue(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
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
    req: { url?: string | undefined; headers: Record<string, string | string[] | undefined> },
    res: {
      setHeader(name: string, value: string): void;
      end(body: string): void;
      statusCode: number;
    },
    next: () => void,
  ) => {
    if (req.url?.split('?')[0] !== '/config.json') return next();
    const host = headerValue(req.headers.host);
    if (isForeignOrigin(headerValue(req.headers.origin), host)) {
      res.statusCode = 403;
      res.setHeader('Content-Type', 'text/plain; charset=utf-8');
      res.end("config.json is only for this console's own pages.");
      return;
    }
    const body = runtimeConfigBody(host);
    if (!body) return next();
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
        const body = runtimeConfigBody(req.headers.host);
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
      // Dev server only: a production build must not carry any environment's target. The dev
      // server's HTML transform does not see the request, so the key goes into the page only
      // while the server listens on loopback alone (not with --host).
      if (!context.server) return html;
      const listen = context.server.config.server.host;
      const body = runtimeConfigBody(
        listen === undefined || typeof listen === 'string' ? (listen ?? 'localhost') : undefined,
      );
      return body ? inlineRuntimeConfig(html, body) : html;
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
      // An unparseable (or relative, same-origin) target needs nothing beyond 'self'.
    }
  }
  connect.push(...extraConnectSrc.split(/\s+/).filter(Boolean));
  return policyWithConnectSrc(connect.join(' '));
}

function policyWithConnectSrc(connectSrc: string): string {
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "media-src 'self' blob: mediastream:",
    "worker-src 'self' blob:",
    `connect-src ${connectSrc}`,
    "font-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/** Every security header the console is served with, by `vite preview` and by nginx alike. */
export function securityHeaderValues(csp: string): Record<string, string> {
  return {
    'Content-Security-Policy': csp,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'X-Frame-Options': 'DENY',
    'Permissions-Policy': 'camera=(self), microphone=(), geolocation=()',
  };
}

/** The header file the build writes for nginx (deploy/nginx.conf.template includes it). */
export const NGINX_HEADERS_FILE = 'security-headers.conf';

/**
 * The same headers as nginx `add_header` lines. `connect-src` ends in the variable
 * `$skyvern_connect_src`, which deploy/render.sh defines at deploy time as the Skyvern origin
 * (with its leading space) or as nothing behind the same-origin proxy: with it substituted,
 * nginx sends exactly the policy `contentSecurityPolicy()` gives `vite preview`.
 */
export function nginxSecurityHeaders(): string {
  const lines = Object.entries(
    securityHeaderValues(policyWithConnectSrc("'self'$skyvern_connect_src")),
  ).map(([name, value]) => `add_header ${name} "${value}" always;`);
  return [
    '# Generated by `vite build` from securityHeaderValues() in vite.config.ts: do not edit.',
    '# A static host or CDN must send these headers on every response (see README, Deploying),',
    '# with $skyvern_connect_src replaced by " <your Skyvern origin>" or by nothing.',
    ...lines,
    '',
  ].join('\n');
}

function securityHeaders(): Plugin {
  return {
    name: 'skyvern-security-headers',
    configurePreviewServer(server) {
      const headers = securityHeaderValues(
        contentSecurityPolicy(
          process.env.SKYVERN_API_URL ?? 'http://localhost:8000',
          process.env.CONSOLE_CONNECT_SRC,
        ),
      );
      server.middlewares.use((req, res, next) => {
        // Hashed file names never change content: let a warm visit skip revalidating them.
        if (req.url?.startsWith('/assets/')) {
          res.setHeader('Cache-Control', 'public, max-age=31536000, immutable');
        }
        for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
        next();
      });
    },
    generateBundle() {
      // Build only: one source of truth for the headers, written next to index.html for nginx.
      this.emitFile({
        type: 'asset',
        fileName: NGINX_HEADERS_FILE,
        source: nginxSecurityHeaders(),
      });
    },
  };
}

/**
 * Every lucide-react icon module builds its component with `../createLucideIcon.mjs`; this points
 * that import at src/lib/lucide-icon.ts, the same SVG without lucide's unused machinery.
 */
function smallLucideIcons(): Plugin {
  const replacement = resolve(import.meta.dirname, 'src/lib/lucide-icon.ts');
  return {
    name: 'skyvern-small-lucide-icons',
    enforce: 'pre',
    resolveId(source, importer) {
      if (source !== '../createLucideIcon.mjs') return null;
      return importer?.replace(/\\/g, '/').includes('/lucide-react/dist/esm/icons/')
        ? replacement
        : null;
    },
  };
}

const consolePort = Number(process.env.CONSOLE_PORT ?? 4317);

export default defineConfig({
  // securityHeaders first: its headers must be set before runtimeConfig answers page requests.
  plugins: [
    react(),
    tailwindcss(),
    securityHeaders(),
    runtimeConfig(),
    smallLucideIcons(),
    foldRuntimeChunk(),
  ],
  resolve: {
    alias: [
      // React 19 has useSyncExternalStore; wouter's import of the React 17 shim (0.4 KB gzip of
      // the first load) gets React's own.
      {
        find: /^use-sync-external-store\/shim(\/index\.js)?$/,
        replacement: resolve(import.meta.dirname, 'src/lib/use-sync-external-store-shim.ts'),
      },
    ],
  },
  server: {
    port: Number(process.env.CONSOLE_DEV_PORT ?? 4316),
    strictPort: true,
    host: '127.0.0.1',
    cors: false,
  },
  // No CORS: Vite would otherwise let any localhost origin read /config.json (and the sandbox key).
  preview: { port: consolePort, strictPort: true, host: '127.0.0.1', cors: false },
  build: {
    // Parallel e2e runs (one per developer session) build into their own folder.
    outDir: process.env.CONSOLE_OUT_DIR ?? 'dist',
    target: 'es2022',
    sourcemap: false,
    reportCompressedSize: true,
    // scripts/bundle-size.mjs reads it to compute what each screen loads first.
    manifest: true,
    // No module preloading: a lazy chunk's own imports load when the browser parses it (one more
    // round trip the first time a dialog or screen opens; the credential form starts on hover)
    // instead of alongside it. The shell's list of every lazy chunk's dependencies and the
    // polyfill were 1.6 KB gzip of the first load (docs/decisions/first-load-budget.md).
    modulePreload: false,
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
