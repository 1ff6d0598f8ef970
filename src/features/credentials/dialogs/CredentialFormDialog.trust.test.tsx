import { http, HttpResponse } from 'msw';
import { describe, expect, it, vi } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import type { Credential } from '../../../api/schemas';
import { apiUrl, server } from '../../../test/msw';
import { renderWithProviders } from '../../../test/render';
import {
  cardCredential,
  expectNoSecretsIn,
  noCustomService,
  passwordCredential,
} from '../test/fixtures';
import { CredentialDialogHost } from './CredentialDialogHost';
import { CredentialFormDialog } from './CredentialFormDialog';

/*
 * Issue 10 ("Trust") in the credential form: the stored authenticator key is never dropped
 * silently, Change password, passkeys kept, what a scan learned, the custom vault, card checks,
 * the password generator and the strength meter.
 */

const PASSWORD = 'new horse battery staple';
const TOTP_KEY = 'JBSWY3DPEHPK3PXP';
const UPDATE = '/v1/credentials/cred_100000000000000001/update';

function renderEdit(credential: Credential, initialFocus?: 'password') {
  const onClose = vi.fn();
  const utils = renderWithProviders(
    <CredentialFormDialog
      mode="edit"
      credential={credential}
      initialFocus={initialFocus}
      onClose={onClose}
      onCloseAutoFocus={() => {}}
    />,
  );
  return { ...utils, onClose };
}

function renderCreate() {
  return renderWithProviders(
    <CredentialFormDialog mode="create" onClose={() => {}} onCloseAutoFocus={() => {}} />,
  );
}

function captureUpdate(answer: Credential = passwordCredential()) {
  const bodies: Array<Record<string, unknown>> = [];
  server.use(
    http.post(apiUrl(UPDATE), async ({ request }) => {
      bodies.push((await request.json()) as Record<string, unknown>);
      return HttpResponse.json(answer);
    }),
  );
  return bodies;
}

function cacheText(queryClient: ReturnType<typeof renderWithProviders>['queryClient']) {
  return JSON.stringify({
    queries: queryClient
      .getQueryCache()
      .getAll()
      .map((query) => [query.queryKey, query.state]),
    mutations: queryClient
      .getMutationCache()
      .getAll()
      .map((mutation) => mutation.state),
  });
}

