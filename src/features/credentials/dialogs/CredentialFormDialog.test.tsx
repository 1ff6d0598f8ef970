import { http, HttpResponse } from 'msw';
import { describe, expect, it, vi } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import type { UserEvent } from '@testing-library/user-event';
import { queryKeys } from '../../../api/query-keys';
import type { Credential } from '../../../api/schemas';
import { apiUrl, server } from '../../../test/msw';
import { recordQueryCache } from '../../../test/cache-recorder';
import { renderWithProviders } from '../../../test/render';
import {
  cardCredential,
  customServiceConfigured,
  expectNoSecretsIn,
  noCustomService,
  passwordCredential,
  secretCredential,
} from '../test/fixtures';
import { CredentialFormDialog } from './CredentialFormDialog';

const PASSWORD = '  correct horse battery staple ';
const TOTP_KEY = 'JBSW Y3DP EHPK 3PXP';
const CARD = '4242 4242 4242 4242';
const CVV = '123';
const SECRET = ' sk_live_abc123 ';

function renderCreate() {
  const onClose = vi.fn();
  const utils = renderWithProviders(
    <CredentialFormDialog mode="create" onClose={onClose} onCloseAutoFocus={() => {}} />,
  );
  return { ...utils, onClose };
}

function renderEdit(credential: Credential) {
  const onClose = vi.fn();
  const utils = renderWithProviders(
    <CredentialFormDialog
      mode="edit"
      credential={credential}
      onClose={onClose}
      onCloseAutoFocus={() => {}}
    />,
  );
  return { ...utils, onClose };
}

/** Records the bodies Skyvern receives and answers with `respond`. */
function captureCreate(respond: (body: Record<string, unknown>) => Response) {
  const bodies: Array<Record<string, unknown>> = [];
  server.use(
    http.post(apiUrl('/v1/credentials'), async ({ request }) => {
      const body = (await request.json()) as Record<string, unknown>;
      bodies.push(body);
      return respond(body);
    }),
  );
  return bodies;
}

function created(credential: Credential) {
  return () => HttpResponse.json(credential, { status: 201 });
}

async function fillPassword(
  user: UserEvent,
  twoFactor?: 'Authenticator app' | 'Email' | 'Text message',
) {
  await user.type(screen.getByLabelText(/^Name\*?$/), 'Acme portal');
  await user.type(screen.getByLabelText(/^Username\*?$/), 'jane@example.com');
  await user.type(screen.getByLabelText(/^Password\*?$/), PASSWORD);
  if (twoFactor) await user.click(screen.getByRole('radio', { name: twoFactor }));
}

