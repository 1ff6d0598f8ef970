import { useEffect, type ReactElement, type ReactNode } from 'react';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { MemoryRouter, Route, Routes, useLocation } from 'react-router';
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

/** The current in-memory URL of the last rendered tree (path + search). */
export function currentLocation(): string {
  return lastLocation;
}

/**
 * Renders `ui` with a fresh QueryClient (no retries) and a memory router at `route`.
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
    <MemoryRouter initialEntries={[route]}>
      <LocationProbe />
      <Routes>
        <Route path={path} element={ui} />
        {path !== '*' && <Route path="*" element={<div>Elsewhere</div>} />}
      </Routes>
    </MemoryRouter>,
    { wrapper },
  );
  return { ...result, user, queryClient };
}
