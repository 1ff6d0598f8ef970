import { lazy, Suspense } from 'react';
import { BrowserRouter, Navigate, Route, Routes } from 'react-router';
import { LoadingState } from '../components/ui/States';
import { CredentialsPage } from '../features/credentials/CredentialsPage';
import { Layout } from './Layout';
import { RouteErrorBoundary } from './RouteError';

/*
 * The credentials list, where most visits start, is part of the first chunk so it renders without
 * a second round trip. Every other screen is its own lazily loaded chunk. The declarative router is used on purpose: the data-router APIs would
 * add about 25 KB gzip to the first load for features this console does not need.
 */
const CredentialDetailPage = lazy(async () => ({
  default: (await import('../features/credentials/CredentialDetailPage')).CredentialDetailPage,
}));
const TwoFactorPage = lazy(async () => ({
  default: (await import('../features/two-factor/TwoFactorPage')).TwoFactorPage,
}));
const ConnectionPage = lazy(async () => ({
  default: (await import('../features/connection/ConnectionPage')).ConnectionPage,
}));
const CustomCredentialServicePage = lazy(async () => ({
  default: (await import('../features/custom-credential-service/CustomCredentialServicePage'))
    .CustomCredentialServicePage,
}));

// Rarely shown: its own chunk, which leaves first-load room for the login-test entry points.
const NotFoundPage = lazy(async () => ({ default: (await import('./NotFoundPage')).NotFoundPage }));

const VaultProvidersPage = lazy(async () => ({
  default: (await import('../features/vault-providers/VaultProvidersPage')).VaultProvidersPage,
}));

export function AppRoutes() {
  return (
    <BrowserRouter>
      <Routes>
        <Route
          element={
            <RouteErrorBoundary>
              <Suspense fallback={<LoadingState />}>
                <Layout />
              </Suspense>
            </RouteErrorBoundary>
          }
        >
          <Route index element={<Navigate to="/credentials" replace />} />
          <Route path="credentials" element={<CredentialsPage />} />
          <Route path="credentials/:credentialId" element={<CredentialDetailPage />} />
          <Route path="two-factor" element={<TwoFactorPage />} />
          <Route path="settings" element={<Navigate to="/settings/connection" replace />} />
          <Route path="settings/connection" element={<ConnectionPage />} />
          <Route
            path="settings/custom-credential-service"
            element={<CustomCredentialServicePage />}
          />
          <Route path="settings/vault-providers" element={<VaultProvidersPage />} />
          <Route path="*" element={<NotFoundPage />} />
        </Route>
      </Routes>
    </BrowserRouter>
  );
}