describe('CredentialFormDialog: create', () => {
  it('asks for the type first and uses the exact labels of each type', async () => {
    noCustomService();
    const { user } = renderCreate();
    const dialog = screen.getByRole('dialog', { name: 'New credential' });
    const type = within(dialog).getByRole('group', { name: 'Type' });
    expect(within(type).getByRole('radio', { name: /Password/ })).toBeChecked();
    // The type choice has focus when the dialog opens.
    await waitFor(() =>
      expect(within(type).getByRole('radio', { name: /Password/ })).toHaveFocus(),
    );
    for (const label of ['Name', 'Username', 'Password']) {
      expect(screen.getByLabelText(new RegExp(`^${label}\\*?$`))).toBeInTheDocument();
    }
    const twoFactor = screen.getByRole('group', { name: 'Two-factor authentication' });
    for (const option of ['None', 'Authenticator app', 'Email', 'Text message']) {
      expect(within(twoFactor).getByRole('radio', { name: option })).toBeInTheDocument();
    }
    expect(screen.getByLabelText(/^Password\*?$/)).toHaveAttribute('type', 'password');
    expect(screen.getByLabelText(/^Password\*?$/)).toHaveAttribute('autocomplete', 'new-password');
    expect(screen.getByRole('button', { name: 'Show password' })).toBeInTheDocument();

    await user.click(within(type).getByRole('radio', { name: /Credit card/ }));
    for (const label of [
      'Cardholder name',
      'Card number',
      'Expiry month',
      'Expiry year',
      'CVV',
      'Card brand',
    ]) {
      expect(screen.getByLabelText(new RegExp(`^${label}\\*?$`))).toBeInTheDocument();
    }
    await user.click(within(type).getByRole('radio', { name: /Secret/ }));
    expect(screen.getByLabelText(/^Secret label\*?$/)).toBeInTheDocument();
    const secretValue = screen.getByLabelText(/^Secret value\*?$/);
    // Multi-line (a pasted private key) and masked until revealed.
    expect(secretValue.tagName).toBe('TEXTAREA');
    expect(secretValue.className).toContain('[-webkit-text-security:disc]');
    expect(screen.getByRole('button', { name: 'Show secret value' })).toBeInTheDocument();
  });

  it('validates a password credential before anything is sent', async () => {
    noCustomService();
    const bodies = captureCreate(created(passwordCredential()));
    const { user } = renderCreate();
    await user.click(screen.getByRole('radio', { name: 'Authenticator app' }));
    await user.click(screen.getByRole('button', { name: 'Create credential' }));
    expect(await screen.findByText(/Enter a name/)).toBeInTheDocument();
    expect(screen.getByText('Enter the username.')).toBeInTheDocument();
    expect(screen.getByText('Enter the password.')).toBeInTheDocument();
    expect(screen.getByText(/Enter the authenticator key/)).toBeInTheDocument();
    expect(screen.getByLabelText(/^Username\*?$/)).toHaveAttribute('aria-invalid', 'true');
    await user.type(screen.getByLabelText(/^Authenticator key\*?$/), 'not a key!');
    await user.click(screen.getByRole('button', { name: 'Create credential' }));
    expect(await screen.findByText(/not a Base32 setup key/)).toBeInTheDocument();
    expect(bodies).toHaveLength(0);
  });

  it('sends a password with an authenticator key exactly as typed, and shows the new id', async () => {
    noCustomService();
    const bodies = captureCreate(created(passwordCredential()));
    const { user, queryClient } = renderCreate();
    // Every state the cache passes through while the form is mounted: pending, settled, and after.
    const cache = recordQueryCache(queryClient);
    await fillPassword(user, 'Authenticator app');
    await user.type(screen.getByLabelText(/^Authenticator key\*?$/), TOTP_KEY);
    await user.click(screen.getByRole('button', { name: 'Create credential' }));
    expect(await screen.findByText('cred_100000000000000001')).toBeInTheDocument();
    expect(screen.getByRole('dialog', { name: 'Credential created' })).toBeInTheDocument();
    expect(bodies).toEqual([
      {
        name: 'Acme portal',
        credential_type: 'password',
        credential: {
          username: 'jane@example.com',
          password: PASSWORD,
          totp_type: 'authenticator',
          totp: TOTP_KEY,
          totp_identifier: null,
        },
      },
    ]);
    // Nothing typed ever enters react-query: not as a mutation variable (while pending or once
    // settled, before gcTime 0 drops the mutation) and not in any query.
    expect(cache.text()).toContain('"status":"pending"');
    expectNoSecretsIn(cache.text(), [PASSWORD.trim(), 'JBSW']);
    // The form is gone, and with it every field value.
    expect(screen.queryByLabelText(/^Password/)).not.toBeInTheDocument();
  });

  it('sends the address that codes are pushed for with email 2FA', async () => {
    noCustomService();
    const bodies = captureCreate(created(passwordCredential()));
    const { user } = renderCreate();
    await fillPassword(user, 'Email');
    await user.type(screen.getByLabelText(/^Email address\*?$/), 'not-an-email');
    await user.click(screen.getByRole('button', { name: 'Create credential' }));
    expect(await screen.findByText(/Enter an email address such as/)).toBeInTheDocument();
    await user.clear(screen.getByLabelText(/^Email address\*?$/));
    await user.type(screen.getByLabelText(/^Email address\*?$/), 'codes@example.com');
    await user.click(screen.getByRole('button', { name: 'Create credential' }));
    await screen.findByText('cred_100000000000000001');
    expect(bodies[0]?.credential).toMatchObject({
      totp_type: 'email',
      totp: null,
      totp_identifier: 'codes@example.com',
    });
  });

  it('sends the phone number with text-message 2FA', async () => {
    noCustomService();
    const bodies = captureCreate(created(passwordCredential()));
    const { user } = renderCreate();
    await fillPassword(user, 'Text message');
    await user.type(screen.getByLabelText(/^Phone number\*?$/), '+1 415 555 0100');
    await user.click(screen.getByRole('button', { name: 'Create credential' }));
    await screen.findByText('cred_100000000000000001');
    expect(bodies[0]?.credential).toMatchObject({
      totp_type: 'text',
      totp_identifier: '+1 415 555 0100',
    });
  });

  it('checks a card (Luhn, expiry, CVV), detects the brand, shows it grouped and sends it without spaces', async () => {
    noCustomService();
    const bodies = captureCreate(created(cardCredential()));
    const { user } = renderCreate();
    await user.click(screen.getByRole('radio', { name: /Credit card/ }));
    await user.type(screen.getByLabelText(/^Name\*?$/), 'Company Visa');
    await user.type(screen.getByLabelText(/^Cardholder name\*?$/), 'Jane Doe');
    await user.type(screen.getByLabelText(/^Card number\*?$/), '4242424242424241');
    await user.selectOptions(screen.getByLabelText(/^Expiry month\*?$/), '01');
    await user.type(screen.getByLabelText(/^Expiry year\*?$/), '2020');
    await user.type(screen.getByLabelText(/^CVV\*?$/), '12');
    await user.click(screen.getByRole('button', { name: 'Create credential' }));
    expect(await screen.findByText(/check digit does not match/)).toBeInTheDocument();
    expect(screen.getByText(/the card has expired/)).toBeInTheDocument();
    expect(
      screen.getByText('The CVV is the 3 digits on the back of the card.'),
    ).toBeInTheDocument();
    expect(bodies).toHaveLength(0);

    const number = screen.getByLabelText(/^Card number\*?$/);
    await user.clear(number);
    await user.type(number, '4242424242424242');
    expect(number).toHaveValue(CARD);
    expect(screen.getByLabelText(/^Card brand\*?$/)).toHaveValue('Visa');
    const year = String(new Date().getFullYear() + 3);
    await user.clear(screen.getByLabelText(/^Expiry year\*?$/));
    await user.type(screen.getByLabelText(/^Expiry year\*?$/), year);
    await user.clear(screen.getByLabelText(/^CVV\*?$/));
    await user.type(screen.getByLabelText(/^CVV\*?$/), CVV);
    await user.click(screen.getByText('Billing details (optional)'));
    await user.type(screen.getByLabelText(/^Postal code\*?$/), '94107');
    await user.click(screen.getByRole('button', { name: 'Create credential' }));
    await screen.findByText('cred_100000000000000002');
    expect(bodies[0]).toEqual({
      name: 'Company Visa',
      credential_type: 'credit_card',
      credential: {
        card_holder_name: 'Jane Doe',
        card_number: '4242424242424242',
        card_exp_month: '01',
        card_exp_year: year,
        card_cvv: CVV,
        card_brand: 'Visa',
        billing_address: { postal_code: '94107' },
      },
    });
  });

  it('sends a secret value untouched, line breaks included, with its label', async () => {
    noCustomService();
    const bodies = captureCreate(created(secretCredential()));
    const { user } = renderCreate();
    await user.click(screen.getByRole('radio', { name: /Secret/ }));
    await user.type(screen.getByLabelText(/^Name\*?$/), 'Billing API');
    await user.click(screen.getByRole('button', { name: 'Create credential' }));
    expect(await screen.findByText('Enter the secret value.')).toBeInTheDocument();
    await user.type(screen.getByLabelText(/^Secret label\*?$/), 'Billing API key');
    const pem = `${SECRET}\n-----BEGIN PRIVATE KEY-----\nMIIEv\n-----END PRIVATE KEY-----\n`;
    await user.click(screen.getByLabelText(/^Secret value\*?$/));
    await user.paste(pem);
    await user.click(screen.getByRole('button', { name: 'Create credential' }));
    await screen.findByText('cred_100000000000000003');
    expect(bodies[0]).toEqual({
      name: 'Billing API',
      credential_type: 'secret',
      credential: { secret_value: pem, secret_label: 'Billing API key' },
    });
  });

  it('offers the custom credential service when one is configured, Skyvern by default', async () => {
    customServiceConfigured();
    const bodies = captureCreate(created(passwordCredential({ vault_type: 'custom' })));
    const { user } = renderCreate();
    const vault = await screen.findByRole('group', { name: 'Store the secret in' });
    expect(within(vault).getByRole('radio', { name: /Skyvern/ })).toBeChecked();
    expect(vault).not.toHaveTextContent('vault-token');
    await fillPassword(user);
    await user.click(within(vault).getByRole('radio', { name: /Custom Credential Service/ }));
    await user.click(screen.getByRole('button', { name: 'Create credential' }));
    await screen.findByText('cred_100000000000000001');
    expect(bodies[0]).toMatchObject({ vault_type: 'custom' });
  });

  it('omits vault_type for Skyvern, and offers no custom service when none is configured', async () => {
    noCustomService();
    const bodies = captureCreate(created(passwordCredential()));
    const { user } = renderCreate();
    await fillPassword(user);
    const vault = screen.getByRole('group', { name: 'Store the secret in' });
    expect(within(vault).getByRole('radio', { name: /^Skyvern/ })).toBeChecked();
    expect(within(vault).queryByRole('radio', { name: /Custom Credential Service/ })).toBeNull();
    // The server's own vaults are folded away until asked for.
    expect(within(vault).queryByRole('radio', { name: /Azure Key Vault/ })).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Create credential' }));
    await screen.findByText('cred_100000000000000001');
    expect(bodies[0]).not.toHaveProperty('vault_type');
  });

  it('explains that Azure Key Vault means the server’s own, and says so in words when it has none', async () => {
    noCustomService();
    const bodies = captureCreate(() =>
      HttpResponse.json({ detail: 'Azure Vault credential is not supported' }, { status: 400 }),
    );
    const { user } = renderCreate();
    await fillPassword(user);
    const vault = screen.getByRole('group', { name: 'Store the secret in' });
    await user.click(within(vault).getByText(/server’s own Bitwarden or Azure Key Vault/));
    expect(vault).toHaveTextContent(
      /not the organisation’s settings under Settings → Vault providers/,
    );
    await user.click(within(vault).getByRole('radio', { name: /Azure Key Vault \(server\)/ }));
    await user.click(screen.getByRole('button', { name: 'Create credential' }));
    expect(await within(vault).findByRole('alert')).toHaveTextContent(
      'This Skyvern server has no Azure Key Vault configured',
    );
    expect(bodies[0]).toMatchObject({ vault_type: 'azure_vault' });
    expect(within(vault).getByRole('radio', { name: /Azure Key Vault \(server\)/ })).toHaveFocus();
    // Everything typed is still there.
    expect(screen.getByLabelText(/^Username\*?$/)).toHaveValue('jane@example.com');
  });

  it('puts Skyvern’s 422 messages on the fields, ignoring the other shapes of its union', async () => {
    noCustomService();
    captureCreate(() =>
      HttpResponse.json(
        {
          detail: [
            {
              loc: [
                'body',
                'credential',
                'function-after[x(), NonEmptyPasswordCredential]',
                'password',
              ],
              msg: 'String should have at least 1 character',
              type: 'string_too_short',
            },
            {
              loc: [
                'body',
                'credential',
                'function-after[x(), NonEmptyCreditCardCredential]',
                'card_number',
              ],
              msg: 'Field required',
              type: 'missing',
            },
          ],
        },
        { status: 422 },
      ),
    );
    const { user } = renderCreate();
    await fillPassword(user);
    await user.click(screen.getByRole('button', { name: 'Create credential' }));
    expect(await screen.findByText('String should have at least 1 character')).toBeInTheDocument();
    expect(screen.getByLabelText(/^Password\*?$/)).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByText(/Check the highlighted field/)).toBeInTheDocument();
    expect(screen.queryByText('Field required')).not.toBeInTheDocument();
    // Everything typed is still there.
    expect(screen.getByLabelText(/^Password\*?$/)).toHaveValue(PASSWORD);
  });

  it('puts an authenticator-key 400 on the Authenticator key field', async () => {
    noCustomService();
    captureCreate(() =>
      HttpResponse.json(
        {
          detail: {
            error_code: 'invalid_authenticator_key',
            message: 'Invalid authenticator key. Paste the raw Base32 setup key.',
          },
        },
        { status: 400 },
      ),
    );
    const { user } = renderCreate();
    await fillPassword(user, 'Authenticator app');
    await user.type(screen.getByLabelText(/^Authenticator key\*?$/), TOTP_KEY);
    await user.click(screen.getByRole('button', { name: 'Create credential' }));
    expect(
      await screen.findByText('Invalid authenticator key. Paste the raw Base32 setup key.'),
    ).toBeInTheDocument();
    expect(screen.getByLabelText(/^Authenticator key\*?$/)).toHaveAttribute('aria-invalid', 'true');
  });

  it('keeps everything typed after a server error and sends again on Try again', async () => {
    noCustomService();
    let fail = true;
    const bodies = captureCreate(() =>
      fail
        ? HttpResponse.json(
            { detail: 'Skyvern local credential vault is not enabled' },
            { status: 503 },
          )
        : HttpResponse.json(passwordCredential(), { status: 201 }),
    );
    const { user } = renderCreate();
    await fillPassword(user);
    await user.click(screen.getByRole('button', { name: 'Create credential' }));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Skyvern local credential vault is not enabled');
    expect(screen.getByLabelText(/^Password\*?$/)).toHaveValue(PASSWORD);
    expect(screen.getByLabelText(/^Username\*?$/)).toHaveValue('jane@example.com');
    fail = false;
    await user.click(screen.getByRole('button', { name: 'Try again' }));
    await screen.findByText('cred_100000000000000001');
    expect(bodies).toHaveLength(2);
  });

  it('after a lost answer, finds the credential the first attempt created instead of making a duplicate', async () => {
    noCustomService();
    const stored: Credential[] = [];
    const bodies = captureCreate(() => {
      // Skyvern stores it, but the answer never reaches the browser.
      stored.push(passwordCredential());
      return HttpResponse.error();
    });
    const searches: string[] = [];
    server.use(
      // The client checks whether Skyvern is reachable at all to tell CORS from "down".
      http.get(apiUrl('/'), () => new HttpResponse('ok')),
      http.get(apiUrl('/v1/credentials'), ({ request }) => {
        searches.push(new URL(request.url).searchParams.get('search') ?? '');
        return HttpResponse.json(stored);
      }),
    );
    const { user } = renderCreate();
    await fillPassword(user);
    await user.click(screen.getByRole('button', { name: 'Create credential' }));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('may have reached Skyvern');
    expect(screen.getByLabelText(/^Password\*?$/)).toHaveValue(PASSWORD);

    await user.click(screen.getByRole('button', { name: 'Try again' }));
    expect(
      await screen.findByText('Your earlier attempt probably went through'),
    ).toBeInTheDocument();
    expect(searches).toEqual(['Acme portal']);
    expect(bodies).toHaveLength(1);
    await user.click(screen.getByRole('button', { name: 'Use the existing credential' }));
    expect(await screen.findByText('cred_100000000000000001')).toBeInTheDocument();
    expect(bodies).toHaveLength(1);
  });

  it('after a lost answer that created nothing, sends again once', async () => {
    noCustomService();
    let attempts = 0;
    const bodies = captureCreate(() => {
      attempts += 1;
      return attempts === 1
        ? HttpResponse.error()
        : HttpResponse.json(passwordCredential(), { status: 201 });
    });
    server.use(
      http.get(apiUrl('/'), () => new HttpResponse('ok')),
      http.get(apiUrl('/v1/credentials'), () => HttpResponse.json([])),
    );
    const { user } = renderCreate();
    await fillPassword(user);
    await user.click(screen.getByRole('button', { name: 'Create credential' }));
    await screen.findByRole('alert');
    await user.click(screen.getByRole('button', { name: 'Try again' }));
    await screen.findByText('cred_100000000000000001');
    expect(bodies).toHaveLength(2);
  });
});

