import type { ReactElement } from 'react';
import { QueryClientProvider } from '@tanstack/react-query';
import { BrowserRouter, Route, Switch } from '../lib/router';
import { render } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Layout } from '../app/Layout';
import { createTestQueryClient } from './render';

/**
 * Renders `ui` at `route` inside the real layout and a real BrowserRouter (jsdom's history), so
 * the layout's links and the browser's back button work as in the app. The history has one entry,
 * `/elsewhere`, before `route`.
 */
export function renderInLayout(ui: ReactElement, { route }: { route: string }) {
  window.history.replaceState(null, '', '/elsewhere');
  window.history.pushState(null, '', route);
  const queryClient = createTestQueryClient();
  const user = userEvent.setup();
  const path = new URL(route, 'http://localhost').pathname;
  const result = render(
    <QueryClientProvider client={queryClient}>
      <BrowserRouter>
        <Layout>
          <Switch>
            <Route path={path}>{ui}</Route>
            <Route>
              <p>Somewhere else</p>
            </Route>
          </Switch>
        </Layout>
      </BrowserRouter>
    </QueryClientProvider>,
  );
  return { ...result, user, queryClient };
}
