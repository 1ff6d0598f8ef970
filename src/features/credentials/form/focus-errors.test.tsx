import { http, HttpResponse } from 'msw';
import { describe, expect, it, vi } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import type { UserEvent } from '@testing-library/user-event';
import { apiUrl, server } from '../../../test/msw';
import { renderWithProviders } from '../../../test/render';
import { noCustomService } from '../test/fixtures';
import { CredentialFormDialog } from '../dialogs/CredentialFormDialog';

function renderCreate() {
  return renderWithProviders(
    <CredentialFormDialog mode="create" onClose={vi.fn()} onCloseAutoFocus={() => {}} />,
  );
}

function answer422(detail: Array<{ loc: string[]; msg: string }>) {
  server.use(
    http.post(apiUrl('/v1/credentials'), () =>
      HttpResponse.json(
        { detail: detail.map((item) => ({ ...item, type: 'value_error' })) },
        { status: 422 },
      ),
    ),
  );
}

async function fillPassword(user: UserEvent) {
  await user.type(screen.getByLabelText(/^Name\*?$/), 'Acme portal');
  await user.type(screen.getByLabelText(/^Username\*?$/), 'jane@example.com');
  await user.type(screen.getByLabelText(/^Password\*?$/), 'hunter2-hunter2');
}

const PASSWORD_BRANCH = 'function-after[x(), NonEmptyPasswordCredential]';

describe('a failed submit focuses the first invalid field', () => {
  it('in reading order, even a field the form library cannot focus (the authenticator key)', async () => {
    noCustomService();
    const { user } = renderCreate();
    const scrolled = vi.spyOn(Element.prototype, 'scrollIntoView');
    await fillPassword(user);
    await user.click(screen.getByRole('radio', { name: 'Authenticator app' }));
    await user.click(screen.getByRole('button', { name: 'Create credential' }));
    const key = await screen.findByLabelText(/^Authenticator key\*?$/);
    await waitFor(() => expect(key).toHaveFocus());
    expect(scrolled).toHaveBeenCalled();
  }, 30_000);

  it('the first of several, top to bottom', async () => {
    noCustomService();
    const { user } = renderCreate();
    await user.type(screen.getByLabelText(/^Name\*?$/), 'Acme portal');
    await user.click(screen.getByRole('button', { name: 'Create credential' }));
    await waitFor(() => expect(screen.getByLabelText(/^Username\*?$/)).toHaveFocus());
    expect(screen.getByLabelText(/^Password\*?$/)).toHaveAttribute('aria-invalid', 'true');
  }, 30_000);

  it('puts a 422 on the 2FA choice at the radio group, and focuses its checked radio', async () => {
    noCustomService();
    answer422([
      {
        loc: ['body', 'credential', PASSWORD_BRANCH, 'totp_type'],
        msg: "Input should be 'authenticator', 'email', 'text' or 'none'",
      },
    ]);
    const { user } = renderCreate();
    await fillPassword(user);
    await user.click(screen.getByRole('button', { name: 'Create credential' }));
    const group = screen.getByRole('group', { name: 'Two-factor authentication' });
    expect(
      await within(group).findByText("Input should be 'authenticator', 'email', 'text' or 'none'"),
    ).toBeInTheDocument();
    expect(group).toHaveAccessibleDescription(/Input should be/);
    await waitFor(() => expect(within(group).getByRole('radio', { name: 'None' })).toHaveFocus());
    expect(screen.getByText(/Check the highlighted field/)).toBeInTheDocument();
  }, 30_000);

  it('puts a 422 on the credential type at the Type group', async () => {
    noCustomService();
    answer422([{ loc: ['body', 'credential_type'], msg: 'Unsupported credential type' }]);
    const { user } = renderCreate();
    await fillPassword(user);
    await user.click(screen.getByRole('button', { name: 'Create credential' }));
    const group = screen.getByRole('group', { name: 'Type' });
    expect(await within(group).findByText('Unsupported credential type')).toBeInTheDocument();
    await waitFor(() =>
      expect(within(group).getByRole('radio', { name: /Password/ })).toHaveFocus(),
    );
  }, 30_000);

  it('never says "check the highlighted field" when the field is not on screen', async () => {
    noCustomService();
    // 2FA is "None", so there is no email field to highlight.
    answer422([
      { loc: ['body', 'credential', PASSWORD_BRANCH, 'totp_identifier'], msg: 'Not an email' },
    ]);
    const { user } = renderCreate();
    await fillPassword(user);
    await user.click(screen.getByRole('button', { name: 'Create credential' }));
    expect(await screen.findByRole('listitem')).toHaveTextContent('Not an email');
    expect(screen.queryByText(/Check the highlighted/)).not.toBeInTheDocument();
  }, 30_000);
});
