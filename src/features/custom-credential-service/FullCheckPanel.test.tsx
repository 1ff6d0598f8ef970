import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import { Secret, TOTP } from 'otpauth';
import { apiUrl, server } from '../../test/msw';
import { recordQueryCache } from '../../test/cache-recorder';
import { renderWithProviders } from '../../test/render';
import { FullCheckPanel } from './FullCheckPanel';

const ID = 'cred_500000000000000001';

interface SentCredential {
  name: string;
  credential_type: string;
  vault_type?: string;
  credential: { username: string; password: string; totp: string; totp_type: string };
}

function canary(name: string, vault = 'custom') {
  return {
    credential_id: ID,
    credential: {
      username: 'full-check@console.invalid',
      totp_type: 'authenticator',
      totp_identifier: null,
    },
    credential_type: 'password',
    name,
    vault_type: vault,
    browser_profile_id: null,
    auto_profile_disabled: false,
    pin_saved_session_ip: false,
    tested_url: null,
    user_context: null,
    save_browser_session_intent: false,
    run_sequentially: false,
    folder_id: null,
    proxy_location: null,
    proxy_session_id: null,
  };
}

/** Skyvern as the check sees it; each route can be overridden with `server.use`. */
function serveSkyvern() {
  const calls: string[] = [];
  const bodies: SentCredential[] = [];
  server.use(
    http.post(apiUrl('/v1/credentials'), async ({ request }) => {
      const body = (await request.json()) as SentCredential;
      calls.push('create');
      bodies.push(body);
      return HttpResponse.json(canary(body.name), { status: 201 });
    }),
    http.get(apiUrl(`/v1/credentials/${ID}/totp-code`), () => {
      calls.push('read');
      const key = bodies[0]?.credential.totp ?? '';
      const code = new TOTP({ secret: Secret.fromBase32(key) }).generate();
      return HttpResponse.json({ code, seconds_remaining: 17 });
    }),
    http.post(apiUrl(`/v1/credentials/${ID}/update`), async ({ request }) => {
      const body = (await request.json()) as SentCredential;
      calls.push('update');
      bodies.push(body);
      return HttpResponse.json(canary(body.name));
    }),
    http.post(apiUrl(`/v1/credentials/${ID}/delete`), () => {
      calls.push('delete');
      return new HttpResponse(null, { status: 204 });
    }),
  );
  return { calls, bodies };
}

function stepItems() {
  return within(screen.getByRole('list', { name: 'Full check steps' })).getAllByRole('listitem');
}

