import { lazy, Suspense, type ComponentType } from 'react';
import { BrowserRouter, Navigate, Route, Switch } from '../lib/router';
import { LoadingState } from '../components/ui/States';
import { CredentialsPage } from '../features/credentials/CredentialsPage';
import { Layout } from './Layout';
import { CommandPaletteLauncher } from './palette/CommandPaletteLauncher';
import { RouteErrorBoundary } from './RouteError';

/*
 * The credentials list, where most visits start, is part of the first chunk so it renders without
 * a second round trip. Every other screen is its own lazily loaded chunk. The router is wouter
 * behind lib/router.tsx (docs/decisions/router.md).
 */

/** A lazily loaded screen from its module's named export (one helper: the first chunk pays once). */
function lazyPage<K extends string>(load: () => Promise<Record<K, ComponentType>>, name: K) {
  return lazy(async () => ({ default: (await load())[name] }));
}

// Rarely shown: kept out of the first load.
const NotFoundPage = lazyPage(() => import('./NotFoundPage'), 'NotFoundPage');
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
      <CommandPaletteLauncher />
      <RouteErrorBoundary>
        <Suspense fallback={<LoadingState />}>
          <Layout>
            <Switch>
              <Route path="/">
                <Navigate to="/credentials" />
              </Route>
              <Route path="/credentials">
                <CredentialsPage />
              </Route>
              <Route path="/credentials/:credentialId">
                <CredentialDetailPage />
              </Route>
              <Route path="/two-factor">
                <TwoFactorPage />
              </Route>
              <Route path="/import">
                <ImportPage />
              </Route>
              <Route path="/settings">
                <Navigate to="/settings/connection" />
              </Route>
              <Route path="/settings/connection">
                <ConnectionPage />
              </Route>
              <Route path="/settings/custom-credential-service">
                <CustomCredentialServicePage />
              </Route>
              <Route path="/settings/vault-providers">
                <VaultProvidersPage />
              </Route>
              <Route>
                <NotFoundPage />
              </Route>
            </Switch>
          </Layout>
        </Suspense>
      </RouteErrorBoundary>
    </BrowserRouter>
  );
}
