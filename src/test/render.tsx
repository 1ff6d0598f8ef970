import { useEffect, type ReactElement, type ReactNode } from 'react';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { Route, Switch, useLocation } from '../lib/router';
import { TestRouter } from './router';
import { render } from '@testing-library/react';
import userEvent from '@testing-library/user-event';

export function createTestQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: { retry: false, gcTime: Infinity, staleTime: 0 },
      mutations: { retry: false },
    },
  });
}

let lastLocation = '';
function LocationProbe() {
  const location = useLocation();
  useEffect(() => {
    lastLocation = location.pathname + location.search;
  }, [location]);
  return null;
}

/** The current URL of the last rendered tree (path + search). */
export function currentLocation(): string {
  return lastLocation;
}

/**
 * Renders `ui` with a fresh QueryClient (no retries) and a router at `route` (jsdom's history).
 * `path` is the route pattern `ui` is mounted at (e.g. `/credentials/:credentialId`).
 */
export function renderWithProviders(
  ui: ReactElement,
  {
    route = '/',
    path = '*',
    queryClient = createTestQueryClient(),
  }: { route?: string; path?: string; queryClient?: QueryClient } = {},
) {
  const wrapper = ({ children }: { children: ReactNode }) => (
    <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>
  );
  const user = userEvent.setup();
  const result = render(
    <TestRouter path={route}>
      <LocationProbe />
      <Switch>
        {path === '*' ? <Route>{ui}</Route> : <Route path={path}>{ui}</Route>}
        <Route>
          <div>Elsewhere</div>
        </Route>
      </Switch>
    </TestRouter>,
    { wrapper },
  );
  return { ...result, user, queryClient };
}