describe('CredentialFormDialog: edit', () => {
  it('prefills what Skyvern returns, leaves every secret empty and required, and explains why', async () => {
    renderEdit(passwordCredential());
    const dialog = screen.getByRole('dialog', { name: 'Edit Acme portal' });
    expect(dialog).toHaveTextContent('Skyvern never returns a stored secret');
    expect(dialog).toHaveTextContent('replaces the whole secret');
    expect(screen.getByLabelText(/^Name\*?$/)).toHaveValue('Acme portal');
    expect(screen.getByLabelText(/^Username\*?$/)).toHaveValue('jane@example.com');
    expect(screen.getByLabelText(/^Password\*?$/)).toHaveValue('');
    expect(screen.getByLabelText(/^Password\*?$/)).toHaveAttribute('aria-required', 'true');
    expect(screen.getByRole('radio', { name: 'Authenticator app' })).toBeChecked();
    expect(screen.getByLabelText(/^Authenticator key\*?$/)).toHaveValue('');
    expect(dialog).toHaveTextContent('Stored in: Skyvern');
    expect(screen.queryByRole('group', { name: 'Store the secret in' })).not.toBeInTheDocument();
  });

  it('will not save without the secrets, then replaces them with POST …/update', async () => {
    let body: unknown = null;
    server.use(
      http.post(apiUrl('/v1/credentials/cred_100000000000000001/update'), async ({ request }) => {
        body = await request.json();
        return HttpResponse.json(passwordCredential());
      }),
    );
    const { user, onClose, queryClient } = renderEdit(passwordCredential());
    const cache = recordQueryCache(queryClient);
    await user.click(screen.getByRole('button', { name: 'Save changes' }));
    expect(await screen.findByText('Enter the password.')).toBeInTheDocument();
    // An empty key is not an error on an edit: it leads to the remove-2FA confirmation instead.
    expect(screen.queryByText(/Enter the authenticator key/)).not.toBeInTheDocument();
    expect(body).toBeNull();
    await user.type(screen.getByLabelText(/^Password\*?$/), PASSWORD);
    await user.type(screen.getByLabelText(/^Authenticator key\*?$/), TOTP_KEY);
    await user.click(screen.getByRole('button', { name: 'Save changes' }));
    await waitFor(() => expect(onClose).toHaveBeenCalled());
    expect(body).toEqual({
      name: 'Acme portal',
      credential_type: 'password',
      credential: {
        username: 'jane@example.com',
        password: PASSWORD,
        totp_type: 'authenticator',
        totp: TOTP_KEY,
        totp_identifier: null,
      },
    });
    expect(cache.text()).toContain('"status":"success"');
    expectNoSecretsIn(cache.text(), [PASSWORD.trim(), 'JBSW']);
  });

  it('asks for every card field again and shows which card is stored', async () => {
    customServiceConfigured();
    renderEdit(cardCredential());
    expect(screen.getByText(/The stored card ends in 4242/)).toBeInTheDocument();
    expect(screen.getByLabelText(/^Card brand\*?$/)).toHaveValue('Visa');
    for (const label of ['Cardholder name', 'Card number', 'Expiry year', 'CVV']) {
      expect(screen.getByLabelText(new RegExp(`^${label}\\*?$`))).toHaveValue('');
    }
    expect(screen.getByText('Stored in: Custom Credential Service')).toBeInTheDocument();
  });

  it('may change the type', async () => {
    let body: Record<string, unknown> | null = null;
    server.use(
      http.post(apiUrl('/v1/credentials/cred_100000000000000001/update'), async ({ request }) => {
        body = (await request.json()) as Record<string, unknown>;
        return HttpResponse.json(secretCredential({ credential_id: 'cred_100000000000000001' }));
      }),
    );
    const { user, onClose } = renderEdit(passwordCredential());
    await user.click(screen.getByRole('radio', { name: /Secret/ }));
    await user.type(screen.getByLabelText(/^Secret value\*?$/), SECRET);
    await user.click(screen.getByRole('button', { name: 'Save changes' }));
    // The password credential had an authenticator key, which a secret cannot keep.
    await user.click(await screen.findByRole('button', { name: 'Remove 2FA and save' }));
    await waitFor(() => expect(onClose).toHaveBeenCalled());
    expect(body).toMatchObject({ credential_type: 'secret', credential: { secret_value: SECRET } });
  });

  it('says when the credential is gone, keeps the input, and refreshes the list', async () => {
    server.use(
      http.post(apiUrl('/v1/credentials/cred_100000000000000003/update'), () =>
        HttpResponse.json(
          { detail: 'Credential not found, credential_id=cred_100000000000000003' },
          { status: 404 },
        ),
      ),
    );
    const { user, queryClient } = renderEdit(secretCredential());
    const invalidate = vi.spyOn(queryClient, 'invalidateQueries');
    await user.type(screen.getByLabelText(/^Secret value\*?$/), SECRET);
    await user.click(screen.getByRole('button', { name: 'Save changes' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('This credential no longer exists');
    expect(screen.getByLabelText(/^Secret value\*?$/)).toHaveValue(SECRET);
    expect(invalidate).toHaveBeenCalledWith({ queryKey: queryKeys.credentials.lists() });
    expect(screen.queryByRole('button', { name: /Save|Try again/ })).not.toBeInTheDocument();
  });
});
