import { lazy, Suspense, type ComponentType } from 'react';
import { BrowserRouter, Navigate, Route, Routes } from 'react-router';
import { LoadingState } from '../components/ui/States';
import { CredentialsPage } from '../features/credentials/CredentialsPage';
import { Layout } from './Layout';
import { NotFoundPage } from './NotFoundPage';
import { RouteErrorBoundary } from './RouteError';

/*
 * The credentials list, where most visits start, is part of the first chunk so it renders without
 * a second round trip. Every other screen is its own lazily loaded chunk. The declarative router is used on purpose: the data-router APIs would
 * add about 25 KB gzip to the first load for features this console does not need.
 */
/** A lazily loaded screen from its module's named export (one helper: the first chunk pays once). */
function lazyPage<K extends string>(load: () => Promise<Record<K, ComponentType>>, name: K) {
  return lazy(async () => ({ default: (await load())[name] }));
}

const CredentialDetailPage = lazyPage(
  () => import('../features/credentials/CredentialDetailPage'),
  'CredentialDetailPage',
);
const TwoFactorPage = lazyPage(
  () => import('../features/two-factor/TwoFactorPage'),
  'TwoFactorPage',
);
const ConnectionPage = lazyPage(
  () => import('../features/connection/ConnectionPage'),
  'ConnectionPage',
);
const CustomCredentialServicePage = lazyPage(
  () => import('../features/custom-credential-service/CustomCredentialServicePage'),
  'CustomCredentialServicePage',
);

const ImportPage = lazyPage(() => import('../features/import/ImportPage'), 'ImportPage');

const VaultProvidersPage = lazyPage(
  () => import('../features/vault-providers/VaultProvidersPage'),
  'VaultProvidersPage',
);

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
          <Route path="import" element={<ImportPage />} />
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
