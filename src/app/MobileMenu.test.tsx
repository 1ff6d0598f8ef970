import { describe, expect, it } from 'vitest';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { QueryClientProvider } from '@tanstack/react-query';
import { Route, Switch } from '../lib/router';
import { TestRouter } from '../test/router';
import { createTestQueryClient } from '../test/render';
import { Layout } from './Layout';

function renderLayout(path = '/credentials') {
  const user = userEvent.setup();
  render(
    <QueryClientProvider client={createTestQueryClient()}>
      <TestRouter path={path}>
        <Layout>
          <Switch>
            <Route path="/credentials">
              <h1>Credentials page</h1>
            </Route>
            <Route path="/two-factor">
              <h1>Codes page</h1>
            </Route>
          </Switch>
        </Layout>
      </TestRouter>
    </QueryClientProvider>,
  );
  return { user };
}

/* jsdom applies no media queries: the Menu button (a phone's) and the sidebar are both there. */
describe('the phone menu', () => {
  it('opens a titled sheet of every section and the theme, and a link moves focus to the new page', async () => {
    const { user } = renderLayout();
    const button = screen.getByRole('button', { name: 'Menu' });
    expect(button).toHaveAttribute('aria-expanded', 'false');
    await user.click(button);
    const menu = await screen.findByRole('dialog', { name: 'Menu' });
    expect(button).toHaveAttribute('aria-expanded', 'true');
    const nav = within(menu).getByRole('navigation', { name: 'Main' });
    expect(
      within(nav)
        .getAllByRole('link')
        .map((link) => link.textContent),
    ).toEqual([
      'Credentials',
      '2FA codes',
      'Import',
      'Connection',
      'Custom Credential Service',
      'Vault providers',
    ]);
    expect(within(nav).getByRole('link', { name: 'Credentials' })).toHaveAttribute(
      'aria-current',
      'page',
    );
    expect(within(menu).getByRole('combobox', { name: 'Theme' })).toBeInTheDocument();

    await user.click(within(nav).getByRole('link', { name: '2FA codes' }));
    expect(screen.queryByRole('dialog', { name: 'Menu' })).not.toBeInTheDocument();
    expect(window.location.pathname).toBe('/two-factor');
    await waitFor(() => expect(screen.getByRole('heading', { name: 'Codes page' })).toHaveFocus());
  });

  it('gives focus back to the Menu button on Escape, and on a link to the page already shown', async () => {
    const { user } = renderLayout();
    const button = screen.getByRole('button', { name: 'Menu' });
    await user.click(button);
    await screen.findByRole('dialog', { name: 'Menu' });
    await user.keyboard('{Escape}');
    await waitFor(() => expect(button).toHaveFocus());

    await user.click(button);
    const menu = await screen.findByRole('dialog', { name: 'Menu' });
    await user.click(within(menu).getByRole('link', { name: 'Credentials' }));
    expect(screen.queryByRole('dialog', { name: 'Menu' })).not.toBeInTheDocument();
    await waitFor(() => expect(button).toHaveFocus());
  });
});
