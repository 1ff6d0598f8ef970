/*
 * The sandbox's stand-in for Skyvern's browser agent: a real sign-in over HTTP against the demo
 * site (sandbox/demo): fetch the form, post username and password, post the current authenticator
 * code from the stored key when asked, then confirm the signed-in page. It only ever talks to the
 * sandbox's own port, so no traffic leaves the machine. The outcome carries a *raw* reason, which
 * X3 humanises (contract 11.4) and never returns.
 */
import { totpAt } from '../../lib/totp';
import { normalizeAuthenticatorKey } from '../authenticator';
import type { RunStatus } from './run-store';

export interface LoginInput {
  /** Where to send requests (the sandbox's own origin + the path of the tested URL). */
  url: string;
  username: string;
  password: string;
  /** The stored authenticator seed, when totp_type is authenticator. */
  authenticatorSeed: string | null;
  /** X2 re-navigates to the URL after signing in and fails if a login form is visible. */
  revisit: boolean;
  pageTimeoutMs: number;
  now: () => number;
  signal: AbortSignal;
}

export interface LoginOutcome {
  status: Exclude<RunStatus, 'created' | 'queued' | 'running' | 'canceled'>;
  raw: string | null;
  /** Whether the site kept a session a browser profile could be saved from. */
  sessionSaved: boolean;
}

class PageTimeout extends Error {}

interface Page {
  status: number;
  url: string;
  html: string;
  kind: string | null;
}

function pageKind(html: string): string | null {
  return /data-demo-page="([a-z-]+)"/.exec(html)?.[1] ?? null;
}

function formAction(html: string, base: string): string | null {
  const action = /<form[^>]*action="([^"]+)"/.exec(html)?.[1];
  return action === undefined ? null : new URL(action, base).toString();
}

function demoError(html: string): string {
  return /data-demo-error="([^"]*)"/.exec(html)?.[1] ?? '';
}

class Browser {
  private readonly cookies = new Map<string, string>();

  constructor(private readonly input: LoginInput) {}

  async open(url: string, form?: Record<string, string>): Promise<Page> {
    let target = url;
    let body: URLSearchParams | undefined =
      form === undefined ? undefined : new URLSearchParams(form);
    for (let hop = 0; hop < 5; hop += 1) {
      const response = await this.fetch(target, body);
      for (const line of response.headers.getSetCookie()) {
        const [pair] = line.split(';');
        const [name, ...value] = (pair ?? '').split('=');
        if (name) this.cookies.set(name.trim(), value.join('='));
      }
      const location = response.headers.get('location');
      if (response.status >= 300 && response.status < 400 && location !== null) {
        await response.body?.cancel();
        target = new URL(location, target).toString();
        body = undefined;
        continue;
      }
      const html = await this.withTimeout(response.text());
      return { status: response.status, url: target, html, kind: pageKind(html) };
    }
    throw new Error('navigation failed: too many redirects');
  }

  private async fetch(url: string, body: URLSearchParams | undefined): Promise<Response> {
    const cookie = [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
    const headers: Record<string, string> = { accept: 'text/html' };
    if (cookie !== '') headers['cookie'] = cookie;
    if (body !== undefined) headers['content-type'] = 'application/x-www-form-urlencoded';
    return this.withTimeout(
      fetch(url, {
        method: body === undefined ? 'GET' : 'POST',
        headers,
        body,
        redirect: 'manual',
        signal: AbortSignal.any([this.input.signal, AbortSignal.timeout(this.input.pageTimeoutMs)]),
      }),
    );
  }

  private withTimeout<T>(promise: Promise<T>): Promise<T> {
    return promise.catch((error: unknown) => {
      if (error instanceof Error && error.name === 'TimeoutError') throw new PageTimeout();
      throw error;
    });
  }
}

export async function signIn(input: LoginInput): Promise<LoginOutcome> {
  const browser = new Browser(input);
  const failed = (raw: string): LoginOutcome => ({ status: 'failed', raw, sessionSaved: false });
  try {
    const login = await browser.open(input.url);
    if (login.kind !== 'login') return failed('navigation failed: no login form on the page');
    const loginAction = formAction(login.html, login.url);
    if (loginAction === null) return failed('navigation failed: no login form on the page');
    let page = await browser.open(loginAction, {
      username: input.username,
      password: input.password,
    });

    if (page.kind === 'code') {
      const parsed =
        input.authenticatorSeed === null
          ? null
          : normalizeAuthenticatorKey(input.authenticatorSeed);
      if (parsed === null || !parsed.ok) {
        return failed(
          'reached the maximum steps: the site asked for a 2FA code and no authenticator key is stored',
        );
      }
      const codeAction = formAction(page.html, page.url);
      if (codeAction === null) return failed('navigation failed: no code form on the page');
      page = await browser.open(codeAction, { code: totpAt(parsed.params, input.now()).code });
      if (page.kind === 'code') {
        return failed(
          `reached the maximum steps: verification code rejected (${demoError(page.html)})`,
        );
      }
    }

    switch (page.kind) {
      case 'signed-in':
        break;
      case 'locked':
        return {
          status: 'terminated',
          raw: 'account locked after too many attempts',
          sessionSaved: false,
        };
      case 'needs-info':
        return {
          status: 'terminated',
          raw: 'the site asked for information that was not provided (a phone number)',
          sessionSaved: false,
        };
      case 'login': {
        const message = demoError(page.html);
        if (/username/i.test(message)) return failed(`username not found: ${message}`);
        return failed(`invalid password: ${message}`);
      }
      default:
        return failed('navigation failed: unexpected page after signing in');
    }

    const sessionSaved = !page.html.includes('data-demo-session="none"');
    if (input.revisit) {
      // X2's validation block: re-open the URL; a visible login form means the session did not stick.
      const again = await browser.open(input.url);
      if (again.kind === 'login') {
        return {
          status: 'terminated',
          raw: 'a login form is still visible after signing in',
          sessionSaved: false,
        };
      }
    }
    return { status: 'completed', raw: null, sessionSaved };
  } catch (error) {
    if (error instanceof PageTimeout) {
      return {
        status: 'timed_out',
        raw: 'timed out waiting for the login page',
        sessionSaved: false,
      };
    }
    if (input.signal.aborted) throw error;
    return failed(`navigation failed: ${error instanceof Error ? error.message : 'network error'}`);
  }
}
