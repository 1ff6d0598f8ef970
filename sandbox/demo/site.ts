/*
 * A small website with a login form, served by the sandbox under /__demo/ on its own port, so that
 * login tests (contract 11) sign in for real over HTTP without any traffic leaving the machine.
 * Every page carries `data-demo-page` on <main> so the sandbox's test runner (and people) can tell
 * where a sign-in ended. Sessions live in memory; nothing here touches the Skyvern data.
 */
import { randomBytes } from 'node:crypto';
import { Hono } from 'hono';
import { decodeBase32 } from '../lib/base32';
import { totpAt } from '../lib/totp';
import { DEMO_ACCOUNTS, DEMO_BASE_PATH, findDemoAccount, type DemoAccount } from './accounts';

export interface DemoSiteOptions {
  /** How long `/__demo/slow/...` pages wait before answering (longer than a test's page timeout). */
  slowPageMs: number;
  now: () => number;
}

type DemoPage = 'index' | 'login' | 'code' | 'signed-in' | 'locked' | 'needs-info';

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

function page(kind: DemoPage, title: string, body: string, status = 200): Response {
  const html = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)} · Demo site</title>
<style>body{font:16px system-ui,sans-serif;max-width:32rem;margin:3rem auto;padding:0 1rem;color:#1f2937}
label{display:block;margin-top:1rem}input{display:block;width:100%;padding:.5rem;margin-top:.25rem;box-sizing:border-box}
button{margin-top:1.25rem;padding:.5rem 1rem}.error{color:#b91c1c}code{background:#f3f4f6;padding:0 .25rem}</style>
</head><body><main data-demo-page="${kind}"><h1>${escapeHtml(title)}</h1>
${body}
</main></body></html>`;
  return new Response(html, {
    status,
    headers: { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' },
  });
}

function loginForm(base: string, error: string | null, status = 200): Response {
  return page(
    'login',
    'Sign in',
    `${error === null ? '' : `<p class="error" role="alert" data-demo-error="${escapeHtml(error)}">${escapeHtml(error)}</p>`}
<form method="post" action="${base}/login">
<label>Username<input name="username" autocomplete="username" required></label>
<label>Password<input name="password" type="password" autocomplete="current-password" required></label>
<button type="submit">Sign in</button>
</form>`,
    status,
  );
}

function codeForm(base: string, error: string | null, status = 200): Response {
  return page(
    'code',
    'Two-step verification',
    `${error === null ? '' : `<p class="error" role="alert" data-demo-error="${escapeHtml(error)}">${escapeHtml(error)}</p>`}
<form method="post" action="${base}/login/code">
<label>Authentication code<input name="code" inputmode="numeric" autocomplete="one-time-code" required></label>
<button type="submit">Verify</button>
</form>`,
    status,
  );
}

function cookie(header: string | undefined, name: string): string | null {
  for (const part of (header ?? '').split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) return rest.join('=');
  }
  return null;
}

function redirect(location: string, setCookie: string): Response {
  const headers: Record<string, string> = { location, 'cache-control': 'no-store' };
  if (setCookie !== '') headers['set-cookie'] = setCookie;
  return new Response(null, { status: 303, headers });
}

/** Codes of the current and the previous period, as most sites accept a little clock drift. */
function acceptedCodes(account: DemoAccount, nowMs: number): string[] {
  const secret = account.authenticatorKey ? decodeBase32(account.authenticatorKey) : null;
  if (secret === null) return [];
  const params = { secret, digits: 6, period: 30, algorithm: 'SHA1' as const };
  return [totpAt(params, nowMs).code, totpAt(params, nowMs - 30_000).code];
}

export function createDemoSite(options: DemoSiteOptions): Hono {
  const app = new Hono();
  const pending = new Map<string, string>();
  const sessions = new Map<string, string>();
  const token = () => randomBytes(18).toString('base64url');

  const routes = (base: string) => {
    const site = new Hono();
    // Already signed in: straight to the account page, as real sites do (X2 re-navigates here).
    site.get('/login', (c) => {
      const id = cookie(c.req.header('cookie'), 'demo_session');
      if (id !== null && sessions.has(id)) return redirect(`${base}/account`, '');
      return loginForm(base, null);
    });
    site.post('/login', async (c) => {
      const form = await c.req.parseBody();
      const username = typeof form['username'] === 'string' ? form['username'] : '';
      const password = typeof form['password'] === 'string' ? form['password'] : '';
      const account = findDemoAccount(username);
      if (account === undefined) return loginForm(base, 'No account with that username.', 401);
      if (account.password !== password) return loginForm(base, 'Incorrect password.', 401);
      if (account.outcome === 'locked') {
        return page(
          'locked',
          'Account locked',
          '<p>This account is locked after too many failed sign-in attempts. Contact your administrator.</p>',
          423,
        );
      }
      if (account.outcome === 'needs_phone') {
        return page(
          'needs-info',
          'Confirm your phone number',
          `<p>We need a phone number before you can continue.</p>
<form method="post" action="${base}/login/phone"><label>Phone number<input name="phone" type="tel" required></label>
<button type="submit">Continue</button></form>`,
        );
      }
      if (account.outcome === 'authenticator') {
        const id = token();
        pending.set(id, account.username);
        const response = codeForm(base, null);
        response.headers.set(
          'set-cookie',
          `demo_pending=${id}; Path=${DEMO_BASE_PATH}; HttpOnly; SameSite=Lax`,
        );
        return response;
      }
      const id = token();
      sessions.set(id, account.username);
      return redirect(
        `${base}/account`,
        `demo_session=${id}; Path=${DEMO_BASE_PATH}; HttpOnly; SameSite=Lax`,
      );
    });
    site.post('/login/code', async (c) => {
      const id = cookie(c.req.header('cookie'), 'demo_pending');
      const username = id === null ? undefined : pending.get(id);
      const account = username === undefined ? undefined : findDemoAccount(username);
      if (id === null || account === undefined)
        return loginForm(base, 'Your sign-in expired. Start again.', 401);
      const form = await c.req.parseBody();
      const code = typeof form['code'] === 'string' ? form['code'].replace(/\s/g, '') : '';
      if (!acceptedCodes(account, options.now()).includes(code)) {
        return codeForm(base, 'That verification code is invalid.', 401);
      }
      pending.delete(id);
      const session = token();
      sessions.set(session, account.username);
      return redirect(
        `${base}/account`,
        `demo_session=${session}; Path=${DEMO_BASE_PATH}; HttpOnly; SameSite=Lax`,
      );
    });
    site.post('/login/phone', () =>
      page(
        'needs-info',
        'Phone number not recognised',
        '<p>This demo never accepts a phone number.</p>',
        400,
      ),
    );
    site.get('/account', (c) => {
      const id = cookie(c.req.header('cookie'), 'demo_session');
      const username = id === null ? undefined : sessions.get(id);
      if (username === undefined) return loginForm(base, null);
      return page(
        'signed-in',
        'Welcome back',
        `<p>Signed in as <strong data-demo-user>${escapeHtml(username)}</strong>.</p>` +
          (findDemoAccount(username)?.outcome === 'no_session'
            ? '<p data-demo-session="none">This kiosk account keeps no session: you will be signed out when you leave.</p>'
            : ''),
      );
    });
    return site;
  };

  app.get(`${DEMO_BASE_PATH}`, () => index());
  app.get(`${DEMO_BASE_PATH}/`, () => index());
  // The slow copy waits before every answer; a login test gives up first (timed_out).
  app.use(`${DEMO_BASE_PATH}/slow/*`, async (_c, next) => {
    await new Promise((done) => setTimeout(done, options.slowPageMs).unref());
    await next();
  });
  app.route(`${DEMO_BASE_PATH}/slow`, routes(`${DEMO_BASE_PATH}/slow`));
  app.route(DEMO_BASE_PATH, routes(DEMO_BASE_PATH));
  return app;

  function index(): Response {
    const rows = DEMO_ACCOUNTS.map(
      (account) =>
        `<li><code>${escapeHtml(account.username)}</code> / <code>${escapeHtml(account.password)}</code>: ${escapeHtml(account.purpose)}</li>`,
    ).join('\n');
    return page(
      'index',
      'Sandbox demo site',
      `<p>Login tests in the sandbox sign in here. <a href="${DEMO_BASE_PATH}/login">Sign in</a>;
<code>${DEMO_BASE_PATH}/slow/login</code> answers too slowly on purpose.</p><ul>${rows}</ul>`,
    );
  }
}
