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

const consolePort = Number(process.env.CONSOLE_PORT ?? 4317);

export default defineConfig({
  plugins: [react(), tailwindcss(), runtimeConfig()],
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
  },
});