describe('FullCheckPanel', () => {
  it('runs only when asked, passes all four steps through Skyvern, and keeps no secret', async () => {
    const { calls, bodies } = serveSkyvern();
    const { user, queryClient } = renderWithProviders(<FullCheckPanel />);
    const cache = recordQueryCache(queryClient);
    expect(calls).toEqual([]);

    await user.click(screen.getByRole('button', { name: 'Run full check' }));
    const summary = await screen.findByText(/^All 4 steps passed in \d+\.\d\d s\.$/);
    // Focus moves in an effect after the summary renders.
    await waitFor(() => expect(summary).toHaveFocus());
    expect(calls).toEqual(['create', 'read', 'update', 'delete']);
    for (const item of stepItems()) expect(item).toHaveTextContent(/Passed · \d+\.\d\d s/);

    const [created, updated] = bodies;
    expect(created).toMatchObject({
      credential_type: 'password',
      vault_type: 'custom',
      credential: { totp_type: 'authenticator' },
    });
    // The update re-sends the same key with a new password, as the full create body (3.5).
    expect(updated?.credential.totp).toBe(created?.credential.totp);
    expect(updated?.credential.password).not.toBe(created?.credential.password);
    expect(updated?.name).toBe(created?.name);

    const secrets = [
      created?.credential.password,
      updated?.credential.password,
      created?.credential.totp,
    ].map(String);
    for (const secret of secrets) {
      expect(secret.length).toBeGreaterThanOrEqual(16);
      expect(document.body.innerHTML).not.toContain(secret);
      expect(cache.text()).not.toContain(secret);
      expect(JSON.stringify({ ...localStorage, ...sessionStorage })).not.toContain(secret);
    }
  });

  it('fails at step 2 with the service’s error in words, skips the update and still deletes the canary', async () => {
    const { calls } = serveSkyvern();
    server.use(
      http.get(apiUrl(`/v1/credentials/${ID}/totp-code`), () => {
        calls.push('read');
        return HttpResponse.json(
          { detail: 'Custom credential service returned HTTP 503: Vault sealed for maintenance' },
          { status: 502 },
        );
      }),
    );
    const { user } = renderWithProviders(<FullCheckPanel />);
    await user.click(screen.getByRole('button', { name: 'Run full check' }));
    const failure = await screen.findByText(
      'Step 2 failed: read its current code. The canary was deleted.',
    );
    await waitFor(() => expect(failure).toHaveFocus());
    const [create, read, update, remove] = stepItems();
    expect(create).toHaveTextContent('Passed');
    expect(read).toHaveTextContent('Failed');
    expect(read).toHaveTextContent(
      'Your service failed, as Skyvern reports it: “HTTP 503: Vault sealed for maintenance”',
    );
    expect(update).toHaveTextContent('Skipped: an earlier step failed.');
    expect(remove).toHaveTextContent('Passed');
    expect(calls).toEqual(['create', 'read', 'delete']);
  });

  it('says so, with the id, when the clean-up itself fails, and can delete it again', async () => {
    const { calls } = serveSkyvern();
    let refuse = true;
    server.use(
      http.post(apiUrl(`/v1/credentials/${ID}/update`), () => {
        calls.push('update');
        return HttpResponse.json(
          { detail: 'Custom credential service returned HTTP 500: Disk full' },
          { status: 502 },
        );
      }),
      http.post(apiUrl(`/v1/credentials/${ID}/delete`), () => {
        calls.push('delete');
        return refuse
          ? HttpResponse.json(
              { detail: 'Custom credential service returned HTTP 500: Disk full' },
              { status: 502 },
            )
          : new HttpResponse(null, { status: 204 });
      }),
    );
    const { user } = renderWithProviders(<FullCheckPanel />);
    await user.click(screen.getByRole('button', { name: 'Run full check' }));
    expect(
      await screen.findByText('Step 3 failed: update it. The canary could not be deleted.'),
    ).toBeInTheDocument();
    const alert = screen.getByRole('alert');
    expect(alert).toHaveTextContent('The canary credential is still there');
    expect(alert).toHaveTextContent(ID);
    expect(alert).toHaveTextContent('HTTP 500: Disk full');
    refuse = false;
    await user.click(within(alert).getByRole('button', { name: 'Delete the canary again' }));
    expect(await within(alert).findByText('Deleted: nothing is left over.')).toBeInTheDocument();
    expect(calls).toEqual(['create', 'read', 'update', 'delete', 'delete']);
  });

  it('creates nothing and cleans up nothing when Skyvern refuses the create', async () => {
    const { calls } = serveSkyvern();
    server.use(
      http.post(apiUrl('/v1/credentials'), () => {
        calls.push('create');
        return HttpResponse.json(
          { detail: 'Custom credential service not configured for organization o_1' },
          { status: 400 },
        );
      }),
    );
    const { user } = renderWithProviders(<FullCheckPanel />);
    await user.click(screen.getByRole('button', { name: 'Run full check' }));
    expect(
      await screen.findByText(
        'Step 1 failed: create a canary credential. Nothing was created, so there is nothing to clean up.',
      ),
    ).toBeInTheDocument();
    expect(stepItems()[0]).toHaveTextContent(
      'Skyvern refused (HTTP 400): “Custom credential service not configured for organization o_1”',
    );
    expect(stepItems()[3]).toHaveTextContent('Skipped: no canary was created.');
    expect(calls).toEqual(['create']);
  });

  it('fails step 2 when the code does not come from the key it stored', async () => {
    const { calls } = serveSkyvern();
    server.use(
      http.get(apiUrl(`/v1/credentials/${ID}/totp-code`), () => {
        calls.push('read');
        const other = new TOTP({ secret: new Secret({ size: 20 }) }).generate();
        return HttpResponse.json({ code: other, seconds_remaining: 17 });
      }),
    );
    const { user } = renderWithProviders(<FullCheckPanel />);
    await user.click(screen.getByRole('button', { name: 'Run full check' }));
    await screen.findByText(/^Step 2 failed/);
    expect(stepItems()[1]).toHaveTextContent('returned a different authenticator key');
    expect(calls).toEqual(['create', 'read', 'delete']);
  });

  it('offers Re-enter API key when Skyvern refuses the key', async () => {
    serveSkyvern();
    server.use(
      http.post(apiUrl('/v1/credentials'), () =>
        HttpResponse.json({ detail: 'Your API key has expired' }, { status: 403 }),
      ),
    );
    const { user } = renderWithProviders(<FullCheckPanel />);
    await user.click(screen.getByRole('button', { name: 'Run full check' }));
    expect(await screen.findByRole('button', { name: 'Re-enter API key' })).toBeInTheDocument();
  });
});
