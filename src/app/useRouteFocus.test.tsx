import { lazy, Suspense } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { act, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ReactNode } from 'react';
import { Link, Navigate, Route, Switch } from '../lib/router';
import { TestRouter } from '../test/router';
import { useRouteFocus } from './useRouteFocus';

function Shell({ children }: { children: ReactNode }) {
  useRouteFocus();
  return (
    <>
      <nav>
        <Link to="/a">Page A</Link>
        <Link to="/lazy">Lazy page</Link>
      </nav>
      <main id="main">
        <Suspense fallback={<p>Loading…</p>}>{children}</Suspense>
      </main>
    </>
  );
}

let releaseLazy: () => void = () => {};
const LazyPage = lazy(
  () =>
    new Promise<{ default: () => React.JSX.Element }>((resolve) => {
      releaseLazy = () => resolve({ default: () => <h1>Lazy heading</h1> });
    }),
);

function renderApp(start = '/') {
  const scrollTo = vi.spyOn(window, 'scrollTo').mockImplementation(() => {});
  const user = userEvent.setup();
  render(
    <TestRouter path={start}>
      <Shell>
        <Switch>
          <Route path="/">
            <Navigate to="/a" />
          </Route>
          <Route path="/a">
            <h1>Heading A</h1>
          </Route>
          <Route path="/lazy">
            <LazyPage />
          </Route>
        </Switch>
      </Shell>
    </TestRouter>,
  );
  return { user, scrollTo };
}

describe('useRouteFocus', () => {
  it('leaves focus and scroll alone on first load, even through a start-up redirect', () => {
    const { scrollTo } = renderApp('/');
    expect(screen.getByRole('heading', { name: 'Heading A' })).toBeInTheDocument();
    expect(document.body).toHaveFocus();
    expect(scrollTo).not.toHaveBeenCalled();
  });

  it('scrolls to the top and focuses the new page’s h1 once a lazy page has loaded', async () => {
    const { user, scrollTo } = renderApp('/a');
    await user.click(screen.getByRole('link', { name: 'Lazy page' }));
    // While the chunk loads, Suspense keeps the old page in the DOM, hidden: its h1 is not the one.
    await act(async () => {
      releaseLazy();
      await Promise.resolve();
    });
    const heading = await screen.findByRole('heading', { name: 'Lazy heading' });
    await vi.waitFor(() => expect(heading).toHaveFocus());
    expect(heading).toHaveAttribute('tabindex', '-1');
    expect(scrollTo).toHaveBeenCalledWith(0, 0);

    await user.click(screen.getByRole('link', { name: 'Page A' }));
    expect(screen.getByRole('heading', { name: 'Heading A' })).toHaveFocus();
  });
});