describe('Editing a credential with an authenticator key', () => {
  it('says beside the 2FA choice that the key is needed again', () => {
    renderEdit(passwordCredential());
    const group = screen.getByRole('group', { name: 'Two-factor authentication' });
    expect(group).toHaveTextContent(
      'Skyvern needs the authenticator key again. Scan the QR code again or paste the key; leaving it out removes 2FA from this credential.',
    );
  });

  it('asks before a save without the key; Keep editing sends nothing, Remove 2FA and save sends none', async () => {
    const bodies = captureUpdate();
    const { user, onClose } = renderEdit(passwordCredential());
    await user.type(screen.getByLabelText(/^Password\*?$/), PASSWORD);
    await user.click(screen.getByRole('button', { name: 'Save changes' }));

    const confirm = await screen.findByRole('dialog', {
      name: 'Remove two-factor authentication?',
    });
    expect(confirm).toHaveAccessibleDescription(
      'The stored authenticator key will be deleted. Runs that sign in with this credential will not get codes.',
    );
    const keep = within(confirm).getByRole('button', { name: 'Keep editing' });
    await waitFor(() => expect(keep).toHaveFocus());
    await user.click(keep);
    expect(screen.queryByRole('dialog', { name: /Remove two-factor/ })).not.toBeInTheDocument();
    // Back where the key goes, with nothing sent.
    await waitFor(() => expect(screen.getByLabelText(/^Authenticator key\*?$/)).toHaveFocus());
    expect(bodies).toHaveLength(0);
    expect(onClose).not.toHaveBeenCalled();

    await user.click(screen.getByRole('button', { name: 'Save changes' }));
    const again = await screen.findByRole('dialog', { name: 'Remove two-factor authentication?' });
    await user.click(within(again).getByRole('button', { name: 'Remove 2FA and save' }));
    await waitFor(() => expect(onClose).toHaveBeenCalled());
    expect(bodies).toEqual([
      {
        name: 'Acme portal',
        credential_type: 'password',
        credential: {
          username: 'jane@example.com',
          password: PASSWORD,
          totp_type: 'none',
          totp: null,
          totp_identifier: null,
        },
      },
    ]);
  });

  it('asks too when 2FA is switched to another method, and sends that method', async () => {
    const bodies = captureUpdate();
    const { user, onClose } = renderEdit(passwordCredential());
    await user.type(screen.getByLabelText(/^Password\*?$/), PASSWORD);
    await user.click(screen.getByRole('radio', { name: 'Email' }));
    await user.type(screen.getByLabelText(/^Email address\*?$/), 'codes@example.com');
    await user.click(screen.getByRole('button', { name: 'Save changes' }));
    const confirm = await screen.findByRole('dialog', {
      name: 'Remove two-factor authentication?',
    });
    expect(confirm).toHaveTextContent('The stored authenticator key will be deleted.');
    await user.click(within(confirm).getByRole('button', { name: 'Remove 2FA and save' }));
    await waitFor(() => expect(onClose).toHaveBeenCalled());
    expect(bodies[0]?.credential).toMatchObject({
      totp_type: 'email',
      totp: null,
      totp_identifier: 'codes@example.com',
    });
  });

  it('saves at once when the key is given again', async () => {
    const bodies = captureUpdate();
    const { user, onClose, queryClient } = renderEdit(passwordCredential());
    await user.type(screen.getByLabelText(/^Password\*?$/), PASSWORD);
    await user.type(screen.getByLabelText(/^Authenticator key\*?$/), TOTP_KEY);
    await user.click(screen.getByRole('button', { name: 'Save changes' }));
    await waitFor(() => expect(onClose).toHaveBeenCalled());
    expect(screen.queryByRole('dialog', { name: /Remove two-factor/ })).not.toBeInTheDocument();
    expect(bodies[0]?.credential).toMatchObject({ totp_type: 'authenticator', totp: TOTP_KEY });
    expectNoSecretsIn(cacheText(queryClient), [PASSWORD, TOTP_KEY]);
  });

  it('Change password opens on the password, with the key and scanner right below it', async () => {
    renderEdit(passwordCredential(), 'password');
    const password = screen.getByLabelText(/^Password\*?$/);
    await waitFor(() => expect(password).toHaveFocus());
    const key = screen.getByLabelText(/^Authenticator key\*?$/);
    const scan = screen.getByRole('button', { name: 'Scan QR code' });
    const username = screen.getByLabelText(/^Username\*?$/);
    const follows = (a: Element, b: Element) =>
      Boolean(a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING);
    expect(follows(password, scan)).toBe(true);
    expect(follows(scan, key)).toBe(true);
    expect(follows(key, username)).toBe(true);
  });

  it('the dialog host passes focus: password from an edit request through', async () => {
    const credential = passwordCredential();
    renderWithProviders(
      <CredentialDialogHost
        dialog={{ kind: 'edit', credential, focus: 'password' }}
        close={() => {}}
        opener={{ current: null }}
        fallbackFocus={{ current: null }}
      />,
    );
    const password = await screen.findByLabelText(/^Password\*?$/);
    await waitFor(() => expect(password).toHaveFocus());
  });
});

describe('Other 2FA kinds on edit', () => {
  it('keeps a passkey credential’s totp_type', async () => {
    const passkey = passwordCredential({
      credential: { username: 'jane@example.com', totp_type: 'passkey', totp_identifier: null },
    } as Partial<Credential>);
    const bodies = captureUpdate(passkey);
    const { user, onClose } = renderEdit(passkey);
    expect(screen.getByRole('radio', { name: 'Passkey' })).toBeChecked();
    await user.type(screen.getByLabelText(/^Password\*?$/), PASSWORD);
    await user.click(screen.getByRole('button', { name: 'Save changes' }));
    await waitFor(() => expect(onClose).toHaveBeenCalled());
    expect(bodies[0]?.credential).toMatchObject({ totp_type: 'passkey', totp: null });
  });

  it('offers what a scan learned (issuer, account) as the empty Name and Username', async () => {
    noCustomService();
    const { user } = renderCreate();
    await user.click(screen.getByRole('radio', { name: 'Authenticator app' }));
    await user.click(screen.getByRole('button', { name: 'Scan QR code' }));
    const scanner = await screen.findByRole('dialog', { name: 'Scan QR code' });
    await user.click(within(scanner).getByRole('tab', { name: 'Text' }));
    await user.click(within(scanner).getByLabelText('otpauth:// link or setup key'));
    await user.paste(`otpauth://totp/GitHub:jane%40example.com?secret=${TOTP_KEY}&issuer=GitHub`);
    await user.click(within(scanner).getByRole('button', { name: 'Check' }));
    await user.click(within(scanner).getByRole('button', { name: 'Use this key' }));

    const learned = await screen.findByRole('region', { name: 'From the QR code' });
    expect(learned).toHaveTextContent('GitHub');
    expect(learned).toHaveTextContent('jane@example.com');
    await user.click(within(learned).getByRole('button', { name: 'Use “GitHub” as the name' }));
    await user.click(
      within(learned).getByRole('button', { name: 'Use “jane@example.com” as the username' }),
    );
    expect(screen.getByLabelText(/^Name\*?$/)).toHaveValue('GitHub');
    expect(screen.getByLabelText(/^Username\*?$/)).toHaveValue('jane@example.com');
    // Filled fields are not offered again; nothing typed is overwritten.
    expect(within(learned).queryByRole('button')).not.toBeInTheDocument();
  });

  it('explains a custom-vault credential when no custom service is configured', async () => {
    noCustomService();
    renderEdit(cardCredential());
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('No custom credential service is configured');
    const link = screen.getByRole('link', { name: /Settings → Custom Credential Service/ });
    expect(link).toHaveAttribute('href', '/settings/custom-credential-service');
    expect(screen.queryByLabelText(/^Card number\*?$/)).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Save changes' })).not.toBeInTheDocument();
  });
});

describe('Card checks', () => {
  async function startCard() {
    noCustomService();
    const utils = renderCreate();
    await utils.user.click(screen.getByRole('radio', { name: /Credit card/ }));
    return utils;
  }

  it('asks American Express for a 4-digit CID and other brands for 3 digits', async () => {
    const { user } = await startCard();
    const cvv = screen.getByLabelText(/^CVV\*?$/);
    await user.type(screen.getByLabelText(/^Card number\*?$/), '378282246310005');
    expect(cvv).toHaveAttribute('maxLength', '4');
    expect(cvv).toHaveAccessibleDescription('4-digit CID on the front of the card');
    await user.type(cvv, '123');
    await user.click(screen.getByRole('button', { name: 'Create credential' }));
    expect(
      await screen.findByText('American Express cards have a 4-digit CID on the front.'),
    ).toBeInTheDocument();

    const number = screen.getByLabelText(/^Card number\*?$/);
    await user.clear(number);
    await user.type(number, '4242424242424242');
    expect(cvv).toHaveAttribute('maxLength', '3');
    expect(cvv).toHaveAccessibleDescription(/3 digits on the back/);
    await user.clear(cvv);
    await user.type(cvv, '12');
    await user.click(screen.getByRole('button', { name: 'Create credential' }));
    expect(
      await screen.findByText('The CVV is the 3 digits on the back of the card.'),
    ).toBeInTheDocument();
  });

  it('shows the brand while the number is typed and checks it with Luhn', async () => {
    const { user } = await startCard();
    const number = screen.getByLabelText(/^Card number\*?$/);
    await user.type(number, '3782');
    expect(number).toHaveAccessibleDescription('Looks like American Express.');
    await user.type(number, '82246310006');
    await user.click(screen.getByRole('button', { name: 'Create credential' }));
    expect(await screen.findByText(/check digit does not match/)).toBeInTheDocument();
    await user.clear(number);
    await user.type(number, '378282246310005');
    expect(number).toHaveAccessibleDescription('American Express number, check digit OK.');
  });
});

describe('Password generator', () => {
  it('fills the password field with a generated password and keeps it nowhere else', async () => {
    noCustomService();
    const { user, queryClient } = renderCreate();
    const generate = screen.getByRole('button', { name: 'Generate password' });
    expect(generate).toHaveAttribute('aria-expanded', 'false');
    await user.click(generate);
    const panel = await screen.findByRole(
      'group',
      { name: 'Generate a password' },
      // A lazy chunk: the first import is slow under a loaded test runner.
      { timeout: 10_000 },
    );
    const length = within(panel).getByLabelText('Length');
    await user.clear(length);
    await user.type(length, '32');
    await user.click(within(panel).getByRole('checkbox', { name: /Symbols/ }));
    await user.click(within(panel).getByRole('button', { name: 'Fill and copy' }));

    const field = screen.getByLabelText(/^Password\*?$/);
    const generated = (field as HTMLInputElement).value;
    expect(generated).toMatch(/^[A-Za-z0-9]{32}$/);
    expect(await navigator.clipboard.readText()).toBe(generated);
    // The panel is gone, and the password is in the field only.
    expect(screen.queryByRole('group', { name: 'Generate a password' })).not.toBeInTheDocument();
    expect(field).toHaveAttribute('type', 'password');
    expect(document.body.textContent).not.toContain(generated);
    expectNoSecretsIn(cacheText(queryClient), [generated]);
    // Web storage holds only the connection (base URL, API key), never the password.
    for (const storage of [localStorage, sessionStorage]) {
      const stored = Object.keys(storage).map((key) => `${key}=${storage.getItem(key) ?? ''}`);
      expectNoSecretsIn(stored.join('\n'), [generated]);
    }
  });
});
